export { ReportFileError, type FileProblem } from "./errors";
export { readReport, type OpenedReport, type ReadReport, type FieldTable } from "./report";
export { ReportWorkbook, type CellReading } from "./workbook";
export { ZipArchive, ZIP_LIMITS } from "./zip";
export { openContainer } from "./container";
