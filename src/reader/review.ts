import type { CellValue } from "../layout/types";
import { marksOfRows, REVIEW_ROWS, REVIEW_SHEET, type ReviewRow } from "../round/review-sheet";
import type { ReviewMark } from "../round/types";
import { parseAddress } from "./cells";
import type { ReportWorkbook } from "./workbook";

const text = (value: CellValue | undefined): string =>
  value === null || value === undefined ? "" : String(value).trim();

/**
 * The reviewer's marks on the 审核意见 sheet, read by key as the ExcelJS reading does (src/xlsx/review.ts,
 * held equal by test/contract/report-reader.test.ts): columns A (key), C (verdict) and D (comment) of each
 * row below the header. Only that sheet's first four columns are kept, so a long sheet costs no memory.
 */
export function readReviewMarks(wb: ReportWorkbook): ReviewMark[] {
  if (!wb.sheet(REVIEW_SHEET)?.part) return [];
  const cells = wb
    .readCells(new Map([[REVIEW_SHEET, { block: { rows: REVIEW_ROWS, cols: 4 } }]]))
    .get(REVIEW_SHEET);
  if (!cells) return [];
  const rows = new Map<number, ReviewRow>();
  for (const [address, cell] of cells) {
    const p = parseAddress(address);
    if (!p || p.row < 2) continue;
    let row = rows.get(p.row);
    if (!row) rows.set(p.row, (row = { key: "", verdict: "", comment: "" }));
    if (p.col === 1) row.key = text(cell.value);
    else if (p.col === 3) row.verdict = text(cell.value);
    else if (p.col === 4) row.comment = text(cell.value);
  }
  return marksOfRows([...rows.keys()].sort((a, b) => a - b).map((r) => rows.get(r)!));
}
