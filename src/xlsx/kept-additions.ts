import type ExcelJS from "exceljs";
import type { CellValue, WorkbookLayout } from "../layout/types";
import type { PlacedAdditions, ReadCell, ReadSheetCells, SheetAddition } from "../refresh/additions";
import { KEPT_SHEET_NAMES, KEPT_SHEET_WIDTHS, keptSheetRows, parseKeptRows } from "../refresh/kept-sheet";
import { encodeOoxmlText } from "./ooxml-text";
import { plainValue } from "./read";
import { fitWorksheetRows } from "./row-heights";

/** A formula's text: ExcelJS keeps a shared formula's copies as a reference to the first, `cell.formula` spells it out. */
function formulaOf(cell: ExcelJS.Cell): string | undefined {
  const value = cell.value;
  if (value === null || typeof value !== "object" || !("formula" in value || "sharedFormula" in value))
    return undefined;
  return cell.formula || undefined;
}

/** Every non-empty cell of the report's visible sheets (a merged range once, by its first cell). */
export function readSheetCells(wb: ExcelJS.Workbook, layout: WorkbookLayout): ReadSheetCells[] {
  return layout.sheets
    .filter((s) => s.visibility === "visible")
    .flatMap((sheet) => {
      const ws = wb.getWorksheet(sheet.name);
      if (!ws) return [];
      const cells: ReadCell[] = [];
      ws.eachRow({ includeEmpty: false }, (row, r) =>
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          if (cell.isMerged && cell.master !== cell) return;
          const formula = formulaOf(cell);
          const { value } = plainValue(cell.value);
          if (value === null && formula === undefined) return;
          cells.push({ row: r, col: c, value, ...(formula === undefined ? {} : { formula }) });
        }),
      );
      return [{ sheetName: sheet.name, cells }];
    });
}

/** What an earlier refresh put on the kept-additions sheet (under either language's name). */
export function readKept(wb: ExcelJS.Workbook): SheetAddition[] {
  const ws = KEPT_SHEET_NAMES.map((n) => wb.getWorksheet(n)).find((w) => w !== undefined);
  if (!ws) return [];
  const rows: CellValue[][] = [];
  ws.eachRow((row) => {
    const values: CellValue[] = [];
    for (let c = 1; c <= 4; c++) values.push(plainValue(row.getCell(c).value).value);
    rows.push(values);
  });
  return parseKeptRows(rows);
}

/**
 * Puts the additions whose address the new layout leaves free back where they were, unlocked: the person
 * typed them on an unprotected sheet and may go on editing them.
 */
export function writeInPlace(wb: ExcelJS.Workbook, layout: WorkbookLayout, placed: PlacedAdditions): void {
  for (const addition of placed.inPlace) {
    const sheet = layout.sheets.find((s) => s.key === addition.sheet);
    const ws = sheet ? wb.getWorksheet(sheet.name) : undefined;
    if (!ws) continue;
    const cell = ws.getCell(addition.cell);
    const value = addition.value;
    cell.value =
      addition.formula !== undefined
        ? { formula: addition.formula, result: value ?? undefined }
        : typeof value === "string"
          ? encodeOoxmlText(value)
          : value;
    cell.protection = { locked: false };
  }
}

/** The visible kept-additions sheet, after the report's own: shown as text, nothing recalculated. */
export function writeKept(wb: ExcelJS.Workbook, layout: WorkbookLayout, placed: PlacedAdditions): void {
  if (placed.kept.length === 0) return;
  const ws = wb.addWorksheet(placed.sheetName, { properties: { tabColor: { argb: "FF7F7F7F" } } });
  keptSheetRows(placed.kept, layout.metadata.language).forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = typeof value === "string" ? encodeOoxmlText(value) : value;
      if (r === 0) cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: "top" };
    }),
  );
  KEPT_SHEET_WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  fitWorksheetRows(ws);
}
