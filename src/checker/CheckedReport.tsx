import { Body1, Button, Caption1, makeStyles, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { format, pick, type Lang } from "../i18n";
import { CurrentProblem } from "../taskpane/navigator/CurrentProblem";
import { IssueNavigator } from "../taskpane/navigator/IssueNavigator";
import {
  filterProblems,
  NO_FILTER,
  problemsOf,
  stepFrom,
  type Problem,
  type ProblemFilter,
} from "../taskpane/navigator/problems";
import { requirementProgress } from "../taskpane/navigator/progress";
import { ReportOverview } from "../taskpane/navigator/ReportOverview";
import { NAV } from "../taskpane/navigator/words";
import type { LocalizedText } from "../spec/schema";
import { describeFailure } from "./failure";
import { profileText, type RefreshSummary } from "../taskpane/refresh-summary";
import { RefreshSummaryView } from "../taskpane/RefreshSummaryView";
import { say, UI } from "../taskpane/strings";
import { saveBytes } from "./download";
import { copyName, type CheckedWorkbook } from "./host";
import { CHECKER } from "./words";

const useStyles = makeStyles({
  report: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground2 },
  failed: { color: tokens.colorPaletteRedForeground1 },
  // Stays in sight at the top while the list scrolls under it, as the pane's command bar does.
  current: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    boxShadow: tokens.shadow4,
  },
  steps: { display: "flex", gap: tokens.spacingHorizontalS },
});

type Making = "annotated" | "refreshed";
type DownloadState =
  | { kind: "idle" }
  | { kind: "making"; what: Making }
  | { kind: "saved"; file: string; refresh?: RefreshSummary }
  | { kind: "failed"; reason: LocalizedText };

export interface CheckedReportProps {
  lang: Lang;
  checked: CheckedWorkbook;
}

/**
 * A checked workbook: where it stands (the pane's overview), its downloads, and its problems (the pane's
 * navigator). A page cannot select a cell in the person's Excel: choosing a problem says where it is.
 */
