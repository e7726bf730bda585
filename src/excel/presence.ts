import { SHEET_NAMES } from "../layout/vocabulary";
import type { BatchRunner } from "./types";

/**
 * Whether the open workbook may hold a report, in one sync and without the rest of the adapter: the pane's
 * first view (insert a template) can then show before the engine has loaded. A metadata sheet by name, or
 * any very hidden sheet (the metadata sheet renamed), means "maybe": the full reader decides.
 */
export async function mayHoldReport(run: BatchRunner): Promise<boolean> {
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets.load("items/name,items/visibility");
    await ctx.sync();
    return sheets.items.some((s) => s.name === SHEET_NAMES.meta || s.visibility === "VeryHidden");
  });
}
