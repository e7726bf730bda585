import type { RefreshOutcome } from "../excel/types";
import type { CellValue, FieldId, WorkbookLayout } from "../layout/types";
import { additionsPhrase, isEmpty, type RefreshPlan } from "../refresh/plan";
import type { LocalizedText, Spec } from "../spec/schema";

/** What the pane keeps of a refresh to show it; the snapshot for undo is kept apart. */
export type ShownRefresh = Omit<RefreshOutcome, "before">;

export interface FieldMention {
  id: FieldId;
  /** The field's label where the layout knows the id; undefined for an id it no longer has. */
  label: LocalizedText | undefined;
}

/** A refresh told in the pane's terms: every line localized, every field named by id and label. */
export interface RefreshSummary {
  plan: LocalizedText;
  specVersion: { from: string; to: string };
  templateVersion: { from: string; to: string };
  /** Only when the profile changed. */
  profile?: { from: LocalizedText; to: LocalizedText };
  moved: { from: FieldId; to: FieldMention }[];
  retired: { id: FieldId; label: LocalizedText; value: string; specVersion: string }[];
  stoppedApplying: FieldMention[];
  /** Pre-filled fields (报送单位) whose changed value the refresh set back. */
  restoredPrefilled: { field: FieldMention; value: string; restored: string }[];
  recovered: FieldMention[];
  degraded: LocalizedText[];
}

/** Long narratives are cut for the pane: the whole value is on the retired-fields sheet. */
const SHOWN_VALUE_CHARS = 80;

export function shownValue(value: CellValue): string {
  const text = value === null ? "" : String(value);
  return text.length > SHOWN_VALUE_CHARS ? `${text.slice(0, SHOWN_VALUE_CHARS - 1)}…` : text;
}

/** A profile as its categories' labels, in the spec's order; an id the spec lacks is shown as itself. */
export function profileText(spec: Spec, categories: readonly string[]): LocalizedText | undefined {
  if (categories.length === 0) return undefined;
  const labels = spec.categories
    .filter((c) => categories.includes(c.id))
    .map((c) => c.label)
    .concat(
      categories.filter((id) => !spec.categories.some((c) => c.id === id)).map((id) => ({ zh: id, en: id })),
    );
  return { zh: labels.map((l) => l.zh).join("；"), en: labels.map((l) => l.en).join("; ") };
}

/**
 * The plan in a clerk's words: what happened to what they entered, with no line for what did not happen
 * ("迁移 0 个" says nothing to a clerk).
 */
export function planSentence(plan: RefreshPlan): LocalizedText {
  // Every value is kept somewhere: in its cell, in its new cell, or on the retired-values sheet.
  const all = plan.kept.length + plan.moved.length + plan.retired.length;
  const zh: string[] = [`已保留全部 ${all} 个已填写的值`];
  const en: string[] = [`All ${all} ${all === 1 ? "value" : "values"} entered are kept`];
  if (plan.moved.length > 0) {
    zh.push(`其中 ${plan.moved.length} 个换了位置`);
    en.push(`${plan.moved.length} of them in a new place`);
  }
  if (plan.added.length > 0) {
    zh.push(`新增 ${plan.added.length} 个填报项`);
    en.push(`${plan.added.length} new ${plan.added.length === 1 ? "item" : "items"} to fill in`);
  }
  if (plan.retired.length > 0) {
    zh.push(`${plan.retired.length} 个值在新版本中没有对应位置，已移到单独的工作表`);
    en.push(`${plan.retired.length} with no place in the new version, moved to a sheet of their own`);
  }
  if (plan.stoppedApplying.length > 0) {
    zh.push(`${plan.stoppedApplying.length} 个值所在任务已不适用本省（已保留并标出）`);
    en.push(`${plan.stoppedApplying.length} in tasks that no longer apply (kept and flagged)`);
  }
  // What the clerk typed beside the form (rows below a table, a note in a spare column) is theirs too.
  const additions = additionsPhrase(plan.additions);
  if (additions) {
    zh.push(additions.zh);
    en.push(additions.en);
  }
  return { zh: `${zh.join("，")}。`, en: `${en.join("; ")}.` };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * The summary of a refresh, with labels from the report as it is after the refresh (its spec and layout).
 * `none` names an empty profile.
 */
export function describeRefresh(
  outcome: ShownRefresh,
  after: { spec: Spec; layout: WorkbookLayout },
  none: LocalizedText,
): RefreshSummary {
  const labels = new Map(after.layout.fields.map((f) => [f.id, f.label]));
  const mention = (id: FieldId): FieldMention => ({ id, label: labels.get(id) });
  const { from, to, plan } = outcome;
  return {
    plan: planSentence(plan),
    specVersion: { from: from.specVersion, to: to.specVersion },
    templateVersion: { from: from.templateVersion, to: to.templateVersion },
    ...(sameSet(from.profile.categories, to.profile.categories)
      ? {}
      : {
          profile: {
            from: profileText(after.spec, from.profile.categories) ?? none,
            to: profileText(after.spec, to.profile.categories) ?? none,
          },
        }),
    moved: plan.moved.map((m) => ({ from: m.from, to: mention(m.to) })),
    retired: plan.retired.map((r) => ({
      id: r.id,
      label: r.label,
      value: shownValue(r.value),
      specVersion: r.specVersion,
    })),
    stoppedApplying: plan.stoppedApplying.map(mention),
    restoredPrefilled: plan.restoredPrefilled.map((r) => ({
      field: mention(r.id),
      value: shownValue(r.value),
      restored: shownValue(r.restored),
    })),
    recovered: outcome.recovered.map(mention),
    degraded: outcome.degraded,
  };
}

/**
 * Fields whose value differs now from what it was right after the refresh: what an undo would throw away.
 * Empty text and a missing value are the same (an emptied cell reads as either).
 */
export function editedSince(
  afterRefresh: Readonly<Record<FieldId, CellValue>>,
  now: Readonly<Record<FieldId, CellValue>>,
): FieldId[] {
  const ids = new Set([...Object.keys(afterRefresh), ...Object.keys(now)]);
  return [...ids].filter((id) => {
    const was = afterRefresh[id];
    const is = now[id];
    if (isEmpty(was) && isEmpty(is)) return false;
    return was !== is;
  });
}
