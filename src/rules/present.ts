import type { Lang } from "../i18n";
import { quoteSheet } from "../layout/address";
import { fitRowHeights } from "../layout/row-height";
import { SheetDraft } from "../layout/sheet";
import { STYLES } from "../layout/styles";
import type { CellValue, FieldDef, FieldId, SheetLayout, StyleKey } from "../layout/types";
import type { LocalizedText } from "../spec/schema";
import type { Issue, IssueKind, Severity } from "./types";
import { formatPercent, serialToIso } from "./values";

/**
 * What both adapters paint, decided here once so that Excel (Office.js) and the command line (ExcelJS)
 * show the same highlights, notes and results sheet.
 */

export type HighlightSeverity = "error" | "warning";

/** The token every highlight formula carries: how a later validation finds the highlights it made. */
export const HIGHLIGHT_MARKER = "ip-report:";

/**
 * A conditional-format formula that is always TRUE and names itself: the adapters paint highlights as
 * conditional formats (they leave the cell's own format alone) and remove exactly those whose formula
 * this module recognises, never a format the user or the template made.
 */
export function highlightFormula(severity: HighlightSeverity): string {
  return `AND(TRUE,"${HIGHLIGHT_MARKER}${severity}"<>"")`;
}

/** Excel may hand the formula back with "=", other case or spaces; LibreOffice may write TRUE(). */
const HIGHLIGHT_PATTERN = /^AND\((?:TRUE(?:\(\))?|1),"IP-REPORT:(ERROR|WARNING)"<>""\)$/;

export function highlightSeverityOf(formula: string): HighlightSeverity | undefined {
  const normalized = formula.trim().replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  const m = HIGHLIGHT_PATTERN.exec(normalized);
  return m ? (m[1].toLowerCase() as HighlightSeverity) : undefined;
}

export function isHighlightFormula(formula: string): boolean {
  return highlightSeverityOf(formula) !== undefined;
}

export interface HighlightEntry {
  sheetName: string;
  cell: string;
  severity: HighlightSeverity;
  note: string;
}

/** Excel notes past about a thousand characters cannot be read in their pop-up. */
export const NOTE_MAX_LENGTH = 1000;

function clipNote(text: string): string {
  return text.length <= NOTE_MAX_LENGTH ? text : `${text.slice(0, NOTE_MAX_LENGTH - 1)}…`;
}

/** One entry per cell: its issues merged into one note in one language, the worst severity painted. */
export function highlightPlan(issues: Issue[], lang: Lang): HighlightEntry[] {
  const byCell = new Map<string, { entry: HighlightEntry; lines: string[] }>();
  for (const issue of issues) {
    if (issue.severity === "info" || !issue.cell) continue;
    const key = `${issue.cell.sheetName}\u0000${issue.cell.cell}`;
    let slot = byCell.get(key);
    if (!slot) {
      slot = { entry: { ...issue.cell, severity: issue.severity, note: "" }, lines: [] };
      byCell.set(key, slot);
    }
    if (issue.severity === "error") slot.entry.severity = "error";
    const line = `[${issue.code}] ${issue.message[lang]}`;
    if (!slot.lines.includes(line)) slot.lines.push(line);
  }
  return [...byCell.values()].map(({ entry, lines }) => ({ ...entry, note: clipNote(lines.join("\n")) }));
}

export const RESULTS_SHEET_NAME: LocalizedText = { zh: "校验结果", en: "Validation results" };

const SEVERITY_LABEL: Record<Severity, LocalizedText> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Info" },
};

const SEVERITY_STYLE: Record<Severity, StyleKey> = {
  error: "legendError",
  warning: "legendWarning",
  info: "textCenter",
};

export const KIND_LABEL: Record<IssueKind, LocalizedText> = {
  "missing-value": { zh: "缺少填报", en: "Missing value" },
  "type-error": { zh: "类型错误", en: "Wrong type" },
  "constraint-error": { zh: "取值不符", en: "Out of range" },
  "target-missed": { zh: "未达目标", en: "Target missed" },
  inconsistent: { zh: "数据矛盾", en: "Inconsistent" },
  "missing-source": { zh: "缺数据来源", en: "No data source" },
  "not-applicable-filled": { zh: "不适用却填写", en: "Filled but not applicable" },
  "structure-error": { zh: "结构问题", en: "Structure" },
};

const COLUMNS: { header: LocalizedText; width: number }[] = [
  { header: { zh: "序号", en: "No." }, width: 6 },
  { header: { zh: "严重程度", en: "Severity" }, width: 10 },
  { header: { zh: "代码", en: "Code" }, width: 8 },
  { header: { zh: "类别", en: "Kind" }, width: 14 },
  { header: { zh: "工作表", en: "Sheet" }, width: 12 },
  { header: { zh: "单元格", en: "Cell" }, width: 18 },
  { header: { zh: "字段", en: "Field" }, width: 28 },
  { header: { zh: "说明", en: "Message" }, width: 60 },
  { header: { zh: "期望", en: "Expected" }, width: 22 },
  { header: { zh: "实际", en: "Actual" }, width: 22 },
];

