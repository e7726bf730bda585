import { LocalizedError } from "../i18n/errors";
import type { LocalizedText } from "../spec/schema";
import type { RefreshSnapshot } from "./types";

export type WorkbookProblem =
  "sheet-name-taken" | "name-taken" | "content-beyond-reach" | "review-mark" | "metadata-mismatch";

/** Something in the open workbook stops an operation; the detail says what, and what the user can do. */
export class WorkbookError extends LocalizedError {
  constructor(
    readonly problem: WorkbookProblem,
    detail: LocalizedText,
  ) {
    super(detail, "WorkbookError");
  }
}

/**
 * A refresh that failed after it began replacing the report's sheets: the workbook may be half rebuilt, but
 * every value was read before, and `before` puts the report back as it was.
 */
export class RefreshInterruptedError extends LocalizedError {
  constructor(
    readonly before: RefreshSnapshot,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? cause.message : String(cause);
    super(
      {
        zh: `刷新模板中途失败（${why}），工作簿可能不完整。所有填报值都已在刷新前读出：请点“撤销刷新”恢复刷新前的报表。`,
        en: `The refresh failed part-way (${why}) and the workbook may be incomplete. Every value was read before it started: choose Undo refresh to put the report back as it was.`,
      },
      "RefreshInterruptedError",
    );
  }
}
