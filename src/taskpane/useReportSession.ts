import { useCallback, useEffect, useRef, useState } from "react";
import { RefreshInterruptedError } from "../excel/errors";
import type {
  FieldEdits,
  InsertOutcome,
  ReportWorkbook,
  OpenedWorkbookReport,
  RefreshRequest,
  RefreshSnapshot,
  ValidationOutcome,
} from "../excel/types";
import { mayHoldReport } from "../excel/presence";
import type { Lang } from "../i18n";
import type { CellValue, FieldId, Profile } from "../layout/types";
import type { LocalizedText } from "../spec/schema";
import { describeFailure } from "./failure";
import type { ExcelConnection } from "./host";
import { withEdits } from "./live";
import { editedSince, type ShownRefresh } from "./refresh-summary";
import { UI } from "./strings";

export type Validation = Pick<ValidationOutcome, "issues" | "messagesOn" | "degraded"> & {
  /** Where the messages are now: the cells' marks were cleared since, or live edits changed the list. */
  marks: "on-cells" | "cleared";
  /** The list changed by live checking since the last full check (cells' marks are from that check). */
  live: boolean;
};

/** The one refresh that can be undone: the latest. Excel's own undo does not cover add-in edits. */
export interface UndoableRefresh {
  before: RefreshSnapshot;
  /** The values as the refresh left them, to tell whether an undo would throw later edits away. */
  afterRefresh: Record<FieldId, CellValue>;
  /** Set when an undo was asked for and fields had been changed since the refresh: it waits for a yes. */
  editedSince?: FieldId[];
}

/** Where the pane puts focus once an action is done: where its result is. */
export type FocusTarget = "overview" | "navigator" | "status" | "current-problem" | "first-field";

export interface SessionState {
  /** loading: reading the workbook; filler: no report in it yet; report: one of ours is open. */
  phase: "loading" | "filler" | "report";
  report?: OpenedWorkbookReport;
  validation?: Validation;
  /** Insert refused: the workbook already holds this report. */
  exists?: Extract<InsertOutcome, { status: "exists" }>["report"];
  /** What the host could not do (an older Excel): said, never hidden. */
  limits: LocalizedText[];
  /** A success, with the next step. */
  notice?: { intent: "success" | "info"; text: LocalizedText; next?: LocalizedText };
  failure?: LocalizedText;
  /** The operation under way; every button waits for it. */
  busy?: LocalizedText;
  /** What the latest refresh did, until the user closes it or inserts, refreshes or undoes again. */
  refreshed?: ShownRefresh;
  undo?: UndoableRefresh;
  /** Where focus goes after the latest action; `focusTick` changes with every action, so it moves again. */
  focus?: FocusTarget;
  focusTick: number;
  /** Counts the times the report's sheets were (re)built: live checking re-arms on the new sheets. */
  sheetsBuilt: number;
}

type Engine = typeof import("./engine");
let engineLoaded: Engine | undefined;

/** The core, loaded once on demand (its own chunk). */
export async function loadEngine(): Promise<Engine> {
  engineLoaded ??= await import(/* webpackChunkName: "engine" */ "./engine");
  return engineLoaded;
}

export interface ReportSession {
  state: SessionState;
  /** The newest bundled spec (checked by the schema), once the core has loaded. */
  engine: Engine | undefined;
  /** Builds the province's layout from the newest spec and inserts it, unless the workbook holds a report. */
  insert(profile: Profile): Promise<void>;
  validate(lang: Lang): Promise<void>;
  writeResults(lang: Lang): Promise<void>;
  clearHighlights(): Promise<void>;
  goTo(at: { sheetName: string; cell: string }): Promise<void>;
  /** Rebuilds the report (newest version, or a changed profile), every value kept; then re-opens it. */
  refresh(request?: RefreshRequest): Promise<void>;
  /**
   * Puts the workbook back as before the latest refresh. If fields were changed since, it asks first
   * (state.undo.editedSince) and only `discardEdits` goes ahead.
   */
  undoRefresh(options?: { discardEdits?: boolean }): Promise<void>;
  /** Keeps the edits made since the refresh: the pending undo question goes away, the offer stays. */
  keepEdits(): void;
  closeRefreshSummary(): void;
  dismiss(): void;
  /** The open workbook, for a view that reads on its own (the reviewer's marks). */
  workbook(): Promise<ReportWorkbook>;
  /**
   * Runs a view's own action on the workbook as every action runs: busy, its success said in the command
   * bar's status, its failure said and focused. Resolves true when it succeeded.
   */
  act(
    busy: LocalizedText,
    action: (
      workbook: ReportWorkbook,
    ) => Promise<{ notice: SessionState["notice"]; limits?: LocalizedText[] }>,
  ): Promise<boolean>;
}

