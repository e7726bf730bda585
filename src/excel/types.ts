import type { LocalizedText } from "../spec/schema";
import type { Lang } from "../i18n";
import type { RecognizedReport } from "../layout/recognize";
import type { WorkbookReading } from "../layout/reading";
import type { CellValue, FieldId, SheetKey, WorkbookLayout } from "../layout/types";
import type { VersionSide } from "../refresh/prepare";
import type { RefreshPlan, RetiredValue } from "../refresh/plan";
import type { PlacedAdditions } from "../refresh/additions";
import type { Issue } from "../rules/types";
import type { ReviewMark } from "../round/types";

/** Which newer Excel APIs this host has; every use of one is gated, and what is missing is said. */
export interface Capabilities {
  /** ExcelApi 1.8: native data validation (Excel 2019 volume licence stops at 1.7). */
  dataValidation: boolean;
  /** ExcelApi 1.6: conditional formats (template's own and highlights). */
  conditionalFormats: boolean;
  /** ExcelApi 1.10: comments (messages on cells when notes are missing). */
  comments: boolean;
  /** ExcelApi 1.18: notes (preferred for messages on cells). */
  notes: boolean;
}

export interface OpenedWorkbookReport extends RecognizedReport {
  reading: WorkbookReading;
}

export type InsertOutcome =
  | { status: "inserted"; degraded: LocalizedText[] }
  /** The open workbook already holds a report: insert refuses and offers refresh instead. */
  | { status: "exists"; report: { unitId: string; specId: string; specVersion: string } };

export interface ValidationOutcome {
  report: OpenedWorkbookReport;
  issues: Issue[];
  /** Where messages went: notes, comments, or only the task pane's list; plus what could not be done. */
  messagesOn: "notes" | "comments" | "none";
  degraded: LocalizedText[];
}

export interface RefreshRequest {
  /** Spec version to move to (default: the newest bundled one of the workbook's spec). */
  toVersion?: string;
  /** A changed profile (default: the workbook's own). */
  categories?: string[];
}

/** The report as it was before a refresh, kept by the task pane so that the refresh can be undone. */
export interface RefreshSnapshot {
  layout: WorkbookLayout;
  values: Record<FieldId, CellValue>;
  retired: RetiredValue[];
  additions: OfficeAdditions;
  /** What the person typed on the report's sheets outside the layout, and the kept-additions sheet's rows. */
  placed: PlacedAdditions;
}

/** What a refresh carries over besides values: the user's own notes, fills and column widths. */
export interface OfficeAdditions {
  notes: { fieldId: FieldId; text: string }[];
  /** #RRGGBB by field id. */
  fills: Record<FieldId, string>;
  /** Points, by sheet key and 1-based column. */
  widths: { sheet: SheetKey; col: number; points: number }[];
}

export interface RefreshOutcome {
  plan: RefreshPlan;
  from: VersionSide;
  to: VersionSide;
  /** Fields whose defined name was gone, found again from the metadata's field table. */
  recovered: FieldId[];
  degraded: LocalizedText[];
  /** Restores the workbook as it was (Excel's undo does not cover add-in edits). */
  before: RefreshSnapshot;
}

/** Values of fields the clerk just changed, read by their defined names (formula undefined: a plain value). */
export interface FieldEdits {
  values: Record<FieldId, CellValue>;
  formulas: Record<FieldId, string | undefined>;
}

/**
 * The task pane's view of the open workbook. The Office.js implementation batches everything into a fixed,
 * small number of context.sync() calls: insert <= 5, validate (read + highlight) <= 3, refresh <= 6.
 */
export interface ReportWorkbook {
  capabilities(): Capabilities;
  /** undefined when the open workbook is not a report (then the pane offers to insert one). */
  openReport(): Promise<OpenedWorkbookReport | undefined>;
  insertTemplate(layout: WorkbookLayout): Promise<InsertOutcome>;
  validate(lang: Lang): Promise<ValidationOutcome>;
  clearHighlights(): Promise<void>;
  selectCell(sheetName: string, cell: string): Promise<void>;
  writeResultsSheet(issues: Issue[], lang: Lang): Promise<void>;
  /** Rebuilds the report at the newest (or a chosen) version or profile, every value kept: at most 6 syncs. */
  refresh(request?: RefreshRequest): Promise<RefreshOutcome>;
  /** The reviewer's marks on the 审核意见 sheet (none without the sheet): at most two syncs. */
  readReviewMarks(): Promise<ReviewMark[]>;
  /**
   * Records one item's mark on the 审核意见 sheet (made when missing), replacing the item's earlier mark:
   * at most three syncs. Returns the marks now on the sheet and what this Excel could not set up.
   */
  writeReviewMark(
    mark: ReviewMark,
    label: string,
  ): Promise<{ marks: ReviewMark[]; degraded: LocalizedText[] }>;
  /** Puts back the report as it was before a refresh. */
  restore(snapshot: RefreshSnapshot): Promise<void>;
  /**
   * Live checking: calls back with the fields inside each change the clerk makes (one sync per change), or
   * "moved" when rows or columns were inserted or deleted. Returns the function that stops it.
   */
  watch(
    report: OpenedWorkbookReport,
    listener: (edits: FieldEdits | "moved") => void,
    onError: (error: unknown) => void,
  ): Promise<() => void>;
}

/** Excel.run, or the fake's run in tests. */
export type BatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