const HEADER_ROW = 3;

/**
 * Office.js turns text starting with "=", "+", "-" or "@" into a formula; a user's text copied into the
 * results sheet must stay text in both adapters, so it gets a leading space rather than a quote prefix
 * (which ExcelJS would show).
 */
function asText(value: CellValue | undefined): CellValue {
  if (value === undefined) return null;
  return typeof value === "string" && /^[=+\-@]/.test(value) ? ` ${value}` : value;
}

/** HYPERLINK("#'Sheet'!F5","Sheet!F5"): a click goes to the cell in Excel, WPS and LibreOffice. */
export function cellLinkFormula(sheetName: string, cell: string): string {
  const literal = (text: string) => `"${text.replace(/"/g, '""')}"`;
  return `HYPERLINK(${literal(`#${quoteSheet(sheetName)}!${cell}`)},${literal(`${sheetName}!${cell}`)})`;
}

function summaryLine(issues: Issue[], lang: Lang): string {
  const count = { error: 0, warning: 0, info: 0 };
  for (const issue of issues) count[issue.severity]++;
  return lang === "zh"
    ? `错误 ${count.error} 项，警告 ${count.warning} 项，提示 ${count.info} 项`
    : `${count.error} errors, ${count.warning} warnings, ${count.info} notes`;
}

export interface ResultsMeta {
  unitName: string;
  specId: string;
  specVersion: string;
  templateVersion: string;
}

/**
 * A found value as the form shows it: a percentage or a date is stored as a fraction or a serial, and 0.362 in the
 * results' text column would read as a figure, not as 36.2%.
 */
function shownActual(
  actual: CellValue | undefined,
  type: FieldDef["type"] | undefined,
): CellValue | undefined {
  if (typeof actual !== "number") return actual;
  if (type === "percent") return formatPercent(actual);
  if (type === "date") return serialToIso(actual);
  return actual;
}

/**
 * The 校验结果 sheet: a title, counts by severity, and one row per issue with a link to its cell. `fields` (the
 * report's layout fields) say how each found value is shown.
 */
export function resultsSheetLayout(
  issues: Issue[],
  meta: ResultsMeta,
  lang: Lang,
  fields: readonly Pick<FieldDef, "id" | "type">[] = [],
): SheetLayout {
  const typeOf = new Map<FieldId, FieldDef["type"]>(fields.map((f) => [f.id, f.type]));
  const last = COLUMNS.length;
  const sheet = new SheetDraft(
    "results",
    RESULTS_SHEET_NAME[lang],
    COLUMNS.map((c) => c.width),
  );
  const title = lang === "zh" ? `${meta.unitName} 填报校验结果` : `${meta.unitName}: validation results`;
  sheet.band(1, 1, last, title, "title", 30);
  const version =
    lang === "zh"
      ? `规范 ${meta.specId} ${meta.specVersion} · 模板版本 ${meta.templateVersion}`
      : `spec ${meta.specId} ${meta.specVersion} · template ${meta.templateVersion}`;
  sheet.band(2, 1, last, `${summaryLine(issues, lang)} · ${version}`, "note");
  COLUMNS.forEach((c, i) => sheet.put(HEADER_ROW, i + 1, c.header[lang], "header"));

  issues.forEach((issue, i) => {
    const row = HEADER_ROW + 1 + i;
    sheet.put(row, 1, i + 1, "textCenter");
    sheet.put(row, 2, SEVERITY_LABEL[issue.severity][lang], SEVERITY_STYLE[issue.severity]);
    sheet.put(row, 3, issue.code, "textCenter");
    sheet.put(row, 4, KIND_LABEL[issue.kind][lang], "text");
    sheet.put(row, 5, asText(issue.cell?.sheetName ?? ""), "text");
    if (issue.cell) {
      const { sheetName, cell } = issue.cell;
      sheet.formula(row, 6, cellLinkFormula(sheetName, cell), `${sheetName}!${cell}`, "text");
    } else {
      sheet.put(row, 6, "", "text");
    }
    sheet.put(row, 7, asText(issue.label?.[lang] ?? issue.fieldId ?? ""), "text");
    sheet.put(row, 8, asText(issue.message[lang]), "text");
    sheet.put(row, 9, asText(issue.expectedText?.[lang] ?? issue.expected ?? ""), "text");
    const actual = shownActual(issue.actual, issue.fieldId ? typeOf.get(issue.fieldId) : undefined);
    sheet.put(row, 10, asText(actual ?? ""), "text");
  });
  if (issues.length === 0) {
    sheet.band(HEADER_ROW + 1, 1, last, lang === "zh" ? "未发现问题。" : "No issues found.", "text");
  }

  const layout = sheet.layout;
  layout.rowHeights[HEADER_ROW] = 22;
  layout.freeze = { rows: HEADER_ROW, cols: 0 };
  layout.print = { landscape: true, titleRows: [HEADER_ROW, HEADER_ROW] };
  layout.protect = false;
  layout.rowHeights = fitRowHeights(layout, STYLES);
  return layout;
}
