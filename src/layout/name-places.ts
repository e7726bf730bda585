import { a1 } from "./address";
import type { FieldDef, FieldId, SheetKey } from "./types";

export interface CellRef {
  sheetName: string;
  cell: string;
}

/** A field whose defined name points elsewhere than its layout says; the field is read where it belongs. */
export interface MisplacedName {
  fieldId: FieldId;
  /** Where the defined name points now. */
  pointsAt: CellRef;
}

export interface FieldPlaces {
  /** Where each readable field is read: by its name, or for a misplaced name where the layout puts it. */
  cells: Map<FieldId, CellRef>;
  /** Fields whose name is gone, points at a range or at a sheet that is not there (never guessed). */
  missing: FieldId[];
  misplaced: MisplacedName[];
}

interface Candidate {
  field: FieldDef;
  ref: CellRef;
  row: number;
  col: number;
}

function rowCol(cell: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(cell.toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function mode<T>(values: T[], prefer: (v: T) => number): T | undefined {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: T | undefined;
  let bestScore = -Infinity;
  for (const [v, n] of counts) {
    const score = n * 1000 + prefer(v);
    if (score > bestScore) [best, bestScore] = [v, score];
  }
  return best;
}

/**
 * Layout line (row or column) -> the line its names point at, kept only for lines whose order is kept:
 * inserting or deleting rows and columns moves every name below or right of them alike and never
 * reorders them, so a line out of order was moved by hand. Among equally long orders, the one keeping
 * the sheet's usual shift wins.
 */
function trustedLines(
  candidates: Candidate[],
  layoutLine: (f: FieldDef) => number,
  actualLine: (c: Candidate) => number,
): Map<number, number> {
  const shifts = candidates.map((c) => actualLine(c) - layoutLine(c.field));
  const usualShift = mode(shifts, (s) => -Math.abs(s)) ?? 0;
  const byLine = new Map<number, number[]>();
  for (const c of candidates) {
    const line = layoutLine(c.field);
    byLine.set(line, [...(byLine.get(line) ?? []), actualLine(c)]);
  }
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  const target = lines.map((l) => mode(byLine.get(l)!, (v) => (v - l === usualShift ? 1 : 0))!);
  // Heaviest strictly increasing subsequence: length first, then lines keeping the usual shift.
  const weight = lines.map((l, i) => 1000 + (target[i] - l === usualShift ? 1 : 0));
  const best = weight.slice();
  const previous = lines.map(() => -1);
  for (let i = 0; i < lines.length; i++)
    for (let j = 0; j < i; j++)
      if (target[j] < target[i] && best[j] + weight[i] > best[i]) {
        best[i] = best[j] + weight[i];
        previous[i] = j;
      }
  const trusted = new Map<number, number>();
  let end = best.indexOf(Math.max(...best, -1));
  for (; end >= 0; end = previous[end]) trusted.set(lines[end], target[end]);
  return trusted;
}

/** Where a layout line is now: as its own names say, else shifted as the nearest trusted line before it. */
function lineNow(line: number, trusted: Map<number, number>): number {
  const known = [...trusted.keys()].sort((a, b) => a - b);
  const nearest = known.filter((l) => l <= line).pop() ?? known[0];
  return nearest === undefined ? line : line + trusted.get(nearest)! - nearest;
}

/** The sheet a layout sheet is now: under its own name, or the one its names followed when it was renamed. */
function sheetNow(
  key: SheetKey,
  layoutName: string,
  candidates: Candidate[],
  templateNames: Set<string>,
  sheetExists: (name: string) => boolean,
): string | undefined {
  if (sheetExists(layoutName)) return layoutName;
  const renamed = candidates
    .filter((c) => c.field.sheet === key && !templateNames.has(c.ref.sheetName))
    .map((c) => c.ref.sheetName);
  return mode(renamed, () => 0);
}

/**
 * Where every field is read. A field's defined name is trusted when it points at one cell on the field's own
 * sheet, where the field's row and column are now (inserted or deleted rows and columns, a renamed sheet, move
 * every name alike). A name pointing at a label, at the metadata, at another sheet or out of its row or column
 * is misplaced: the field is read where its layout puts it, moved as its row's and column's other names were.
 */
export function placeFields(
  fields: readonly FieldDef[],
  names: ReadonlyMap<string, CellRef>,
  sheetExists: (name: string) => boolean,
): FieldPlaces {
  const places: FieldPlaces = { cells: new Map(), missing: [], misplaced: [] };
  const candidates: Candidate[] = [];
  for (const field of fields) {
    const ref = names.get(field.name);
    const at = ref ? rowCol(ref.cell) : undefined;
    if (!ref || !at || !sheetExists(ref.sheetName)) places.missing.push(field.id);
    else candidates.push({ field, ref, ...at });
  }
  const templateNames = new Set(fields.map((f) => f.sheetName));
  const sheetKeys = [...new Set(fields.map((f) => f.sheet))];
  const accepted = new Set<Candidate>();
  const located = new Map<
    SheetKey,
    { sheetName?: string; rows: Map<number, number>; cols: Map<number, number> }
  >();
  for (const key of sheetKeys) {
    const layoutName = fields.find((f) => f.sheet === key)!.sheetName;
    const sheetName = sheetNow(key, layoutName, candidates, templateNames, sheetExists);
    const onSheet = candidates.filter((c) => c.field.sheet === key && c.ref.sheetName === sheetName);
    const rows = trustedLines(
      onSheet,
      (f) => f.row,
      (c) => c.row,
    );
    const cols = trustedLines(
      onSheet,
      (f) => f.col,
      (c) => c.col,
    );
    for (const c of onSheet)
      if (rows.get(c.field.row) === c.row && cols.get(c.field.col) === c.col) accepted.add(c);
    // Where lines are now, from the accepted names alone: a misplaced name says nothing about its line.
    const keep = (line: (c: Candidate) => [number, number]) =>
      new Map(onSheet.filter((c) => accepted.has(c)).map(line));
    located.set(key, {
      sheetName,
      rows: keep((c) => [c.field.row, c.row]),
      cols: keep((c) => [c.field.col, c.col]),
    });
  }
  for (const c of candidates) {
    if (accepted.has(c)) {
      places.cells.set(c.field.id, {
        sheetName: c.ref.sheetName,
        cell: c.ref.cell.toUpperCase().replace(/\$/g, ""),
      });
      continue;
    }
    const sheet = located.get(c.field.sheet)!;
    if (sheet.sheetName === undefined) {
      places.missing.push(c.field.id);
      continue;
    }
    const cell = a1(lineNow(c.field.row, sheet.rows), lineNow(c.field.col, sheet.cols));
    places.cells.set(c.field.id, { sheetName: sheet.sheetName, cell });
    places.misplaced.push({ fieldId: c.field.id, pointsAt: c.ref });
  }
  const order = new Map(fields.map((f, i) => [f.id, i]));
  places.missing.sort((a, b) => order.get(a)! - order.get(b)!);
  return places;
}
