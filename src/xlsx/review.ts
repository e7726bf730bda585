import type ExcelJS from "exceljs";
import { marksOfRows, REVIEW_HEADERS, REVIEW_SHEET, type ReviewRow } from "../round/review-sheet";
import type { ReviewMark } from "../round/types";
import { plainValue } from "./read";

export { REVIEW_HEADERS, REVIEW_KEY, REVIEW_SHEET } from "../round/review-sheet";

const text = (cell: ExcelJS.Cell): string => {
  const { value } = plainValue(cell.value);
  return value === null ? "" : String(value).trim();
};

/** The marks on the review sheet, read by key, never by row: a reviewer may sort or insert rows. */
export function readReviewMarks(wb: ExcelJS.Workbook): ReviewMark[] {
  const ws = wb.getWorksheet(REVIEW_SHEET);
  if (!ws) return [];
  const rows: ReviewRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push({ key: text(row.getCell(1)), verdict: text(row.getCell(3)), comment: text(row.getCell(4)) });
  }
  return marksOfRows(rows);
}

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
    ws = wb.addWorksheet(REVIEW_SHEET, { properties: { tabColor: { argb: "FF7030A0" } } });
    [18, 36, 12, 60].forEach((w, i) => (ws!.getColumn(i + 1).width = w));
    REVIEW_HEADERS.forEach((h, i) => {
      const c = ws!.getCell(1, i + 1);
      c.value = h;
      c.font = { bold: true };
      c.alignment = { wrapText: true, vertical: "middle" };
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
    row.getCell(1).value = mark.key;
    row.getCell(2).value = labelOf(mark.key);
    row.getCell(3).value = mark.verdict;
    row.getCell(4).value = mark.comment;
    row.getCell(4).alignment = { wrapText: true, vertical: "top" };
    row.commit();
  }
}
