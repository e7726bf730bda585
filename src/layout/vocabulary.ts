import type { Comparator, LocalizedText } from "../spec/schema";

/** How a goal's comparator is written, in the workbook and in the rules' messages alike. */
export const COMPARATOR_SYMBOL: Record<Comparator, string> = { ">=": "≥", ">": ">", "<=": "≤" };

/** The version of the template layout (independent of the spec's version). */
export const TEMPLATE_VERSION = "1.0.0";

/** Task status values, as written in the workbook (the stored value is the Chinese term). */
export const STATUS = {
  done: "已完成",
  inProgress: "推进中",
  notStarted: "未启动",
  notApplicable: "不适用",
} as const;
export const STATUS_VALUES: string[] = Object.values(STATUS);
export const STATUS_LABEL: Record<string, LocalizedText> = {
  [STATUS.done]: { zh: "已完成", en: "Done" },
  [STATUS.inProgress]: { zh: "推进中", en: "In progress" },
  [STATUS.notStarted]: { zh: "未启动", en: "Not started" },
  [STATUS.notApplicable]: { zh: "不适用", en: "Not applicable" },
};
/** A status that means work happened, so the work must be described. */
export const ACTIVE_STATUSES: string[] = [STATUS.done, STATUS.inProgress];

export const BOOLEAN_VALUES = ["是", "否"];

/** Values of the targets sheet's live status formula. */
export const TARGET_STATUS = {
  met: "达标",
  missed: "未达标",
  pending: "待填",
  national: "计入全国汇总",
  optional: "选填",
  reported: "已填报",
} as const;

export const SHEET_NAMES = {
  cover: "封面",
  tasks: "任务清单",
  targets: "主要目标",
  metrics: "任务指标",
  guideline: "工作指引",
  lists: "_lists",
  meta: "_meta",
} as const;

/** The reporting year as Excel date serials (days since 1899-12-30). */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}
