import type { Area } from "./address";

/** The fake's workbook state: plain data, changed only by queued operations at sync() or by FakeUser. */

export type StoredValue = string | number | boolean | null;

export interface FontModel {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
  color: string;
}

export type BorderSide = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

export interface BorderModel {
  style: string;
  color: string;
  weight: string;
}

export interface CellModel {
  /** null: empty. For a formula cell, what the fake's evaluator said. */
  value: StoredValue;
  /** With its leading "=", as Range.formulas returns it. */
  formula?: string;
  numberFormat: string;
  /** Entered with a leading apostrophe: text whatever it looks like. */
  quotePrefix: boolean;
  fill: string | null;
  font: FontModel;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  locked: boolean;
  borders: Partial<Record<BorderSide, BorderModel>>;
}

export interface ValidationModel {
  rule: Excel.DataValidationRule;
  ignoreBlanks: boolean;
  prompt: Excel.DataValidationPrompt;
  errorAlert: Excel.DataValidationErrorAlert;
}

export interface ConditionalFormatModel {
  id: string;
  area: Area;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  /** Who made it: the adapter through the API, or a test standing in for the user. */
  origin: "api" | "user";
}

export interface NoteModel {
  content: string;
  author: string;
}

export interface CommentModel extends NoteModel {
  id: string;
}

export interface ProtectionModel {
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  password?: string;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor: string;
  cells: Map<string, CellModel>;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  columnOutline: Map<number, number>;
  rowHeights: Map<number, number>;
  merges: Area[];
  freeze?: { rows: number; cols: number };
  /** Print setup (ExcelApi 1.9 pageLayout): only what the adapter sets. */
  print?: PrintModel;
  protection: ProtectionModel;
  validations: Map<string, ValidationModel>;
  conditionalFormats: ConditionalFormatModel[];
  notes: Map<string, NoteModel>;
  comments: Map<string, CommentModel>;
  deleted: boolean;
  /** The sync that created it: on the web a new sheet cannot be activated before a later sync. */
  createdInSync: number;
}

export interface PrintModel {
  orientation?: string;
  paperSize?: string;
  fitToWidth?: number;
  fitToHeight?: number;
  centerHorizontally?: boolean;
  /** Rows repeated on every printed page, e.g. "$3:$3". */
  titleRows?: string;
}

export interface NameModel {
  name: string;
  /** undefined once the sheet it pointed at was deleted: the name reads "=#REF!". */
  target?: { sheet: SheetModel; area: Area };
}

export interface WorkbookModel {
  sheets: SheetModel[];
  names: NameModel[];
  activeSheetId: string;
  selection?: { sheetId: string; area: Area };
  nextId: number;
}

/** Column width of a new sheet, in points (8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

export function defaultCell(): CellModel {
  return {
    value: null,
    numberFormat: "General",
    quotePrefix: false,
    fill: null,
    font: { name: "Calibri", size: 11, bold: false, italic: false, color: "#000000" },
    horizontal: "General",
    vertical: "Bottom",
    wrap: false,
    locked: true,
    borders: {},
  };
}

export function newSheet(model: WorkbookModel, name: string, createdInSync: number): SheetModel {
  return {
    id: `{sheet-${model.nextId++}}`,
    name,
    visibility: "Visible",
    tabColor: "",
    cells: new Map(),
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    columnOutline: new Map(),
    rowHeights: new Map(),
    merges: [],
    protection: { protected: false, options: {} },
    validations: new Map(),
    conditionalFormats: [],
    notes: new Map(),
    comments: new Map(),
    deleted: false,
    createdInSync,
  };
}

export function liveSheets(model: WorkbookModel): SheetModel[] {
  return model.sheets.filter((s) => !s.deleted);
}
