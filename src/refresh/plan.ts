import type { LocalizedText, Migration, Spec } from "../spec/schema";
import { canonicalValue } from "../layout/choices";
import { obligationOf } from "../layout/obligation";
import type { PlacedAdditions } from "./additions";
import { KEPT_SHEET_NAME } from "./kept-sheet";
import type { CellValue, FieldDef, FieldId, Profile, WorkbookLayout } from "../layout/types";

/** A value with no home in the new version, kept with its old id and label on the retired-fields sheet. */
export interface RetiredValue {
  id: FieldId;
  label: LocalizedText;
  value: CellValue;
  /** The spec version the field was last part of. */
  specVersion: string;
}

export interface RefreshPlan {
  /** Values for the new layout's fields, by new field id. */
  writes: Record<FieldId, CellValue>;
  kept: FieldId[];
  moved: { from: FieldId; to: FieldId }[];
  /** Fields of the new layout that had no counterpart before. */
  added: FieldId[];
  retired: RetiredValue[];
  /** Values kept in fields of tasks that no longer apply to the province: flagged, never erased. */
  stoppedApplying: FieldId[];
  /**
   * Pre-filled fields (报送单位) whose value had been changed: the new layout writes its own again, from the
   * workbook's metadata. Said, never silent: a wrong 报送单位 means the wrong province's template.
   */
  restoredPrefilled: { id: FieldId; label: LocalizedText; value: CellValue; restored: CellValue }[];
  /** What a person added on the report's sheets outside the layout: back in place, or on the kept sheet. */
  additions: PlacedAdditions;
}

/** The value a layout writes into a pre-filled field's cell. */
/** The value the template fills in itself, as the rules speak it (an English workbook shows it in English). */
function prefilledValueOf(layout: WorkbookLayout, field: FieldDef): CellValue | undefined {
  const sheet = layout.sheets.find((s) => s.key === field.sheet);
  const shown = sheet?.cells.find((c) => c.row === field.row && c.col === field.col)?.value;
  return shown === undefined ? undefined : canonicalValue(field, shown);
}

export function isEmpty(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.length === 0);
}

/** Where an old field id lands after a chain of migrations; undefined when it is retired on the way. */
export function mapFieldId(id: FieldId, path: Migration[]): FieldId | undefined {
  let current: FieldId | undefined = id;
  for (const m of path) {
    if (current === undefined) return undefined;
    if (m.retired.includes(current)) return undefined;
    current = m.renamed[current] ?? current;
  }
  return current;
}

function taskObligationOf(spec: Spec, profile: Profile, field: FieldDef) {
  const task = field.task === undefined ? undefined : spec.tasks.find((t) => t.number === field.task);
  return task ? obligationOf(task, profile) : undefined;
}

/**
 * Decides where every entered value goes in the new layout. Pure: the adapters read the values before and
 * write them after. A value is never dropped: it is kept, moved to its new id, or retired with its old id.
 */
