import type ExcelJS from "exceljs";
import type { OpenedReport } from "../reader/report";
import { recognizeReport, ReportError, sheetNamesOf, type RecognizedReport } from "../layout/recognize";
import type { SheetKey } from "../layout/types";
import { bundledSpecs } from "../spec";
import type { Spec } from "../spec/schema";
import { ReportFileError } from "./errors";
import { readFields, readMetadata } from "./read";

export type { OpenedReport } from "../reader/report";

/**
 * Recognises a workbook loaded by ExcelJS as one of our reports, and reads every field: for the commands
 * that write the workbook back (refresh, annotate). Reading alone goes through src/reader.
 */
export function openReport(
  wb: ExcelJS.Workbook,
  file?: string,
  specs: Spec[] = bundledSpecs(),
): OpenedReport {
  let recognized: RecognizedReport;
  try {
    recognized = recognizeReport(readMetadata(wb), specs);
  } catch (err) {
    if (err instanceof ReportError) {
      throw new ReportFileError(
        err.problem === "unknown-spec" ? "unknown-spec" : "not-a-report",
        err.detail,
        file,
      );
    }
    throw err;
  }
  const sheetNames = sheetNamesOf(recognized.layout) as Record<SheetKey, string>;
  return { ...recognized, reading: readFields(wb, recognized.layout.fields, sheetNames) };
}
