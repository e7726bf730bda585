import type ExcelJS from "exceljs";
import { newWorkbook, valueTypes } from "./exceljs";
import { META_FIELD_TABLE_HEADER, META_KEYS, type MetaKey } from "../layout/build";
import { placeFields } from "../layout/name-places";
import { parseCellRef, type WorkbookReading } from "../layout/reading";
import type { CellValue, FieldDef, SheetKey } from "../layout/types";
import { SHEET_NAMES } from "../layout/vocabulary";
import { ReportFileError } from "./errors";
import { completeThemes } from "./foreign-package";
import { readWorkbookFile } from "./file";
import { rememberPackage } from "./package";
import { surveyForExcelJS } from "./survey";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** ExcelJS takes date cells as UTC dates; the core works on Excel serials, as Office.js does. */
export function toSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH) / 86_400_000;
}

/** Normalises the shapes ExcelJS reads back (rich text, hyperlinks, formulas, dates, errors). */
export function plainValue(value: ExcelJS.CellValue): { value: CellValue; formula?: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return { value };
  if (value instanceof Date) return { value: toSerial(value) };
  if (typeof value === "object") {
    if ("richText" in value) return { value: value.richText.map((r) => r.text).join("") };
    if ("formula" in value || "sharedFormula" in value) {
      const formula = "formula" in value ? value.formula : value.sharedFormula;
      const result = plainValue((value.result ?? null) as ExcelJS.CellValue).value;
      return { value: result, formula };
    }
    if ("hyperlink" in value)
      return { value: typeof value.text === "string" ? value.text : String(value.text ?? "") };
    if ("error" in value) return { value: value.error };
  }
  return { value: String(value) };
}

export interface LoadOptions {
  /**
   * Only to read values: skip the sheet parts no reader needs. ExcelJS expands data validations cell by
   * cell (a whole-column one can exhaust memory) and they, with conditional formats, are a good part of
   * the load time. Never for a workbook that will be written back: those parts would be lost.
   */
  readOnly?: boolean;
}

const NOT_READ = ["dataValidations", "conditionalFormatting"];

/**
 * Loads an .xlsx with ExcelJS (for the commands that write a workbook back) after the package survey:
 * nothing ExcelJS would inflate or expand past its limits reaches it. A localized error for every failure.
 */
export async function loadWorkbook(
  bytes: Uint8Array,
  file?: string,
  options: LoadOptions = {},
): Promise<ExcelJS.Workbook> {
  try {
    surveyForExcelJS(bytes);
  } catch (err) {
    if (err instanceof ReportFileError) throw new ReportFileError(err.problem, err.detail, file);
    throw err;
  }
  const wb = newWorkbook();
  try {
    await wb.xlsx.load(
      bytes as unknown as ExcelJS.Buffer,
      options.readOnly ? { ignoreNodes: NOT_READ } : undefined,
    );
    // Written back: a package LibreOffice saved (no theme) must come out complete.
    completeThemes(wb);
  } catch (err) {
    throw new ReportFileError(
      "corrupt",
      {
        zh: "文件无法解析为 Excel 工作簿（内部结构有误）",
        en: `the file cannot be parsed as an Excel workbook (${(err as Error).message})`,
      },
      file,
    );
  }
  // Written back: its macros (which ExcelJS does not read) are kept for the copy.
  if (!options.readOnly) rememberPackage(wb, bytes);
  return wb;
}

export async function loadWorkbookFile(file: string, options: LoadOptions = {}): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await readWorkbookFile(file), file, options);
}

/** The metadata sheet, wherever it is: found by its name, or by its first key if renamed. */
function findMetaSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  return (
    wb.getWorksheet(SHEET_NAMES.meta) ??
    wb.worksheets.find((ws) => ws.getCell(1, 1).value === META_KEYS[0] && ws.state === "veryHidden")
  );
}

