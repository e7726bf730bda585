import type { WorkbookReading } from "../layout/reading";
import type { FieldDef } from "../layout/types";
import type { BatchRunner } from "./types";
import { officeCellValue } from "./read";
import type { FieldEdits } from "./types";

/**
 * Live checking: the report's sheets are watched with `worksheet.onChanged` (ExcelApi 1.7; the collection's
 * event needs 1.9, which Excel 2019 lacks). A change reads only the fields inside the changed cells, by their
 * defined names, in one sync: the workbook is never read again as a whole.
 */

interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "F6", "F6:G9", "$F$6", "6:6" or "F:F" (what onChanged reports) as 1-based bounds. */
export function areaOf(address: string): Area | undefined {
  const part = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b = a] = part.replace(/\$/g, "").split(":");
  const corner = (ref: string, end: boolean): [number, number] | undefined => {
    const m = /^([A-Z]{0,3})(\d*)$/i.exec(ref);
    if (!m || (!m[1] && !m[2])) return undefined;
    const row = m[2] ? Number(m[2]) : end ? Number.MAX_SAFE_INTEGER : 1;
    const col = m[1] ? colNumber(m[1]) : end ? Number.MAX_SAFE_INTEGER : 1;
    return [row, col];
  };
  const start = corner(a, false);
  const end = corner(b, true);
  if (!start || !end) return undefined;
  return { r0: start[0], c0: start[1], r1: end[0], c1: end[1] };
}

function cellPoint(cell: string): [number, number] | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(cell);
  return m ? [Number(m[2]), colNumber(m[1])] : undefined;
}

/** The fields whose cell (where the reading found it) lies inside the changed area of a sheet. */
export function fieldsIn(
  fields: readonly FieldDef[],
  reading: WorkbookReading,
  sheetName: string,
  address: string,
): FieldDef[] {
  const area = areaOf(address);
  if (!area) return [];
  return fields.filter((f) => {
    const at = reading.cells[f.id];
    if (!at || at.sheetName !== sheetName) return false;
    const p = cellPoint(at.cell);
    return p !== undefined && p[0] >= area.r0 && p[0] <= area.r1 && p[1] >= area.c0 && p[1] <= area.c1;
  });
}

/** Reads the given fields by their defined names: one sync. */
export async function readFields(run: BatchRunner, fields: readonly FieldDef[]): Promise<FieldEdits> {
  if (fields.length === 0) return { values: {}, formulas: {} };
  return run(async (ctx) => {
    const ranges = fields.map(
      (f) => [f.id, ctx.workbook.names.getItem(f.name).getRange().load("values,formulas")] as const,
    );
    await ctx.sync();
    const edits: FieldEdits = { values: {}, formulas: {} };
    for (const [id, range] of ranges) {
      const { value, formula } = officeCellValue(range.values[0][0], range.formulas[0][0]);
      edits.values[id] = value;
      edits.formulas[id] = formula;
    }
    return edits;
  });
}

/** Rows or columns inserted or deleted move the fields: the report must be opened again. */
const STRUCTURAL = new Set([
  "RowInserted",
  "RowDeleted",
  "ColumnInserted",
  "ColumnDeleted",
  "CellInserted",
  "CellDeleted",
]);

export interface WatchTarget {
  fields: readonly FieldDef[];
  reading: WorkbookReading;
}

export type FieldEditListener = (edits: FieldEdits | "moved") => void;

/**
 * Registers the change handlers on the report's sheets (two syncs: the sheets' ids, then the handlers).
 * The returned stop makes every handler inert; Office.js removes handlers only from the context that added
 * them, and the sheets they sit on are replaced by the next refresh anyway.
 */
export async function watchReport(
  run: BatchRunner,
  target: WatchTarget,
  listener: FieldEditListener,
  onError: (error: unknown) => void,
): Promise<() => void> {
  let live = true;
  const sheetNames = new Set(Object.values(target.reading.cells).map((c) => c.sheetName));
  await run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load("items/id,items/name");
    await ctx.sync();
    for (const sheet of sheets.items) {
      if (!sheetNames.has(sheet.name)) continue;
      const name = sheet.name;
      sheet.onChanged.add(async (args) => {
        if (!live) return;
        try {
          if (STRUCTURAL.has(args.changeType)) {
            listener("moved");
            return;
          }
          const changed = fieldsIn(target.fields, target.reading, name, args.address);
          if (changed.length === 0) return;
          const edits = await readFields(run, changed);
          if (live) listener(edits);
        } catch (error) {
          if (live) onError(error);
        }
      });
    }
    await ctx.sync();
  });
  return () => {
    live = false;
  };
}
