import type { WorkbookReading } from "../layout/reading";
import type { Condition, FieldId, WorkbookLayout } from "../layout/types";
import { isEmpty, isExcelError, textOf } from "./values";

/** How far a report is: of the fields required right now, how many hold something. */
export interface Completion {
  required: number;
  filled: number;
  /** filled / required, 1 when nothing is required. */
  ratio: number;
  /** Required fields still empty, in layout order. */
  missing: FieldId[];
}

/**
 * Whether a field holds an answer, as the rules engine judges it: whitespace is not an answer, and neither
 * is a field the workbook lost (its defined name or its sheet gone) or an Excel error such as #REF!.
 */
export function filledIn(layout: WorkbookLayout, reading: WorkbookReading): (id: FieldId) => boolean {
  const lost = new Set(reading.missingNames);
  const missingSheets = new Set(reading.missingSheets);
  for (const field of layout.fields) if (missingSheets.has(field.sheet)) lost.add(field.id);
  return (id) => {
    const value = reading.values[id];
    return !lost.has(id) && !isExcelError(value) && !isEmpty(value);
  };
}

/** Whether a condition holds (a status of 已完成 makes the evidence required, a figure its source, …). */
export function conditionHolds(
  condition: Condition,
  filled: (id: FieldId) => boolean,
  reading: WorkbookReading,
): boolean {
  switch (condition.kind) {
    case "always":
      return true;
    case "never":
      return false;
    case "field-in":
      return filled(condition.field) && condition.values.includes(textOf(reading.values[condition.field]));
    case "any-filled":
      return condition.fields.some(filled);
  }
}

/**
 * Required fields filled / required, as the reviewer sees it. Fields the template fills itself (the
 * province on the cover) are left out: they measure the template, not the province's work.
 */
export function completion(layout: WorkbookLayout, reading: WorkbookReading): Completion {
  const filled = filledIn(layout, reading);
  let required = 0;
  let done = 0;
  const missing: FieldId[] = [];
  for (const field of layout.fields) {
    if (field.prefilled || !conditionHolds(field.required, filled, reading)) continue;
    required++;
    if (filled(field.id)) done++;
    else missing.push(field.id);
  }
  return { required, filled: done, ratio: required === 0 ? 1 : done / required, missing };
}
