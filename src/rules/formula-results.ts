import type {
  CellLayout,
  CellValue,
  FieldDef,
  FieldId,
  FormulaMeaning,
  WorkbookLayout,
} from "../layout/types";
import { fieldId, type TargetPart } from "../layout/field-ids";
import { targetStatusWords, type TARGET_STATUS } from "../layout/vocabulary";
import type { QuantitativeTarget, Spec } from "../spec/schema";
import { changeOf, meetsGoal } from "./targets";

/**
 * The result a template formula gives for the values in its workbook, worked out by the rules' own functions
 * (changeOf, meetsGoal), so the file stores it: LibreOffice does not recalculate an .xlsx on load, and the
 * status it shows, and the red and green its conditional formats read from it, are what the file stores.
 *
 * The formulas judge cells, not the lenient reading the rules give them: ISNUMBER is true of a number only,
 * so "120" typed as text leaves a target 待填 (the rules report it as a type error), and LEN is 0 only when
 * the cell is empty.
 */
export function formulaResult(
  spec: Spec,
  meaning: FormulaMeaning,
  valueOf: (id: FieldId) => CellValue | undefined,
  words: StatusWords,
): CellValue {
  const target = spec.targets.find((t) => t.id === meaning.target);
  if (!target) return null;
  const part = (name: TargetPart) => valueOf(fieldId.target(target.id, name)) ?? null;
  if (target.kind === "qualitative") return statusOfQualitative(part("progress"), words);
  const change = changeCell(target, part("baseline"), part("actual"));
  return meaning.kind === "target-change" ? change : statusOf(target, part("actual"), change, words);
}

/** The status formulas' words, in the workbook's language. */
type StatusWords = Record<keyof typeof TARGET_STATUS, string>;

/** IF(AND(ISNUMBER(G),ISNUMBER(H)),IF(G>0,change,""),""); a level target has no change cell. */
function changeCell(t: QuantitativeTarget, baseline: CellValue, actual: CellValue): CellValue {
  if (t.measuredAs === "level") return null;
  if (typeof baseline !== "number" || typeof actual !== "number") return "";
  return changeOf(t, baseline, actual) ?? "";
}

function statusOf(
  t: QuantitativeTarget,
  actual: CellValue,
  change: CellValue,
  words: StatusWords,
): CellValue {
  if (t.scope === "national") {
    return typeof actual === "number" ? words.national : words.optional;
  }
  const judged = t.measuredAs === "level" ? actual : change;
  if (typeof judged !== "number") return words.pending;
  return meetsGoal(t, judged) ? words.met : words.missed;
}

/** IF(LEN(progress)>0,已填报,待填): any number or flag has a length, an empty cell none. */
function statusOfQualitative(progress: CellValue, words: StatusWords): CellValue {
  const empty = progress === null || progress === "";
  return empty ? words.pending : words.reported;
}

/** A formula cell whose result depends on values, with the field on its row that locates it in a workbook. */
export interface DerivedCell {
  cell: CellLayout;
  /** A field on the same row: where a workbook's defined name puts it, the formula is at the same offset. */
  anchor: FieldDef;
  result: CellValue;
}

/** Every value-dependent formula of a layout with the result it gives for these values. */
export function derivedCells(
  spec: Spec,
  layout: WorkbookLayout,
  values: Record<FieldId, CellValue>,
): DerivedCell[] {
  const out: DerivedCell[] = [];
  const words = targetStatusWords(layout.metadata.language);
  for (const sheet of layout.sheets) {
    const fieldsByRow = new Map<number, FieldDef>();
    for (const f of layout.fields)
      if (f.sheet === sheet.key && !fieldsByRow.has(f.row)) fieldsByRow.set(f.row, f);
    for (const cell of sheet.cells) {
      if (!cell.computes) continue;
      const anchor = fieldsByRow.get(cell.row);
      if (!anchor) continue;
      out.push({ cell, anchor, result: formulaResult(spec, cell.computes, (id) => values[id], words) });
    }
  }
  return out;
}
