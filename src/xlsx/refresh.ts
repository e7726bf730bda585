import ExcelJS from "exceljs";
import { buildLayout } from "../layout/build";
import { resolveProfile } from "../layout/obligation";
import type { CellValue, FieldId, Profile, WorkbookLayout } from "../layout/types";
import { isEmpty, planRefresh, type RefreshPlan, type RetiredValue } from "../refresh/plan";
import { migrationPath, targetSpec } from "../refresh/versions";
import { RETIRED_SHEET_NAME, retiredSheetRows, parseRetiredRows } from "../refresh/retired";
import { bundledSpecs } from "../spec";
import type { Spec } from "../spec/schema";
import { settleReport } from "./settle";
import { fitWorksheetRows } from "./row-heights";
import { plainValue, readFieldTable } from "./read";
import { renderWorkbook } from "./render";
import { openReport, type OpenedReport } from "./report";
import { collectUserAdditions, copySheet } from "./user-additions";
import { writeValues } from "./write";

export interface RefreshOptions {
  specs?: Spec[];
  /** Target spec version (default: the newest of the workbook's spec id). */
  toVersion?: string;
  /** New profile categories (default: the workbook's own). */
  categories?: string[];
}

export interface RefreshResult {
  workbook: ExcelJS.Workbook;
  plan: RefreshPlan;
  from: { specVersion: string; templateVersion: string; profile: Profile };
  to: { specVersion: string; templateVersion: string; profile: Profile };
  /** Fields whose defined name was gone and whose cell was found from the metadata's field table. */
  recovered: FieldId[];
}

/** The sheet names refresh manages itself (never copied as a user's sheet). */
const VALIDATION_RESULTS_NAMES = ["校验结果", "Validation results"];

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
  const recovered = recoverMissing(source, report);
  const toSpec = targetSpec(specs, report.spec, options.toVersion);
  const path = migrationPath(specs, report.spec, toSpec);
  const profile = options.categories
    ? resolveProfile(toSpec, report.profile.unitId, options.categories)
    : { ...report.profile };
  const layout = buildLayout(toSpec, profile);
  const values: Record<FieldId, CellValue> = {};
  for (const [id, value] of Object.entries(report.reading.values)) if (!isEmpty(value)) values[id] = value;
  const plan = planRefresh({
    from: { spec: report.spec, layout: report.layout },
    to: { spec: toSpec, layout, profile },
    path,
    values,
    previouslyRetired: readRetired(source),
  });
  const additions = collectUserAdditions(source, report.layout, report.reading.cells, [
    RETIRED_SHEET_NAME,
    ...VALIDATION_RESULTS_NAMES,
  ]);
  const workbook = await renderWorkbook(layout);
  writeValues(workbook, layout, plan.writes);
  // The fresh template's results and heights are the empty template's: settle them for the values written.
  settleReport(workbook, toSpec, layout);
  const idMap = new Map<FieldId, FieldId>([
    ...plan.kept.map((id) => [id, id] as [FieldId, FieldId]),
    ...plan.moved.map((m) => [m.from, m.to] as [FieldId, FieldId]),
  ]);
  applyAdditions(workbook, layout, additions, idMap);
  writeRetired(workbook, plan.retired);
  return {
    workbook,
    plan,
    recovered,
    from: {
      specVersion: report.spec.specVersion,
      templateVersion: report.reading.metadata?.templateVersion ?? "?",
      profile: report.profile,
    },
    to: { specVersion: toSpec.specVersion, templateVersion: layout.metadata.templateVersion, profile },
  };
}
