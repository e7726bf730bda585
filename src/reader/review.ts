import type { CellValue } from "../layout/types";
import { marksFromRows, REVIEW_READ_ROWS, REVIEW_SHEET } from "../round/review-sheet";
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
    .readCells(new Map([[REVIEW_SHEET, { block: { rows: REVIEW_READ_ROWS, cols: 4 } }]]))
    .get(REVIEW_SHEET);
  if (!cells) return [];
  // Rows as [key, item, verdict, comment], in sheet order: of two rows for one item the lower counts.
  const rows = new Map<number, string[]>();
  for (const [address, cell] of cells) {
    const p = parseAddress(address);
    if (!p || p.row < 2 || p.col > 4) continue;
    let row = rows.get(p.row);
    if (!row) rows.set(p.row, (row = ["", "", "", ""]));
    row[p.col - 1] = text(cell.value);
  }
  return marksFromRows([...rows.keys()].sort((a, b) => a - b).map((r) => rows.get(r)!));
}
