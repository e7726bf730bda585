import type { CellValue } from "../layout/types";

/** Empty as the user sees it: nothing, or only whitespace (a stray space is not an answer). */
export function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

const EXCEL_ERRORS =
  /^#(?:REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NULL!|NUM!|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|GETTING_DATA)$/i;

/** Adapters hand an Excel error over as its text ("#REF!"). */
export function isExcelError(value: CellValue | undefined): value is string {
  return typeof value === "string" && EXCEL_ERRORS.test(value.trim());
}

/** The trimmed text of a value, for comparisons with dropdown values. */
export function textOf(value: CellValue | undefined): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/**
 * Whether text is a number in disguise: "12.5", "1,200", "12%", " 12 ", "3亿元". Not coerced:
 * a figure stored as text is missed by sums and by the template's formulas, so the user must fix it.
 */
export function looksNumeric(text: string): boolean {
  const compact = text.replace(/[\s,，\u00a0]/g, "");
  return /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:%|％)?[\u4e00-\u9fffA-Za-z]{0,4}$/.test(compact);
}

/** Landline 025-12345678 / 0251-1234567 (extension -123 or 转123), or mobile 1[3-9]xxxxxxxxx. */
export function isPhoneNumber(text: string): boolean {
  const parts = text
    .split(/[,，;；/、]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 && parts.every(isOnePhone);
}

function isOnePhone(text: string): boolean {
  const digits = text.replace(/[\s-]/g, "");
  if (/^(?:\+?86)?1[3-9]\d{9}$/.test(digits)) return true;
  const landline = /^[(（]?0\d{2,3}[)）]?[\s-]*\d{3,4}[\s-]?\d{4}(?:\s*(?:-|转|ext\.?|x)\s*\d{1,6})?$/i;
  return landline.test(text.trim()) && /^0\d{9,11}/.test(digits.replace(/[()（）]/g, ""));
}

/** Excel's ROUND(x, digits): half away from zero, on the 15 significant digits Excel keeps. */
export function excelRound(x: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / factor;
}

const formatters = new Map<number, Intl.NumberFormat>();

/** A number for a message: thousands separators, at most `decimals` decimals, no trailing zeros. */
export function formatNumber(n: number, decimals = 6): string {
  let f = formatters.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("en-US", { maximumFractionDigits: decimals, useGrouping: true });
    formatters.set(decimals, f);
  }
  return f.format(n);
}

/** A number with exactly `decimals` decimals, more if needed so that it does not read as `avoid`. */
export function formatFixed(n: number, decimals: number, avoid?: number): string {
  let d = decimals;
  let text = n.toFixed(d);
  while (
    d < 6 &&
    ((avoid !== undefined && n !== avoid && text === avoid.toFixed(d)) || (n !== 0 && Number(text) === 0))
  ) {
    d++;
    text = n.toFixed(d);
  }
  return text;
}

/** A fraction as a percentage for a message: 0.08 -> "8.0%". */
export function formatPercent(fraction: number, avoidFraction?: number): string {
  return `${formatFixed(fraction * 100, 1, avoidFraction === undefined ? undefined : avoidFraction * 100)}%`;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel date serial as yyyy-mm-dd, for messages. */
export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/** A value quoted in a message; long text is cut so that a message stays one line. */
export function quoteValue(value: CellValue | undefined, max = 40): string {
  const text =
    value === null || value === undefined
      ? ""
      : typeof value === "number"
        ? formatNumber(value)
        : String(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
