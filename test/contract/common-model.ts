import type { CellValue } from "../../src/layout/types";

/**
 * The plain model both adapters' workbooks are reduced to before comparing: what a person or a reader
 * of the file would notice, in one vocabulary (ExcelJS's characters, Office.js's points, and so on).
 */

export interface CommonCell {
  /** "" is empty (null); a formula cell's value is left out: Excel computes it, ExcelJS caches the layout's. */
  value: CellValue;
  formula?: string;
  numberFormat: string;
  fill: string | null;
  font: { name: string; size: number; bold: boolean; italic: boolean; color: string | null };
  horizontal: "left" | "center" | "right" | null;
  vertical: "top" | "middle" | "bottom";
  wrap: boolean;
  locked: boolean;
  /** true: a thin grey line on all four sides; false: none; otherwise what there is. */
  border: boolean | string;
}

export interface CommonValidation {
  type: string;
  operator: string | null;
  /** As text: a list source without "=", numbers, dates as Excel serials. */
  formulae: string[];
  allowBlank: boolean;
  prompt: { title: string; text: string } | null;
  error: { title: string; text: string } | null;
  errorStyle: "stop" | "warning";
}

export interface CommonConditionalFormat {
  ref: string;
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface CommonSheet {
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  tabColor: string | null;
  /** Column letter to width in characters (2 decimals), hidden, outline level. */
  columns: Record<string, { width: number; hidden: boolean; outlineLevel: number }>;
  rowHeights: Record<number, number>;
  merges: string[];
  freeze: { rows: number; cols: number } | null;
  protected: boolean;
  cells: Record<string, CommonCell>;
  validations: Record<string, CommonValidation>;
  /** Highest priority first. */
  conditionalFormats: CommonConditionalFormat[];
}

export interface CommonWorkbook {
  sheets: CommonSheet[];
  /** Defined name to "Sheet!A1". */
  names: Record<string, string>;
}

/**
 * ExcelJS writes a line break inside an XML attribute raw, and XML parsers (Excel's too) read it back as a
 * space: the .xlsx template's prompts lose their line breaks, the Office.js ones keep them. Compared alike.
 */
export function promptText(text: string): string {
  return text.replace(/\s+/g, " ");
}

export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Excel serial of an ISO date or a Date (UTC, as both adapters take dates). */
export function serialOf(date: Date | string): number {
  const ms = typeof date === "string" ? Date.parse(`${date.slice(0, 10)}T00:00:00Z`) : date.getTime();
  return round2((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}
