import {
  Body1,
  Caption1,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { pick, type Lang } from "../i18n";
import { compareVersions } from "../refresh/versions";
import type { Spec } from "../spec/schema";
import { CommandBar } from "./CommandBar";
import { FirstRunSteps } from "./FirstRunSteps";
import { CurrentProblem } from "./navigator/CurrentProblem";
import { IssueNavigator, type IssueNavigatorProps } from "./navigator/IssueNavigator";
import {
  filterProblems,
  NO_FILTER,
  problemsOf,
  stepFrom,
  type Problem,
  type ProblemFilter,
} from "./navigator/problems";
import { requirementProgress } from "./navigator/progress";
import { ReportOverview } from "./navigator/ReportOverview";
import { NAV } from "./navigator/words";
import { ProfileEditor } from "./ProfileEditor";
import { describeRefresh, profileText } from "./refresh-summary";
import { RefreshSummaryView } from "./RefreshSummaryView";
import { StatusLine } from "./StatusLine";
import { say, UI } from "./strings";
import { UndoRefresh } from "./UndoRefresh";
import type { ReportSession } from "./useReportSession";
import { useReviewMarks } from "./review/useReviewMarks";

// The reviewer's parts load on demand, in one chunk of their own (webpack merges the same chunk name).
const reviewParts = () => import(/* webpackChunkName: "review" */ "./review");
const ReviewPanel = lazy(() => reviewParts().then((m) => ({ default: m.ReviewPanel })));
const ProblemReview = lazy(() => reviewParts().then((m) => ({ default: m.ProblemReview })));
const ReturnedMarks = lazy(() => reviewParts().then((m) => ({ default: m.ReturnedMarks })));

const useStyles = makeStyles({
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  fixed: { color: tokens.colorPaletteGreenForeground1 },
  results: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Where focus lands after an action: marked, but clear of the text.
  landing: {
    borderRadius: tokens.borderRadiusMedium,
    ":focus": { outline: "none" },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "4px",
    },
  },
  note: { color: tokens.colorNeutralForeground2 },
  limits: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const REVIEWER_KEY = "ip-report.pane.reviewer";

function rememberedReviewer(): boolean {
  try {
    return globalThis.localStorage?.getItem(REVIEWER_KEY) === "1";
  } catch {
    return false;
  }
}

export interface ReportPaneProps {
  lang: Lang;
  session: ReportSession;
  /** The spec a refresh goes to (the newest bundled one): its categories are offered for a new profile. */
  refreshSpec: Spec;
}

/**
 * A report is open (the reviewer's view, and the filler's once the template is in): the fixed command bar,
 * then where the report stands and its problems. Loaded on demand: the first view does not need it.
 */
export function ReportPane({ lang, session, refreshSpec }: ReportPaneProps) {
  const styles = useStyles();
  const { state } = session;
  const report = state.report!;
  const { spec, profile, layout, reading } = report;
  const busy = state.busy !== undefined;
  const validation = state.validation;

  const [editingProfile, setEditingProfile] = useState(false);
  const [filter, setFilter] = useState<ProblemFilter>(NO_FILTER);
  const [currentKey, setCurrentKey] = useState<string | undefined>(undefined);
  const [reviewer, setReviewer] = useState(rememberedReviewer);
  const review = useReviewMarks(session);
  const anyReturned = [...(review.marks?.values() ?? [])].some((m) => m.verdict === "退回修改");
  const order = useRef<string[]>([]);

  const problems = useMemo(() => problemsOf(validation?.issues ?? []), [validation]);
  const shown = useMemo(() => filterProblems(problems, filter), [problems, filter]);
  const current = problems.find((p) => p.key === currentKey);
  const progress = useMemo(() => requirementProgress(layout, reading), [layout, reading]);
  const summary = useMemo(
    () => state.refreshed && describeRefresh(state.refreshed, { spec, layout }, NAV.noCategories),
    [state.refreshed, spec, layout],
  );

  // A new full check starts the walk again; live edits keep the clerk's place.
  useEffect(() => {
    if (validation && !validation.live) setCurrentKey(undefined);
  }, [validation?.live, validation?.issues]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (shown.length > 0) order.current = shown.map((p) => p.key);
  }, [shown]);

  const { goTo } = session;
  const select = useCallback(
    (problem: Problem | undefined) => {
      if (!problem) return;
      setCurrentKey(problem.key);
      if (problem.at) void goTo(problem.at);
    },
    [goTo],
  );
  const step = (direction: 1 | -1) => select(stepFrom(shown, currentKey, direction, order.current));

  const unit = spec.units.find((u) => u.id === profile.unitId);
  const newer = compareVersions(refreshSpec.specVersion, spec.specVersion) > 0;
  const labels = new Map(layout.fields.map((f) => [f.id, pick(f.label, lang)]));
  const position = current ? shown.findIndex((p) => p.key === current.key) + 1 : 0;
  // Each problem shows the mark of its item: the reviewer marks from there, the clerk sees what was sent back.
  const reviewSlot: IssueNavigatorProps["reviewSlot"] =
    reviewer || anyReturned
      ? (problem) => (
          <Suspense fallback={null}>
            <ProblemReview
              lang={lang}
              spec={spec}
              problem={problem}
              review={review}
              reviewer={reviewer}
              busy={busy}
            />
          </Suspense>
        )
      : undefined;

  return (
    <>
      <CommandBar
        lang={lang}
        busy={busy}
        validated={validation !== undefined}
        canStep={shown.length > 0}
        reviewer={reviewer}
        onValidate={() => void session.validate(lang)}
        onPrevious={() => step(-1)}
        onNext={() => step(1)}
        onWriteResults={() => void session.writeResults(lang)}
        onClearHighlights={() => void session.clearHighlights()}
        onRefresh={() => void session.refresh()}
        onChangeProfile={() => setEditingProfile(true)}
        onReviewer={(on) => {
          setReviewer(on);
          try {
            globalThis.localStorage?.setItem(REVIEWER_KEY, on ? "1" : "0");
          } catch {
            // Not remembered, still switched.
          }
        }}
      >
        <div aria-live="polite" tabIndex={-1} data-focus-target="current-problem">
          {current && position > 0 && (
            <CurrentProblem lang={lang} problem={current} position={position} total={shown.length} />
          )}
          {currentKey && !current && validation && (
            <Body1 className={styles.fixed} data-testid="current-fixed">
              ✓ {pick(NAV.fixed, lang)}
              {shown.length > 0 && ` ${pick(NAV.fixedNext, lang)}`}
            </Body1>
          )}
        </div>
        <StatusLine lang={lang} state={state} onDismiss={session.dismiss} />
      </CommandBar>

      <main className={styles.main}>
        {!validation && <FirstRunSteps lang={lang} current={progress.always.filled > 0 ? 3 : 2} />}
        {state.limits.length > 0 && (
          <MessageBar intent="info" layout="multiline" data-testid="limits">
            <MessageBarBody>
              <MessageBarTitle>{say(UI.hostLimits, lang)}</MessageBarTitle>
              <ul className={styles.limits}>
                {state.limits.map((text) => (
                  <li key={text.zh}>{pick(text, lang)}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        )}
        {!reviewer && anyReturned && (
          <Suspense fallback={null}>
            <ReturnedMarks lang={lang} spec={spec} review={review} />
          </Suspense>
        )}
        {editingProfile && (
          <ProfileEditor
            spec={refreshSpec}
            lang={lang}
            busy={busy}
            current={profile.categories}
            onApply={(categories) =>
              void session.refresh({ categories }).then(() => setEditingProfile(false))
            }
            onCancel={() => setEditingProfile(false)}
          />
        )}
        {summary && (
          <RefreshSummaryView lang={lang} summary={summary} onClose={session.closeRefreshSummary} />
        )}
        {state.undo && (
          <UndoRefresh
            lang={lang}
            busy={busy}
            editedSince={state.undo.editedSince?.map((id) => labels.get(id) ?? id)}
            onUndo={(discardEdits) => void session.undoRefresh({ discardEdits })}
            onKeepEdits={session.keepEdits}
          />
        )}

        <div className={styles.landing} tabIndex={-1} data-focus-target="overview">
          <ReportOverview
            lang={lang}
            unit={unit ? (lang === "zh" ? unit.name : unit.en) : profile.unitId}
            profile={pick(profileText(spec, profile.categories) ?? NAV.noCategories, lang)}
            guideline={
              lang === "zh"
                ? `${pick(spec.title, lang)}（${pick(newer ? NAV.newer : NAV.latest, lang)}）`
                : `${pick(spec.title, lang)} (${pick(newer ? NAV.newer : NAV.latest, lang)})`
            }
            progress={progress}
          />
        </div>

        <div
          className={mergeClasses(styles.results, styles.landing)}
          tabIndex={-1}
          data-focus-target="navigator"
        >
          {!validation ? (
            // Never under a spinner: while the check runs, the status says so and this waits.
            !(busy && state.busy === UI.validating) && (
              <Body1 data-testid="not-validated">{say(UI.notValidated, lang)}</Body1>
            )
          ) : (
            <>
              <Caption1 className={styles.note} data-testid="marks-note">
                {say(
                  validation.marks === "cleared"
                    ? UI.marksCleared
                    : validation.live
                      ? UI.liveNote
                      : validation.messagesOn === "notes"
                        ? UI.messagesOnNotes
                        : validation.messagesOn === "comments"
                          ? UI.messagesOnComments
                          : UI.messagesOnNone,
                  lang,
                )}
              </Caption1>
              <IssueNavigator
                lang={lang}
                problems={problems}
                filter={filter}
                onFilter={setFilter}
                currentKey={currentKey}
                onSelect={select}
                showCodes={reviewer}
                reviewSlot={reviewSlot}
              />
            </>
          )}
        </div>

        {reviewer && (
          <Suspense fallback={null}>
            <ReviewPanel lang={lang} spec={spec} review={review} busy={busy} />
          </Suspense>
        )}
      </main>
    </>
  );
}
