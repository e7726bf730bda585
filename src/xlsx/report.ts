import type ExcelJS from "exceljs";
import { canonicalValues } from "../layout/choices";
import { metadataMismatchOf } from "../layout/integrity";
import type { OpenedReport } from "../reader/report";
import { recognizeReport, ReportError, sheetNamesOf, type RecognizedReport } from "../layout/recognize";
import type { SheetKey } from "../layout/types";
import { bundledSpecs } from "../spec";
import type { Spec } from "../spec/schema";
import { ReportFileError } from "./errors";
import { readFieldTable, readFields, readMetadata } from "./read";

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
  const reading = readFields(wb, recognized.layout.fields, sheetNames);
  // Dropdown values as the rules speak them, whatever language the workbook shows them in.
  reading.values = canonicalValues(recognized.layout.fields, reading.values);
  const mismatch = metadataMismatchOf(
    recognized.spec,
    recognized.layout,
    reading.metadata,
    readFieldTable(wb),
  );
  if (mismatch) reading.metadataMismatch = mismatch;
  return { ...recognized, reading };
}

/**
 * The layout's very hidden sheets (`_lists`, `_meta`) that are now only hidden or visible: LibreOffice saves very
 * hidden as hidden, so a clerk can unhide them and change the dropdown values or the metadata.
 */
export function exposedSheets(wb: ExcelJS.Workbook, report: OpenedReport): ExcelJS.Worksheet[] {
  return report.layout.sheets
    .filter((s) => s.visibility === "veryHidden")
    .map((s) => wb.getWorksheet(s.name))
    .filter((ws): ws is ExcelJS.Worksheet => ws !== undefined && ws.state !== "veryHidden");
}
