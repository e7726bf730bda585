import type ExcelJS from "exceljs";
import type { FieldId, WorkbookLayout } from "../layout/types";
import { userRuns } from "./notes";

/** What a user added to a workbook that a refresh must carry over: it is theirs, not the template's. */
export interface UserAdditions {
  /** Sheets the template does not make (an extra sheet of their own). */
  sheets: ExcelJS.Worksheet[];
  /** A note on an input cell, by field id (our own validation notes excluded). */
  notes: Record<FieldId, string>;
  /** A fill the user gave an input cell, by field id (ARGB). */
  fills: Record<FieldId, string>;
  /** Column widths changed on a template sheet, by sheet key and column number. */
  widths: { sheet: string; col: number; width: number }[];
}

function noteText(note: ExcelJS.Cell["note"]): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as ExcelJS.Comment).texts;
  return texts ? texts.map((t) => t.text).join("") : undefined;
}

export function collectUserAdditions(
  wb: ExcelJS.Workbook,
  layout: WorkbookLayout,
  cells: Record<FieldId, { sheetName: string; cell: string }>,
  managedSheetNames: string[],
): UserAdditions {
  const templateNames = new Set([...layout.sheets.map((s) => s.name), ...managedSheetNames]);
  const additions: UserAdditions = {
    sheets: wb.worksheets.filter((ws) => !templateNames.has(ws.name) && ws.state === "visible"),
    notes: {},
    fills: {},
    widths: [],
  };
  const styleFill = new Map(
    layout.sheets.flatMap((s) =>
      s.cells.filter((c) => c.fieldId).map((c) => [c.fieldId!, layout.styles[c.style].fill]),
    ),
  );
  for (const field of layout.fields) {
    const at = cells[field.id];
    const ws = at ? wb.getWorksheet(at.sheetName) : undefined;
    if (!at || !ws) continue;
    const cell = ws.getCell(at.cell);
    // Validation's own text in a note is stale after a refresh: only the user's part travels.
    const own = userRuns(cell.note as string | ExcelJS.Comment | undefined)
      .map((r) => r.text)
      .join("")
      .trim();
    if (own) additions.notes[field.id] = own;
    const fill = cell.fill;
    const argb = fill && fill.type === "pattern" ? fill.fgColor?.argb : undefined;
    if (argb && argb !== styleFill.get(field.id)) additions.fills[field.id] = argb;
  }
  for (const sheet of layout.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) continue;
    sheet.columns.forEach((c, i) => {
      const width = ws.getColumn(i + 1).width;
      if (width !== undefined && Math.abs(width - c.width) > 0.5)
        additions.widths.push({ sheet: sheet.key, col: i + 1, width });
    });
  }
  return additions;
}

/** Copies a user's own sheet into another workbook: values, formulas, styles, merges, widths and heights. */
export function copySheet(source: ExcelJS.Worksheet, into: ExcelJS.Workbook): void {
  let name = source.name;
  for (let i = 2; into.getWorksheet(name); i++) name = `${source.name} (${i})`;
  const ws = into.addWorksheet(name, { properties: { ...source.properties }, views: source.views });
  source.columns?.forEach((col, i) => {
    if (col.width) ws.getColumn(i + 1).width = col.width;
  });
  source.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.height) ws.getRow(r).height = row.height;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const target = ws.getCell(r, c);
      if (cell.isMerged && cell.master !== cell) return;
      target.value = cell.value as ExcelJS.CellValue;
      target.style = JSON.parse(JSON.stringify(cell.style ?? {}));
      const note = noteText(cell.note);
      if (note) target.note = note;
    });
  });
  for (const range of (source.model as { merges?: string[] }).merges ?? []) ws.mergeCells(range);
}
