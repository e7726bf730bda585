export { FakeExcel, type FakeExcelOptions, type FakeOfficeGlobals } from "./excel";
export { FakeExcelError, type FakeErrorCode } from "./errors";
export type { SyncRecord } from "./context";
export type { Coercion } from "./cell-input";
export type { WorkbookSnapshot, SheetSnapshot, CellSnapshot, ConditionalFormatSnapshot } from "./snapshot";
export { FakeUser } from "./user";
