import type ExcelJS from "exceljs";
import {
  marksFromRows,
  REVIEW_HEADER_FORMAT,
  REVIEW_HEADERS,
  REVIEW_READ_ROWS,
  REVIEW_ROW_FORMAT,
  REVIEW_SHEET,
  REVIEW_TAB_COLOR,
  REVIEW_WIDTHS,
  rowOfMark,
} from "../round/review-sheet";
import type { ReviewMark } from "../round/types";
import { plainValue } from "./read";

// The sheet's shape lives in src/round/review-sheet.ts, shared with the task pane's Office.js adapter.
export { REVIEW_HEADERS, REVIEW_KEY, REVIEW_SHEET } from "../round/review-sheet";

const text = (cell: ExcelJS.Cell): string => {
  const { value } = plainValue(cell.value);
  return value === null ? "" : String(value).trim();
};

/** The marks on the review sheet, read by key, never by row: a reviewer may sort or insert rows. */
export function readReviewMarks(wb: ExcelJS.Workbook): ReviewMark[] {
  const ws = wb.getWorksheet(REVIEW_SHEET);
  if (!ws) return [];
  const rows: string[][] = [];
  // As far down as every reader reads (the pane, the report reader): all agree on the same marks.
  for (let r = 2; r <= Math.min(ws.rowCount, REVIEW_READ_ROWS); r++) {
    const row = ws.getRow(r);
    rows.push([1, 2, 3, 4].map((c) => text(row.getCell(c))));
  }
  return marksFromRows(rows);
}

/** "#7030A0" as ExcelJS's ARGB. */
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

/**
 * Puts marks on the review sheet (made visible, after the report's sheets, when missing), one row per item
 * key: a new mark replaces the item's old one. Plain cells, so it travels in any spreadsheet program.
 */
export function writeReviewMarks(
  wb: ExcelJS.Workbook,
  marks: ReviewMark[],
  labelOf: (key: string) => string,
): void {
  let ws = wb.getWorksheet(REVIEW_SHEET);
  if (!ws) {
    ws = wb.addWorksheet(REVIEW_SHEET, { properties: { tabColor: { argb: argb(REVIEW_TAB_COLOR) } } });
    REVIEW_WIDTHS.forEach((w, i) => (ws!.getColumn(i + 1).width = w));
    REVIEW_HEADERS.forEach((h, i) => {
      const c = ws!.getCell(1, i + 1);
      c.value = h;
      c.font = { bold: REVIEW_HEADER_FORMAT.bold };
      c.alignment = { wrapText: REVIEW_HEADER_FORMAT.wrap, vertical: REVIEW_HEADER_FORMAT.vertical };
    });
    ws.views = [{ state: "frozen", ySplit: 1 }];
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    };
  }
  const rowOf = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const key = text(ws.getRow(r).getCell(1));
    if (key) rowOf.set(key, r);
  }
  for (const mark of marks) {
    const r = rowOf.get(mark.key) ?? Math.max(ws.rowCount, 1) + 1;
    rowOf.set(mark.key, r);
    const row = ws.getRow(r);
    rowOfMark(mark, labelOf(mark.key)).forEach((value, i) => {
      const cell = row.getCell(i + 1);
      cell.numFmt = REVIEW_ROW_FORMAT.numberFormat;
      cell.value = value;
    });
    row.getCell(4).alignment = {
      wrapText: REVIEW_ROW_FORMAT.commentWrap,
      vertical: REVIEW_ROW_FORMAT.vertical,
    };
    row.commit();
  }
}
