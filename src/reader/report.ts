import { canonicalValues } from "../layout/choices";
import type { SheetState } from "./package";
import { META_FIELD_TABLE_HEADER, META_KEYS, type MetaKey } from "../layout/build";
import type { WorkbookReading } from "../layout/reading";
import { recognizeReport, ReportError, sheetNamesOf, type RecognizedReport } from "../layout/recognize";
import type { CellValue, FieldId, SheetKey } from "../layout/types";
import { SHEET_NAMES } from "../layout/vocabulary";
import type { Spec } from "../spec/schema";
import { metadataMismatchOf } from "../layout/integrity";
import { placeFields } from "../layout/name-places";
import { parseAddress } from "./cells";
import { ReportFileError } from "./errors";
import type { CellWanted } from "./sheet";
import { ReportWorkbook, type CellReading } from "./workbook";

export interface OpenedReport extends RecognizedReport {
  reading: WorkbookReading;
}

/** Where the metadata's field table says each field was laid out. */
export type FieldTable = Map<FieldId, { sheet: SheetKey; cell: string }>;

/** The metadata sheet: its key/value pairs and its field table. */
export interface MetaSheet {
  metadata: Partial<Record<MetaKey, string>>;
  fieldTable: FieldTable;
}

/** How far down the metadata sheet is read: its field table has one row per field (a few hundred). */
const META_ROWS = 20_000;
const META_HEAD = META_KEYS.length + 4;

function asText(value: CellValue): string {
  return value === null ? "" : String(value);
}

/** The metadata sheet, wherever it is: found by its name, or by its first key on a very hidden sheet. */
export function readMetaSheet(wb: ReportWorkbook): MetaSheet | undefined {
  const block: CellWanted = { block: { rows: META_ROWS, cols: 4 } };
  let name: string | undefined = wb.sheet(SHEET_NAMES.meta)?.name;
  let cells: Map<string, CellReading> | undefined;
  if (name !== undefined) cells = wb.readCells(new Map([[name, block]])).get(name);
  else {
    for (const s of wb.pkg.sheets.filter((s) => s.state === "veryHidden")) {
      const a1 = wb.readCells(new Map([[s.name, { addresses: new Set(["A1"]) }]])).get(s.name);
      if (a1?.get("A1")?.value === META_KEYS[0]) {
        name = s.name;
        cells = wb.readCells(new Map([[name, block]])).get(name);
        break;
      }
    }
  }
  if (name === undefined || !cells) return undefined;
  // Rows of the block, from the cells present (not 20,000 lookups per column).
  const rows = new Map<number, CellValue[]>();
  for (const [address, cell] of cells) {
    const p = parseAddress(address);
    if (!p) continue;
    let row = rows.get(p.row);
    if (!row) rows.set(p.row, (row = [null, null, null, null]));
    row[p.col - 1] = cell.value;
  }
  const at = (row: number, col: number) => rows.get(row)?.[col] ?? null;
  const metadata: Partial<Record<MetaKey, string>> = {};
  const keys = new Set<string>(META_KEYS);
  let tableStart = 0;
  for (let r = 1; r <= META_HEAD; r++) {
    const key = at(r, 0);
    if (typeof key === "string" && keys.has(key)) metadata[key as MetaKey] = asText(at(r, 1));
    if (key === META_FIELD_TABLE_HEADER) tableStart = r;
  }
  const fieldTable: FieldTable = new Map();
  if (tableStart)
    for (const r of [...rows.keys()].filter((r) => r > tableStart).sort((a, b) => a - b)) {
      const [id, , sheet, cell] = rows.get(r)!;
      if (typeof id === "string" && typeof sheet === "string" && typeof cell === "string")
        fieldTable.set(id, { sheet: sheet as SheetKey, cell });
    }
  return { metadata, fieldTable };
}

export interface ReadReport extends OpenedReport {
  fieldTable: FieldTable;
  /** Each sheet's state as the file says it. */
  sheetStates: Map<string, SheetState>;
}

