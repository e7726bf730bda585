import { Button, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo } from "react";
import type { Lang } from "../i18n";
import { FillerView } from "./FillerView";
import { FirstRunSteps } from "./FirstRunSteps";
import type { ExcelConnection } from "./host";
import { profileChoices } from "./profile-choices";
import { StatusLine } from "./StatusLine";
import { say, UI } from "./strings";
import { useReportSession } from "./useReportSession";

/** The report's views load on demand: the first view (insert a template) does not need them. */
const ReportPane = lazy(() =>
  import(/* webpackChunkName: "report" */ "./ReportPane").then((m) => ({ default: m.ReportPane })),
);

const useStyles = makeStyles({
  top: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0` },
  waiting: { padding: tokens.spacingHorizontalM },
});

export interface WorkspaceProps {
  connection: ExcelConnection;
  /** Whether the workbook may hold a report, when the pane has looked already (startPane). */
  mayHoldReport?: boolean;
  command: "validate" | undefined;
  lang: Lang;
}

/** How long focus waits for an action's result to be on screen. */
const FOCUS_WAIT_MS = 5000;

/** Moves focus to where an action's result is, once it is on screen (a view loaded on demand may lag). */
function useFocusAfterActions(target: string | undefined, tick: number) {
  useEffect(() => {
    if (!target || tick === 0) return;
    // By time, not by frames: on a busy computer a view loaded on demand can take many more frames than
    // usual to arrive (seen in the e2e journeys: focus never moved after 30 frames).
    const deadline = performance.now() + FOCUS_WAIT_MS;
    let frame = 0;
    const place = () => {
      const element = document.querySelector<HTMLElement>(`[data-focus-target="${target}"]`);
      if (!element) {
        if (performance.now() < deadline) frame = requestAnimationFrame(place);
        return;
      }
      element.focus({ preventScroll: true });
      // Into view below the fixed command bar, never under it.
      const bar = document.querySelector('[data-testid="command-bar"]');
      const barBottom = bar && !bar.contains(element) ? bar.getBoundingClientRect().bottom : 0;
      const top = element.getBoundingClientRect().top;
      if (top < barBottom || top > window.innerHeight - 40) window.scrollBy(0, top - barBottom - 8);
    };
    frame = requestAnimationFrame(place);
    return () => cancelAnimationFrame(frame);
  }, [target, tick]);
}

/** Inside Excel: the filler's setup while the workbook holds no report, the report's pane once it does. */
export function Workspace({ connection, mayHoldReport, command, lang }: WorkspaceProps) {
  const styles = useStyles();
  const session = useReportSession(connection, command, lang, mayHoldReport);
  const { state, engine } = session;
  const choices = useMemo(() => profileChoices(), []);
  const busy = state.busy !== undefined;
  useFocusAfterActions(state.focus, state.focusTick);

  const refreshSpec = useMemo(
    () =>
      engine && state.report
        ? (engine.newestOf(engine.bundledSpecs(), state.report.spec.specId) ?? state.report.spec)
        : undefined,
    [engine, state.report],
  );

  if (state.phase === "report" && state.report && refreshSpec) {
    return (
      <Suspense
        fallback={<Spinner className={styles.waiting} size="small" label={say(UI.loadingReport, lang)} />}
      >
        <ReportPane lang={lang} session={session} refreshSpec={refreshSpec} />
      </Suspense>
    );
  }
  if (state.phase === "filler") {
    return (
      <main>
        <div className={styles.top}>
          <FirstRunSteps lang={lang} current={1} />
        </div>
        <FillerView
          spec={choices}
          lang={lang}
          busy={busy}
          onInsert={(profile) => void session.insert(profile)}
          status={
            <StatusLine
              lang={lang}
              state={{
                ...state,
                ...(state.exists
                  ? {
                      notice: {
                        intent: "info",
                        text: state.exists.specId
                          ? {
                              zh: say(UI.exists, "zh", {
                                unit: unitName(choices, state.exists.unitId, "zh"),
                              }),
                              en: say(UI.exists, "en", {
                                unit: unitName(choices, state.exists.unitId, "en"),
                              }),
                            }
                          : UI.existsUnreadable,
                        next: state.exists.specId ? UI.refreshHint : undefined,
                      },
                    }
                  : {}),
              }}
              onDismiss={session.dismiss}
              action={
                state.exists?.specId ? (
                  <Button disabled={busy} onClick={() => void session.refresh()} data-testid="refresh">
                    {say(UI.refreshTemplate, lang)}
                  </Button>
                ) : undefined
              }
            />
          }
        />
      </main>
    );
  }
  return (
    <main className={styles.waiting}>
      <StatusLine lang={lang} state={state} onDismiss={session.dismiss} />
    </main>
  );
}

function unitName(choices: ReturnType<typeof profileChoices>, unitId: string, lang: Lang): string {
  const unit = choices.units.find((u) => u.id === unitId);
  return unit ? (lang === "zh" ? unit.name : unit.en) : unitId;
}
