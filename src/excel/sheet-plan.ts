import { a1 } from "../layout/address";
import { TEMPLATE_FONT } from "../layout/styles";
import type { CellLayout, CellStyle, CellValue, SheetLayout, StyleKey } from "../layout/types";

/**
 * Pure planning for the Office.js renderer: which rectangular blocks to write in one call each, so that
 * the number of operations follows the template's structure, not its cell count.
 */

/** A rectangle of cells, 1-based like the layout. */
export interface Block {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function blockAddress(b: Block): string {
  const start = a1(b.row, b.col);
  return b.rows === 1 && b.cols === 1 ? start : `${start}:${a1(b.row + b.rows - 1, b.col + b.cols - 1)}`;
}

export function boundingBox(cells: { row: number; col: number }[]): Block | undefined {
  if (cells.length === 0) return undefined;
  const rows = cells.map((c) => c.row);
  const cols = cells.map((c) => c.col);
  const row = Math.min(...rows);
  const col = Math.min(...cols);
  return { row, col, rows: Math.max(...rows) - row + 1, cols: Math.max(...cols) - col + 1 };
}

/** Covers a set of cells with rectangles: runs along each row, stacked while the run below is the same. */
export function rectangles(cells: { row: number; col: number }[]): Block[] {
  const byRow = new Map<number, number[]>();
  for (const { row, col } of cells) byRow.set(row, [...(byRow.get(row) ?? []), col]);
  const done: Block[] = [];
  let open = new Map<string, Block>();
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const col of cols) {
      const last = runs[runs.length - 1];
      if (last && last[1] === col - 1) last[1] = col;
      else runs.push([col, col]);
    }
    const next = new Map<string, Block>();
    for (const [from, to] of runs) {
      const key = `${from}:${to}`;
      const above = open.get(key);
      if (above && above.row + above.rows === row) {
        above.rows++;
        next.set(key, above);
        open.delete(key);
      } else next.set(key, { row, col: from, rows: 1, cols: to - from + 1 });
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** A 2-D array over a block: the picked value where a cell is given, null (Excel: leave unchanged) elsewhere. */
export function gridOver<T>(
  box: Block,
  cells: CellLayout[],
  pick: (cell: CellLayout) => T | null,
): (T | null)[][] {
  const rows: (T | null)[][] = Array.from({ length: box.rows }, () => Array<T | null>(box.cols).fill(null));
  for (const cell of cells) rows[cell.row - box.row][cell.col - box.col] = pick(cell);
  return rows;
}

/**
 * Excel parses text written to `values` as if typed: "=x", "+x" and "-x" become formulas, "0012" and
 * "1,000" numbers, "2019-12-31" and "2019年12月31日" dates, "TRUE" a boolean. A leading apostrophe keeps it text.
 */
export function looksLikeEntry(text: string): boolean {
  const s = text.trim();
  if (s === "") return false;
  if (/^[=+\-@']/.test(s)) return true;
  if (/^(true|false)$/i.test(s)) return true;
  if (/^[\s\d.,:/\-%$¥￥()eE年月日时分秒]+$/.test(s) && /\d/.test(s)) return true;
  return /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(s) && /\d/.test(s);
}

/** A constant as written to `values`: text-formatted cells keep text as typed; elsewhere guard it. */
export function entryFor(value: CellValue, numberFormat: string | undefined): CellValue {
  if (typeof value !== "string" || numberFormat === "@") return value;
  return looksLikeEntry(value) ? `'${value}` : value;
}

/** ExcelJS takes ARGB ("FF1F4E79"), Office.js "#RRGGBB". */
export function officeColor(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

export type Paint =
  | { kind: "fill"; color: string }
  | { kind: "fontName"; name: string }
  | { kind: "fontSize"; size: number }
  | { kind: "bold" }
  | { kind: "italic" }
  | { kind: "fontColor"; color: string }
  | { kind: "horizontal"; value: "Left" | "Center" | "Right" }
  | { kind: "vertical"; value: "Top" | "Center" }
  | { kind: "wrap" }
  | { kind: "border" }
  | { kind: "unlock" };

/** What one style sets beyond a new sheet's defaults (no fill, 11pt, left/bottom, no wrap, locked). */
export function paintsOf(style: CellStyle): Paint[] {
  const paints: Paint[] = [
    { kind: "fontName", name: TEMPLATE_FONT },
    { kind: "fontSize", size: style.size ?? 11 },
  ];
  if (style.fill) paints.push({ kind: "fill", color: officeColor(style.fill) });
  if (style.bold) paints.push({ kind: "bold" });
  if (style.italic) paints.push({ kind: "italic" });
  if (style.fontColor) paints.push({ kind: "fontColor", color: officeColor(style.fontColor) });
  if (style.horizontal) {
    const value = style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
    paints.push({ kind: "horizontal", value });
  }
  if (style.vertical) paints.push({ kind: "vertical", value: style.vertical === "top" ? "Top" : "Center" });
  if (style.wrap) paints.push({ kind: "wrap" });
  if (style.border) paints.push({ kind: "border" });
  if (!style.locked) paints.push({ kind: "unlock" });
  return paints;
}

/** Each distinct paint with the blocks it covers: one call per block and property, grouped across styles. */
export function paintPlan(
  sheet: SheetLayout,
  styles: Record<StyleKey, CellStyle>,
): { paint: Paint; blocks: Block[] }[] {
  const groups = new Map<string, { paint: Paint; cells: CellLayout[] }>();
  for (const cell of sheet.cells) {
    for (const paint of paintsOf(styles[cell.style])) {
      const key = JSON.stringify(paint);
      const group = groups.get(key) ?? { paint, cells: [] };
      group.cells.push(cell);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ paint, cells }) => ({ paint, blocks: rectangles(cells) }));
}

/** Consecutive columns or rows with the same setting, as [first, last, value] runs. */
export function runs<T>(entries: [number, T][]): [number, number, T][] {
  const out: [number, number, T][] = [];
  for (const [index, value] of [...entries].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && last[1] === index - 1 && JSON.stringify(last[2]) === JSON.stringify(value)) last[1] = index;
    else out.push([index, index, value]);
  }
  return out;
}
