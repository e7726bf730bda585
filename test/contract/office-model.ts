import { parseCellRef } from "../../src/layout/reading";
import { POINTS_PER_CHARACTER } from "../../src/excel/render";
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from "../fake-excel";
import {
  round2,
  promptText,
  serialOf,
  type CommonCell,
  type CommonConditionalFormat,
  type CommonSheet,
  type CommonValidation,
  type CommonWorkbook,
} from "./common-model";

/** Reduces the fake's snapshot (what the Office.js adapter made) to the common model. */

const THIN_GREY = "Continuous #BFBFBF";

function cell(c: CellSnapshot): CommonCell {
  const sides = [c.borders.top, c.borders.bottom, c.borders.left, c.borders.right];
  const border = sides.every((s) => s === THIN_GREY)
    ? true
    : sides.every((s) => s === undefined)
      ? false
      : JSON.stringify(c.borders);
  const horizontals: Record<string, CommonCell["horizontal"]> = {
    General: null,
    Left: "left",
    Center: "center",
    Right: "right",
  };
  const verticals: Record<string, CommonCell["vertical"]> = {
    Top: "top",
    Center: "middle",
    Bottom: "bottom",
  };
  const horizontal = c.horizontal in horizontals ? horizontals[c.horizontal] : c.horizontal;
  const vertical = c.vertical in verticals ? verticals[c.vertical] : c.vertical;
  return {
    value: c.formula !== undefined || c.value === "" ? null : c.value,
    ...(c.formula !== undefined ? { formula: c.formula.slice(1) } : {}),
    numberFormat: c.numberFormat,
    fill: c.fill,
    font: {
      name: c.font.name,
      size: c.font.size,
      bold: c.font.bold,
      italic: c.font.italic,
      // Black is Excel's automatic colour: ExcelJS leaves it unset.
      color: c.font.color === "#000000" ? null : c.font.color,
    },
    horizontal: horizontal as CommonCell["horizontal"],
    vertical: vertical as CommonCell["vertical"],
    wrap: c.wrap,
    locked: c.locked,
    border,
  };
}

const OPERATORS: Record<string, string> = {
  Between: "between",
  GreaterThanOrEqualTo: "greaterThanOrEqual",
  LessThanOrEqualTo: "lessThanOrEqual",
};

function validation(v: SheetSnapshot["validations"][string]): CommonValidation {
  const { rule } = v;
  let type: string;
  let operator: string | null = null;
  let formulae: string[];
  if (rule.list) {
    type = "list";
    formulae = [String(rule.list.source).replace(/^=/, "")];
  } else {
    const kind = (["wholeNumber", "decimal", "textLength", "date"] as const).find(
      (k) => rule[k] !== undefined,
    )!;
    const basic = rule[kind]!;
    type = kind === "wholeNumber" ? "whole" : kind;
    operator = OPERATORS[basic.operator] ?? basic.operator;
    const text = (f: unknown) => (kind === "date" ? String(serialOf(String(f))) : String(f));
    formulae = [basic.formula1, ...(basic.formula2 !== undefined ? [basic.formula2] : [])].map(text);
  }
  return {
    type,
    operator,
    formulae,
    allowBlank: v.ignoreBlanks,
    prompt: v.prompt.showPrompt ? { title: v.prompt.title, text: promptText(v.prompt.message) } : null,
    error: v.errorAlert.showAlert ? { title: v.errorAlert.title, text: v.errorAlert.message } : null,
    errorStyle: v.errorAlert.style === "Stop" ? "stop" : "warning",
  };
}

function sheet(s: SheetSnapshot): CommonSheet {
  const visibility = ({ Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const)[
    s.visibility
  ];
  return {
    name: s.name,
    visibility,
    tabColor: s.tabColor || null,
    columns: Object.fromEntries(
      Object.entries(s.columns).map(([letter, c]) => [
        letter,
        { width: round2(c.width / POINTS_PER_CHARACTER), hidden: c.hidden, outlineLevel: c.outlineLevel },
      ]),
    ),
    rowHeights: s.rowHeights,
    merges: [...s.merges].sort(),
    freeze: s.freeze ?? null,
    protected: s.protection.protected,
    cells: Object.fromEntries(Object.entries(s.cells).map(([a1, c]) => [a1, cell(c)])),
    validations: Object.fromEntries(Object.entries(s.validations).map(([a1, v]) => [a1, validation(v)])),
    conditionalFormats: s.conditionalFormats.map((cf): CommonConditionalFormat => ({
      ref: cf.ref,
      formula: (cf.formula ?? "").replace(/^=/, ""),
      fill: cf.fill ?? null,
      fontColor: cf.fontColor ?? null,
    })),
  };
}

/** `ignore`: sheets the workbook had before the adapter wrote to it. */
export function officeModel(snapshot: WorkbookSnapshot, ignore: string[] = []): CommonWorkbook {
  return {
    sheets: snapshot.sheets.filter((s) => !ignore.includes(s.name)).map(sheet),
    names: Object.fromEntries(
      snapshot.names.map((n) => {
        const ref = parseCellRef(n.formula);
        // A range (a dropdown's list) as Sheet!$A$1:$A$4, quotes dropped: the two APIs quote differently.
        return [n.name, ref ? `${ref.sheetName}!${ref.cell}` : n.formula.replace(/^=/, "").replace(/'/g, "")];
      }),
    ),
  };
}
