import { itemKeyOf, reviewItemsOf, type ReviewGroup, type ReviewItem } from "../../round/review";
import type { Spec } from "../../spec/schema";
import type { Problem } from "../navigator/problems";

export const GROUPS: readonly ReviewGroup[] = ["task", "target", "guideline", "requirement"];

/** The items a reviewer marks, by key, in the spec's order. */
export function reviewItemsByKey(spec: Spec): Map<string, ReviewItem> {
  return new Map(reviewItemsOf(spec).map((item) => [item.key, item]));
}

/**
 * The item a problem belongs to: its fields' ids start with the item's key (task.3.progress → task.3).
 * Cover and workbook-level problems belong to none.
 */
export function itemOfProblem(
  problem: Problem,
  items: ReadonlyMap<string, ReviewItem>,
): ReviewItem | undefined {
  for (const issue of problem.issues) {
    const item = issue.fieldId ? items.get(itemKeyOf(issue.fieldId)) : undefined;
    if (item) return item;
  }
  return undefined;
}
