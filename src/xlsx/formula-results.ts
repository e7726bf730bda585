import type ExcelJS from "exceljs";
import { valueTypes } from "./exceljs";
import type { WorkbookReading } from "../layout/reading";
import type { WorkbookLayout } from "../layout/types";
import { derivedCells } from "../rules/formula-results";
import type { Spec } from "../spec/schema";

/** A formula's text with its cell references blanked: the same formula after rows were inserted above it. */
function shape(formula: string): string {
  return formula.replace(/^=/, "").replace(/\$?[A-Z]{1,3}\$?\d+/g, "#");
}

/** The cell's formula; ExcelJS translates a shared one (as Excel saves a column of like formulas). */
function formulaOf(cell: ExcelJS.Cell): string | undefined {
  return cell.type === valueTypes().Formula ? cell.formula : undefined;
}

/**
 * Stores in each of the template's value-dependent formulas the result it gives for the workbook's values,
 * wherever its row went (found beside a field, by the field's defined name). A formula the user changed or
 * replaced keeps what it has: we store results only for formulas we wrote.
 */
export function storeFormulaResults(
  wb: ExcelJS.Workbook,
  spec: Spec,
  layout: WorkbookLayout,
  reading: Pick<WorkbookReading, "values" | "cells">,
): void {
  for (const { cell, anchor, result } of derivedCells(spec, layout, reading.values)) {
    const at = reading.cells[anchor.id];
    const ws = at ? wb.getWorksheet(at.sheetName) : undefined;
    if (!at || !ws) continue;
    const found = ws.getCell(at.cell);
    const target = ws.getCell(
      Number(found.row) + cell.row - anchor.row,
      Number(found.col) + cell.col - anchor.col,
    );
    const formula = formulaOf(target);
    if (formula === undefined || cell.formula === undefined || shape(formula) !== shape(cell.formula))
      continue;
    target.value = { ...(target.value as ExcelJS.CellFormulaValue), result: result ?? undefined };
  }
}
