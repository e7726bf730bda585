import type { FieldEdits } from "../excel/types";
import type { WorkbookReading } from "../layout/reading";
import type { FieldId } from "../layout/types";

/** The reading with a live edit applied: a new object (React sees the change), the old one untouched. */
export function withEdits(reading: WorkbookReading, edits: FieldEdits): WorkbookReading {
  const formulas: Record<FieldId, string> = { ...reading.formulas };
  for (const [id, formula] of Object.entries(edits.formulas)) {
    if (formula === undefined) delete formulas[id];
    else formulas[id] = formula;
  }
  return { ...reading, values: { ...reading.values, ...edits.values }, formulas };
}
