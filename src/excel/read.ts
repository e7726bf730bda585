import { META_KEYS, type MetaKey } from "../layout/build";
import { placeFields, type CellRef, type FieldPlaces } from "../layout/name-places";
import { parseCellRef, type WorkbookReading } from "../layout/reading";
import type { CellValue, FieldDef, FieldId, SheetKey } from "../layout/types";
import { SHEET_NAMES } from "../layout/vocabulary";

/**
 * Reads a report in two syncs, the same way src/xlsx/read.ts reads a file: metadata sheet, then every
 * field by its defined name. Sync 1 lists sheets and names; sync 2 reads the metadata and the cells the
 * field names point at. No call is chained off an object that may not exist.
 */

/** The metadata sheet's rows that hold its keys, as the ExcelJS reader scans them. */
const META_ROWS = META_KEYS.length + 4;
/** Field names start so (definedNameOf in layout/address.ts); other names are the user's and are not read. */
const FIELD_NAME = /^F_/;

export interface SheetEntry {
  name: string;
  visibility: string;
}

export interface WorkbookProbe {
  sheets: SheetEntry[];
  /** Field names: the cell each points at, or undefined when it points nowhere (#REF!) or at a range. */
  names: Map<string, { sheetName: string; cell: string } | undefined>;
  /** Names that point into the lists sheet: the dropdowns' sources, which a refresh replaces with the sheet. */
  listNames: string[];
}

export interface FieldCells {
  metadata: Partial<Record<MetaKey, string>> | undefined;
  /** By defined name: the cell's value and formula as Office.js returns them. */
  cells: Map<string, { value: unknown; formula: unknown }>;
}

/** Sync 1: the sheets and the defined names. */
export function queueProbe(ctx: Excel.RequestContext): () => WorkbookProbe {
  const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
  const names = ctx.workbook.names.load("items/name,items/type,items/formula");
  return () => ({
    sheets: sheets.items.map((s) => ({ name: s.name, visibility: s.visibility })),
    names: new Map(
      names.items
        .filter((n) => FIELD_NAME.test(n.name))
        .map((n) => [
          n.name,
          n.type === "Range" && typeof n.formula === "string" ? parseCellRef(n.formula) : undefined,
        ]),
    ),
    listNames: names.items
      .filter(
        (n) => typeof n.formula === "string" && n.formula.replace(/'/g, "").includes(`${SHEET_NAMES.lists}!`),
      )
      .map((n) => n.name),
  });
}

export function metadataFrom(rows: unknown[][]): Partial<Record<MetaKey, string>> {
  const keys = new Set<string>(META_KEYS);
  const out: Partial<Record<MetaKey, string>> = {};
  for (const [key, value] of rows) {
    if (typeof key === "string" && keys.has(key))
      out[key as MetaKey] = value === null || value === undefined ? "" : String(value);
  }
  return out;
}

/** The metadata sheet's key/value pairs: by name, else a very hidden sheet whose A1 is the first key. */
export function queueMetadata(
  ctx: Excel.RequestContext,
  probe: WorkbookProbe,
): () => Partial<Record<MetaKey, string>> | undefined {
  const byName = probe.sheets.some((s) => s.name === SHEET_NAMES.meta);
  const candidates = byName
    ? [SHEET_NAMES.meta]
    : probe.sheets.filter((s) => s.visibility === "VeryHidden").map((s) => s.name);
  const ranges = candidates.map((name) =>
    ctx.workbook.worksheets.getItem(name).getRange(`A1:B${META_ROWS}`).load("values"),
  );
  return () => {
    const meta = ranges.find((r) => byName || r.values[0][0] === META_KEYS[0]);
    return meta ? metadataFrom(meta.values) : undefined;
  };
}

/** Sync 2: the metadata and every field cell the names point at. */
export function queueFieldCells(ctx: Excel.RequestContext, probe: WorkbookProbe): () => FieldCells {
  const metadata = queueMetadata(ctx, probe);
  const present = new Set(probe.sheets.map((s) => s.name));
  const cellRanges = [...probe.names]
    .filter(([, ref]) => ref !== undefined && present.has(ref.sheetName))
    .map(([name]) => [name, ctx.workbook.names.getItem(name).getRange().load("values,formulas")] as const);
  return () => ({
    metadata: metadata(),
    cells: new Map(
      cellRanges.map(([name, range]) => [name, { value: range.values[0][0], formula: range.formulas[0][0] }]),
    ),
  });
}

/**
 * Office.js gives "" for an empty cell and, in `formulas`, the constant itself when there is no formula:
 * a text cell holding "=1+1" reads the same in both, which is how it is told apart from a formula.
 */
export function officeCellValue(value: unknown, formula: unknown): { value: CellValue; formula?: string } {
  const v: CellValue =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) {
    return { value: v, formula: formula.slice(1) };
  }
  return { value: v === "" ? null : v };
}

