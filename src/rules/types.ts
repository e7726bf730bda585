import type { WorkbookReading } from "../layout/reading";
import type { CellValue, FieldId, Profile, WorkbookLayout } from "../layout/types";
import type { LocalizedText, Spec } from "../spec/schema";

/** A small closed taxonomy, after Frictionless Data's validation report: each kind has a stable code. */
export const ISSUE_KINDS = {
  "missing-value": "E101",
  "type-error": "E201",
  "constraint-error": "E202",
  "target-missed": "E301",
  inconsistent: "E401",
  "missing-source": "E501",
  "not-applicable-filled": "W601",
  "structure-error": "E901",
} as const;
export type IssueKind = keyof typeof ISSUE_KINDS;

export type Severity = "error" | "warning" | "info";

export interface Issue {
  /** The rule that found it, e.g. "task.obligation.status-required" (stable; tests are named by it). */
  ruleId: string;
  /** The field it is about; undefined for workbook-level problems (a missing sheet). */
  fieldId?: FieldId;
  /** Where the user sees it: "'任务清单'!F5" style, from the defined name, when known. */
  cell?: { sheetName: string; cell: string };
  severity: Severity;
  kind: IssueKind;
  code: (typeof ISSUE_KINDS)[IssueKind];
  message: LocalizedText;
  /** Language-neutral: a number, a literal value or list ("已完成/推进中"), a comparison ("≤5"). */
  expected?: string | number | boolean | null;
  actual?: CellValue;
  /** The field's label, so an issue list or results sheet can name it without the layout. */
  label?: LocalizedText;
  /** What was expected, in words, for people (the results sheet prefers it to `expected`). */
  expectedText?: LocalizedText;
  /** For rules that are data (spec.consistency): the spec's own rule id. */
  specRule?: string;
}

/** Everything a rule may look at. Pure data: no I/O, no clocks, no Office. */
export interface RuleInput {
  spec: Spec;
  profile: Profile;
  layout: WorkbookLayout;
  reading: WorkbookReading;
}

export interface IssueSummary {
  error: number;
  warning: number;
  info: number;
}