export function CheckedReport({ lang, checked }: CheckedReportProps) {
  const styles = useStyles();
  const ids = useId();
  const { report, issues, newerSpec, fileName } = checked;
  const { spec, profile, layout, reading } = report;
  const [filter, setFilter] = useState<ProblemFilter>(NO_FILTER);
  const [currentKey, setCurrentKey] = useState<string | undefined>(undefined);
  const [download, setDownload] = useState<DownloadState>({ kind: "idle" });

  const problems = useMemo(() => problemsOf(issues), [issues]);
  const shown = useMemo(() => filterProblems(problems, filter), [problems, filter]);
  const progress = useMemo(() => requirementProgress(layout, reading), [layout, reading]);
  const current = shown.find((p) => p.key === currentKey);
  const position = current ? shown.indexOf(current) + 1 : 0;
  const select = (problem: Problem | undefined) => problem && setCurrentKey(problem.key);

  const unit = spec.units.find((u) => u.id === profile.unitId);
  const version = format(pick(CHECKER.guideline, lang), {
    title: pick(spec.title, lang),
    version: spec.specVersion,
    state: newerSpec
      ? format(pick(CHECKER.newer, lang), { version: newerSpec.specVersion })
      : pick(CHECKER.latest, lang),
  });

  const make = async (what: Making) => {
    setDownload({ kind: "making", what });
    try {
      // The writer (ExcelJS) loads here, on the first download, never before.
      const writer = await import(/* webpackChunkName: "writer" */ "./writer");
      if (what === "annotated") {
        const name = copyName(CHECKER.annotatedName, fileName, lang);
        saveBytes(await writer.annotatedCopy(checked, lang), name);
        setDownload({ kind: "saved", file: name });
      } else {
        const name = copyName(CHECKER.refreshedName, fileName, lang);
        const copy = await writer.refreshedCopy(checked);
        saveBytes(copy.bytes, name);
        // Said, never silent: a value with no place in the new version is on a sheet of its own.
        setDownload({ kind: "saved", file: name, refresh: copy.summary });
      }
    } catch (err) {
      setDownload({ kind: "failed", reason: describeFailure(err) });
    }
  };
  const busy = download.kind === "making";

  return (
    <div className={styles.report} data-testid="report" data-check-ms={checked.checkMs.toFixed(2)}>
      <ReportOverview
        lang={lang}
        unit={unit ? (lang === "zh" ? unit.name : unit.en) : profile.unitId}
        profile={pick(profileText(spec, profile.categories) ?? NAV.noCategories, lang)}
        guideline={version}
        progress={progress}
      />

      <section className={styles.section} aria-labelledby={`${ids}-downloads`}>
        <Subtitle2 as="h2" id={`${ids}-downloads`} className={styles.heading}>
          {pick(CHECKER.downloadsTitle, lang)}
        </Subtitle2>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void make("annotated")}
            aria-describedby={`${ids}-annotated-hint`}
            data-testid="download-annotated"
          >
            {pick(CHECKER.annotated, lang)}
          </Button>
          {newerSpec && (
            <Button
              disabled={busy}
              onClick={() => void make("refreshed")}
              aria-describedby={`${ids}-refreshed-hint`}
              data-testid="download-refreshed"
            >
              {pick(CHECKER.refreshed, lang)}
            </Button>
          )}
        </div>
        <Caption1 id={`${ids}-annotated-hint`} className={styles.hint}>
          {pick(CHECKER.annotatedHint, lang)}
        </Caption1>
        {newerSpec ? (
          <Caption1 id={`${ids}-refreshed-hint`} className={styles.hint} data-testid="refreshed-hint">
            {format(pick(CHECKER.refreshedHint, lang), {
              from: spec.specVersion,
              to: newerSpec.specVersion,
            })}
          </Caption1>
        ) : (
          <Caption1 className={styles.hint} data-testid="refresh-current">
            {format(pick(CHECKER.current, lang), { version: spec.specVersion })}
          </Caption1>
        )}
        <div aria-live="polite" data-testid="download-status">
          {download.kind === "making" && <Spinner size="tiny" label={pick(CHECKER.preparing, lang)} />}
          {download.kind === "saved" && (
            <Body1 data-testid="download-saved">
              {format(pick(CHECKER.saved, lang), { file: download.file })}
            </Body1>
          )}
          {download.kind === "failed" && (
            <Body1 className={styles.failed} role="alert">
              {format(pick(CHECKER.failed, lang), { reason: pick(download.reason, lang) })}
            </Body1>
          )}
        </div>
        {download.kind === "saved" && download.refresh && (
          <RefreshSummaryView
            lang={lang}
            summary={download.refresh}
            title={CHECKER.refreshedSummary}
            onClose={() => setDownload({ kind: "saved", file: download.file })}
          />
        )}
      </section>

      <div className={styles.section}>
        {shown.length > 0 && (
          <div className={styles.current} aria-live="polite">
            <div className={styles.steps}>
              <Button
                size="small"
                onClick={() => select(stepFrom(shown, currentKey, -1))}
                data-testid="previous"
              >
                {say(UI.previous, lang)}
              </Button>
              <Button size="small" onClick={() => select(stepFrom(shown, currentKey, 1))} data-testid="next">
                {say(UI.next, lang)}
              </Button>
            </div>
            {current && (
              <>
                <CurrentProblem lang={lang} problem={current} position={position} total={shown.length} />
                {current.at && (
                  <Caption1 className={styles.hint}>{pick(CHECKER.problemShown, lang)}</Caption1>
                )}
              </>
            )}
          </div>
        )}
        <IssueNavigator
          lang={lang}
          problems={problems}
          filter={filter}
          onFilter={setFilter}
          currentKey={currentKey}
          onSelect={select}
        />
      </div>
    </div>
  );
}