/** The report's very hidden sheets that a save left merely hidden or visible (LibreOffice does so). */
export function exposedSheetNames(report: ReadReport): string[] {
  return report.layout.sheets
    .filter((s) => s.visibility === "veryHidden")
    .map((s) => s.name)
    .filter((name) => {
      const state = report.sheetStates.get(name);
      return state !== undefined && state !== "veryHidden";
    });
}

function recognize(meta: MetaSheet | undefined, specs: Spec[], file?: string): RecognizedReport {
  try {
    return recognizeReport(meta?.metadata, specs);
  } catch (err) {
    if (err instanceof ReportError)
      throw new ReportFileError(
        err.problem === "unknown-spec" ? "unknown-spec" : "not-a-report",
        err.detail,
        file,
      );
    throw err;
  }
}

/**
 * Reads a returned workbook as a report: the metadata sheet says which spec and profile made it, every
 * field is found by its defined name and only the cells the names point at are read. A field whose name is
 * gone is reported, not guessed.
 */
export function readReport(bytes: Uint8Array, specs: Spec[], file?: string): ReadReport {
  return readOpenedReport(openReportWorkbook(bytes, file), specs, file);
}

/** Opens a workbook for reading, a refusal naming the file. */
export function openReportWorkbook(bytes: Uint8Array, file?: string): ReportWorkbook {
  try {
    return ReportWorkbook.open(bytes);
  } catch (err) {
    if (err instanceof ReportFileError && !err.file) throw new ReportFileError(err.problem, err.detail, file);
    throw err;
  }
}

/**
 * readReport of a workbook already open, its metadata sheet perhaps already read: the round looks at the
 * metadata first (the national office's input is no unit's report) and reads neither twice.
 */
export function readOpenedReport(
  wb: ReportWorkbook,
  specs: Spec[],
  file?: string,
  metaRead?: { meta: MetaSheet | undefined },
): ReadReport {
  return withFile(file, () => {
    const meta = metaRead ? metaRead.meta : readMetaSheet(wb);
    const recognized = recognize(meta, specs, file);
    const { fields } = recognized.layout;
    const places = placeFields(fields, wb.definedNames(), (name) => !!wb.sheet(name)?.part);
    const wanted = new Map<string, CellWanted>();
    for (const ref of places.cells.values()) {
      let want = wanted.get(ref.sheetName);
      if (!want) wanted.set(ref.sheetName, (want = { addresses: new Set() }));
      want.addresses!.add(ref.cell);
    }
    const cells = wb.readCells(wanted);
    const reading: WorkbookReading = {
      metadata: meta?.metadata,
      values: {},
      formulas: {},
      cells: {},
      missingNames: places.missing,
      missingSheets: [],
      misplacedNames: places.misplaced,
    };
    const sheetsFoundByNames = new Set<string>();
    for (const field of fields) {
      const ref = places.cells.get(field.id);
      if (!ref) continue;
      sheetsFoundByNames.add(field.sheet);
      const cell = cells.get(ref.sheetName)?.get(ref.cell) ?? { value: null };
      reading.values[field.id] = cell.value;
      if (cell.formula !== undefined) reading.formulas[field.id] = cell.formula;
      reading.cells[field.id] = ref;
    }
    const sheetNames = sheetNamesOf(recognized.layout) as Record<SheetKey, string>;
    for (const key of new Set(fields.map((f) => f.sheet)))
      if (!sheetsFoundByNames.has(key) && !wb.sheet(sheetNames[key])) reading.missingSheets.push(key);
    // Dropdown values as the rules speak them, whatever language the workbook shows them in.
    reading.values = canonicalValues(fields, reading.values);
    const mismatch = metadataMismatchOf(recognized.spec, recognized.layout, meta?.metadata, meta?.fieldTable);
    if (mismatch) reading.metadataMismatch = mismatch;
    const sheetStates = new Map(wb.pkg.sheets.map((sh) => [sh.name, sh.state]));
    return { ...recognized, reading, fieldTable: meta?.fieldTable ?? new Map(), sheetStates };
  });
}

/** Names the file in any refusal raised while reading it. */
function withFile<T>(file: string | undefined, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof ReportFileError && !err.file && file !== undefined)
      throw new ReportFileError(err.problem, err.detail, file);
    throw err;
  }
}
