import { columnLetter } from "../layout/address";
import type {
  CellStyle,
  ConditionalStyleKey,
  DataValidationLayout,
  SheetLayout,
  StyleKey,
  WorkbookLayout,
} from "../layout/types";
import {
  blockAddress,
  boundingBox,
  entryFor,
  gridOver,
  officeColor,
  paintPlan,
  runs,
  type Block,
  type Paint,
} from "./sheet-plan";

/** Excel column width: about 7 px per character of the default font, at 0.75 pt per px. */
export const POINTS_PER_CHARACTER = 5.25;
/** The thin grey grid line the ExcelJS renderer draws around bordered cells. */
const BORDER_COLOR = "#BFBFBF";

export interface SheetStyles {
  styles: Record<StyleKey, CellStyle>;
  conditionalStyles: Record<ConditionalStyleKey, { fill: string; fontColor: string }>;
}

/** What this Excel lets the renderer do; the rest is left out and said (capabilities.ts). */
export interface RenderFeatures {
  dataValidation: boolean;
  conditionalFormats: boolean;
  groupColumns: boolean;
  /** ExcelApi 1.9: print setup (A4, landscape, fit to width, title rows). */
  pageLayout?: boolean;
}

/**
 * One group of queued operations and roughly what it weighs in the request (160 bytes an operation plus
 * its argument's JSON), so a caller can sync between steps when a batch would grow too big.
 */
export interface RenderStep {
  bytes: number;
  queue(): void;
}

const OP_BYTES = 160;

function step(ops: number, queue: () => void, argument?: unknown): RenderStep {
  return { bytes: ops * OP_BYTES + (argument === undefined ? 0 : JSON.stringify(argument).length), queue };
}

/** A 2-D write is cut into bands of whole rows so that no single step passes this size. */
export const BLOCK_BAND_BYTES = 200_000;

type BorderSide = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function isoDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + serial * 86_400_000).toISOString().slice(0, 10);
}

const OPERATOR = {
  between: "Between",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
} as const;

export function validationRule(v: DataValidationLayout): Excel.DataValidationRule {
  if (v.type === "list") return { list: { inCellDropDown: true, source: `=${v.formulae[0]}` } };
  const operator = OPERATOR[v.operator ?? "between"];
  const [f1, f2] = v.formulae;
  if (v.type === "date") {
    const date = (f: string | number) => (typeof f === "number" ? isoDate(f) : f);
    return { date: { operator, formula1: date(f1), ...(f2 !== undefined ? { formula2: date(f2) } : {}) } };
  }
  const basic: Excel.BasicDataValidation = {
    operator,
    formula1: f1,
    ...(f2 !== undefined ? { formula2: f2 } : {}),
  };
  if (v.type === "whole") return { wholeNumber: basic };
  if (v.type === "decimal") return { decimal: basic };
  return { textLength: basic };
}

