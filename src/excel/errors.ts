import type { LocalizedText } from "../spec/schema";

export type WorkbookProblem = "sheet-name-taken" | "name-taken";

/** Something in the open workbook stops an operation; the detail says what, and what the user can do. */
export class WorkbookError extends Error {
  constructor(
    readonly problem: WorkbookProblem,
    readonly detail: LocalizedText,
  ) {
    super(detail.en);
    this.name = "WorkbookError";
  }
}
