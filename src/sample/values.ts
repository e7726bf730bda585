import { sourceFieldOf } from "../layout/conditions";
import { fieldId, type TargetPart, type TaskPart } from "../layout/field-ids";
import { obligationOf } from "../layout/obligation";
import { targetRequired } from "../layout/targets";
import type { CellValue, FieldId, Profile, WorkbookLayout } from "../layout/types";
import { isoSerial, STATUS } from "../layout/vocabulary";
import type { QuantitativeTarget, Spec, Task } from "../spec/schema";
import {
  evidenceText,
  followUpText,
  nextStepsText,
  problemsText,
  progressText,
  resultsText,
} from "./narrative";
import { changeOf } from "../rules/targets";
import type { SeededRandom } from "./random";
import { contactName, department, phoneNumber, SOURCES, type SourceKind } from "./words";

export type SampleValues = Record<FieldId, CellValue>;

/** Writes only into fields the layout has: a profile without a task has no cells for it. */
export class SampleDraft {
  readonly values: SampleValues = {};
  private readonly fieldIds: Set<FieldId>;

  constructor(
    readonly spec: Spec,
    readonly layout: WorkbookLayout,
    readonly rng: SeededRandom,
  ) {
    this.fieldIds = new Set(layout.fields.map((f) => f.id));
  }

  get profile(): Profile {
    return { unitId: this.layout.metadata.unitId, categories: this.layout.metadata.categories };
  }

  has(id: FieldId): boolean {
    return this.fieldIds.has(id);
  }

  set(id: FieldId, value: CellValue): void {
    if (this.fieldIds.has(id)) this.values[id] = value;
  }

  filled(id: FieldId): boolean {
    const v = this.values[id];
    return v !== undefined && v !== null && v !== "";
  }

  source(kind: SourceKind): string {
    return this.rng.pick(SOURCES[kind]);
  }
}

export function fillCover(draft: SampleDraft): void {
  const { rng, spec } = draft;
  const unit = spec.units.find((u) => u.id === draft.layout.metadata.unitId);
  draft.set(fieldId.cover("department"), department(rng));
  draft.set(fieldId.cover("contact"), contactName(rng));
  draft.set(fieldId.cover("phone"), phoneNumber(rng, unit?.code ?? ""));
  draft.set(fieldId.cover("period"), isoSerial(spec.period.end));
}

/** 必做 tasks are mostly done or under way; 选做 ones spread wider; 不适用 ones stay empty. */
function statusFor(draft: SampleDraft, task: Task): string | undefined {
  const { rng } = draft;
  switch (obligationOf(task, draft.profile)) {
    case "required":
      return rng.chance(0.65) ? STATUS.done : STATUS.inProgress;
    case "optional":
      return rng.pick([STATUS.done, STATUS.inProgress, STATUS.inProgress, STATUS.notStarted]);
    default:
      return undefined;
  }
}

export function fillTasks(draft: SampleDraft): void {
  const { rng, spec } = draft;
  for (const task of spec.tasks) {
    const status = statusFor(draft, task);
    if (!status) continue;
    const id = (part: TaskPart): FieldId => fieldId.task(task.number, part);
    const done = status === STATUS.done;
    const active = done || status === STATUS.inProgress;
    draft.set(id("status"), status);
    if (active) draft.set(id("progress"), progressText(rng, task, done));
    if (done || (active && rng.chance(0.5))) draft.set(id("results"), resultsText(rng));
    if (done || (active && rng.chance(0.3))) draft.set(id("evidence"), evidenceText(rng, task, spec.year));
    if (status === STATUS.inProgress || rng.chance(0.3)) draft.set(id("problems"), problemsText(rng));
    draft.set(id("next"), nextStepsText(rng, task, spec.year));
    if (active) fillMetrics(draft, task);
  }
}

const METRIC_SOURCES: Record<string, SourceKind> = {
  "abnormal-subjects": "abnormal",
  "subsidy-revoked-subjects": "abnormal",
  "recovery-due": "money",
  recovered: "money",
  "centers-approved": "centers",
  "centers-operating": "centers",
  "clues-reported": "clues",
};

function fillMetrics(draft: SampleDraft, task: Task): void {
  const { rng } = draft;
  for (const metric of task.metrics) {
    const id = fieldId.taskMetric(task.number, metric.id);
    const cap = metric.plausibleMax ?? 1000;
    if (metric.type === "boolean") {
      draft.set(id, "是");
      continue;
    }
    draft.set(
      id,
      metric.type === "integer"
        ? rng.int(1, Math.max(1, Math.min(150, Math.floor(cap / 10))))
        : rng.amount(20, Math.min(800, cap / 2)),
    );
    draft.set(fieldId.sourceOf(id), draft.source(METRIC_SOURCES[metric.id] ?? "general"));
  }
}

