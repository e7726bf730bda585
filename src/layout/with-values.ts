import { shownValues } from "./choices";
import { fitRowHeights } from "./row-height";
import type { CellValue, FieldId, WorkbookLayout } from "./types";

/**
 * The layout with entered values in its input cells, so an adapter renders template and values in one pass
 * (formats before values: text cells stay text whatever the user typed), its rows as tall as their text.
 */
export function layoutWithValues(layout: WorkbookLayout, stored: Record<FieldId, CellValue>): WorkbookLayout {
  // Stored values are canonical (已完成); the cell shows them as the workbook's dropdown does.
  const values = shownValues(layout.fields, stored);
  return {
    ...layout,
    sheets: layout.sheets.map((sheet) => {
      const cells = sheet.cells.map((cell) =>
        cell.fieldId !== undefined && values[cell.fieldId] !== undefined
          ? { ...cell, value: values[cell.fieldId] }
          : cell,
      );
      const filled = { ...sheet, cells };
      return sheet.visibility === "visible"
        ? { ...filled, rowHeights: fitRowHeights(filled, layout.styles) }
        : filled;
    }),
  };
}
