import type { FieldType, LocalizedText } from "../spec/schema";
import type { FieldId, FieldRole } from "./field-ids";

export type { FieldId } from "./field-ids";

/** What this province must do about a task. */
export type Obligation = "required" | "optional" | "not-applicable" | "national-only";

/** The categories a province ticked: they decide which obligations apply to it. */
export interface Profile {
  unitId: string;
  categories: string[];
}

/** When a field must be filled. Data, so the rules engine, the template's conditional formats
 * and the field dictionary all read the same condition. */
export type Condition =
  | { kind: "always" }
  | { kind: "never" }
  /** Required when another field holds one of these values (e.g. a status of 已完成). */
  | { kind: "field-in"; field: FieldId; values: string[] }
  /** Required once any of these fields is filled (e.g. a data source once a figure is entered). */
  | { kind: "any-filled"; fields: FieldId[] };

export type SheetKey = "cover" | "tasks" | "targets" | "metrics" | "guideline" | "lists" | "meta" | "results";

export interface FieldDef {
  id: FieldId;
  /** What the field is for (set where it is laid out; the rules word their issues by it). */
  role: FieldRole;
  /** The workbook defined name (e.g. F_task_12_status). */
  name: string;
  sheet: SheetKey;
  sheetName: string;
  /** A1 address on its sheet, e.g. "F5". */
  cell: string;
  row: number;
  col: number;
  label: LocalizedText;
  type: FieldType;
  /** The values the field may hold, as stored and as the rules read them (the public contract). */
  allowed?: string[];
  /** The same values as this workbook's dropdown shows them, in its language, in the same order. */
  shown?: string[];
  unit?: LocalizedText;
  required: Condition;
  /** The required condition in words, for the dictionary and the input prompt. */
  requiredText: LocalizedText;
  min?: number;
  max?: number;
  /** Text formats the rules check beyond the type. */
  format?: "phone";
  /** A value above this is likely a unit mistake. */
  plausibleMax?: number;
  task?: number;
  target?: string;
  guideline?: string;
  /** Fields the template fills itself (the province); the user does not type them. */
  prefilled?: boolean;
}

export type StyleKey =
  | "title"
  | "subtitle"
  | "header"
  | "measure"
  | "label"
  | "text"
  | "textCenter"
  | "note"
  | "input"
  | "inputNumber"
  | "inputInteger"
  | "inputPercent"
  | "inputDate"
  | "inputNotApplicable"
  | "computed"
  | "computedPercent"
  | "status"
  | "legendInput"
  | "legendMissing"
  | "legendMissed"
  | "legendMet"
  | "legendError"
  | "legendWarning"
  | "legendNotApplicable"
  | "meta";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  /** ARGB, e.g. FFFFF2CC. */
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle";
  wrap?: boolean;
  border?: boolean;
  numberFormat?: string;
  locked: boolean;
}

export type CellValue = string | number | boolean | null;

/**
 * What a formula computes, in the domain's terms, so its result can be worked out from the entered values
 * by the rules' own functions and stored with the formula (LibreOffice shows stored results unrecalculated).
 */
export type FormulaMeaning =
  /** A target's change from its baseline: growth or reduction, as a fraction. */
  | { kind: "target-change"; target: string }
  /** A target's status: 达标/未达标/待填, 计入全国汇总/选填, or 已填报/待填 for a qualitative one. */
  | { kind: "target-status"; target: string };

export interface CellLayout {
  row: number;
  col: number;
  value?: CellValue;
  /** A formula in en-US syntax, without the leading "=". */
  formula?: string;
  /** The formula's cached result, so readers that do not recalculate still show it. */
  result?: CellValue;
  /** What the formula computes, when its result depends on entered values (else `result` is fixed). */
  computes?: FormulaMeaning;
  style: StyleKey;
  fieldId?: FieldId;
}

export interface DataValidationLayout {
  /** A1 address of one cell. */
  ref: string;
  type: "list" | "whole" | "decimal" | "date" | "textLength";
  operator?: "between" | "greaterThanOrEqual" | "lessThanOrEqual";
  /** Formulae without "=": a list source range, numbers, or date serials. */
  formulae: (string | number)[];
  allowBlank: boolean;
  prompt?: { title: string; text: string };
  error?: { title: string; text: string };
  /** stop rejects the entry; warning lets the user keep it. */
  errorStyle: "stop" | "warning";
}

export type ConditionalStyleKey = "cfMissing" | "cfMissed" | "cfMet" | "cfNotApplicableFilled";

export interface ConditionalFormatLayout {
  /** A1 range the rule covers. */
  ref: string;
  /** Expression relative to the top-left cell of ref, without "=". */
  formula: string;
  style: ConditionalStyleKey;
}

export interface SheetLayout {
  key: SheetKey;
  name: string;
  visibility: "visible" | "hidden" | "veryHidden";
  /** Column widths in characters, index 0 = column A. */
  columns: { width: number; hidden?: boolean; outlineLevel?: number }[];
  rowHeights: Record<number, number>;
  cells: CellLayout[];
  merges: string[];
  freeze?: { rows: number; cols: number };
  print?: { landscape: boolean; titleRows?: [number, number] };
  protect: boolean;
  validations: DataValidationLayout[];
  conditionalFormats: ConditionalFormatLayout[];
  tabColor?: string;
}

export interface TemplateMetadata {
  /** The language of the workbook's headers, labels and dropdowns. */
  language: "zh" | "en";
  specId: string;
  specVersion: string;
  templateVersion: string;
  unitId: string;
  unitName: string;
  categories: string[];
}

/** A workbook defined name that is not a field's: a dropdown's list of values. */
export interface ListName {
  name: string;
  sheetName: string;
  /** A1 range on that sheet, e.g. "A1:A4". */
  ref: string;
}

export interface WorkbookLayout {
  metadata: TemplateMetadata;
  sheets: SheetLayout[];
  fields: FieldDef[];
  /**
   * The dropdowns' sources, as defined names: every Excel version and WPS accept a list validation that names a
   * defined name, where some refuse or mangle a direct reference to another (hidden) sheet.
   */
  listNames: ListName[];
  styles: Record<StyleKey, CellStyle>;
  conditionalStyles: Record<ConditionalStyleKey, { fill: string; fontColor: string }>;
}
