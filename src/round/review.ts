import { reviewItemKey } from "../layout/field-ids";
import type { LocalizedText, Spec } from "../spec/schema";
import { guidelineWordsOf } from "./issues";
import type { ReviewMark, RoundIssue, UnitStatus, UnitSubmission } from "./types";

export type ReviewGroup = "task" | "target" | "guideline" | "requirement";

export interface ReviewItem {
  key: string;
  /** As the 审核意见 sheet and the return note name it (Chinese: the file goes to the national office). */
  label: string;
  /** The same in the reader's language, for the task pane. */
  text: LocalizedText;
  group: ReviewGroup;
}

/** Every item a reviewer can mark, keyed as the 审核意见 sheet keys it. */
export function reviewItemsOf(spec: Spec): ReviewItem[] {
  return [
    ...spec.tasks
      .filter((t) => t.obligations.some((o) => o.kind !== "national-only"))
      .map((t) => ({
        key: reviewItemKey.task(t.number),
        label: `任务${t.number} ${t.title}`,
        text: { zh: `任务${t.number} ${t.title}`, en: `Task ${t.number}: ${t.titleEn}` },
        group: "task" as const,
      })),
    ...spec.targets.map((t) => ({
      key: reviewItemKey.target(t.id),
      label: `目标 ${t.label.zh}`,
      text: { zh: `目标 ${t.label.zh}`, en: `Target: ${t.label.en}` },
      group: "target" as const,
    })),
    ...spec.guidelineItems.map((g) => ({
      key: reviewItemKey.guideline(String(g.number)),
      label: `工作指引${g.numeral} ${g.title}`,
      text: { zh: `工作指引${g.numeral} ${g.title}`, en: `Guideline item ${g.number}: ${g.titleEn}` },
      group: "guideline" as const,
    })),
    ...spec.workRequirements.map((r) => ({
      key: reviewItemKey.guideline(`requirement-${r.number}`),
      label: `工作要求${r.numeral} ${r.title}`,
      text: { zh: `工作要求${r.numeral} ${r.title}`, en: `Work requirement ${r.number}: ${r.titleEn}` },
      group: "requirement" as const,
    })),
  ];
}

export interface ReturnItem {
  /** Sheet and cell, when the item is one field. */
  where?: string;
  field?: string;
  what: string;
  why?: string;
  comment?: string;
}

export interface ReturnNote {
  unitId: string;
  unitName: string;
  file: string;
  specVersion: string;
  items: ReturnItem[];
}

/** The item key a field id belongs to: task.3.progress → task.3; guideline.requirement-2.evidence → guideline.requirement-2. */
export function itemKeyOf(fieldId: string): string {
  return fieldId.split(".").slice(0, 2).join(".");
}

/**
 * What a clerk must correct, where and why, with the reviewer's comments: every error, then every item
 * marked 退回修改 (its comment beside the errors of the same item). Undefined when there is nothing to return.
 */
export function returnNoteOf(
  spec: Spec,
  unit: UnitStatus,
  submission: UnitSubmission,
  issues: RoundIssue[],
): ReturnNote | undefined {
  const returned = new Map<string, ReviewMark>(
    submission.review.filter((m) => m.verdict === "退回修改").map((m) => [m.key, m]),
  );
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length === 0 && returned.size === 0) return undefined;
  const used = new Set<string>();
  const items: ReturnItem[] = errors.map((i) => {
    const key = i.fieldId ? itemKeyOf(i.fieldId) : undefined;
    const mark = key ? returned.get(key) : undefined;
    if (mark && key) used.add(key);
    return {
      where: i.sheetName && i.cell ? `${i.sheetName}!${i.cell}` : undefined,
      field: i.fieldId,
      what: i.message.zh,
      why: i.guideline,
      comment: mark?.comment,
    };
  });
  const labels = new Map(reviewItemsOf(spec).map((x) => [x.key, x.label]));
  for (const [key, mark] of returned) {
    if (used.has(key)) continue;
    items.push({
      field: key,
      what: `审核退回修改：${labels.get(key) ?? key}`,
      why: guidelineWordsOf(spec, `${key}.x`),
      comment: mark.comment,
    });
  }
  return {
    unitId: unit.unitId,
    unitName: unit.name,
    file: submission.file,
    specVersion: submission.spec.specVersion,
    items,
  };
}
