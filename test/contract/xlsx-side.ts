import type ExcelJS from "exceljs";
import type { CellValue, FieldId, WorkbookLayout } from "../../src/layout/types";
import { renderWorkbook, renderXlsx } from "../../src/xlsx/render";
import { loadWorkbook } from "../../src/xlsx/read";
import { openReport, type OpenedReport } from "../../src/xlsx/report";

/** Scenarios on the ExcelJS side: what the command line writes and reads, always through the file's bytes. */

/** The template as the command line writes it, read back from its bytes. */
export async function writtenByExcelJS(layout: WorkbookLayout): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await renderXlsx(layout));
}

/** Fills the same fields in the ExcelJS workbook, writes it and opens it again. */
export async function fillThroughExcelJS(
  layout: WorkbookLayout,
  values: Record<FieldId, CellValue | ExcelJS.CellFormulaValue>,
  change: (wb: ExcelJS.Workbook) => void = () => {},
): Promise<OpenedReport> {
  const wb = await renderWorkbook(layout);
  for (const [id, value] of Object.entries(values)) {
    const field = layout.fields.find((f) => f.id === id)!;
    wb.getWorksheet(field.sheetName)!.getCell(field.cell).value = value;
  }
  change(wb);
  return openReport(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer())));
}
