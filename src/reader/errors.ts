import { LocalizedError } from "../i18n/errors";
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
  | "metadata-mismatch"
  | "exists"
  | "unwritable";

/** A file that cannot be read or written as a report: exit code 2, never a stack trace. */
export class ReportFileError extends LocalizedError {
  constructor(
    readonly problem: FileProblem,
    detail: LocalizedText,
    readonly file?: string,
  ) {
    super(detail, "ReportFileError");
  }

  /** Among several files, the line says which. */
  override line(): LocalizedText {
    const where = this.file ? `${this.file}: ` : "";
    return { zh: `${where}${this.detail.zh}`, en: `${where}${this.detail.en}` };
  }
}
