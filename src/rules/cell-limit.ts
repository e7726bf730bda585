import { EXCEL_CELL_MAX_CHARS, isOverCellLimit, overCellLimit } from "../layout/cell-limit";
import type { Evaluation } from "./context";

/**
 * value.text.cell-limit: a text longer than a cell can hold. Excel cuts it when it opens the file, and a
 * refresh refuses to write it: validate says so first, in the same words.
 */
export function checkCellLimit(ev: Evaluation): void {
  for (const field of ev.fields) {
    const value = ev.value(field.id);
    if (!ev.readable(field.id) || !isOverCellLimit(value)) continue;
    ev.report("value.text.cell-limit", field, {
      message: overCellLimit(field.label, value.length),
      expected: `<=${EXCEL_CELL_MAX_CHARS}`,
      expectedText: {
        zh: `不超过 ${EXCEL_CELL_MAX_CHARS.toLocaleString("en-US")} 个字符`,
        en: `at most ${EXCEL_CELL_MAX_CHARS.toLocaleString("en-US")} characters`,
      },
      // The length, not the text: the issue is printed, listed and written to the results sheet.
      actual: value.length,
    });
  }
}
