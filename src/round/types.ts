import type { CellValue, FieldId } from "../layout/types";
import type { Completion } from "../rules/completion";
import type { Issue, Severity } from "../rules/types";
import type { LocalizedText, NationalFigure, Spec } from "../spec/schema";

/** A reviewer's verdict on one task, target or guideline item, keyed as on the 审核意见 sheet. */
export type ReviewVerdict = "通过" | "退回修改";

export interface ReviewMark {
  /** task.<n>, target.<id> or guideline.<n> / guideline.requirement-<n>: the prefix of the item's field ids. */
  key: string;
  verdict: ReviewVerdict;
  comment: string;
}

/**
 * One unit's returned workbook as the round needs it, already read and validated against its own spec
 * version by an adapter. Plain data: the workbook itself is gone, so a round holds one workbook at a time.
 */
export interface UnitSubmission {
  file: string;
  /** Last modification time (ms since the epoch): of two files for one unit, the later counts. */
  modified: number;
  unitId: string;
  spec: Spec;
  templateVersion: string;
  categories: string[];
  values: Record<FieldId, CellValue>;
  issues: Issue[];
  completion: Completion;
  review: ReviewMark[];
}

/** The national office's own figures (its input workbook), by `national.<targetId>.<part>`. */
export interface NationalInput {
  file: string;
  modified: number;
  specVersion: string;
  values: Record<FieldId, CellValue>;
  cells: Record<FieldId, { sheetName: string; cell: string }>;
}

/** A file the round could not use as a report, with the reason. */
export interface UnreadableFile {
  file: string;
  problem: string;
  message: LocalizedText;
}

export interface RoundInput {
  /** The round's spec: the version national figures and goals are judged by. */
  spec: Spec;
  /** Every spec the program knows, to carry older versions' field ids across by their migrations. */
  specs: Spec[];
  submissions: UnitSubmission[];
  national: NationalInput[];
  unreadable: UnreadableFile[];
  /** Excel's and WPS's lock files and the like: named, never read. */
  ignored: { file: string; reason: LocalizedText }[];
}

export type RoundProblemKind =
  | "missing-unit"
  | "superseded-file"
  | "unreadable-file"
  | "ignored-file"
  | "other-version"
  | "not-compared"
  | "national-figure-missing"
  | "superseded-national-input";

export interface RoundProblem {
  kind: RoundProblemKind;
  /** Blocking for the round (a missing unit) or to note (a lock file ignored). */
  severity: Severity;
  file?: string;
  unitId?: string;
  fieldId?: FieldId;
  message: LocalizedText;
}

export type TargetVerdict = "met" | "missed" | "not-reported";

export interface ReviewState {
  state: "not-reviewed" | "passed" | "returned";
  passed: number;
  returned: number;
}

export interface UnitStatus {
  unitId: string;
  name: string;
  short: string;
  received: boolean;
  file?: string;
  /** Other files for the same unit, older, not counted. */
  superseded: string[];
  specVersion?: string;
  templateVersion?: string;
  categories: string[];
  completion?: { required: number; filled: number; ratio: number };
  errors: number;
  warnings: number;
  /** The unit's provincial targets judged against their goals. */
  targets: { met: number; missed: number; notReported: number };
  review: ReviewState;
}

/** A figure summed over the units that reported it. */
export interface UnitSum {
  baseline?: number;
  actual?: number;
  /** growth or reduction: from the sums (Σactual vs Σbaseline) over units reporting both. */
  change?: number;
  /** Units counted in the sum (for a change: in both sums). */
  units: number;
}

export interface Contribution {
  unitId: string;
  baseline?: number;
  actual?: number;
  /** Share of the summed actual, 0..1. */
  share?: number;
}

export interface NationalTargetResult {
  targetId: string;
  label: LocalizedText;
  phrase: string;
  national: NationalFigure;
  goal: LocalizedText;
  /** The goal on the judged figure's scale (a fraction for % goals), and how the figure is compared with it. */
  goalValue: number;
  comparator: ">=" | ">" | "<=";
  valueUnit: LocalizedText;
  measuredAs: "level" | "growth" | "reduction";
  /** The judged figure: the sum (or ratio of sums), or what the national office entered. */
  figure?: number;
  figureSource: "sum" | "entered" | "none";
  met?: boolean;
  /** Short of the goal (positive) or past it (negative), in the goal's unit (points for %). */
  gap?: number;
  verdictText: LocalizedText;
  sum: UnitSum;
  entered?: { baseline?: number; actual?: number; change?: number; source?: string };
  contributions: Contribution[];
}

export interface ProvincialRow {
  unitId: string;
  received: boolean;
  baseline?: number;
  actual?: number;
  change?: number;
  verdict: TargetVerdict;
  required: boolean;
}

export interface ProvincialTargetTable {
  targetId: string;
  label: LocalizedText;
  phrase: string;
  goal: LocalizedText;
  valueUnit: LocalizedText;
  measuredAs: "level" | "growth" | "reduction";
  rows: ProvincialRow[];
  /** The national aggregate: a growth is Σactual/Σbaseline − 1 over units reporting both. */
  aggregate: UnitSum & { met?: boolean };
  /** The mean of the units' own changes, shown only to say it is not the national figure. */
  meanOfUnitChanges?: number;
  met: number;
  missed: number;
  notReported: number;
}

export interface RoundIssue {
  unitId: string;
  file: string;
  ruleId: string;
  fieldId?: FieldId;
  sheetName?: string;
  cell?: string;
  severity: Severity;
  kind: string;
  code: string;
  message: LocalizedText;
  /** The guideline's words the field answers to, for a return note. */
  guideline?: string;
}

export interface RoundResult {
  specId: string;
  specVersion: string;
  units: UnitStatus[];
  nationalTargets: NationalTargetResult[];
  provincialTargets: ProvincialTargetTable[];
  issues: RoundIssue[];
  problems: RoundProblem[];
  /** Field ids of the round's version that files of other versions lack (or had retired), by version. */
  comparison: { versions: string[]; notCompared: { specVersion: string; fieldIds: FieldId[] }[] };
  totals: {
    units: number;
    received: number;
    missing: number;
    withErrors: number;
    errors: number;
    warnings: number;
    unreadable: number;
  };
}
