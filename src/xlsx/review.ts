import type ExcelJS from "exceljs";
import type { ReviewMark, ReviewVerdict } from "../round/types";
import { plainValue } from "./read";

/** The visible sheet a reviewer's verdicts travel on, with the workbook; kept by refresh as a user sheet. */
export const REVIEW_SHEET = "审核意见";
export const REVIEW_HEADERS = [
  "审核项编号\nItem id",
  "审核项\nItem",
  "审核结论\nVerdict",
  "审核意见\nComment",
];
const VERDICTS: ReviewVerdict[] = ["通过", "退回修改"];
/** Keys are the prefix of an item's field ids: task.<n>, target.<id>, guideline.<n>, guideline.requirement-<n>. */
export const REVIEW_KEY = /^(task\.\d+|target\.[a-z][a-z0-9-]*|guideline\.(\d+|requirement-\d+))$/;

const text = (cell: ExcelJS.Cell): string => {
  const { value } = plainValue(cell.value);
  return value === null ? "" : String(value).trim();
};

/** The marks on the review sheet, read by key, never by row: a reviewer may sort or insert rows. */
export function readReviewMarks(wb: ExcelJS.Workbook): ReviewMark[] {
  const ws = wb.getWorksheet(REVIEW_SHEET);
  if (!ws) return [];
  const marks = new Map<string, ReviewMark>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const key = text(row.getCell(1));
    const verdict = text(row.getCell(3)) as ReviewVerdict;
    if (!REVIEW_KEY.test(key) || !VERDICTS.includes(verdict)) continue;
    marks.set(key, { key, verdict, comment: text(row.getCell(4)) });
  }
  return [...marks.values()];
}
