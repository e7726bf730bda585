import { cellCount, cellKey, columnName, type Area } from "./address";
import { FakeExcelError } from "./errors";
import { defaultCell, type CellModel, type SheetModel } from "./model";

/** Cells a single formatting call may touch here; more means the adapter formats whole columns cell by cell. */
export const FORMAT_CELL_LIMIT = 200_000;

export interface RangeTarget {
  sheet: SheetModel;
  area: Area;
}

export function cellAt(sheet: SheetModel, r: number, c: number): CellModel {
  const key = cellKey(r, c);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = defaultCell();
    sheet.cells.set(key, cell);
  }
  return cell;
}

export function peekCell(sheet: SheetModel, r: number, c: number): CellModel | undefined {
  return sheet.cells.get(cellKey(r, c));
}

export function a1Of(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

export function assertLive(sheet: SheetModel): void {
  if (sheet.deleted) throw new FakeExcelError("ItemNotFound", `sheet "${sheet.name}" was deleted`);
}

export function forEachCell(t: RangeTarget, fn: (cell: CellModel, r: number, c: number) => void): void {
  assertLive(t.sheet);
  if (cellCount(t.area) > FORMAT_CELL_LIMIT) {
    throw new FakeExcelError(
      "NotImplementedInFake",
      `${cellCount(t.area)} cells in one call: format the used block, not whole columns or rows`,
    );
  }
  for (let r = t.area.r0; r <= t.area.r1; r++)
    for (let c = t.area.c0; c <= t.area.c1; c++) fn(cellAt(t.sheet, r, c), r, c);
}

/** The value shared by every cell, or null when they differ (as Excel reports a mixed format). */
export function uniform<V>(t: RangeTarget, pick: (cell: CellModel) => V): V | null {
  let first = true;
  let shared: V | null = null;
  assertLive(t.sheet);
  if (cellCount(t.area) > FORMAT_CELL_LIMIT)
    throw new FakeExcelError("NotImplementedInFake", "reading a huge range");
  for (let r = t.area.r0; r <= t.area.r1; r++) {
    for (let c = t.area.c0; c <= t.area.c1; c++) {
      const v = pick(peekCell(t.sheet, r, c) ?? defaultCell());
      if (first) {
        shared = v;
        first = false;
      } else if (JSON.stringify(v) !== JSON.stringify(shared)) return null;
    }
  }
  return shared;
}

export function grid<V>(t: RangeTarget, pick: (cell: CellModel) => V): V[][] {
  assertLive(t.sheet);
  if (cellCount(t.area) > FORMAT_CELL_LIMIT)
    throw new FakeExcelError("NotImplementedInFake", "reading a huge range");
  const rows: V[][] = [];
  for (let r = t.area.r0; r <= t.area.r1; r++) {
    const row: V[] = [];
    for (let c = t.area.c0; c <= t.area.c1; c++) row.push(pick(peekCell(t.sheet, r, c) ?? defaultCell()));
    rows.push(row);
  }
  return rows;
}

/** Writing a 2-D array whose shape differs from the range fails in Excel with InvalidArgument. */
export function assertShape(t: RangeTarget, value: unknown, what: string): unknown[][] {
  const rows = t.area.r1 - t.area.r0 + 1;
  const cols = t.area.c1 - t.area.c0 + 1;
  const ok =
    Array.isArray(value) &&
    value.length === rows &&
    value.every((row) => Array.isArray(row) && row.length === cols);
  if (!ok) {
    const got = Array.isArray(value)
      ? `${value.length}x${Array.isArray(value[0]) ? (value[0] as unknown[]).length : "?"}`
      : typeof value;
    throw new FakeExcelError("InvalidArgument", `${what}: ${got} array written to a ${rows}x${cols} range`);
  }
  return value as unknown[][];
}

type FormatKind = "cells" | "columns" | "rows";

/** A protected sheet refuses formatting unless its options allow that kind. */
export function assertCanFormat(sheet: SheetModel, kind: FormatKind, what: string): void {
  assertLive(sheet);
  if (!sheet.protection.protected) return;
  const o = sheet.protection.options;
  const allowed =
    kind === "cells" ? o.allowFormatCells : kind === "columns" ? o.allowFormatColumns : o.allowFormatRows;
  if (!allowed) throw new FakeExcelError("AccessDenied", `${what} on protected sheet "${sheet.name}"`);
}

/** A protected sheet refuses edits to locked cells, and any structural change (merge, rules, notes). */
export function assertUnprotected(sheet: SheetModel, what: string): void {
  assertLive(sheet);
  if (sheet.protection.protected)
    throw new FakeExcelError("AccessDenied", `${what} on protected sheet "${sheet.name}"`);
}

export function assertEditable(sheet: SheetModel, cell: CellModel, r: number, c: number): void {
  if (sheet.protection.protected && cell.locked) {
    throw new FakeExcelError("AccessDenied", `${a1Of(r, c)} is locked on protected sheet "${sheet.name}"`);
  }
}
