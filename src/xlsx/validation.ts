import type ExcelJS from "exceljs";
import { checkReport, summarize, type Issue, type IssueSummary } from "../rules";
import type { LocalizedText, Spec } from "../spec/schema";
import { bundledSpecs } from "../spec";
import { ReportFileError, type FileProblem } from "./errors";
import { readReport } from "../reader/report";
import { readWorkbookFile } from "./file";
import { loadWorkbook } from "./read";
import { openReport, type OpenedReport } from "./report";

export interface ValidatedReport {
  ok: true;
  file: string;
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

/** A validated report and the workbook loaded by ExcelJS to write its annotated copy. */
export type AnnotatableReport = ValidatedReport & { workbook: ExcelJS.Workbook };

/**
 * Validates one file and never throws: a batch of 32 returned workbooks goes on past a bad one.
 * Nothing is kept between calls, so files are independent and memory holds one workbook at a time.
 */
export async function validateFile(file: string, options: { specs?: Spec[] } = {}): Promise<FileValidation> {
  const specs = options.specs ?? bundledSpecs();
  try {
    const bytes = await readWorkbookFile(file);
    const report = readReport(bytes, specs, file);
    const issues = checkReport({
      spec: report.spec,
      profile: report.profile,
      layout: report.layout,
      reading: report.reading,
    });
    return { ok: true, file, report, issues, summary: summarize(issues) };
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

/**
 * Loads a validated file with ExcelJS, to write its annotated copy: only then, and only after the package
 * survey (a file too big for ExcelJS is refused here, its issues above still stand).
 */
export async function loadForAnnotation(v: ValidatedReport): Promise<AnnotatableReport> {
  const workbook = await loadWorkbook(await readWorkbookFile(v.file), v.file);
  return { ...v, workbook };
}
