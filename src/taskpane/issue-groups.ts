import type { Issue, IssueSummary, Severity } from "../rules/types";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface IssueGroup {
  /** Stable across renders: the accordion keeps which groups are open by it. */
  key: string;
  /** undefined for workbook-level issues (a missing sheet, a tampered name). */
  sheetName: string | undefined;
  severity: Severity;
  issues: Issue[];
}

/**
 * The issue list as the pane shows it: by sheet, in the workbook's sheet order (workbook-level problems
 * first, since they explain the rest), then by severity; the engine's order is kept inside a group.
 */
export function groupIssues(issues: readonly Issue[], sheetOrder: readonly string[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const sheetName = issue.cell?.sheetName;
    const key = `${sheetName ?? ""}\u0000${issue.severity}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, sheetName, severity: issue.severity, issues: [] };
      groups.set(key, group);
    }
    group.issues.push(issue);
  }
  const sheetRank = (name: string | undefined): number => {
    if (name === undefined) return -1;
    const i = sheetOrder.indexOf(name);
    return i < 0 ? sheetOrder.length : i;
  };
  return [...groups.values()].sort(
    (a, b) =>
      sheetRank(a.sheetName) - sheetRank(b.sheetName) ||
      (a.sheetName ?? "").localeCompare(b.sheetName ?? "") ||
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity),
  );
}

export function countBySeverity(issues: readonly Issue[]): IssueSummary {
  const summary: IssueSummary = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) summary[issue.severity]++;
  return summary;
}
