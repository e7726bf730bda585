/**
 * What the page loads when a workbook is opened (a chunk of its own, after the first view): the report
 * reader, the spec, the rules engine and the report's views. The writer (ExcelJS) is not in here.
 */
export { checkWorkbook, type CheckOutcome } from "./host";
export { CheckedReport } from "./CheckedReport";