/** What an operation changes; `rebuilt` when it made the report's sheets anew (live checking re-arms). */
type Change = Partial<SessionState> & { rebuilt?: boolean };

/** Opened from the ribbon's validate button on a workbook without a report: say what comes first. */
function fillerNotice(command: "validate" | undefined): Partial<SessionState> {
  return command === "validate" ? { notice: { intent: "info", text: UI.validateNeedsTemplate } } : {};
}

/** The report as live edits left it, and the issues the engine finds in it (pure, in memory). */
function applyEdits(state: SessionState, edits: FieldEdits, engine: Engine): SessionState {
  if (!state.report) return state;
  const report = { ...state.report, reading: withEdits(state.report.reading, edits) };
  if (!state.validation) return { ...state, report };
  const issues = engine.checkReport({
    spec: report.spec,
    profile: report.profile,
    layout: report.layout,
    reading: report.reading,
  });
  return { ...state, report, validation: { ...state.validation, issues, live: true } };
}

/** The pane's state and the operations on the open workbook: all of it through ReportWorkbook, nothing else. */
export function useReportSession(
  connection: ExcelConnection,
  command: "validate" | undefined,
  lang: Lang,
  /** Whether the workbook may hold a report, when the pane has looked already (before its first render). */
  mayHoldReportNow?: boolean,
): ReportSession {
  const [engine, setEngine] = useState<Engine | undefined>(engineLoaded);
  const workbookOf = connection.workbook;
  const firstLook = useRef(mayHoldReportNow);
  // A workbook known to hold no report starts on the first view, with no loading state drawn before it.
  const [state, setState] = useState<SessionState>(() =>
    firstLook.current === false
      ? { phase: "filler", limits: [], focusTick: 0, sheetsBuilt: 0, ...fillerNotice(command) }
      : { phase: "loading", limits: [], busy: UI.loadingReport, focusTick: 0, sheetsBuilt: 0 },
  );
  const patch = useCallback((change: Partial<SessionState>) => setState((s) => ({ ...s, ...change })), []);
  const busyRef = useRef(false);

  /**
   * Runs one operation: busy while it lasts (the old notice and failure go at once, so nothing stale stays
   * on screen), its failure said in the user's language and focused, never thrown.
   */
  const attempt = useCallback(
    async (busy: LocalizedText | undefined, operation: () => Promise<Change>, focus?: FocusTarget) => {
      busyRef.current = busy !== undefined;
      patch({ busy, failure: undefined, notice: undefined });
      try {
        const { rebuilt, ...change } = await operation();
        setState((s) => ({
          ...s,
          ...change,
          ...(rebuilt ? { sheetsBuilt: s.sheetsBuilt + 1 } : {}),
          busy: undefined,
          ...(focus || change.focus ? { focus: change.focus ?? focus, focusTick: s.focusTick + 1 } : {}),
        }));
      } catch (error) {
        setState((s) => ({
          ...s,
          busy: undefined,
          failure: describeFailure(error),
          focus: "status",
          focusTick: s.focusTick + 1,
        }));
      } finally {
        busyRef.current = false;
      }
    },
    [patch],
  );

  const runValidation = useCallback(
    async (language: Lang): Promise<Partial<SessionState>> => {
      const outcome = await (await workbookOf()).validate(language);
      return {
        phase: "report",
        report: outcome.report,
        validation: {
          issues: outcome.issues,
          messagesOn: outcome.messagesOn,
          degraded: outcome.degraded,
          marks: "on-cells",
          live: false,
        },
      };
    },
    [workbookOf],
  );

  const started = useRef(false);
  const initialLang = useRef(lang);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const warmUp = () =>
      // The adapter and the core load while the clerk fills in the first view.
      void Promise.all([workbookOf(), loadEngine()]).then(
        ([, e]) => setEngine(e),
        () => undefined,
      );
    if (firstLook.current === false) {
      warmUp();
      return;
    }
    void attempt(UI.loadingReport, async () => {
      // One light look first: an empty workbook shows the first view before the core has loaded.
      if (!(firstLook.current ?? (await mayHoldReport(connection.run)))) {
        warmUp();
        return { phase: "filler", ...fillerNotice(command) };
      }
      const [workbook, loaded] = await Promise.all([workbookOf(), loadEngine()]);
      setEngine(loaded);
      const report = await workbook.openReport();
      if (!report) return { phase: "filler", ...fillerNotice(command) };
      if (command === "validate")
        return { ...(await runValidation(initialLang.current)), focus: "navigator" };
      return { phase: "report", report };
    }).then(() => setState((s) => (s.phase === "loading" ? { ...s, phase: "filler" } : s)));
  }, [attempt, command, runValidation, workbookOf, connection.run]);

  // Live checking: while a report is open, every change the clerk makes updates it (and the issues).
  const watchedReport = state.phase === "report" ? state.report : undefined;
  // Re-armed when the sheets are new (opened, inserted, refreshed, undone), not on every check or edit.
  const watchedKey = watchedReport ? `${state.sheetsBuilt}` : "";
  const watchRef = useRef<{ key: string; stop?: () => void }>({ key: "" });
  useEffect(() => {
    if (!watchedReport || watchRef.current.key === watchedKey) return;
    watchRef.current.stop?.();
    const slot: { key: string; stop?: () => void } = { key: watchedKey };
    watchRef.current = slot;
    let cancelled = false;
    void Promise.all([workbookOf(), loadEngine()])
      .then(([workbook, loaded]) =>
        workbook.watch(
          watchedReport,
          (edits) => {
            if (busyRef.current) return; // the action under way re-opens the report itself
            if (edits === "moved") {
              void workbook.openReport().then(
                (report) => report && setState((s) => (s.phase === "report" ? { ...s, report } : s)),
                () => undefined,
              );
              return;
            }
            setState((s) => applyEdits(s, edits, loaded));
          },
          () => undefined,
        ),
      )
      .then((stop) => {
        if (cancelled || watchRef.current !== slot) stop();
        else slot.stop = stop;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by watchedKey on purpose
  }, [watchedKey, workbookOf]);

  const insert = useCallback(
    (profile: Profile) =>
      attempt(
        UI.inserting,
        async () => {
          const [workbook, loaded] = await Promise.all([workbookOf(), loadEngine()]);
          setEngine(loaded);
          // The pane's language is the workbook's: an English pane inserts an English workbook.
          const outcome = await workbook.insertTemplate(
            loaded.buildLayout(loaded.latestSpec(), profile, lang),
          );
          if (outcome.status === "exists") return { exists: outcome.report, focus: "status" };
          const report = await workbook.openReport();
          return {
            phase: report ? "report" : "filler",
            report,
            exists: undefined,
            validation: undefined,
            limits: outcome.degraded,
            refreshed: undefined,
            undo: undefined,
            notice: { intent: "success", text: UI.inserted, next: UI.nextAfterInsert },
            rebuilt: true,
          };
        },
        "status",
      ),
    [attempt, workbookOf, lang],
  );

  const validate = useCallback(
    (language: Lang) =>
      attempt(
        UI.validating,
        async () => {
          const change = await runValidation(language);
          const issues = change.validation?.issues ?? [];
          return {
            ...change,
            limits: change.validation?.degraded ?? [],
            notice: {
              intent: "success",
              text: issues.length === 0 ? UI.validatedClean : UI.validated,
              next: issues.length === 0 ? UI.nextAfterClean : UI.nextAfterValidate,
            },
          };
        },
        "navigator",
      ),
    [attempt, runValidation],
  );

  const writeResults = useCallback(
    (language: Lang) =>
      attempt(
        UI.writingResults,
        async () => {
          await (await workbookOf()).writeResultsSheet(state.validation?.issues ?? [], language);
          return { notice: { intent: "success", text: UI.resultsWritten, next: UI.nextAfterResults } };
        },
        "status",
      ),
    [attempt, workbookOf, state.validation],
  );

  const clearHighlights = useCallback(
    () =>
      attempt(
        UI.clearingHighlights,
        async () => {
          await (await workbookOf()).clearHighlights();
          return {
            notice: { intent: "success", text: UI.cleared, next: UI.nextAfterClear },
            ...(state.validation ? { validation: { ...state.validation, marks: "cleared" as const } } : {}),
          };
        },
        "status",
      ),
    [attempt, workbookOf, state.validation],
  );

  const goTo = useCallback(
    (at: { sheetName: string; cell: string }) =>
      attempt(undefined, async () => {
        await (await workbookOf()).selectCell(at.sheetName, at.cell);
        return {};
      }),
    [attempt, workbookOf],
  );

  /** After a failed rebuild the workbook may not be what the pane shows: look again, quietly. */
  const reopenQuietly = useCallback(async () => {
    const report = await (await workbookOf()).openReport().catch(() => undefined);
    setState((s) => ({
      ...s,
      phase: report ? "report" : "filler",
      report,
      validation: undefined,
      sheetsBuilt: s.sheetsBuilt + 1,
    }));
  }, [workbookOf]);

  const refresh = useCallback(
    async (request?: RefreshRequest) => {
      let failed = false;
      await attempt(
        UI.refreshing,
        async () => {
          const workbook = await workbookOf();
          const { before, ...shown } = await workbook.refresh(request).catch((err: unknown) => {
            failed = true;
            // Half rebuilt: the values read before the rebuild are what undo puts back.
            if (err instanceof RefreshInterruptedError)
              patch({ undo: { before: err.before, afterRefresh: {} } });
            throw err;
          });
          // Kept at once: should re-opening fail, the refresh is done and must stay undoable.
          patch({ refreshed: shown, undo: { before, afterRefresh: shown.plan.writes }, exists: undefined });
          const report = await workbook.openReport();
          return {
            phase: report ? "report" : "filler",
            report,
            // The sheets were rebuilt: earlier issues and their marks are gone with them.
            validation: undefined,
            ...(report ? { undo: { before, afterRefresh: { ...report.reading.values } } } : {}),
            notice: { intent: "success", text: UI.refreshed, next: UI.nextAfterRefresh },
            rebuilt: true,
          };
        },
        "status",
      );
      if (failed) await reopenQuietly();
    },
    [attempt, patch, workbookOf, reopenQuietly],
  );

  const undoRefresh = useCallback(
    ({ discardEdits = false }: { discardEdits?: boolean } = {}) =>
      attempt(
        UI.undoing,
        async () => {
          const undo = state.undo;
          if (!undo) return {};
          const workbook = await workbookOf();
          if (!discardEdits) {
            // A workbook a failed refresh left half built may not open as a report: then there is nothing to lose.
            const current = await workbook.openReport().catch(() => undefined);
            const edited = current ? editedSince(undo.afterRefresh, current.reading.values) : [];
            if (edited.length > 0)
              return { report: current, undo: { ...undo, editedSince: edited }, focus: "status" };
          }
          await workbook.restore(undo.before);
          const report = await workbook.openReport();
          return {
            phase: report ? "report" : "filler",
            report,
            validation: undefined,
            refreshed: undefined,
            undo: undefined,
            notice: { intent: "success", text: UI.undone, next: UI.nextAfterRefresh },
            rebuilt: true,
          };
        },
        "status",
      ),
    [attempt, workbookOf, state.undo],
  );

  const keepEdits = useCallback(
    () => setState((s) => (s.undo ? { ...s, undo: { ...s.undo, editedSince: undefined } } : s)),
    [],
  );
  const closeRefreshSummary = useCallback(() => patch({ refreshed: undefined }), [patch]);
  const dismiss = useCallback(() => patch({ failure: undefined, notice: undefined }), [patch]);
  const act = useCallback<ReportSession["act"]>(
    async (busy, action) => {
      let done = false;
      await attempt(busy, async () => {
        const { notice, limits = [] } = await action(await workbookOf());
        done = true;
        return limits.length > 0 ? { notice, limits: [...state.limits, ...limits] } : { notice };
      });
      return done;
    },
    [attempt, workbookOf, state.limits],
  );

  return {
    state,
    engine,
    insert,
    validate,
    writeResults,
    clearHighlights,
    goTo,
    refresh,
    undoRefresh,
    keepEdits,
    closeRefreshSummary,
    dismiss,
    workbook: workbookOf,
    act,
  };
}
