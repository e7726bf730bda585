import type { ReviewMark, ReviewVerdict } from "./types";

/**
 * The 审核意见 sheet as both adapters write and read it (ExcelJS in src/xlsx/review.ts, Office.js in
 * src/excel/review.ts): one home, so a mark the pane writes is the mark the command line and the roll-up read.
 * Pure: rows of plain cell values in, marks out.
 */

/** The visible sheet a reviewer's verdicts travel on, with the workbook; kept by refresh as a user sheet. */
export const REVIEW_SHEET = "审核意见";
export const REVIEW_HEADERS = [
  "审核项编号\nItem id",
  "审核项\nItem",
  "审核结论\nVerdict",
  "审核意见\nComment",
];
/** Column widths in characters (ExcelJS's unit; the Office.js adapter converts to points). */
export const REVIEW_WIDTHS = [18, 36, 12, 60];
/** The sheet's tab, purple as the summary's review column: #RRGGBB. */
export const REVIEW_TAB_COLOR = "#7030A0";
/**
 * The data rows' cells are text ("@"): a comment starting with "=" or "-" stays a comment, never a formula
 * (TRAPS: Office.js parses values). The comment wraps and reads from the top.
 */
export const REVIEW_ROW_FORMAT = { numberFormat: "@", commentWrap: true, vertical: "top" } as const;
/** The header row: bold, wrapped (two lines, Chinese then English), centred vertically; frozen. */
export const REVIEW_HEADER_FORMAT = { bold: true, wrap: true, vertical: "middle" } as const;

/** The stored verdicts: always these words, whatever the language of the pane or the workbook. */
export const REVIEW_VERDICTS: readonly ReviewVerdict[] = ["通过", "退回修改"];
/** Keys are the prefix of an item's field ids: task.<n>, target.<id>, guideline.<n>, guideline.requirement-<n>. */
export const REVIEW_KEY = /^(task\.\d+|target\.[a-z][a-z0-9-]*|guideline\.(\d+|requirement-\d+))$/;

/**
 * Rows a reviewer can read back for the reader: the sheet is read by key, never by row, and rows are read
 * down to here (a reviewer may insert blank rows; the items number about fifty).
 */
export const REVIEW_READ_ROWS = 1000;

function text(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).trim();
}

/**
 * The marks in the sheet's data rows (header excluded), each row [key, item, verdict, comment] as plain
 * values. A row whose key or verdict is not one of ours is skipped; a later row for a key wins (the last
 * a reviewer typed by hand).
 */
export function marksFromRows(rows: readonly (readonly unknown[])[]): ReviewMark[] {
  const marks = new Map<string, ReviewMark>();
  for (const row of rows) {
    const key = text(row[0]);
    const verdict = text(row[2]) as ReviewVerdict;
    if (!REVIEW_KEY.test(key) || !REVIEW_VERDICTS.includes(verdict)) continue;
    marks.set(key, { key, verdict, comment: text(row[3]) });
  }
  return [...marks.values()];
}

/** One mark as the sheet's row: [key, item, verdict, comment]. */
export function rowOfMark(mark: ReviewMark, label: string): string[] {
  return [mark.key, label, mark.verdict, mark.comment];
}

/** Whether a mark may be recorded: a known key, a stored verdict, and 退回修改 only with a comment. */
export function reviewMarkProblem(mark: ReviewMark): "key" | "verdict" | "comment" | undefined {
  if (!REVIEW_KEY.test(mark.key)) return "key";
  if (!REVIEW_VERDICTS.includes(mark.verdict)) return "verdict";
  if (mark.verdict === "退回修改" && !mark.comment.trim()) return "comment";
  return undefined;
}
