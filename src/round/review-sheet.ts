import type { ReviewMark, ReviewVerdict } from "./types";

/** The visible sheet a reviewer's verdicts travel on, with the workbook; kept by refresh as a user sheet. */
export const REVIEW_SHEET = "审核意见";
export const REVIEW_HEADERS = [
  "审核项编号\nItem id",
  "审核项\nItem",
  "审核结论\nVerdict",
  "审核意见\nComment",
];
export const REVIEW_VERDICTS: readonly ReviewVerdict[] = ["通过", "退回修改"];
/** Keys are the prefix of an item's field ids: task.<n>, target.<id>, guideline.<n>, guideline.requirement-<n>. */
export const REVIEW_KEY = /^(task\.\d+|target\.[a-z][a-z0-9-]*|guideline\.(\d+|requirement-\d+))$/;
/** How far down the review sheet is read: one row per item (about 60), sorted or with rows inserted. */
export const REVIEW_ROWS = 20_000;

/** One row of the review sheet below its header: the item key, the verdict and the comment, as text. */
export interface ReviewRow {
  key: string;
  verdict: string;
  comment: string;
}

/**
 * The marks of the review sheet's rows, by key and never by row (a reviewer may sort or insert rows): a
 * row without a known key or verdict is no mark, and of two rows for one item the lower counts. Both
 * readers (ExcelJS for review, the report reader for the round) go through here, so they agree.
 */
export function marksOfRows(rows: Iterable<ReviewRow>): ReviewMark[] {
  const marks = new Map<string, ReviewMark>();
  for (const { key, verdict, comment } of rows) {
    if (!REVIEW_KEY.test(key) || !(REVIEW_VERDICTS as readonly string[]).includes(verdict)) continue;
    marks.set(key, { key, verdict: verdict as ReviewVerdict, comment });
  }
  return [...marks.values()];
}
