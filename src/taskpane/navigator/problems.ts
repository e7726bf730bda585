import type { FieldId } from "../../layout/types";
import type { Issue, IssueKind, Severity } from "../../rules/types";
import type { LocalizedText } from "../../spec/schema";

/**
 * The issue navigator's model, host-independent (the task pane and the browser checker share it): the
 * engine's issues become problems a clerk fixes one at a time, sorted by the engine's reading order.
 */

/** What went wrong, in the five words a clerk sorts by, plus the rare rest. */
export type ProblemKind = "missing" | "format" | "goal" | "inconsistent" | "source" | "other";

export const PROBLEM_KINDS: readonly ProblemKind[] = [
  "missing",
  "format",
  "goal",
  "inconsistent",
  "source",
  "other",
];

const KIND_OF: Record<IssueKind, ProblemKind> = {
  "missing-value": "missing",
  "type-error": "format",
  "constraint-error": "format",
  "target-missed": "goal",
  inconsistent: "inconsistent",
  "missing-source": "source",
  "not-applicable-filled": "other",
  "structure-error": "other",
};

export const SEVERITY_ORDER: readonly Severity[] = ["error", "warning", "info"];

export interface Problem {
  /** Stable while the problem lasts: the marker on the current problem follows it across live updates. */
  key: string;
  kind: ProblemKind;
  severity: Severity;
  /** Where a click takes the clerk (the first cell); undefined for workbook-level problems. */
  at?: { sheetName: string; cell: string };
  /** Every cell the problem covers, e.g. a task's status and its progress. */
  cells: string[];
  message: LocalizedText;
  /** The engine's issues behind it: their rule codes are for a reviewer's details, never the clerk's view. */
  issues: Issue[];
}

/** A required task left blank: its status and its progress are one problem (one thing to do, one row). */
const TASK_BLANK = /^task\.(\d+)\.(status|progress)$/;

function taskBlank(issue: Issue): string | undefined {
  if (issue.kind !== "missing-value" || !issue.fieldId) return undefined;
  const m = TASK_BLANK.exec(issue.fieldId);
  return m ? `task-blank:${m[1]}` : undefined;
}

function worst(a: Severity, b: Severity): Severity {
  return SEVERITY_ORDER.indexOf(a) <= SEVERITY_ORDER.indexOf(b) ? a : b;
}

/** The status message goes first (it names the task); the progress is added to what it asks for. */
function groupedMessage(issues: Issue[]): LocalizedText {
  if (issues.length === 1) return issues[0].message;
  const status = issues.find((i) => i.fieldId?.endsWith(".status")) ?? issues[0];
  return {
    zh: `${status.message.zh}，并填写工作进展`,
    en: `${status.message.en}, and describe the progress`,
  };
}

function keyOf(issue: Issue, i: number): string {
  return `${issue.ruleId}|${issue.fieldId ?? ""}|${issue.cell ? `${issue.cell.sheetName}!${issue.cell.cell}` : i}`;
}

/** One problem per thing to fix, in the engine's order (the first issue of a group decides its place). */
export function problemsOf(issues: readonly Issue[]): Problem[] {
  const problems: Problem[] = [];
  const groups = new Map<string, Problem>();
  issues.forEach((issue, i) => {
    const group = taskBlank(issue);
    const existing = group ? groups.get(group) : undefined;
    if (existing) {
      existing.issues.push(issue);
      existing.severity = worst(existing.severity, issue.severity);
      if (issue.cell) existing.cells.push(issue.cell.cell);
      existing.message = groupedMessage(existing.issues);
      return;
    }
    const problem: Problem = {
      key: group ?? keyOf(issue, i),
      kind: KIND_OF[issue.kind],
      severity: issue.severity,
      ...(issue.cell ? { at: { ...issue.cell } } : {}),
      cells: issue.cell ? [issue.cell.cell] : [],
      message: issue.message,
      issues: [issue],
    };
    if (group) groups.set(group, problem);
    problems.push(problem);
  });
  return problems;
}

export interface ProblemCounts {
  total: number;
  byKind: Record<ProblemKind, number>;
  bySeverity: Record<Severity, number>;
}

export function countProblems(problems: readonly Problem[]): ProblemCounts {
  const byKind = Object.fromEntries(PROBLEM_KINDS.map((k) => [k, 0])) as Record<ProblemKind, number>;
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const p of problems) {
    byKind[p.kind]++;
    bySeverity[p.severity]++;
  }
  return { total: problems.length, byKind, bySeverity };
}

/** What the clerk chose to see: one kind or all, one severity or all. */
export interface ProblemFilter {
  kind: ProblemKind | "all";
  severity: Severity | "all";
}

export const NO_FILTER: ProblemFilter = { kind: "all", severity: "all" };

export function filterProblems(problems: readonly Problem[], filter: ProblemFilter): Problem[] {
  return problems.filter(
    (p) =>
      (filter.kind === "all" || p.kind === filter.kind) &&
      (filter.severity === "all" || p.severity === filter.severity),
  );
}

/**
 * The next (or previous) problem after the current one, wrapping around. A current problem that is gone
 * (fixed while the clerk typed) is found again by its place: the problem after it in the old order.
 */
export function stepFrom(
  shown: readonly Problem[],
  currentKey: string | undefined,
  direction: 1 | -1,
  previousOrder: readonly string[] = [],
): Problem | undefined {
  if (shown.length === 0) return undefined;
  const at = currentKey === undefined ? -1 : shown.findIndex((p) => p.key === currentKey);
  if (at >= 0) return shown[(at + direction + shown.length) % shown.length];
  if (currentKey !== undefined) {
    // Fixed: continue from where it was in the order the clerk saw.
    const was = previousOrder.indexOf(currentKey);
    const keys = new Set(shown.map((p) => p.key));
    const after = previousOrder.slice(was + 1).find((k) => keys.has(k));
    const before = [...previousOrder.slice(0, Math.max(was, 0))].reverse().find((k) => keys.has(k));
    const pick = direction === 1 ? (after ?? shown[0].key) : (before ?? shown[shown.length - 1].key);
    return shown.find((p) => p.key === pick);
  }
  return direction === 1 ? shown[0] : shown[shown.length - 1];
}

/** The fields a problem is about (a reviewer's details list them). */
export function fieldsOf(problem: Problem): FieldId[] {
  return problem.issues.flatMap((i) => (i.fieldId ? [i.fieldId] : []));
}
