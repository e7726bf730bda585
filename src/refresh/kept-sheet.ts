import type { CellValue } from "../layout/types";
import type { WorkbookLanguage } from "../layout/vocabulary";
import type { SheetAddition } from "./additions";

/**
 * A visible sheet for what a person added on a report sheet where the rebuilt layout now writes its own
 * content: nothing of theirs is dropped, and they see where each came from.
 */
export const KEPT_SHEET_NAME: Record<WorkbookLanguage, string> = {
  zh: "保留的补充内容",
  en: "Kept additions",
};

/** Either language's name: a refresh that changes the language still finds the earlier sheet. */
export const KEPT_SHEET_NAMES: string[] = Object.values(KEPT_SHEET_NAME);

const HEADER: Record<WorkbookLanguage, string[]> = {
  zh: ["原工作表", "原单元格", "内容", "类型"],
  en: ["Sheet", "Cell", "Content", "Kind"],
};

const KIND: Record<WorkbookLanguage, { value: string; formula: string }> = {
  zh: { value: "值", formula: "公式" },
  en: { value: "value", formula: "formula" },
};

const FORMULA_KINDS = new Set([KIND.zh.formula, KIND.en.formula]);

/** The columns' widths in characters, for both adapters. */
export const KEPT_SHEET_WIDTHS = [16, 10, 60, 8];

/**
 * The sheet's rows, header first. A formula is shown as its text ("=SUM(B3:B5)"), never run where it no
 * longer points; a value stays what it was (a number stays a number).
 */
export function keptSheetRows(kept: SheetAddition[], language: WorkbookLanguage): CellValue[][] {
  const kind = KIND[language];
  return [
    HEADER[language],
    ...kept.map((k) => [
      k.sheetName,
      k.cell,
      k.formula === undefined ? k.value : `=${k.formula}`,
      k.formula === undefined ? kind.value : kind.formula,
    ]),
  ];
}

/** Reads the sheet back (header skipped), so what an earlier refresh kept stays kept, once. */
export function parseKeptRows(rows: CellValue[][]): SheetAddition[] {
  return rows
    .filter((row, i) => i > 0 && typeof row[0] === "string" && row[0].length > 0 && row[1])
    .map((row) => {
      const content = row[2] ?? null;
      const isFormula = typeof row[3] === "string" && FORMULA_KINDS.has(row[3]);
      return isFormula && typeof content === "string"
        ? { sheetName: String(row[0]), cell: String(row[1]), value: null, formula: content.replace(/^=/, "") }
        : { sheetName: String(row[0]), cell: String(row[1]), value: content };
    });
}
