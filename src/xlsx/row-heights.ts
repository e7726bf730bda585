import type ExcelJS from "exceljs";
import { rowHeight, shownText, type CellText } from "../layout/row-height";
import { plainValue } from "./read";

/** ExcelJS's default column width when a column has none. */
const DEFAULT_COLUMN_WIDTH = 8.43;

interface MergeRange {
  model: { top: number; left: number; bottom: number; right: number };
}

/** The columns each merged cell spans, by its master's address (ExcelJS 4.4.0, pinned, keeps them in _merges). */
function mergeSpans(ws: ExcelJS.Worksheet): Map<string, MergeRange["model"]> {
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  return new Map(Object.entries(merges).map(([address, range]) => [address, range.model]));
}

/**
 * Grows each row of a worksheet to the height its text needs, as the file is: its values, its column widths
 * (the user's own too), its merges and fonts. A row is never made lower than it is: the user may have made it
 * taller, and a row laid out tall leaves room to type.
 */
export function fitWorksheetRows(ws: ExcelJS.Worksheet): void {
  const spans = mergeSpans(ws);
  const widths = new Map<number, number | undefined>();
  const widthOf = (col: number): number | undefined => {
    if (!widths.has(col)) {
      const column = ws.getColumn(col);
      widths.set(col, column.hidden ? undefined : (column.width ?? DEFAULT_COLUMN_WIDTH));
    }
    return widths.get(col);
  };
  ws.eachRow((row) => {
    const cells: CellText[] = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = shownText(plainValue(cell.value).value);
      if (!text) return;
      const span = spans.get(cell.address);
      if (span && span.bottom > span.top) return; // a merge over rows shares their heights: not measured
      let width = widthOf(Number(cell.col));
      if (width === undefined) return;
      for (let c = Number(cell.col) + 1; c <= (span?.right ?? 0); c++) width += widthOf(c) ?? 0;
      cells.push({ text, width, size: cell.font?.size ?? 11, wrap: cell.alignment?.wrapText ?? false });
    });
    const height = rowHeight(cells, row.height || undefined);
    if (height !== undefined && height !== row.height) row.height = height;
  });
}
