import { a1 } from "../layout/address";
import { KEPT_SHEET_NAME } from "./kept-sheet";
import type { CellValue, FieldId, SheetKey, SheetLayout, WorkbookLayout } from "../layout/types";

/** One non-empty cell as an adapter read it from a report sheet (1-based row and column). */
export interface ReadCell {
  row: number;
  col: number;
  value: CellValue;
  /** Without its leading "=", as both adapters' readers give it; value is then its result. */
  formula?: string;
}

/** Everything an adapter read from one sheet of the report, by the sheet's name in the workbook. */
export interface ReadSheetCells {
  sheetName: string;
  cells: ReadCell[];
}

/**
 * What a person put on a report sheet that the layout did not: rows typed below a table, a note in a spare
 * column. A refresh rebuilds the sheet from the layout, so these travel on their own.
 */
export interface SheetAddition {
  /** The sheet's key when it came from a report sheet (to find the same sheet in the new layout). */
  sheet?: SheetKey;
  /** The sheet's name as the person saw it. */
  sheetName: string;
  /** A1 address as the person saw it. */
  cell: string;
  value: CellValue;
  formula?: string;
}

export interface PlacedAdditions {
  /** The kept-additions sheet's name in the new workbook's language. */
  sheetName: string;
  /** Put back at their own address: it is free in the new layout. */
  inPlace: SheetAddition[];
  /** On the visible kept-additions sheet: the earlier ones first, then those whose address the layout now uses. */
  kept: SheetAddition[];
}

type Occupied = (row: number, col: number) => boolean;

/** The cells a layout's sheet writes content to (a label, an input, a formula) or covers with a merge. */
function occupiedBy(sheet: SheetLayout): Occupied {
  const cells = new Set(
    sheet.cells
      .filter((c) => c.fieldId !== undefined || c.formula !== undefined || !isBlank(c.value))
      .map((c) => `${c.row},${c.col}`),
  );
  const merges = sheet.merges.map(parseRange).filter((m) => m !== undefined);
  return (row, col) =>
    cells.has(`${row},${col}`) ||
    merges.some((m) => row >= m.r0 && row <= m.r1 && col >= m.c0 && col <= m.c1);
}

function isBlank(value: CellValue | undefined): boolean {
  return value === undefined || value === null || value === "";
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseRange(ref: string): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref);
  if (!m) return undefined;
  const c0 = colNumber(m[1]);
  const r0 = Number(m[2]);
  return { r0, c0, c1: m[3] ? colNumber(m[3]) : c0, r1: m[4] ? Number(m[4]) : r0 };
}

interface Shift {
  dr: number;
  dc: number;
}

/** Where the sheet's fields were found (by their defined names), top to bottom: how far each had moved. */
function anchorsOf(
  layout: WorkbookLayout,
  sheet: SheetLayout,
  sheetName: string,
  found: Record<FieldId, { sheetName: string; cell: string }>,
): { row: number; shift: Shift }[] {
  const anchors: { row: number; shift: Shift }[] = [];
  for (const field of layout.fields) {
    const at = found[field.id];
    const place = at && at.sheetName === sheetName ? parseRange(at.cell) : undefined;
    if (field.sheet !== sheet.key || !place) continue;
    anchors.push({ row: place.r0, shift: { dr: place.r0 - field.row, dc: place.c0 - field.col } });
  }
  return anchors.sort((a, b) => a.row - b.row);
}

/**
 * How far a row may have moved, from the fields around it: one shift where the fields above and below agree
 * (no row was inserted there, the common case), two where a person inserted rows between them.
 */
function shiftsAt(row: number, anchors: { row: number; shift: Shift }[]): Shift[] {
  let before: Shift | undefined;
  let after: Shift | undefined;
  for (const a of anchors) {
    if (a.row <= row) before = a.shift;
    if (a.row >= row && after === undefined) after = a.shift;
  }
  // Above the first field the title and headers stay put unless the insertion was above them.
  const candidates = [before ?? { dr: 0, dc: 0 }, ...(after ? [after] : [])];
  return candidates.filter((s, i) => candidates.findIndex((t) => t.dr === s.dr && t.dc === s.dc) === i);
}

