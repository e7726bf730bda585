import type ExcelJS from "exceljs";
import { newWorkbook } from "./exceljs";
import { a1 } from "../layout/address";
import { TEMPLATE_FONT, TEMPLATE_FONT_CHARSET } from "../layout/styles";
import type { CellLayout, CellStyle, SheetLayout, WorkbookLayout } from "../layout/types";

const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };

function toStyle(style: CellStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: TEMPLATE_FONT,
      charset: TEMPLATE_FONT_CHARSET,
      size: style.size ?? 11,
      bold: style.bold,
      italic: style.italic,
      ...(style.fontColor ? { color: { argb: style.fontColor } } : {}),
    },
    alignment: { wrapText: style.wrap, horizontal: style.horizontal, vertical: style.vertical },
    protection: { locked: style.locked },
  };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: style.fill } };
  if (style.border) out.border = { top: thin, left: thin, bottom: thin, right: thin };
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function serialToDate(value: string | number): string | number | Date {
  return typeof value === "number" ? new Date(EXCEL_EPOCH + value * 86_400_000) : value;
}

function cellValue(cell: CellLayout): ExcelJS.CellValue {
  if (cell.formula !== undefined) {
    // A cached result lets readers that do not recalculate (LibreOffice by default) show the status.
    return { formula: cell.formula, result: cell.result ?? undefined } as ExcelJS.CellFormulaValue;
  }
  return cell.value ?? null;
}

/** Renders one sheet of a layout into a workbook: the template's sheets, and later ones such as a results sheet. */
export function renderSheet(
  wb: ExcelJS.Workbook,
  layout: WorkbookLayout,
  sheet: SheetLayout,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.visibility,
    properties: { tabColor: sheet.tabColor ? { argb: sheet.tabColor } : undefined, outlineLevelCol: 1 },
    views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows }] : [],
  });
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    // ExcelJS leaves out a width equal to its default (9), and Excel then shows its own 8.43.
    col.width = c.width === 9 ? 9.01 : c.width;
    if (c.outlineLevel) col.outlineLevel = c.outlineLevel;
    if (c.hidden) col.hidden = true;
  });
  for (const [row, height] of Object.entries(sheet.rowHeights)) ws.getRow(Number(row)).height = height;
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  for (const cell of sheet.cells) {
    const target = ws.getCell(cell.row, cell.col);
    let style = styles.get(cell.style);
    if (!style) {
      style = toStyle(layout.styles[cell.style]);
      styles.set(cell.style, style);
    }
    target.style = style;
    target.value = cellValue(cell);
  }
  for (const range of sheet.merges) ws.mergeCells(range);
  for (const v of sheet.validations) {
    ws.getCell(v.ref).dataValidation = {
      type: v.type,
      operator: v.operator,
      // The layout speaks Excel serials; ExcelJS wants Date objects for date limits (a serial would be
      // read as milliseconds since 1970 and reject every real date).
      formulae: v.type === "date" ? v.formulae.map(serialToDate) : v.formulae,
      allowBlank: v.allowBlank,
      showInputMessage: v.prompt !== undefined,
      promptTitle: v.prompt?.title,
      prompt: v.prompt?.text,
      showErrorMessage: v.error !== undefined,
      errorStyle: v.errorStyle,
      errorTitle: v.error?.title,
      error: v.error?.text,
    };
  }
  let priority = 1;
  for (const cf of sheet.conditionalFormats) {
    const style = layout.conditionalStyles[cf.style];
    ws.addConditionalFormatting({
      ref: cf.ref,
      rules: [
        {
          type: "expression",
          priority: priority++,
          formulae: [cf.formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: style.fill } },
            font: { color: { argb: style.fontColor } },
          },
        },
      ],
    });
  }
  if (sheet.print) {
    ws.pageSetup = {
      ...ws.pageSetup,
      paperSize: 9,
      orientation: sheet.print.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(sheet.print.titleRows
        ? { printTitlesRow: `${sheet.print.titleRows[0]}:${sheet.print.titleRows[1]}` }
        : {}),
    };
    ws.headerFooter = { oddFooter: `&L${sheet.name}&R第 &P 页，共 &N 页` };
  }
  return ws;
}

/** Renders a layout into a new ExcelJS workbook (not yet written). */
export async function renderWorkbook(layout: WorkbookLayout): Promise<ExcelJS.Workbook> {
  const wb = newWorkbook();
  wb.creator = "ip-report";
  wb.title = `${layout.metadata.unitName} ${layout.metadata.specId} ${layout.metadata.specVersion}`;
  wb.created = new Date(0);
  wb.modified = new Date(0);
  for (const sheet of layout.sheets) renderSheet(wb, layout, sheet);
  for (const field of layout.fields) {
    const sheet = layout.sheets.find((s) => s.key === field.sheet);
    if (sheet) wb.definedNames.add(`'${sheet.name}'!${absoluteRef(field.row, field.col)}`, field.name);
  }
  for (const list of layout.listNames) wb.definedNames.add(`'${list.sheetName}'!${list.ref}`, list.name);
  // Protection without a password: it guards the structure against slips, not against intent.
  for (const sheet of layout.sheets) {
    if (!sheet.protect) continue;
    await wb.getWorksheet(sheet.name)?.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      formatCells: false,
      insertRows: false,
      deleteRows: false,
      sort: false,
      autoFilter: false,
    });
  }
  // The cover is first and active; hidden sheets must never be active.
  wb.views = [
    { x: 0, y: 0, width: 28800, height: 17000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return wb;
}

function absoluteRef(row: number, col: number): string {
  return a1(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

export async function renderXlsx(layout: WorkbookLayout): Promise<Buffer> {
  const wb = await renderWorkbook(layout);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
