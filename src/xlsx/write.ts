import { LocalizedError } from "../i18n/errors";
import type ExcelJS from "exceljs";
import { shownValues } from "../layout/choices";
import type { CellValue, FieldDef, FieldId, WorkbookLayout } from "../layout/types";
import type { LocalizedText } from "../spec/schema";
import { isOverCellLimit, overCellLimit } from "../layout/cell-limit";
import { encodeOoxmlText } from "./ooxml-text";
import { readDefinedNames } from "./read";

export { EXCEL_CELL_MAX_CHARS } from "../layout/cell-limit";

const DATE_FORMAT = "yyyy-mm-dd";

/** A value that cannot be written where its field id says; nothing was written. */
export class CellWriteError extends LocalizedError {
  constructor(
    readonly fieldId: FieldId,
    detail: LocalizedText,
  ) {
    super(detail, "CellWriteError");
  }
}

interface PlannedWrite {
  field: FieldDef;
  cell: ExcelJS.Cell;
  value: CellValue;
}

function labelled(field: FieldDef | undefined, id: FieldId): LocalizedText {
  return field
    ? { zh: `“${field.label.zh}”（${id}）`, en: `"${field.label.en}" (${id})` }
    : { zh: id, en: id };
}

/** Checks one value against what a cell can hold, so a bad value is refused before any cell changes. */
function refusal(field: FieldDef, value: CellValue): LocalizedText | undefined {
  const what = labelled(field, field.id);
  // The same words as validate's value.text.cell-limit: one rule, wherever the text is met.
  if (isOverCellLimit(value)) return overCellLimit(field.label, value.length);
  if (typeof value === "number" && !Number.isFinite(value)) {
    return { zh: `${what.zh}的数值无效（${value}）`, en: `${what.en} is not a finite number (${value})` };
  }
  return undefined;
}

function plan(
  wb: ExcelJS.Workbook,
  layout: WorkbookLayout,
  values: Record<FieldId, CellValue>,
): PlannedWrite[] {
  const byId = new Map(layout.fields.map((f) => [f.id, f]));
  const names = readDefinedNames(wb);
  const writes: PlannedWrite[] = [];
  for (const [id, value] of Object.entries(values)) {
    const field = byId.get(id);
    if (!field) {
      throw new CellWriteError(id, {
        zh: `模板中没有填报项 ${id}`,
        en: `the template has no field ${id}`,
      });
    }
    const ref = names.get(field.name);
    const ws = ref ? wb.getWorksheet(ref.sheetName) : undefined;
    if (!ref || !ws) {
      const what = labelled(field, id);
      throw new CellWriteError(id, {
        zh: `找不到${what.zh}的单元格：定义名称 ${field.name} 已被删除或指向无效位置`,
        en: `cannot find the cell of ${what.en}: the defined name ${field.name} is gone or points nowhere`,
      });
    }
    const problem = refusal(field, value);
    if (problem) throw new CellWriteError(id, problem);
    writes.push({ field, cell: ws.getCell(ref.cell), value });
  }
  return writes;
}

/**
 * Writes values into their cells, found by each field's defined name, never by a fixed address.
 * All values are checked first: a refused value leaves the workbook untouched.
 */
export function writeValues(
  wb: ExcelJS.Workbook,
  layout: WorkbookLayout,
  values: Record<FieldId, CellValue>,
): void {
  // Stored values are canonical (已完成); the cell shows them as the workbook's dropdown does.
  for (const { field, cell, value } of plan(wb, layout, shownValues(layout.fields, values))) {
    // A plain string is stored as a string (never parsed): "=…" typed as a narrative stays text.
    cell.value = typeof value === "string" ? encodeOoxmlText(value) : value;
    if (field.type === "date" && typeof value === "number" && !/[dmy]/i.test(cell.numFmt ?? "")) {
      // The core keeps dates as Excel serials; the number format is what makes Excel show a date.
      // A fresh style object: cells may share one, and the others must keep their format.
      cell.style = { ...cell.style, numFmt: DATE_FORMAT };
    }
  }
}
