import type { LocalizedText } from "../spec/schema";

export type FileProblem =
  | "not-found"
  | "unreadable"
  | "not-a-file"
  | "empty"
  | "not-xlsx"
  | "encrypted"
  | "opendocument"
  | "corrupt"
  | "too-large"
  | "unsafe-xml"
  | "not-a-report"
  | "unknown-spec"
  | "exists"
  | "unwritable";

/** A file that cannot be read or written as a report: exit code 2, never a stack trace. */
export class ReportFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly detail: LocalizedText,
    readonly file?: string,
  ) {
    super(detail.en);
    this.name = "ReportFileError";
  }
}