/**
 * Whether a cell read at (row, col) is the layout's. Where its row cannot have moved, by address alone (a label
 * the person retyped is still the label). Where rows were inserted near it, the layout's cell must also match
 * what was read: the same label text, or a formula where the layout has one.
 */
function isLayouts(sheet: SheetLayout, occupied: Occupied, cell: ReadCell, shifts: Shift[]): boolean {
  if (shifts.length === 1) return occupied(cell.row - shifts[0].dr, cell.col - shifts[0].dc);
  return shifts.some(({ dr, dc }) => {
    const laid = sheet.cells.find((c) => c.row === cell.row - dr && c.col === cell.col - dc);
    if (!laid || laid.fieldId !== undefined) return false;
    if (laid.formula !== undefined) return cell.formula !== undefined;
    return !isBlank(laid.value) && String(laid.value) === String(cell.value);
  });
}

/**
 * The person's additions on the report's sheets: every non-empty cell the layout the workbook was made from
 * did not write there. Pure: the adapters read the cells, this decides what is whose. A field's own cell is
 * known exactly, by its defined name.
 */
export function findAdditions(
  layout: WorkbookLayout,
  read: ReadSheetCells[],
  found: Record<FieldId, { sheetName: string; cell: string }>,
): SheetAddition[] {
  const fieldCells = new Set(Object.values(found).map((at) => `${at.sheetName}!${at.cell}`));
  const additions: SheetAddition[] = [];
  for (const { sheetName, cells } of read) {
    const sheet = layout.sheets.find((s) => s.name === sheetName && s.visibility === "visible");
    if (!sheet) continue;
    const occupied = occupiedBy(sheet);
    const anchors = anchorsOf(layout, sheet, sheetName, found);
    for (const cell of cells) {
      if (isBlank(cell.value) && cell.formula === undefined) continue;
      const address = a1(cell.row, cell.col);
      if (fieldCells.has(`${sheetName}!${address}`)) continue;
      if (isLayouts(sheet, occupied, cell, shiftsAt(cell.row, anchors))) continue;
      additions.push({
        sheet: sheet.key,
        sheetName,
        cell: address,
        value: cell.value,
        ...(cell.formula === undefined ? {} : { formula: cell.formula }),
      });
    }
  }
  return additions;
}

/**
 * One key per cell content: a formula by its text (the kept sheet shows no result), a value by itself and its
 * type (120 is not "120"). A set of keys, not a search: an earlier kept sheet may hold many rows.
 */
function keyOf(a: SheetAddition): string {
  const content = a.formula !== undefined ? `f:${a.formula}` : `${typeof a.value}:${String(a.value)}`;
  return JSON.stringify([a.sheetName, a.cell, content]);
}

/**
 * Where each addition goes in the new layout: back at its own address on the same sheet when the new layout
 * leaves that cell free, else onto the kept-additions sheet beside those an earlier refresh kept there.
 */
export function placeAdditions(
  layout: WorkbookLayout,
  additions: SheetAddition[],
  previouslyKept: SheetAddition[],
): PlacedAdditions {
  const occupied = new Map(
    layout.sheets.filter((s) => s.visibility === "visible").map((s) => [s.key, occupiedBy(s)]),
  );
  const placed: PlacedAdditions = {
    sheetName: KEPT_SHEET_NAME[layout.metadata.language],
    inPlace: [],
    kept: [...previouslyKept],
  };
  const keptKeys = new Set(previouslyKept.map(keyOf));
  for (const addition of additions) {
    const taken = addition.sheet === undefined ? undefined : occupied.get(addition.sheet);
    const at = parseRange(addition.cell);
    if (taken && at && !taken(at.r0, at.c0)) placed.inPlace.push(addition);
    else if (!keptKeys.has(keyOf(addition))) {
      keptKeys.add(keyOf(addition));
      placed.kept.push(addition);
    }
  }
  return placed;
}