/** Queues one property over one block; returns the number of operations. */
function paintBlock(range: Excel.Range, paint: Paint, block: Block): number {
  const format = range.format;
  switch (paint.kind) {
    case "fill":
      format.fill.color = paint.color;
      break;
    case "fontName":
      format.font.name = paint.name;
      break;
    case "fontSize":
      format.font.size = paint.size;
      break;
    case "bold":
      format.font.bold = true;
      break;
    case "italic":
      format.font.italic = true;
      break;
    case "fontColor":
      format.font.color = paint.color;
      break;
    case "horizontal":
      format.horizontalAlignment = paint.value;
      break;
    case "vertical":
      format.verticalAlignment = paint.value;
      break;
    case "wrap":
      format.wrapText = true;
      break;
    case "unlock":
      format.protection.locked = false;
      break;
    case "border": {
      const sides: BorderSide[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
      if (block.rows > 1) sides.push("InsideHorizontal");
      if (block.cols > 1) sides.push("InsideVertical");
      for (const side of sides) {
        const border = format.borders.getItem(side);
        border.style = "Continuous";
        border.color = BORDER_COLOR;
      }
      return sides.length * 2;
    }
  }
  return 1;
}

function paintOps(paint: Paint, block: Block): number {
  if (paint.kind !== "border") return 1;
  return (4 + (block.rows > 1 ? 1 : 0) + (block.cols > 1 ? 1 : 0)) * 2;
}

function columnAndRowSteps(ws: Excel.Worksheet, sheet: SheetLayout, features: RenderFeatures): RenderStep[] {
  const steps: RenderStep[] = [];
  const columns = (from: number, to: number) => ws.getRange(`${columnLetter(from)}:${columnLetter(to)}`);
  const widths = sheet.columns.map((c, i): [number, number] => [i + 1, c.width]);
  for (const [from, to, width] of runs(widths)) {
    steps.push(step(1, () => (columns(from, to).format.columnWidth = width * POINTS_PER_CHARACTER)));
  }
  const outlined = sheet.columns.flatMap((c, i): [number, boolean][] =>
    c.outlineLevel ? [[i + 1, true]] : [],
  );
  if (features.groupColumns) {
    for (const [from, to] of runs(outlined)) steps.push(step(1, () => columns(from, to).group("ByColumns")));
  }
  const hidden = sheet.columns.flatMap((c, i): [number, boolean][] => (c.hidden ? [[i + 1, true]] : []));
  for (const [from, to] of runs(hidden)) steps.push(step(1, () => (columns(from, to).columnHidden = true)));
  const heights = Object.entries(sheet.rowHeights).map(([row, h]): [number, number] => [Number(row), h]);
  for (const [from, to, height] of runs(heights)) {
    steps.push(step(1, () => (ws.getRange(`${from}:${to}`).format.rowHeight = height)));
  }
  return steps;
}

/** A block's 2-D write, in bands of rows small enough for one step each. */
function blockSteps<T>(
  ws: Excel.Worksheet,
  box: Block,
  grid: (T | null)[][],
  write: (range: Excel.Range, rows: (T | null)[][]) => void,
): RenderStep[] {
  const steps: RenderStep[] = [];
  let start = 0;
  while (start < grid.length) {
    let end = start;
    let bytes = 0;
    while (
      end < grid.length &&
      (end === start || bytes + JSON.stringify(grid[end]).length <= BLOCK_BAND_BYTES)
    ) {
      bytes += JSON.stringify(grid[end]).length;
      end++;
    }
    const rows = grid.slice(start, end);
    const band: Block = { ...box, row: box.row + start, rows: rows.length };
    steps.push(step(1, () => write(ws.getRange(blockAddress(band)), rows), rows));
    start = end;
  }
  return steps;
}

/** Number formats first: a text input formatted "@" before any value keeps a leading "=" as text. */
function cellSteps(ws: Excel.Worksheet, sheet: SheetLayout, styles: SheetStyles): RenderStep[] {
  const steps: RenderStep[] = [];
  const formatOf = (style: StyleKey) => styles.styles[style].numberFormat;
  const formatted = sheet.cells.filter((c) => formatOf(c.style) !== undefined);
  const formatBox = boundingBox(formatted);
  if (formatBox) {
    const grid = gridOver(formatBox, formatted, (c) => formatOf(c.style) ?? null);
    steps.push(...blockSteps(ws, formatBox, grid, (range, rows) => (range.numberFormat = rows)));
  }
  const constants = sheet.cells.filter(
    (c) => c.formula === undefined && c.value !== undefined && c.value !== null && c.value !== "",
  );
  const valueBox = boundingBox(constants);
  if (valueBox) {
    const grid = gridOver(valueBox, constants, (c) => entryFor(c.value ?? null, formatOf(c.style)));
    steps.push(...blockSteps(ws, valueBox, grid, (range, rows) => (range.values = rows)));
  }
  const formulas = sheet.cells.filter((c) => c.formula !== undefined);
  const formulaBox = boundingBox(formulas);
  if (formulaBox) {
    const grid = gridOver(formulaBox, formulas, (c) => `=${c.formula}`);
    steps.push(...blockSteps(ws, formulaBox, grid, (range, rows) => (range.formulas = rows)));
  }
  for (const { paint, blocks } of paintPlan(sheet, styles.styles)) {
    for (const block of blocks) {
      steps.push(
        step(paintOps(paint, block), () => paintBlock(ws.getRange(blockAddress(block)), paint, block)),
      );
    }
  }
  return steps;
}

function ruleSteps(
  ws: Excel.Worksheet,
  sheet: SheetLayout,
  styles: SheetStyles,
  features: RenderFeatures,
): RenderStep[] {
  const steps: RenderStep[] = [];
  if (features.dataValidation) {
    for (const v of sheet.validations) {
      steps.push(
        step(
          4,
          () => {
            const dv = ws.getRange(v.ref).dataValidation;
            dv.rule = validationRule(v);
            dv.ignoreBlanks = v.allowBlank;
            if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
            dv.errorAlert = {
              showAlert: v.error !== undefined,
              style: v.errorStyle === "stop" ? "Stop" : "Warning",
              title: v.error?.title ?? "",
              message: v.error?.text ?? "",
            };
          },
          v,
        ),
      );
    }
  }
  if (features.conditionalFormats) {
    // add() puts a rule on top: adding in reverse leaves them in the layout's (and ExcelJS's) priority order.
    for (const cf of [...sheet.conditionalFormats].reverse()) {
      const style = styles.conditionalStyles[cf.style];
      steps.push(
        step(
          4,
          () => {
            const rule = ws.getRange(cf.ref).conditionalFormats.add("Custom");
            rule.custom.rule.formula = `=${cf.formula}`;
            rule.custom.format.fill.color = officeColor(style.fill);
            rule.custom.format.font.color = officeColor(style.fontColor);
          },
          cf.formula,
        ),
      );
    }
  }
  return steps;
}

/**
 * The operations that render one sheet of a layout onto a worksheet already added: the same sheet the
 * ExcelJS renderer writes, in blocks. Protection is the last step, after every write to the sheet.
 */
export function sheetSteps(
  ws: Excel.Worksheet,
  sheet: SheetLayout,
  styles: SheetStyles,
  features: RenderFeatures,
): RenderStep[] {
  const steps: RenderStep[] = [];
  if (sheet.tabColor) {
    const color = officeColor(sheet.tabColor);
    steps.push(step(1, () => (ws.tabColor = color)));
  }
  steps.push(...columnAndRowSteps(ws, sheet, features));
  steps.push(...cellSteps(ws, sheet, styles));
  for (const range of sheet.merges) steps.push(step(1, () => ws.getRange(range).merge(false)));
  const freeze = sheet.freeze;
  if (freeze) {
    steps.push(
      step(1, () => {
        const { rows, cols } = freeze;
        if (rows && cols) ws.freezePanes.freezeAt(ws.getRange(blockAddress({ row: 1, col: 1, rows, cols })));
        else if (rows) ws.freezePanes.freezeRows(rows);
        else if (cols) ws.freezePanes.freezeColumns(cols);
      }),
    );
  }
  steps.push(...ruleSteps(ws, sheet, styles, features));
  if (sheet.visibility !== "visible") {
    // Safe while the sheet is new: a new sheet is never the active one.
    const visibility = sheet.visibility === "veryHidden" ? "VeryHidden" : "Hidden";
    steps.push(step(1, () => (ws.visibility = visibility)));
  }
  const print = sheet.print;
  if (print && features.pageLayout) {
    // As the .xlsx renderer sets it: A4, fit to one page wide, the header row on every page.
    steps.push(
      step(5, () => {
        ws.pageLayout.paperSize = "A4";
        ws.pageLayout.orientation = print.landscape ? "Landscape" : "Portrait";
        ws.pageLayout.centerHorizontally = true;
        ws.pageLayout.zoom = { horizontalFitToPages: 1 };
        if (print.titleRows) ws.pageLayout.setPrintTitleRows(`$${print.titleRows[0]}:$${print.titleRows[1]}`);
      }),
    );
  }
  if (sheet.protect) {
    // No password, as in the .xlsx: it guards the structure against slips, not against intent.
    steps.push(step(1, () => ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true })));
  }
  return steps;
}

/** Queues a whole sheet at once (the results sheet); returns its estimated request size. */
export function queueSheet(
  ws: Excel.Worksheet,
  sheet: SheetLayout,
  styles: SheetStyles,
  features: RenderFeatures,
): number {
  let bytes = 0;
  for (const s of sheetSteps(ws, sheet, styles, features)) {
    s.queue();
    bytes += s.bytes;
  }
  return bytes;
}

/** A defined name's add, as it weighs in a request: the name, its formula, the call. */
const LIST_NAME_BYTES = 220;

/**
 * Steps that define the dropdowns' list names (L_status → '_lists'!$A$1:$A$4), as the ExcelJS adapter writes them.
 * Queue them before the validations that name them.
 */
export function listNameSteps(
  ctx: Excel.RequestContext,
  layout: Pick<WorkbookLayout, "listNames">,
  sheetOf: (name: string) => Excel.Worksheet | undefined,
): RenderStep[] {
  return layout.listNames.flatMap((list) => {
    const ws = sheetOf(list.sheetName);
    return ws
      ? [{ bytes: LIST_NAME_BYTES, queue: () => ctx.workbook.names.add(list.name, ws.getRange(list.ref)) }]
      : [];
  });
}
