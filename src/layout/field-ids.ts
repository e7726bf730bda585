/** A stable, dotted, lower-case id of an input cell: the public contract of every workbook. */
export type FieldId = string;

/**
 * Field ids are the public contract of every workbook (ARCHITECTURE.md): outside tools, validation and refresh
 * find cells by them. They are built here and nowhere else, and what a field is for is its `role`, set where the
 * field is laid out, never parsed back out of the id.
 */

/** The parts of a task's row; each is the field `task.<n>.<part>`. */
export const TASK_PARTS = ["status", "progress", "results", "evidence", "problems", "next"] as const;
export type TaskPart = (typeof TASK_PARTS)[number];

export type CoverPart = "province" | "department" | "contact" | "phone" | "period";
export type TargetPart = "baseline" | "actual" | "growth" | "source" | "progress";
export type GuidelinePart = "progress" | "evidence";

export const fieldId = {
  cover: (part: CoverPart): FieldId => `cover.${part}`,
  task: (task: number, part: TaskPart): FieldId => `task.${task}.${part}`,
  /** A figure a task's words make checkable (task 12's subjects found, subsidies cancelled, …). */
  taskMetric: (task: number, metric: string): FieldId => `task.${task}.${metric}`,
  target: (target: string, part: TargetPart): FieldId => `target.${target}.${part}`,
  guideline: (item: string, part: GuidelinePart): FieldId => `guideline.${item}.${part}`,
  /** A figure the national office enters for itself, in its own input workbook. */
  national: (target: string, part: "baseline" | "actual" | "source"): FieldId => `national.${target}.${part}`,
  /** Where a figure's data source is given (数出有据). */
  sourceOf: (figure: FieldId): FieldId => `${figure}.source`,
};

/** The items a reviewer marks on the 审核意见 sheet: a task, a target, a guideline item (a prefix of its fields' ids). */
export const reviewItemKey = {
  task: (task: number): string => `task.${task}`,
  target: (target: string): string => `target.${target}`,
  guideline: (item: string): string => `guideline.${item}`,
};

/** Whether a field id belongs to a task's row or its figures (the spec's consistency rules name them). */
export function isTaskField(id: FieldId, task: number): boolean {
  return id.startsWith(`task.${task}.`);
}

/** What a field is for, which decides the wording and the rule id of its issues. */
export type FieldRole =
  | "cover"
  | "task-status"
  | "task-progress"
  | "task-evidence"
  | "task-text"
  | "task-metric"
  | "source"
  | "target-figure"
  | "target-text"
  | "guideline";

/** The role of each part of a task's row. */
export const TASK_PART_ROLE: Record<TaskPart, FieldRole> = {
  status: "task-status",
  progress: "task-progress",
  evidence: "task-evidence",
  results: "task-text",
  problems: "task-text",
  next: "task-text",
};