export function readMetadata(wb: ExcelJS.Workbook): Partial<Record<MetaKey, string>> | undefined {
  const ws = findMetaSheet(wb);
  if (!ws) return undefined;
  const out: Partial<Record<MetaKey, string>> = {};
  const keys = new Set<string>(META_KEYS);
  for (let r = 1; r <= META_KEYS.length + 4; r++) {
    const key = ws.getCell(r, 1).value;
    if (typeof key === "string" && keys.has(key)) {
      const value = plainValue(ws.getCell(r, 2).value).value;
      out[key as MetaKey] = value === null ? "" : String(value);
    }
  }
  return out;
}

/** The metadata sheet's field table: where each field was laid out, for names that went missing. */
export function readFieldTable(wb: ExcelJS.Workbook): Map<string, { sheet: SheetKey; cell: string }> {
  const ws = findMetaSheet(wb);
  const table = new Map<string, { sheet: SheetKey; cell: string }>();
  if (!ws) return table;
  let start = 0;
  for (let r = 1; r <= META_KEYS.length + 4; r++)
    if (ws.getCell(r, 1).value === META_FIELD_TABLE_HEADER) start = r;
  if (!start) return table;
  for (let r = start + 1; r <= ws.rowCount; r++) {
    const id = ws.getCell(r, 1).value;
    const sheet = ws.getCell(r, 3).value;
    const cell = ws.getCell(r, 4).value;
    if (typeof id === "string" && typeof sheet === "string" && typeof cell === "string")
      table.set(id, { sheet: sheet as SheetKey, cell });
  }
  return table;
}

/** Defined names of the workbook, name -> the first single-cell reference it points at. */
export function readDefinedNames(wb: ExcelJS.Workbook): Map<string, { sheetName: string; cell: string }> {
  const names = new Map<string, { sheetName: string; cell: string }>();
  for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[]) {
    const ref = ranges.map(parseCellRef).find((r) => r !== undefined);
    if (ref) names.set(name, ref);
  }
  return names;
}

/**
 * Reads every expected field by its defined name, never by a hard-coded address: a renamed sheet
 * or an inserted row does not break it. A field whose name is gone is reported, not guessed; one whose
 * name points elsewhere than its layout says is reported and read where the layout puts it (placeFields).
 */
export function readFields(
  wb: ExcelJS.Workbook,
  fields: FieldDef[],
  sheetNames: Record<SheetKey, string>,
): WorkbookReading {
  const names = readDefinedNames(wb);
  const reading: WorkbookReading = {
    metadata: readMetadata(wb),
    values: {},
    formulas: {},
    cells: {},
    missingNames: [],
    missingSheets: [],
  };
  const places = placeFields(fields, names, (name) => wb.getWorksheet(name) !== undefined);
  reading.missingNames = places.missing;
  reading.misplacedNames = places.misplaced;
  const expectedSheets = new Set(fields.map((f) => f.sheet));
  const sheetsFoundByNames = new Set<string>();
  for (const field of fields) {
    const ref = places.cells.get(field.id);
    const ws = ref ? wb.getWorksheet(ref.sheetName) : undefined;
    if (!ref || !ws) continue;
    sheetsFoundByNames.add(field.sheet);
    const cell = ws.getCell(ref.cell);
    // ExcelJS gives a cell merged into another the other's value; in Excel it is empty (merging keeps
    // only the top-left value), and reading it as a copy would pass a required field that is not there.
    const { value, formula } =
      cell.type === valueTypes().Merge && cell.master !== cell ? { value: null } : plainValue(cell.value);
    reading.values[field.id] = value;
    if (formula !== undefined) reading.formulas[field.id] = formula;
    reading.cells[field.id] = ref;
  }
  for (const key of expectedSheets) {
    if (!sheetsFoundByNames.has(key) && !wb.getWorksheet(sheetNames[key])) reading.missingSheets.push(key);
  }
  return reading;
}
