import type ExcelJS from "exceljs";
import type { WorkbookReading } from "../layout/reading";
import { sheetNamesOf } from "../layout/recognize";
import type { SheetKey, WorkbookLayout } from "../layout/types";
import type { Spec } from "../spec/schema";
import { storeFormulaResults } from "./formula-results";
import { readFields } from "./read";
import { fitWorksheetRows } from "./row-heights";

/**
 * What a report gets once its values are in, before it is written (sample, refresh, annotate): each formula
 * stores its result for those values, and each of the report's rows is as tall as its text. Neither is left
 * to the program that opens it: LibreOffice recalculates no .xlsx on load, and no program re-fits a row
 * with a fixed height.
 */
export function settleReport(
  wb: ExcelJS.Workbook,
  spec: Spec,
  layout: WorkbookLayout,
  reading: Pick<WorkbookReading, "values" | "cells"> = readFields(
    wb,
    layout.fields,
    sheetNamesOf(layout) as Record<SheetKey, string>,
  ),
): void {
  storeFormulaResults(wb, spec, layout, reading);
  // The report's sheets where the fields were found (a user may have renamed one), and by their own names.
  const names = new Set(Object.values(reading.cells).map((c) => c.sheetName));
  for (const sheet of layout.sheets) if (sheet.visibility === "visible") names.add(sheet.name);
  for (const name of names) {
    const ws = wb.getWorksheet(name);
    if (ws) fitWorksheetRows(ws);
  }
}