/** The field names that point at one cell, as placeFields takes them. */
export function definedRefs(probe: WorkbookProbe): Map<string, CellRef> {
  const refs = new Map<string, CellRef>();
  for (const [name, ref] of probe.names) if (ref) refs.set(name, ref);
  return refs;
}

/** Where every field is read, decided as both file readers decide it (src/layout/name-places.ts). */
export function placesFor(fields: readonly FieldDef[], probe: WorkbookProbe): FieldPlaces {
  const present = new Set(probe.sheets.map((s) => s.name));
  return placeFields(fields, definedRefs(probe), (name) => present.has(name));
}

/**
 * One more sync, only for a workbook with misplaced names: the cells their fields really are in. A report
 * as the template made it never needs it.
 */
export function queueRelocated(
  ctx: Excel.RequestContext,
  places: FieldPlaces,
): (() => Map<FieldId, { value: unknown; formula: unknown }>) | undefined {
  const ranges = places.misplaced.flatMap(({ fieldId }) => {
    const at = places.cells.get(fieldId);
    return at
      ? [
          [
            fieldId,
            ctx.workbook.worksheets.getItem(at.sheetName).getRange(at.cell).load("values,formulas"),
          ] as const,
        ]
      : [];
  });
  if (ranges.length === 0) return undefined;
  return () =>
    new Map(ranges.map(([id, range]) => [id, { value: range.values[0][0], formula: range.formulas[0][0] }]));
}

/** Fills a WorkbookReading exactly as src/xlsx/read.ts readFields does. */
export function readingFrom(
  fields: FieldDef[],
  sheetNames: Record<SheetKey, string>,
  probe: WorkbookProbe,
  found: FieldCells,
  places: FieldPlaces = placesFor(fields, probe),
  relocated: Map<FieldId, { value: unknown; formula: unknown }> = new Map(),
): WorkbookReading {
  const reading: WorkbookReading = {
    metadata: found.metadata,
    values: {},
    formulas: {},
    cells: {},
    missingNames: places.missing,
    missingSheets: [],
    misplacedNames: places.misplaced,
  };
  const present = new Set(probe.sheets.map((s) => s.name));
  const misplaced = new Set(places.misplaced.map((m) => m.fieldId));
  const expectedSheets = new Set(fields.map((f) => f.sheet));
  const sheetsFoundByNames = new Set<string>();
  for (const field of fields) {
    const ref = places.cells.get(field.id);
    const cell = misplaced.has(field.id) ? relocated.get(field.id) : found.cells.get(field.name);
    if (!ref) continue;
    sheetsFoundByNames.add(field.sheet);
    const { value, formula } = cell ? officeCellValue(cell.value, cell.formula) : { value: null };
    reading.values[field.id] = value;
    if (formula !== undefined) reading.formulas[field.id] = formula;
    reading.cells[field.id] = ref;
  }
  for (const key of expectedSheets) {
    if (!sheetsFoundByNames.has(key) && !present.has(sheetNames[key])) reading.missingSheets.push(key);
  }
  return reading;
}