export function planRefresh(args: {
  from: { spec: Spec; layout: WorkbookLayout };
  to: { spec: Spec; layout: WorkbookLayout; profile: Profile };
  path: Migration[];
  values: Record<FieldId, CellValue>;
  /** Values already on a retired-fields sheet: they stay there. */
  previouslyRetired?: RetiredValue[];
}): RefreshPlan {
  const { from, to, path, values } = args;
  const target = new Map(to.layout.fields.map((f) => [f.id, f]));
  const plan: RefreshPlan = {
    writes: {},
    kept: [],
    moved: [],
    added: [],
    retired: [...(args.previouslyRetired ?? [])],
    stoppedApplying: [],
    restoredPrefilled: [],
    additions: { sheetName: KEPT_SHEET_NAME[to.layout.metadata.language], inPlace: [], kept: [] },
  };
  const reached = new Set<FieldId>();
  for (const field of from.layout.fields) {
    const newId = mapFieldId(field.id, path);
    if (newId !== undefined) reached.add(newId);
    const value = values[field.id];
    const destination = newId === undefined ? undefined : target.get(newId);
    if (field.prefilled) {
      const restored = destination?.prefilled ? prefilledValueOf(to.layout, destination) : undefined;
      if (destination && !isEmpty(value) && restored !== undefined && restored !== value)
        plan.restoredPrefilled.push({
          id: destination.id,
          label: destination.label,
          value: value ?? null,
          restored,
        });
      continue;
    }
    if (isEmpty(value)) continue;
    if (!destination || destination.prefilled) {
      plan.retired.push({
        id: field.id,
        label: field.label,
        value: value ?? null,
        specVersion: from.spec.specVersion,
      });
      continue;
    }
    plan.writes[destination.id] = value ?? null;
    if (destination.id === field.id) plan.kept.push(field.id);
    else plan.moved.push({ from: field.id, to: destination.id });
    if (taskObligationOf(to.spec, to.profile, destination) === "not-applicable")
      plan.stoppedApplying.push(destination.id);
  }
  plan.added = to.layout.fields.filter((f) => !f.prefilled && !reached.has(f.id)).map((f) => f.id);
  return plan;
}

/** "1 value", "2 values": the English summary counts like English. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summarizePlan(plan: RefreshPlan): LocalizedText {
  const kept = plan.kept.length;
  const moved = plan.moved.length;
  const added = plan.added.length;
  const retired = plan.retired.length;
  const stopped = plan.stoppedApplying.length;
  const restored = plan.restoredPrefilled
    .map((r) => ({
      zh: `，“${r.label.zh}”已由“${String(r.value)}”恢复为本工作簿的“${String(r.restored)}”`,
      en: `, "${r.label.en}" restored from "${String(r.value)}" to the workbook's own "${String(r.restored)}"`,
    }))
    .reduce((a, b) => ({ zh: a.zh + b.zh, en: a.en + b.en }), { zh: "", en: "" });
  const extra = summarizeAdditions(plan.additions);
  return {
    zh: `保留 ${kept} 个填报值，迁移 ${moved} 个，新增 ${added} 个填报项，${retired} 个值移入“已停用字段”${stopped ? `，${stopped} 个值所在任务已不适用本省（已保留并标出）` : ""}${extra.zh}${restored.zh}`,
    en: `kept ${count(kept, "value", "values")}, moved ${moved}, ${count(added, "new field", "new fields")}, ${count(retired, "value", "values")} on the retired-fields sheet${stopped ? `, ${count(stopped, "value", "values")} in tasks that no longer apply (kept and flagged)` : ""}${extra.en}${restored.en}`,
  };
}

/** The person's own additions in clerk words: how many, and where those not back in place are. */
export function additionsPhrase(additions: PlacedAdditions): LocalizedText | undefined {
  const all = additions.inPlace.length + additions.kept.length;
  if (all === 0) return undefined;
  const onSheet = additions.kept.length;
  const where =
    onSheet === 0
      ? { zh: "（均在原位置）", en: " (all in place)" }
      : onSheet === all
        ? { zh: `（见“${additions.sheetName}”表）`, en: ` (on the sheet "${additions.sheetName}")` }
        : {
            zh: `（${onSheet} 处见“${additions.sheetName}”表，其余在原位置）`,
            en: ` (${onSheet} on the sheet "${additions.sheetName}", the rest in place)`,
          };
  return {
    zh: `保留 ${all} 处补充内容${where.zh}`,
    en: `${count(all, "addition", "additions")} of your own kept${where.en}`,
  };
}

/** The same, as a clause of the summary line. */
export function summarizeAdditions(additions: PlacedAdditions): LocalizedText {
  const phrase = additionsPhrase(additions);
  return phrase ? { zh: `，${phrase.zh}`, en: `, ${phrase.en}` } : { zh: "", en: "" };
}
