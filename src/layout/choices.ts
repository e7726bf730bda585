import type { CellValue, FieldDef, FieldId } from "./types";
import { CHOICE_LABEL } from "./vocabulary";

/*
 * A dropdown shows its values in the workbook's language ("Done" in an English workbook) while the rules, the
 * field dictionary and refresh speak the canonical values (已完成). Readers translate what they read to the
 * canonical value; writers translate back to what the workbook shows. Either form is accepted on reading, so a
 * value typed in the other language is understood too.
 */

/** The stored value a shown value stands for (a shown value of this field, or the value itself). */
export function canonicalValue(field: FieldDef, value: CellValue): CellValue {
  const { allowed, shown } = field;
  if (typeof value !== "string" || !allowed) return value;
  const text = value.trim();
  // This workbook's words first, then either language's (a value carried over from a workbook in the other).
  const i = shown ? shown.indexOf(text) : -1;
  if (i >= 0) return allowed[i];
  const j = allowed.findIndex((v) => CHOICE_LABEL[v]?.en === text || CHOICE_LABEL[v]?.zh === text);
  return j >= 0 ? allowed[j] : value;
}

/** What the workbook shows for a stored value (the value itself when it is not one of the field's values). */
export function shownValue(field: FieldDef, value: CellValue): CellValue {
  if (typeof value !== "string" || !field.allowed || !field.shown) return value;
  const i = field.allowed.indexOf(value);
  return i >= 0 ? field.shown[i] : value;
}

function mapValues(
  fields: FieldDef[],
  values: Record<FieldId, CellValue>,
  map: (field: FieldDef, value: CellValue) => CellValue,
): Record<FieldId, CellValue> {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const out: Record<FieldId, CellValue> = {};
  for (const [id, value] of Object.entries(values)) {
    const field = byId.get(id);
    out[id] = field ? map(field, value) : value;
  }
  return out;
}

/** Values read from a workbook, as the rules and refresh speak them. */
export function canonicalValues(
  fields: FieldDef[],
  values: Record<FieldId, CellValue>,
): Record<FieldId, CellValue> {
  return mapValues(fields, values, canonicalValue);
}

/** Values to write into a workbook, as its dropdowns show them. */
export function shownValues(
  fields: FieldDef[],
  values: Record<FieldId, CellValue>,
): Record<FieldId, CellValue> {
  return mapValues(fields, values, shownValue);
}
