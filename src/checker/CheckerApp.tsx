import {
  Body1,
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title3,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { format, pick, type Lang } from "../i18n";
import type { LocalizedText } from "../spec/schema";
import { say, UI } from "../taskpane/strings";
import { useLanguage } from "../taskpane/useLanguage";
import { describeFailure } from "./failure";
import type { CheckedWorkbook } from "./host";
import { OpenWorkbook } from "./OpenWorkbook";
import { readChosenFile } from "./read-file";
import { CHECKER } from "./words";

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  column: {
    width: "100%",
    maxWidth: "880px",
    marginLeft: "auto",
    marginRight: "auto",
    boxSizing: "border-box",
    padding: `0 ${tokens.spacingHorizontalL}`,
  },
  header: {
    display: "flex",
    alignItems: "flex-start",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalM,
    paddingTop: tokens.spacingVerticalL,
    paddingBottom: tokens.spacingVerticalM,
  },
  title: { margin: 0 },
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  hint: { color: tokens.colorNeutralForeground2 },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXL,
    paddingBottom: tokens.spacingVerticalXXL,
  },
  template: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  templateOpen: { marginTop: tokens.spacingVerticalL },
  footer: {
    marginTop: "auto",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    textAlign: "center",
  },
});

type ReportView = typeof import("./report-view");

/** The template form (and the spec's provinces and categories) loads when asked for. */
const TemplateMaker = lazy(() =>
  import(/* webpackChunkName: "template" */ "./TemplateMaker").then((m) => ({ default: m.TemplateMaker })),
);

type State =
  | { kind: "empty" }
  | { kind: "reading"; file: string }
  | { kind: "checked"; checked: CheckedWorkbook; view: ReportView }
  | { kind: "failed"; message: LocalizedText };

/** The checker's page: open a returned workbook and see its problems; or make a blank template. */
export function CheckerApp() {
  const styles = useStyles();
  // No Office here: the person's own choice, else Chinese.
  const { lang, toggle } = useLanguage(undefined);
  const [state, setState] = useState<State>({ kind: "empty" });
  // The template form is for the clerk who makes templates, not for every reviewer: shown when asked.
  const [templateOpen, setTemplateOpen] = useState(false);

  const open = async (file: File) => {
    setState({ kind: "reading", file: file.name });
    try {
      if (!/\.xlsx$/i.test(file.name)) {
        setState({
          kind: "failed",
          message: {
            zh: format(CHECKER.unreadable.zh, { file: file.name, reason: CHECKER.notXlsx.zh }),
            en: format(CHECKER.unreadable.en, { file: file.name, reason: CHECKER.notXlsx.en }),
          },
        });
        return;
      }
      // The reader, the spec and the rules load with the first workbook (a chunk of their own).
      const [bytes, view] = await Promise.all([
        readChosenFile(file),
        import(/* webpackChunkName: "report" */ "./report-view"),
      ]);
      const outcome = view.checkWorkbook(bytes, file.name);
      setState(
        outcome.ok
          ? { kind: "checked", checked: outcome.checked, view }
          : { kind: "failed", message: outcome.message },
      );
    } catch (err) {
      setState({ kind: "failed", message: describeFailure(err) });
    }
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={`${styles.column} ${styles.header}`}>
          <div className={styles.intro}>
            <Title3 as="h1" className={styles.title}>
              {pick(CHECKER.title, lang)}
            </Title3>
            <Body1>{pick(CHECKER.intro, lang)}</Body1>
          </div>
          <Button
            size="small"
            appearance="subtle"
            onClick={toggle}
            aria-label={`${say(UI.switchLanguage, lang)} · ${say(UI.switchLanguageLabel, lang)}`}
            lang={lang === "zh" ? "en" : "zh-CN"}
            data-testid="switch-language"
          >
            {say(UI.switchLanguage, lang)}
          </Button>
        </header>
        <main className={`${styles.column} ${styles.main}`}>
          <OpenedStatus lang={lang} state={state} onFile={(file) => void open(file)} />
          {state.kind === "checked" && <state.view.CheckedReport lang={lang} checked={state.checked} />}
          <div className={styles.template}>
            {templateOpen ? (
              <Suspense fallback={<Spinner size="tiny" />}>
                <TemplateMaker lang={lang} />
              </Suspense>
            ) : (
              <Button
                className={styles.templateOpen}
                aria-expanded={false}
                onClick={() => setTemplateOpen(true)}
                data-testid="open-template"
              >
                {pick(CHECKER.templateTitle, lang)}…
              </Button>
            )}
          </div>
        </main>
        <footer className={styles.footer}>
          <Caption1>
            {say(UI.brand, lang)} · {pick(CHECKER.privacy, lang)}
          </Caption1>
        </footer>
      </div>
    </FluentProvider>
  );
}

function OpenedStatus({ lang, state, onFile }: { lang: Lang; state: State; onFile(file: File): void }) {
  return (
    <>
      <OpenWorkbook lang={lang} busy={state.kind === "reading"} onFile={onFile} />
      <div aria-live="polite" data-testid="open-status">
        {state.kind === "reading" && (
          <Spinner size="tiny" label={format(pick(CHECKER.reading, lang), { file: state.file })} />
        )}
        {state.kind === "checked" && (
          <Body1 data-testid="opened">
            {format(pick(CHECKER.opened, lang), { file: state.checked.fileName })}
          </Body1>
        )}
        {state.kind === "failed" && (
          <MessageBar intent="error" layout="multiline" data-testid="open-failed">
            <MessageBarBody>{pick(state.message, lang)}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}
