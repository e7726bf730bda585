import {
  Button,
  FluentProvider,
  makeStyles,
  Spinner,
  Title3,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { WorkbookFactory } from "./host";
import { OutsideOffice } from "./OutsideOffice";
import { say, UI } from "./strings";
import { useHostConnection } from "./useHostConnection";
import { useLanguage } from "./useLanguage";
import { Workspace } from "./Workspace";

const useStyles = makeStyles({
  // On a div inside the provider: Fluent copies the provider's own classes onto every portal's mount node.
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground1 },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  main: { padding: tokens.spacingHorizontalM },
});

export interface AppProps {
  createWorkbook: WorkbookFactory;
  command: "validate" | undefined;
}

/** The pane's frame: title, language switch, and what fits where it runs (Excel, or a plain browser). */
export function App({ createWorkbook, command }: AppProps) {
  const styles = useStyles();
  const { lang, toggle } = useLanguage();
  const connection = useHostConnection(createWorkbook);
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.page}>
        <header className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            {say(UI.appTitle, lang)}
          </Title3>
          <Button
            size="small"
            appearance="subtle"
            onClick={toggle}
            title={say(UI.switchLanguageLabel, lang)}
            lang={lang === "zh" ? "en" : "zh-CN"}
            data-testid="switch-language"
          >
            {say(UI.switchLanguage, lang)}
          </Button>
        </header>
        <main className={styles.main}>
          {connection === undefined ? (
            <Spinner size="small" label={say(UI.connecting, lang)} />
          ) : connection.kind === "outside" ? (
            <OutsideOffice lang={lang} reason={connection.reason} host={connection.host} />
          ) : (
            <Workspace workbook={connection.workbook} command={command} lang={lang} />
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
