import { checkCellLimit } from "./cell-limit";
import { checkConsistency } from "./consistency";
import { Evaluation, indexOf, type LayoutIndex } from "./context";
import { checkFieldValues } from "./field-values";
import {
  checkNotApplicableFilled,
  checkNotApplicableStatus,
  checkRequired,
  checkSources,
  checkSubstantiveProgress,
} from "./obligations";
import {
  checkErrorValues,
  checkFormulas,
  checkMetadata,
  checkMetadataMatches,
  checkMisplacedNames,
  checkMissingNames,
  checkMissingSheets,
  checkProvince,
} from "./structure";
import { checkTargets } from "./targets";
import type { Issue, IssueSummary, RuleInput } from "./types";

export * from "./types";
export { RULES, ruleInfo } from "./catalog";
export type { RuleId, RuleInfo } from "./catalog";

const CHECKS: ((ev: Evaluation) => void)[] = [
  checkMissingSheets,
  checkMetadata,
  checkMetadataMatches,
  checkMissingNames,
  checkMisplacedNames,
  checkErrorValues,
  checkFormulas,
  checkProvince,
  checkRequired,
  checkSubstantiveProgress,
  checkSources,
  checkNotApplicableStatus,
  checkNotApplicableFilled,
  checkFieldValues,
  checkCellLimit,
  checkTargets,
  checkConsistency,
];

/** Every rule over one workbook. Pure: the same input always gives the same issues, in the same order. */
export function checkReport(input: RuleInput): Issue[] {
  const index = indexOf(input.layout, input.spec);
  const ev = new Evaluation(input, index);
  for (const check of CHECKS) check(ev);
  return sortIssues(ev.issues, index);
}

function rowCol(cell: string | undefined): [number, number] {
  const m = cell ? /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(cell) : null;
  if (!m) return [0, 0];
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/**
 * Workbook-level issues first, then in reading order: sheet as laid out, row, column. The sheet comes
 * from the field's place in the layout, since the user may have renamed it; row and column from where
 * the field was found.
 */
function sortIssues(issues: Issue[], index: LayoutIndex): Issue[] {
  const keyed = issues.map((issue, order) => {
    const field = issue.fieldId === undefined ? undefined : index.byId.get(issue.fieldId);
    const sheet = field
      ? (index.sheetIndexByKey.get(field.sheet) ?? Number.MAX_SAFE_INTEGER)
      : issue.cell
        ? (index.sheetIndexByName.get(issue.cell.sheetName) ?? Number.MAX_SAFE_INTEGER)
        : -1;
    const [row, col] = rowCol(issue.cell?.cell);
    return { issue, key: [sheet, row, col, order] };
  });
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
    return 0;
  });
  return keyed.map((k) => k.issue);
}

export function summarize(issues: Issue[]): IssueSummary {
  const summary: IssueSummary = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) summary[issue.severity]++;
  return summary;
}
