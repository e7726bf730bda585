import { localize } from "../i18n";
import type { Evaluation } from "./context";
import { formatNumber } from "./values";

/** Figures typed with two decimals compare equal although their binary forms differ. */
const EPSILON = 1e-9;

/**
 * spec.consistency: the consistencies the guideline's words demand, as data in the spec (任务12：
 * 取消资助奖励资格 for every subject found, 全额收回 the money paid). Judged only when both sides are
 * valid numbers: a missing or mistyped side is reported by its own rule.
 */
export function checkConsistency(ev: Evaluation): void {
  for (const rule of ev.input.spec.consistency) {
    const leftField = ev.field(rule.left);
    if (!leftField) continue;
    const left = ev.number(rule.left);
    const right = ev.number(rule.right);
    if (left === undefined || right === undefined) continue;
    const scale = Math.max(1, Math.abs(left), Math.abs(right));
    const holds =
      rule.comparator === "==" ? Math.abs(left - right) <= EPSILON * scale : left <= right + EPSILON * scale;
    if (holds) continue;
    const rightLabel = ev.field(rule.right)?.label;
    ev.report("spec.consistency", leftField, {
      message: localize(rule.message, { left: formatNumber(left), right: formatNumber(right) }),
      expected: `${rule.comparator === "==" ? "=" : "≤"}${right}`,
      expectedText: rightLabel
        ? {
            zh: `${rule.comparator === "==" ? "等于" : "不超过"}“${rightLabel.zh}”（${formatNumber(right)}）`,
            en: `${rule.comparator === "==" ? "equal to" : "at most"} "${rightLabel.en}" (${formatNumber(right)})`,
          }
        : undefined,
      specRule: rule.id,
    });
  }
}
