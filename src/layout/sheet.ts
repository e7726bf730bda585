import { a1, definedNameOf } from "./address";
import type {
  CellLayout,
  CellValue,
  ConditionalFormatLayout,
  DataValidationLayout,
  FieldDef,
  FormulaMeaning,
  SheetKey,
  SheetLayout,
  StyleKey,
} from "./types";

/** What a sheet builder says about a field; the rest (name, address, required text) is derived. */
export type FieldDraft = Omit<
  FieldDef,
  "name" | "sheet" | "sheetName" | "cell" | "row" | "col" | "requiredText"
>;

/** Accumulates one sheet's cells, fields, validations and formats; pure and cheap. */
export class SheetDraft {
  readonly layout: SheetLayout;
  readonly fields: FieldDef[] = [];

  constructor(
    key: SheetKey,
    name: string,
    widths: number[],
    visibility: SheetLayout["visibility"] = "visible",
  ) {
    this.layout = {
      key,
      name,
      visibility,
      columns: widths.map((width) => ({ width })),
      rowHeights: {},
      cells: [],
      merges: [],
      protect: visibility === "visible",
      validations: [],
      conditionalFormats: [],
    };
  }

  put(row: number, col: number, value: CellValue, style: StyleKey): void {
    this.layout.cells.push({ row, col, value, style });
  }

  /** A formula with its result for the template as laid out; `computes` when the result depends on values. */
  formula(
    row: number,
    col: number,
    formula: string,
    result: CellValue,
    style: StyleKey,
    computes?: FormulaMeaning,
  ): void {
    this.layout.cells.push({ row, col, formula, result, style, ...(computes ? { computes } : {}) });
  }

  merge(row: number, col: number, toRow: number, toCol: number): void {
    if (row === toRow && col === toCol) return;
    this.layout.merges.push(`${a1(row, col)}:${a1(toRow, toCol)}`);
  }

  /** Puts text across a merged range. */
  band(row: number, col: number, toCol: number, value: CellValue, style: StyleKey, height?: number): void {
    this.put(row, col, value, style);
    for (let c = col + 1; c <= toCol; c++) this.put(row, c, null, style);
    this.merge(row, col, row, toCol);
    if (height) this.layout.rowHeights[row] = height;
  }

  /** Guideline text shown in each field's input prompt, keyed by field id. */
  readonly prompts = new Map<string, string>();

  input(
    row: number,
    col: number,
    field: FieldDraft,
    style: StyleKey,
    options: { value?: CellValue; prompt?: string } = {},
  ): FieldDef {
    const { value = null, prompt } = options;
    if (prompt) this.prompts.set(field.id, prompt);
    const def: FieldDef = {
      ...field,
      requiredText: { zh: "", en: "" },
      name: definedNameOf(field.id),
      sheet: this.layout.key,
      sheetName: this.layout.name,
      cell: a1(row, col),
      row,
      col,
    };
    const cell: CellLayout = { row, col, value, style, fieldId: field.id };
    this.layout.cells.push(cell);
    this.fields.push(def);
    return def;
  }

  validate(v: DataValidationLayout): void {
    this.layout.validations.push(v);
  }

  conditional(cf: ConditionalFormatLayout): void {
    this.layout.conditionalFormats.push(cf);
  }
}

/** Excel caps an input prompt at 255 characters and its title at 32. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What opens every table sheet: the words of its first three rows and how it is frozen. */
export interface TableHead {
  key: SheetKey;
  name: string;
  /** Header text and column width (characters), one per column. */
  headers: [string, number][];
  title: string;
  subtitle: string;
  /** Columns the title and subtitle span (a collapsed column of full text at the right is left out). */
  span: number;
  /** Columns kept in view when scrolling right (the row's number and name). */
  frozenColumns: number;
}

/**
 * A table sheet's first three rows — title, subtitle, the header row — frozen above the data and repeated on every
 * printed page (A4 landscape). One home for what every report table shares.
 */
export function tableSheet(head: TableHead): SheetDraft {
  const sheet = new SheetDraft(
    head.key,
    head.name,
    head.headers.map(([, width]) => width),
  );
  sheet.band(1, 1, head.span, head.title, "title", 30);
  sheet.band(2, 1, head.span, head.subtitle, "subtitle");
  head.headers.forEach(([text], i) => sheet.put(3, i + 1, text, "header"));
  sheet.layout.rowHeights[3] = 34;
  sheet.layout.freeze = { rows: 3, cols: head.frozenColumns };
  sheet.layout.print = { landscape: true, titleRows: [3, 3] };
  return sheet;
}
