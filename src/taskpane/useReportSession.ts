import { useCallback, useEffect, useRef, useState } from "react";
import type {
  InsertOutcome,
  OpenedWorkbookReport,
  RefreshRequest,
  RefreshSnapshot,
  ReportWorkbook,
  ValidationOutcome,
} from "../excel/types";
import type { Lang } from "../i18n";
import { buildLayout } from "../layout/build";
import type { CellValue, FieldId, Profile } from "../layout/types";
import type { Issue } from "../rules/types";
import type { LocalizedText, Spec } from "../spec/schema";
import { describeFailure } from "./failure";
import { RefreshInterruptedError } from "../excel/errors";
import { editedSince, type ShownRefresh } from "./refresh-summary";
import { UI } from "./strings";

export type Validation = Pick<ValidationOutcome, "issues" | "messagesOn" | "degraded">;

/** The one refresh that can be undone: the latest. Excel's own undo does not cover add-in edits. */
export interface UndoableRefresh {
  before: RefreshSnapshot;
  /** The values as the refresh left them, to tell whether an undo would throw later edits away. */
  afterRefresh: Record<FieldId, CellValue>;
  /** Set when an undo was asked for and fields had been changed since the refresh: it waits for a yes. */
  editedSince?: FieldId[];
}

export interface SessionState {
  /** loading: reading the workbook; filler: no report in it yet; report: one of ours is open. */
  phase: "loading" | "filler" | "report";
  report?: OpenedWorkbookReport;
  validation?: Validation;
  /** Insert refused: the workbook already holds this report. */
  exists?: Extract<InsertOutcome, { status: "exists" }>["report"];
  /** What the host could not do (an older Excel): said, never hidden. */
  limits: LocalizedText[];
  /** A success or a hint about what to do next. */
  notice?: { intent: "success" | "info"; text: LocalizedText };
  failure?: LocalizedText;
  /** The operation under way; every button waits for it. */
  busy?: LocalizedText;
  /** What the latest refresh did, until the user closes it or inserts, refreshes or undoes again. */
  refreshed?: ShownRefresh;
  undo?: UndoableRefresh;
}

export interface ReportSession {
  state: SessionState;
  /** Builds the province's layout from the spec and inserts it, unless the workbook holds a report already. */
  insert(spec: Spec, profile: Profile): Promise<void>;
  validate(lang: Lang): Promise<void>;
  writeResults(lang: Lang): Promise<void>;
  clearHighlights(): Promise<void>;
  goTo(issue: Issue): Promise<void>;
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
}

/** The pane's state and the operations on the open workbook: all of it through ReportWorkbook, nothing else. */
export function useReportSession(
  workbook: ReportWorkbook,
  command: "validate" | undefined,
  lang: Lang,
): ReportSession {
  const [state, setState] = useState<SessionState>({ phase: "loading", limits: [], busy: UI.loadingReport });
  const patch = useCallback((change: Partial<SessionState>) => setState((s) => ({ ...s, ...change })), []);

  /** Runs one operation: busy while it lasts, its failure said in the user's language, never thrown. */
  const attempt = useCallback(
    async (busy: LocalizedText | undefined, operation: () => Promise<Partial<SessionState>>) => {
      patch({ busy, failure: undefined, notice: undefined });
      try {
        patch({ ...(await operation()), busy: undefined });
      } catch (error) {
        patch({ busy: undefined, failure: describeFailure(error) });
      }
    },
    [patch],
  );

  const runValidation = useCallback(
    async (language: Lang): Promise<Partial<SessionState>> => {
      const outcome = await workbook.validate(language);
      return {
        phase: "report",
        report: outcome.report,
        validation: { issues: outcome.issues, messagesOn: outcome.messagesOn, degraded: outcome.degraded },
      };
    },
    [workbook],
  );

  const started = useRef(false);
  const initialLang = useRef(lang);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void attempt(UI.loadingReport, async () => {
      const report = await workbook.openReport();
      if (!report) {
        return {
          phase: "filler",
          ...(command === "validate" ? { notice: { intent: "info", text: UI.validateNeedsTemplate } } : {}),
        };
      }
      if (command === "validate") return runValidation(initialLang.current);
      return { phase: "report", report };
    }).then(() => setState((s) => (s.phase === "loading" ? { ...s, phase: "filler" } : s)));
  }, [attempt, command, runValidation, workbook]);

  const insert = useCallback(
    (spec: Spec, profile: Profile) =>
      attempt(UI.inserting, async () => {
        // The pane's language is the workbook's: an English pane inserts an English workbook.
        const outcome = await workbook.insertTemplate(buildLayout(spec, profile, lang));
        if (outcome.status === "exists") return { exists: outcome.report };
        const report = await workbook.openReport();
        return {
          phase: report ? "report" : "filler",
          report,
          exists: undefined,
          validation: undefined,
          limits: outcome.degraded,
          refreshed: undefined,
          undo: undefined,
          notice: { intent: "success", text: UI.inserted },
        };
      }),
    [attempt, workbook, lang],
  );

  const validate = useCallback(
    (language: Lang) =>
      attempt(UI.validating, async () => {
        const change = await runValidation(language);
        return { ...change, limits: change.validation?.degraded ?? [] };
      }),
    [attempt, runValidation],
  );

  const writeResults = useCallback(
    (language: Lang) =>
      attempt(UI.writingResults, async () => {
        await workbook.writeResultsSheet(state.validation?.issues ?? [], language);
        return { notice: { intent: "success", text: UI.resultsWritten } };
      }),
    [attempt, workbook, state.validation],
  );

  const clearHighlights = useCallback(
    () =>
      attempt(UI.clearingHighlights, async () => {
        await workbook.clearHighlights();
        return {};
      }),
    [attempt, workbook],
  );

  const goTo = useCallback(
    (issue: Issue) =>
      attempt(undefined, async () => {
        if (issue.cell) await workbook.selectCell(issue.cell.sheetName, issue.cell.cell);
        return {};
      }),
    [attempt, workbook],
  );

  const refresh = useCallback(
    (request?: RefreshRequest) =>
      attempt(UI.refreshing, async () => {
        const { before, ...shown } = await workbook.refresh(request).catch((err: unknown) => {
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
          notice: { intent: "success", text: UI.refreshed },
        };
      }),
    [attempt, patch, workbook],
  );

  const undoRefresh = useCallback(
    ({ discardEdits = false }: { discardEdits?: boolean } = {}) =>
      attempt(UI.undoing, async () => {
        const undo = state.undo;
        if (!undo) return {};
        if (!discardEdits) {
          // A workbook a failed refresh left half built may not open as a report: then there is nothing to lose.
          const current = await workbook.openReport().catch(() => undefined);
          const edited = current ? editedSince(undo.afterRefresh, current.reading.values) : [];
          if (edited.length > 0) return { report: current, undo: { ...undo, editedSince: edited } };
        }
        await workbook.restore(undo.before);
        const report = await workbook.openReport();
        return {
          phase: report ? "report" : "filler",
          report,
          validation: undefined,
          refreshed: undefined,
          undo: undefined,
          notice: { intent: "success", text: UI.undone },
        };
      }),
    [attempt, workbook, state.undo],
  );

  const keepEdits = useCallback(
    () => setState((s) => (s.undo ? { ...s, undo: { ...s.undo, editedSince: undefined } } : s)),
    [],
  );
  const closeRefreshSummary = useCallback(() => patch({ refreshed: undefined }), [patch]);
  const dismiss = useCallback(() => patch({ failure: undefined, notice: undefined }), [patch]);

  return {
    state,
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
  };
}
