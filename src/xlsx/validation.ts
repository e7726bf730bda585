import type ExcelJS from "exceljs";
import { checkReport, summarize, type Issue, type IssueSummary } from "../rules";
import type { LocalizedText, Spec } from "../spec/schema";
import { bundledSpecs } from "../spec";
import { ReportFileError, type FileProblem } from "./errors";
import { loadWorkbookFile } from "./read";
import { openReport, type OpenedReport } from "./report";

export interface ValidatedReport {
  ok: true;
  file: string;
  workbook: ExcelJS.Workbook;
  report: OpenedReport;
  issues: Issue[];
  summary: IssueSummary;
}

/** A file that could not be read as a report, with the reason in both languages. */
export interface UnreadableReport {
  ok: false;
  file: string;
  problem: FileProblem | "internal-error";
  message: LocalizedText;
  /** For a defect rather than bad input: where it happened, shown only when debugging. */
  stack?: string;
}

export type FileValidation = ValidatedReport | UnreadableReport;

/** The whole check of one loaded workbook: recognise it, read every field by name, run every rule. */
export function validateWorkbook(
  wb: ExcelJS.Workbook,
  file?: string,
  specs: Spec[] = bundledSpecs(),
): { report: OpenedReport; issues: Issue[]; summary: IssueSummary } {
  const report = openReport(wb, file, specs);
  const issues = checkReport({
    spec: report.spec,
    profile: report.profile,
    layout: report.layout,
    reading: report.reading,
  });
  return { report, issues, summary: summarize(issues) };
}

/**
 * Validates one file and never throws: a batch of 32 returned workbooks goes on past a bad one.
 * Nothing is kept between calls, so files are independent and memory holds one workbook at a time.
 */
export async function validateFile(
  file: string,
  options: { forAnnotation?: boolean; specs?: Spec[] } = {},
): Promise<FileValidation> {
  const specs = options.specs ?? bundledSpecs();
  try {
    // A workbook that will be written back as an annotated copy is loaded whole; one only read, lean.
    const workbook = await loadWorkbookFile(file, { readOnly: !options.forAnnotation });
    return { ok: true, file, workbook, ...validateWorkbook(workbook, file, specs) };
  } catch (err) {
    if (err instanceof ReportFileError) return { ok: false, file, problem: err.problem, message: err.detail };
    const detail = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      file,
      problem: "internal-error",
      message: { zh: `内部错误：${detail}`, en: `internal error: ${detail}` },
      stack: err instanceof Error ? err.stack : undefined,
    };
  }
}
