import type ExcelJS from "exceljs";
import { plainValue, readDefinedNames } from "../../src/xlsx/read";
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

/**
 * Reduces a workbook as ExcelJS reads it back from the bytes the xlsx adapter wrote (a round trip, so
 * only what the file really carries counts) to the common model.
 */

/** ExcelJS leaves out a column whose width equals its default (9): Excel then shows its own default. */
const EXCELJS_DEFAULT_WIDTH = 9;

const color = (c: Partial<ExcelJS.Color> | undefined) =>
  c?.argb ? `#${c.argb.slice(-6).toUpperCase()}` : null;

function cell(c: ExcelJS.Cell): CommonCell {
  // ExcelJS reads every cell of a merged area as holding the master's value; the file holds it once.
  const slave = c.isMerged && c.master !== c;
  const { value, formula } = slave ? { value: null, formula: undefined } : plainValue(c.value);
  const b = c.border ?? {};
  const sides = [b.top, b.bottom, b.left, b.right];
  const thinGrey = (s: Partial<ExcelJS.Border> | undefined) =>
    s?.style === "thin" && color(s.color) === "#BFBFBF";
  const border = sides.every(thinGrey) ? true : sides.every((s) => !s?.style) ? false : JSON.stringify(b);
  const fill = c.fill?.type === "pattern" ? color(c.fill.fgColor) : null;
  return {
    value: formula !== undefined || value === "" ? null : value,
    ...(formula !== undefined ? { formula } : {}),
    numberFormat: c.numFmt ?? "General",
    fill,
    font: {
      name: c.font?.name ?? "Calibri",
      size: c.font?.size ?? 11,
      bold: c.font?.bold ?? false,
      italic: c.font?.italic ?? false,
      color: color(c.font?.color),
    },
    horizontal: (c.alignment?.horizontal as CommonCell["horizontal"]) ?? null,
    vertical: (c.alignment?.vertical as CommonCell["vertical"]) ?? "bottom",
    wrap: c.alignment?.wrapText ?? false,
    locked: c.protection?.locked !== false,
    border,
  };
}

function validation(v: ExcelJS.DataValidation): CommonValidation {
  const formulae = (v.formulae ?? []).map((f: unknown) =>
    f instanceof Date ? String(serialOf(f)) : typeof f === "number" ? String(f) : String(f),
  );
  return {
    type: v.type,
    operator: v.type === "list" ? null : (v.operator ?? "between"),
    formulae,
    allowBlank: v.allowBlank ?? false,
    prompt: v.showInputMessage ? { title: v.promptTitle ?? "", text: promptText(v.prompt ?? "") } : null,
    error: v.showErrorMessage ? { title: v.errorTitle ?? "", text: v.error ?? "" } : null,
    errorStyle: v.errorStyle === "warning" ? "warning" : "stop",
  };
}

interface LoadedConditionalFormatting {
  ref: string;
  rules: {
    priority: number;
    formulae?: string[];
    style?: { fill?: { bgColor?: ExcelJS.Color }; font?: { color?: ExcelJS.Color } };
  }[];
}

function sheet(ws: ExcelJS.Worksheet): CommonSheet {
  const columns: CommonSheet["columns"] = {};
  (ws.columns ?? []).forEach((c) => {
    if (!c.letter) return;
    columns[c.letter] = {
      width: round2(c.width ?? EXCELJS_DEFAULT_WIDTH),
      hidden: c.hidden ?? false,
      outlineLevel: c.outlineLevel ?? 0,
    };
  });
  const rowHeights: Record<number, number> = {};
  const cells: Record<string, CommonCell> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined) rowHeights[r] = row.height;
    row.eachCell({ includeEmpty: true }, (c) => {
      cells[c.address] = cell(c);
    });
  });
  const view = ws.views?.[0];
  const model = ws as unknown as {
    dataValidations: { model: Record<string, ExcelJS.DataValidation> };
    conditionalFormattings: LoadedConditionalFormatting[];
    sheetProtection?: { sheet?: boolean };
    model: { merges: string[] };
  };
  const rules = model.conditionalFormattings
    .flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })))
    .sort((a, b) => a.rule.priority - b.rule.priority);
  return {
    name: ws.name,
    visibility: ws.state as CommonSheet["visibility"],
    tabColor: color(ws.properties.tabColor),
    columns,
    rowHeights,
    merges: [...model.model.merges].sort(),
    freeze: view?.state === "frozen" ? { rows: view.ySplit ?? 0, cols: view.xSplit ?? 0 } : null,
    protected: model.sheetProtection?.sheet === true,
    cells,
    validations: Object.fromEntries(
      Object.entries(model.dataValidations.model).map(([a1, v]) => [a1, validation(v)]),
    ),
    conditionalFormats: rules.map(({ ref, rule }): CommonConditionalFormat => ({
      ref,
      formula: rule.formulae?.[0] ?? "",
      fill: color(rule.style?.fill?.bgColor),
      fontColor: color(rule.style?.font?.color),
    })),
  };
}

export function exceljsModel(wb: ExcelJS.Workbook): CommonWorkbook {
  const names: Record<string, string> = {};
  for (const [name, ref] of readDefinedNames(wb)) names[name] = `${ref.sheetName}!${ref.cell}`;
  // Ranges (the dropdowns' lists), as Sheet!$A$1:$A$4 with quotes dropped: the two APIs quote differently.
  for (const { name, ranges } of wb.definedNames.model as { name: string; ranges: string[] }[])
    if (!(name in names) && ranges.length === 1) names[name] = ranges[0].replace(/'/g, "");
  return { sheets: wb.worksheets.map(sheet), names };
}
