import type { WorkbookReading } from "../../layout/reading";
import type { WorkbookLayout } from "../../layout/types";
import { conditionHolds, filledIn } from "../../rules/completion";

/**
 * How far a report is, with a count that does not move as the clerk types: fields required whatever is
 * entered are counted as required from the start; fields required only under a condition (evidence once a
 * task is 已完成, a figure's source once the figure is there) are counted apart, with how many are due now.
 */
export interface RequirementProgress {
  always: { required: number; filled: number };
  conditional: { total: number; due: number; filled: number };
  /** Of everything required now (always + due): the share filled, 1 when nothing is. */
  ratio: number;
}

export function requirementProgress(layout: WorkbookLayout, reading: WorkbookReading): RequirementProgress {
  const filled = filledIn(layout, reading);
  const always = { required: 0, filled: 0 };
  const conditional = { total: 0, due: 0, filled: 0 };
  for (const field of layout.fields) {
    if (field.prefilled || field.required.kind === "never") continue;
    if (field.required.kind === "always") {
      always.required++;
      if (filled(field.id)) always.filled++;
      continue;
    }
    conditional.total++;
    if (!conditionHolds(field.required, filled, reading)) continue;
    conditional.due++;
    if (filled(field.id)) conditional.filled++;
  }
  const required = always.required + conditional.due;
  const done = always.filled + conditional.filled;
  return { always, conditional, ratio: required === 0 ? 1 : done / required };
}