function targetSource(target: QuantitativeTarget): SourceKind {
  const byWord: [string, SourceKind][] = [
    ["insurance", "insurance"],
    ["pledge", "pledge"],
    ["revenue", "revenue"],
    ["fund", "fund"],
    ["trademark", "trademark"],
  ];
  return byWord.find(([word]) => target.id.includes(word))?.[1] ?? "general";
}

function round(value: number, target: QuantitativeTarget): number {
  return target.valueType === "integer" ? Math.round(value) : Math.round(value * 100) / 100;
}

/** Figures that meet the goal with a margin wide enough to survive rounding. */
function figuresMeetingGoal(draft: SampleDraft, t: QuantitativeTarget): { baseline: number; actual: number } {
  const { rng } = draft;
  const cap = t.plausibleMax ?? 1000;
  if (t.measuredAs === "level") {
    const beyond = rng.amount(0.05, 0.3, 3);
    const actual =
      t.comparator === "<="
        ? Math.round((t.goal - rng.amount(0.2, 1, 1)) * 10) / 10
        : round(t.goal * (1 + beyond) + 1, t);
    const baseline = t.comparator === "<=" ? actual + rng.amount(0.3, 1.5, 1) : round(actual * 0.85, t);
    return { baseline: Math.round(baseline * 100) / 100, actual };
  }
  const baseline = round(rng.amount(cap * 0.02, cap * 0.3), t);
  const change = t.goal / 100 + rng.amount(0.02, 0.15, 4);
  const actual = round(t.measuredAs === "growth" ? baseline * (1 + change) : baseline * (1 - change), t);
  return { baseline, actual };
}

export function fillTargets(draft: SampleDraft): void {
  const { rng, spec } = draft;
  for (const t of spec.targets) {
    const id = (part: TargetPart): FieldId => fieldId.target(t.id, part);
    if (t.kind === "qualitative") {
      if (rng.chance(0.7)) draft.set(id("progress"), followUpText(rng, t.phrase));
      continue;
    }
    if (t.scope !== "provincial" || !(targetRequired(spec, t, draft.profile) || rng.chance(0.5))) continue;
    const { baseline, actual } = figuresMeetingGoal(draft, t);
    if (t.measuredAs !== "level") draft.set(id("baseline"), baseline);
    draft.set(id("actual"), actual);
    if (t.measuredAs === "growth" && rng.chance(0.6)) {
      // Reported to one decimal place of a percent, as a province would type it.
      draft.set(id("growth"), Math.round((changeOf(t, baseline, actual) ?? 0) * 1000) / 1000);
    }
    draft.set(id("source"), draft.source(targetSource(t)));
    if (rng.chance(0.4)) draft.set(id("progress"), "按季度监测，数据已与统计部门核对。");
  }
}

export function fillGuideline(draft: SampleDraft): void {
  const { rng, spec } = draft;
  const items = [
    ...spec.guidelineItems.map((g) => ({
      key: String(g.number),
      text: g.paragraphs.map((p) => p.text).join("。"),
      addressed: g.addressedToProvinces,
    })),
    ...spec.workRequirements.map((r) => ({
      key: `requirement-${r.number}`,
      text: r.text,
      addressed: r.addressedToProvinces,
    })),
  ];
  for (const item of items) {
    if (!item.addressed && !rng.chance(0.3)) continue;
    draft.set(fieldId.guideline(item.key, "progress"), followUpText(rng, item.text));
    if (rng.chance(0.5)) draft.set(fieldId.guideline(item.key, "evidence"), "年度工作总结及相关制度文件");
  }
}

/** The guideline's consistency rules, as data, make the figures agree (cancelled == found, …). */
export function applyConsistency(draft: SampleDraft): void {
  for (const rule of draft.spec.consistency) {
    const left = draft.values[rule.left];
    const right = draft.values[rule.right];
    if (typeof right !== "number" || !draft.has(rule.left)) continue;
    if (rule.comparator === "==") draft.set(rule.left, right);
    else if (typeof left === "number" && left > right) draft.set(rule.left, right);
    const own = sourceFieldOf(draft.layout.fields, rule.left);
    const theirs = sourceFieldOf(draft.layout.fields, rule.right);
    if (own && draft.filled(rule.left) && !draft.filled(own))
      draft.set(own, (theirs && draft.values[theirs]) || draft.source("general"));
  }
}
