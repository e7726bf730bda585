import { fieldId } from "../layout/field-ids";
import { goalText } from "../layout/targets";
import type { FieldId } from "../layout/types";
import type { LocalizedText, QuantitativeTarget } from "../spec/schema";
import { changeOf } from "../rules/targets";
import { applyConsistency, type SampleDraft } from "./values";

/** A mistake put into a sample on purpose, where validation must find it. */
export interface SampleDefect {
  fieldId: FieldId;
  description: LocalizedText;
}

function percent(fraction: number): string {
  return (fraction * 100).toFixed(1);
}

function number(draft: SampleDraft, id: FieldId): number | undefined {
  const v = draft.values[id];
  return typeof v === "number" ? v : undefined;
}

/** Provincial growth targets with both figures filled, the preferred one first. */
function growthTargets(draft: SampleDraft, prefer: string, taken: Set<string>): QuantitativeTarget[] {
  const targets = draft.spec.targets.filter(
    (t): t is QuantitativeTarget =>
      t.kind === "quantitative" &&
      t.scope === "provincial" &&
      t.measuredAs === "growth" &&
      !taken.has(t.id) &&
      number(draft, fieldId.target(t.id, "baseline")) !== undefined &&
      number(draft, fieldId.target(t.id, "actual")) !== undefined,
  );
  return [...targets.filter((t) => t.id === prefer), ...targets.filter((t) => t.id !== prefer)];
}

/** A growth two points short of its goal (e.g. pledge financing +8% against "不低于10%"). */
function missedGrowthGoal(draft: SampleDraft, taken: Set<string>): SampleDefect | undefined {
  const t = growthTargets(draft, "pledge-financing-growth", taken)[0];
  if (!t) return undefined;
  taken.add(t.id);
  const baseline = number(draft, fieldId.target(t.id, "baseline")) ?? 0;
  const actual = Math.round(baseline * (1 + t.goal / 100 - 0.02) * 100) / 100;
  const id = fieldId.target(t.id, "actual");
  draft.set(id, actual);
  const change = changeOf(t, baseline, actual) ?? 0;
  if (draft.filled(fieldId.target(t.id, "growth")))
    draft.set(fieldId.target(t.id, "growth"), Math.round(change * 1000) / 1000);
  // Figures that must agree with this one (the pledge amount) follow it: one defect, not two.
  applyConsistency(draft);
  return {
    fieldId: id,
    description: {
      zh: `${t.label.zh}${percent(change)}%，未达到目标（${goalText(t)}）`,
      en: `${t.label.en}: ${percent(change)}%, short of the goal (${goalText(t, "en")})`,
    },
  };
}

/** A reported growth five points away from the one its own figures give. */
function disagreeingGrowth(draft: SampleDraft, taken: Set<string>): SampleDefect | undefined {
  const t = growthTargets(draft, "ip-service-revenue-growth", taken)[0];
  if (!t) return undefined;
  taken.add(t.id);
  const computed =
    changeOf(
      t,
      number(draft, fieldId.target(t.id, "baseline")),
      number(draft, fieldId.target(t.id, "actual")) ?? 0,
    ) ?? 0;
  const reported = Math.round((computed + 0.05) * 1000) / 1000;
  const id = fieldId.target(t.id, "growth");
  draft.set(id, reported);
  return {
    fieldId: id,
    description: {
      zh: `${t.label.zh}填报增长率 ${percent(reported)}%，按基数和实际值计算为 ${percent(computed)}%`,
      en: `${t.label.en}: reported growth ${percent(reported)}%, the figures give ${percent(computed)}%`,
    },
  };
}

/** A figure whose data source was left empty (数出有据). */
function missingSource(draft: SampleDraft, taken: Set<string>): SampleDefect | undefined {
  const t = growthTargets(draft, "ip-insurance-growth", taken)[0];
  if (!t) return undefined;
  taken.add(t.id);
  const id = fieldId.target(t.id, "source");
  draft.set(id, null);
  return {
    fieldId: id,
    description: {
      zh: `${t.label.zh}已填数字但未注明数据来源`,
      en: `${t.label.en}: figures without a data source`,
    },
  };
}

/** Task 12: subsidies recovered short of what is due (并全额收回已发放的资助奖励资金). */
function partialRecovery(draft: SampleDraft): SampleDefect | undefined {
  const rule =
    draft.spec.consistency.find((r) => r.id === "task12-subsidies-recovered-in-full") ??
    draft.spec.consistency.find((r) => r.comparator === "==" && r.left.startsWith("task."));
  const due = rule ? number(draft, rule.right) : undefined;
  if (!rule || due === undefined || number(draft, rule.left) === undefined) return undefined;
  const recovered = Math.round(due * 0.6 * 100) / 100;
  draft.set(rule.left, recovered);
  return {
    fieldId: rule.left,
    description: {
      zh: `已收回 ${recovered} 万元，应收回 ${due} 万元，未全额收回`,
      en: `${recovered} recovered of ${due} (10k yuan) due: not recovered in full`,
    },
  };
}

/** A 必做 task with a status but no progress. */
function requiredTaskWithoutProgress(draft: SampleDraft): SampleDefect | undefined {
  const candidates = draft.layout.fields.filter(
    (f) => f.id.endsWith(".progress") && f.task !== undefined && f.required.kind === "always",
  );
  if (candidates.length === 0) return undefined;
  const field = draft.rng.pick(candidates);
  draft.set(field.id, null);
  return {
    fieldId: field.id,
    description: {
      zh: `必做任务${field.task}未填写工作进展`,
      en: `required task ${field.task} has no progress`,
    },
  };
}

/** Text typed in a number cell, the unit and all ("约120条"). */
function textInNumberCell(draft: SampleDraft): SampleDefect | undefined {
  const numeric = draft.layout.fields.filter(
    (f) =>
      (f.type === "integer" || f.type === "number") &&
      f.task !== undefined &&
      typeof draft.values[f.id] === "number",
  );
  const field = numeric.find((f) => f.id === "task.13.clues-reported") ?? numeric[numeric.length - 1];
  if (!field) return undefined;
  const text = `约${draft.values[field.id]}${field.unit?.zh ?? ""}`;
  draft.set(field.id, text);
  return {
    fieldId: field.id,
    description: { zh: `数字单元格中填了文字“${text}”`, en: `text "${text}" in a number cell` },
  };
}

/** Puts the realistic mistakes in, each where validation should report it. */
export function injectDefects(draft: SampleDraft): SampleDefect[] {
  const taken = new Set<string>();
  const defects = [
    missedGrowthGoal(draft, taken),
    missingSource(draft, taken),
    partialRecovery(draft),
    requiredTaskWithoutProgress(draft),
    disagreeingGrowth(draft, taken),
    textInNumberCell(draft),
  ];
  return defects.filter((d): d is SampleDefect => d !== undefined);
}
