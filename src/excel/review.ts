import {
  marksFromRows,
  REVIEW_HEADER_FORMAT,
  REVIEW_HEADERS,
  REVIEW_READ_ROWS,
  REVIEW_ROW_FORMAT,
  REVIEW_SHEET,
  REVIEW_TAB_COLOR,
  REVIEW_WIDTHS,
  reviewMarkProblem,
  rowOfMark,
} from "../round/review-sheet";
import type { ReviewMark } from "../round/types";
import { WorkbookError } from "./errors";
import { POINTS_PER_CHARACTER } from "./render";
import type { BatchRunner } from "./types";

/**
 * The 审核意见 sheet through Office.js, as src/xlsx/review.ts writes and reads it with ExcelJS (the shape is
 * shared: src/round/review-sheet.ts). Read by key, never by row. Only ExcelApi 1.1 calls, but for the
 * sheet's tab colour and frozen header (1.7, the pane's minimum) and print setup (1.9, asked for).
 */

const LAST_COLUMN = "D";
const dataRows = `A2:${LAST_COLUMN}${REVIEW_READ_ROWS}`;

/** Sync 1: whether the workbook has the sheet (by name, as Excel compares them: case aside). */
function queueSheetNames(ctx: Excel.RequestContext): () => boolean {
  const sheets = ctx.workbook.worksheets.load("items/name");
  return () => sheets.items.some((s) => s.name.toLowerCase() === REVIEW_SHEET.toLowerCase());
}

function queueDataRows(ctx: Excel.RequestContext): () => unknown[][] {
  const range = ctx.workbook.worksheets.getItem(REVIEW_SHEET).getRange(dataRows).load("values");
  return () => range.values;
}

/** The marks on the sheet; none when there is no sheet. One sync, two when the sheet is there. */
export async function readReviewMarks(run: BatchRunner): Promise<ReviewMark[]> {
  return run(async (ctx) => {
    const exists = queueSheetNames(ctx);
    await ctx.sync();
    if (!exists()) return [];
    const rows = queueDataRows(ctx);
    await ctx.sync();
    return marksFromRows(rows());
  });
}

/** A new sheet as the ExcelJS writer makes it: headers, widths, frozen header, tab colour, print setup. */
function queueNewSheet(ctx: Excel.RequestContext, pageLayout: boolean): Excel.Worksheet {
  // Added at the end: after the report's sheets (and the results sheet, when there is one).
  const ws = ctx.workbook.worksheets.add(REVIEW_SHEET);
  ws.tabColor = REVIEW_TAB_COLOR;
  REVIEW_WIDTHS.forEach((width, i) => {
    const letter = String.fromCharCode(65 + i);
    ws.getRange(`${letter}:${letter}`).format.columnWidth = width * POINTS_PER_CHARACTER;
  });
  const header = ws.getRange(`A1:${LAST_COLUMN}1`);
  header.values = [REVIEW_HEADERS];
  header.format.font.bold = REVIEW_HEADER_FORMAT.bold;
  header.format.wrapText = REVIEW_HEADER_FORMAT.wrap;
  header.format.verticalAlignment = "Center";
  ws.freezePanes.freezeRows(1);
  if (pageLayout) {
    ws.pageLayout.paperSize = "A4";
    ws.pageLayout.orientation = "Landscape";
    ws.pageLayout.zoom = { horizontalFitToPages: 1 };
  }
  return ws;
}

/** The 1-based row a key's mark goes to: its row (the last, as readers take the last), else after the last used. */
export function rowForKey(rows: readonly (readonly unknown[])[], key: string): number {
  let found = -1;
  let lastUsed = -1;
  rows.forEach((row, i) => {
    if (String(row[0] ?? "").trim() === key) found = i;
    if (row.some((v) => v !== "" && v !== null && v !== undefined)) lastUsed = i;
  });
  return 2 + (found >= 0 ? found : lastUsed + 1);
}

/**
 * Records one item's mark: its row replaced, or a new row; the sheet made (visible, after the report's
 * sheets) when missing. Two syncs to make the sheet, three to add to it. Returns the marks now on the sheet,
 * and whether it was made.
 */
export async function writeReviewMark(
  run: BatchRunner,
  mark: ReviewMark,
  label: string,
  options: { pageLayout: boolean },
): Promise<{ marks: ReviewMark[]; created: boolean }> {
  const problem = reviewMarkProblem(mark);
  if (problem) {
    throw new WorkbookError("review-mark", {
      zh: problem === "comment" ? "退回修改须填写审核意见。" : "无法记录此审核意见。",
      en: problem === "comment" ? "Send back needs a comment." : "This review mark cannot be recorded.",
    });
  }
  return run(async (ctx) => {
    const exists = queueSheetNames(ctx);
    await ctx.sync();
    let rows: unknown[][] = [];
    let ws: Excel.Worksheet;
    if (exists()) {
      const read = queueDataRows(ctx);
      await ctx.sync();
      rows = read();
      ws = ctx.workbook.worksheets.getItem(REVIEW_SHEET);
    } else {
      ws = queueNewSheet(ctx, options.pageLayout);
    }
    const r = rowForKey(rows, mark.key);
    const row = ws.getRange(`A${r}:${LAST_COLUMN}${r}`);
    // Text first (TRAPS: "=..." or "-..." written to values is parsed), then the values.
    row.numberFormat = [REVIEW_HEADERS.map(() => REVIEW_ROW_FORMAT.numberFormat)];
    const values = rowOfMark(mark, label);
    row.values = [values];
    const comment = ws.getRange(`${LAST_COLUMN}${r}`);
    comment.format.wrapText = REVIEW_ROW_FORMAT.commentWrap;
    comment.format.verticalAlignment = "Top";
    await ctx.sync();
    const after = [...rows];
    after[r - 2] = values;
    return { marks: marksFromRows(after.filter((x) => x !== undefined)), created: !exists() };
  });
}
