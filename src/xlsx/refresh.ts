import type ExcelJS from "exceljs";
import type { MetadataMismatch } from "../layout/integrity";
import type { CellValue, FieldId, WorkbookLayout } from "../layout/types";
import type { WorkbookLanguage } from "../layout/vocabulary";
import type { RefreshPlan, RetiredValue } from "../refresh/plan";
import { prepareRefresh, type VersionSide } from "../refresh/prepare";
import { RETIRED_SHEET_NAME, retiredSheetRows, parseRetiredRows } from "../refresh/retired";
import { bundledSpecs } from "../spec";
import type { Spec } from "../spec/schema";
import { RESULTS_SHEET_NAME } from "../rules/present";
import { ReportFileError } from "./errors";
import { settleReport } from "./settle";
import { fitWorksheetRows } from "./row-heights";
import { plainValue, readFieldTable } from "./read";
import { renderWorkbook } from "./render";
import { openReport, type OpenedReport } from "./report";
import { readKept, readSheetCells, writeInPlace, writeKept } from "./kept-additions";
import { KEPT_SHEET_NAMES } from "../refresh/kept-sheet";
import { collectUserAdditions, copySheet } from "./user-additions";
import { writeValues } from "./write";

export interface RefreshOptions {
  specs?: Spec[];
  /** Target spec version (default: the newest of the workbook's spec id). */
  toVersion?: string;
  /** New profile categories (default: the workbook's own). */
  categories?: string[];
  /** The language of the new workbook (default: the one the workbook was made in). */
  language?: WorkbookLanguage;
  /**
   * Rebuild even when the metadata does not describe the workbook (a blanked profile, another province):
   * only on the person's explicit word, since the new workbook takes the metadata's word for it.
   */
  despiteMetadataMismatch?: boolean;
}

export interface RefreshResult {
  workbook: ExcelJS.Workbook;
  plan: RefreshPlan;
  from: VersionSide;
  to: VersionSide;
  /** Fields whose defined name was gone and whose cell was found from the metadata's field table. */
  recovered: FieldId[];
  /** Fields whose defined name pointed elsewhere (a label, the metadata): their values came from the layout's cells. */
  relocated: FieldId[];
  /** Set when the metadata did not match the structure and the person rebuilt it anyway. */
  metadataMismatch?: MetadataMismatch;
}

/** The results sheet's names in every language: refresh manages it itself (never copied as a user's sheet). */
const VALIDATION_RESULTS_NAMES = Object.values(RESULTS_SHEET_NAME);

/** Reads the values of fields whose defined name was deleted, from the cell the metadata says they had. */
function recoverMissing(wb: ExcelJS.Workbook, report: OpenedReport): FieldId[] {
  const table = readFieldTable(wb);
  const names = new Map(report.layout.sheets.map((s) => [s.key, s.name]));
  const recovered: FieldId[] = [];
  for (const id of report.reading.missingNames) {
    const where = table.get(id);
    const sheetName = where ? names.get(where.sheet) : undefined;
    const ws = sheetName ? wb.getWorksheet(sheetName) : undefined;
    if (!where || !ws || !sheetName) continue;
    report.reading.values[id] = plainValue(ws.getCell(where.cell).value).value;
    report.reading.cells[id] = { sheetName, cell: where.cell };
    recovered.push(id);
  }
  return recovered;
}

function readRetired(wb: ExcelJS.Workbook): RetiredValue[] {
  const ws = wb.getWorksheet(RETIRED_SHEET_NAME);
  if (!ws) return [];
  const rows: CellValue[][] = [];
  ws.eachRow((row) => {
    const values: CellValue[] = [];
    for (let c = 1; c <= 5; c++) values.push(plainValue(row.getCell(c).value as ExcelJS.CellValue).value);
    rows.push(values);
  });
  return parseRetiredRows(rows);
}

function writeRetired(wb: ExcelJS.Workbook, retired: RetiredValue[]): void {
  if (retired.length === 0) return;
  const ws = wb.addWorksheet(RETIRED_SHEET_NAME, { properties: { tabColor: { argb: "FF7F7F7F" } } });
  const rows = retiredSheetRows(retired);
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      cell.value = value;
      if (r === 0) cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: "top" };
    }),
  );
  [28, 30, 50, 12, 30].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 1 }];
  fitWorksheetRows(ws);
}

function applyAdditions(
  wb: ExcelJS.Workbook,
  layout: WorkbookLayout,
  additions: ReturnType<typeof collectUserAdditions>,
  idMap: Map<FieldId, FieldId>,
): void {
  const byId = new Map(layout.fields.map((f) => [f.id, f]));
  const cellOf = (oldId: FieldId) => {
    const field = byId.get(idMap.get(oldId) ?? "");
    return field ? wb.getWorksheet(field.sheetName)?.getCell(field.cell) : undefined;
  };
  for (const [id, note] of Object.entries(additions.notes)) {
    const cell = cellOf(id);
    if (cell) cell.note = note;
  }
  for (const [id, argb] of Object.entries(additions.fills)) {
    const cell = cellOf(id);
    if (cell) cell.style = { ...cell.style, fill: { type: "pattern", pattern: "solid", fgColor: { argb } } };
  }
  for (const w of additions.widths) {
    const sheet = layout.sheets.find((s) => s.key === w.sheet);
    const ws = sheet ? wb.getWorksheet(sheet.name) : undefined;
    if (ws) ws.getColumn(w.col).width = w.width;
  }
  for (const ws of additions.sheets) copySheet(ws, wb);
}

/**
 * Rebuilds a report at the newest (or a chosen) version, or at the same one to repair damage, and puts every
 * entered value back by field id. Values with no home go to the retired-fields sheet; nothing is dropped.
 */
export async function refreshWorkbook(
  source: ExcelJS.Workbook,
  options: RefreshOptions = {},
  file?: string,
): Promise<RefreshResult> {
  const specs = options.specs ?? bundledSpecs();
  const report = openReport(source, file, specs);
  const mismatch = report.reading.metadataMismatch;
  // Never launder: a rebuilt workbook would carry the altered metadata as if it were the template's own.
  if (mismatch && !options.despiteMetadataMismatch)
    throw new ReportFileError("metadata-mismatch", mismatch.message, file);
  const recovered = recoverMissing(source, report);
  const { spec, layout, plan, idMap, from, to } = prepareRefresh(report, {
    specs,
    toVersion: options.toVersion,
    categories: options.categories,
    language: options.language,
    previouslyRetired: readRetired(source),
    sheetCells: readSheetCells(source, report.layout),
    previouslyKept: readKept(source),
  });
  const additions = collectUserAdditions(source, report.layout, report.reading.cells, [
    RETIRED_SHEET_NAME,
    ...KEPT_SHEET_NAMES,
    ...VALIDATION_RESULTS_NAMES,
  ]);
  const workbook = await renderWorkbook(layout);
  writeValues(workbook, layout, plan.writes);
  writeInPlace(workbook, layout, plan.additions);
  // The fresh template's results and heights are the empty template's: settle them for the values written.
  settleReport(workbook, spec, layout);
  applyAdditions(workbook, layout, additions, idMap);
  writeRetired(workbook, plan.retired);
  writeKept(workbook, layout, plan.additions);
  const relocated = (report.reading.misplacedNames ?? []).map((m) => m.fieldId);
  return {
    workbook,
    plan,
    recovered,
    relocated,
    from,
    to,
    ...(mismatch ? { metadataMismatch: mismatch } : {}),
  };
}
