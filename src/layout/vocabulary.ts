import type { Lang } from "../i18n";
import type { Comparator, LocalizedText, ReportingPeriod } from "../spec/schema";

/**
 * The language a workbook speaks: every header, label, prompt and dropdown in it. Chinese for a form sent to
 * 国家知识产权局; English on request. Field ids, defined names and the values the rules read do not change with it.
 */
export type WorkbookLanguage = Lang;

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

/** How a dropdown shows each stored (canonical) value in a workbook's language. */
export const CHOICE_LABEL: Record<string, LocalizedText> = {
  ...STATUS_LABEL,
  是: { zh: "是", en: "Yes" },
  否: { zh: "否", en: "No" },
};

/** Values of the targets sheet's live status formula. */
export const TARGET_STATUS = {
  met: "达标",
  missed: "未达标",
  pending: "待填",
  national: "计入全国汇总",
  optional: "选填",
  reported: "已填报",
} as const;

/** The same in English, for an English workbook: what its status formulas show. */
const TARGET_STATUS_EN: Record<keyof typeof TARGET_STATUS, string> = {
  met: "Met",
  missed: "Missed",
  pending: "To fill",
  national: "National total",
  optional: "Optional",
  reported: "Reported",
};

/** The words of the targets sheet's status formula in a workbook's language. */
export function targetStatusWords(lang: WorkbookLanguage): Record<keyof typeof TARGET_STATUS, string> {
  return lang === "en" ? TARGET_STATUS_EN : TARGET_STATUS;
}

/** The sheet names of a Chinese workbook (the default). */
export const SHEET_NAMES = {
  cover: "封面",
  tasks: "任务清单",
  targets: "主要目标",
  metrics: "任务指标",
  guideline: "工作指引",
  lists: "_lists",
  meta: "_meta",
} as const;

const SHEET_NAMES_EN: Record<keyof typeof SHEET_NAMES, string> = {
  cover: "Cover",
  tasks: "Tasks",
  targets: "Targets",
  metrics: "Task figures",
  guideline: "Guideline",
  lists: "_lists",
  meta: "_meta",
};

export function sheetNamesIn(lang: WorkbookLanguage): Record<keyof typeof SHEET_NAMES, string> {
  return lang === "en" ? SHEET_NAMES_EN : SHEET_NAMES;
}

/** Every name a template sheet can have, in any language: what refresh treats as ours, not the user's. */
export const TEMPLATE_SHEET_NAMES: string[] = [
  ...new Set([...Object.values(SHEET_NAMES), ...Object.values(SHEET_NAMES_EN)]),
];

/** A date as an Excel date serial (days since 1899-12-30). */
export function excelSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** An ISO date (YYYY-MM-DD) as an Excel date serial. */
export function isoSerial(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number);
  return excelSerial(year, month, day);
}

/** The reporting period's first and last day as Excel date serials. */
export function periodSerials(period: ReportingPeriod): { min: number; max: number } {
  return { min: isoSerial(period.start), max: isoSerial(period.end) };
}
