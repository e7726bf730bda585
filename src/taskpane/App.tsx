import { Button, Caption1, FluentProvider, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import type { PaneStart } from "./host";
import { OutsideOffice } from "./OutsideOffice";
import { say, UI } from "./strings";
import { useHostConnection } from "./useHostConnection";
import { useLanguage } from "./useLanguage";
import { useOfficeTheme } from "./useOfficeTheme";
import { Workspace } from "./Workspace";

const useStyles = makeStyles({
  // On a div inside the provider: Fluent copies the provider's own classes onto every portal's mount node.
  page: {
    minHeight: "100vh",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // Lines stay readable on a wide window (Excel on the web with a wide pane, a laptop's full screen).
  content: { flexGrow: 1, width: "100%", maxWidth: "760px", marginLeft: "auto", marginRight: "auto" },
  waiting: { padding: tokens.spacingHorizontalM },
  // Branding at the bottom, as Microsoft's add-in guidance has it; the language switch with it, away from
  // the top right corner where Office on Mac puts its own menu.
  footer: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    color: tokens.colorNeutralForeground2,
    width: "100%",
    maxWidth: "760px",
    boxSizing: "border-box",
    marginLeft: "auto",
    marginRight: "auto",
  },
});

export interface AppProps {
  /** Office's answer and the first look at the workbook, asked for before the pane first renders. */
  starting: Promise<PaneStart>;
  /** The same, when it came before the first render. */
  known?: PaneStart;
  command: "validate" | undefined;
}

/** The pane's frame: Office's language and theme, what fits where it runs, and the brand at the bottom. */
export function App({ starting, known, command }: AppProps) {
  const styles = useStyles();
  const start = useHostConnection(starting, known);
  const connection = start?.connection;
  const look = connection?.kind === "excel" ? connection.look : connection?.look;
  const { lang, toggle } = useLanguage(look?.displayLanguage);
  const theme = useOfficeTheme(look);
  return (
    <FluentProvider theme={theme}>
      <div className={styles.page}>
        <header>
          <h1 className="visually-hidden">{say(UI.appTitle, lang)}</h1>
        </header>
        <div className={styles.content}>
          {connection === undefined ? (
            <main className={styles.waiting}>
              <Spinner size="small" label={say(UI.connecting, lang)} />
            </main>
          ) : connection.kind === "outside" ? (
            <main className={styles.waiting}>
              <OutsideOffice lang={lang} reason={connection.reason} host={connection.host} />
            </main>
          ) : (
            <Workspace
              connection={connection}
              mayHoldReport={start?.mayHoldReport}
              command={command}
              lang={lang}
            />
          )}
        </div>
        <footer className={styles.footer}>
          <Caption1>{say(UI.brand, lang)}</Caption1>
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
        </footer>
      </div>
    </FluentProvider>
  );
}
