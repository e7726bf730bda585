import type { LocalizedText, QuantitativeTarget } from "../spec/schema";
import { COMPARATOR_SYMBOL } from "../layout/vocabulary";
import type { Evaluation, TargetFields } from "./context";
import { excelRound, formatFixed, formatPercent } from "./values";

/** Reported and computed growth may differ by rounding to one decimal of a percent; beyond 0.1 point they disagree. */
export const GROWTH_TOLERANCE = 0.001;

function isPercentGoal(t: QuantitativeTarget): boolean {
  return t.goalUnit.zh === "%";
}

/** The goal on the scale the figure is judged on: a fraction for % goals, as the template's formula does. */
export function goalValue(t: QuantitativeTarget): number {
  return isPercentGoal(t) ? t.goal / 100 : t.goal;
}

/** growth = (actual-baseline)/baseline; reduction = (baseline-actual)/baseline; level = actual. */
export function changeOf(
  t: QuantitativeTarget,
  baseline: number | undefined,
  actual: number,
): number | undefined {
  if (t.measuredAs === "level") return actual;
  if (baseline === undefined || baseline <= 0) return undefined;
  return t.measuredAs === "growth" ? (actual - baseline) / baseline : (baseline - actual) / baseline;
}

/** The template's status formula: ROUND(x,6) comparator goal. The engine must agree with the cell. */
export function meetsGoal(t: QuantitativeTarget, value: number): boolean {
  const x = excelRound(value, 6);
  const goal = goalValue(t);
  switch (t.comparator) {
    case ">=":
      return x >= goal;
    case ">":
      return x > goal;
    case "<=":
      return x <= goal;
  }
}

function goalWords(t: QuantitativeTarget): LocalizedText {
  const approx = t.approximate ? { zh: "约", en: "about " } : { zh: "", en: "" };
  const unit = isPercentGoal(t) ? { zh: "%", en: "%" } : { zh: ` ${t.goalUnit.zh}`, en: ` ${t.goalUnit.en}` };
  const goal = formatFixed(t.goal, 0);
  return {
    zh: `${COMPARATOR_SYMBOL[t.comparator]}${approx.zh}${goal}${unit.zh}`,
    en: `${COMPARATOR_SYMBOL[t.comparator]} ${approx.en}${goal}${unit.en}`,
  };
}

function missedMessage(t: QuantitativeTarget, value: number): LocalizedText {
  const goal = goalWords(t);
  const x = excelRound(value, 6);
  const over = t.comparator === "<=";
  if (t.measuredAs === "level") {
    const gap = Math.abs(x - t.goal);
    const shown = formatFixed(value, 1, t.goal).replace(/\.0+$/, "");
    const gapText = formatFixed(gap, 1).replace(/\.0+$/, "");
    const tail =
      gap === 0
        ? { zh: "须超过目标", en: "it must exceed the goal" }
        : over
          ? { zh: `超出 ${gapText} ${t.goalUnit.zh}`, en: `${gapText} ${t.goalUnit.en} over` }
          : { zh: `差 ${gapText} ${t.goalUnit.zh}`, en: `${gapText} ${t.goalUnit.en} short` };
    return {
      zh: `${t.label.zh} ${shown} ${t.goalUnit.zh}，目标 ${goal.zh}，${tail.zh}`,
      en: `${t.label.en} ${shown} ${t.goalUnit.en}, goal ${goal.en}, ${tail.en}`,
    };
  }
  const verb = t.measuredAs === "growth" ? { zh: "增长", en: "growth" } : { zh: "压减", en: "reduction" };
  const goalFraction = goalValue(t);
  const gap = Math.abs(goalFraction - x) * 100;
  const tail =
    gap < 1e-9
      ? { zh: "须超过目标", en: "it must exceed the goal" }
      : over
        ? { zh: `超出 ${formatFixed(gap, 1)} 个百分点`, en: `${formatFixed(gap, 1)} points over` }
        : { zh: `差 ${formatFixed(gap, 1)} 个百分点`, en: `${formatFixed(gap, 1)} points short` };
  return {
    zh: `${t.label.zh}：${verb.zh} ${formatPercent(value, goalFraction)}，目标 ${goal.zh}，${tail.zh}`,
    en: `${t.label.en}: ${verb.en} ${formatPercent(value, goalFraction)}, goal ${goal.en}, ${tail.en}`,
  };
}

/**
 * target.goal.met, target.baseline.positive and target.growth.consistent. Only a provincial target is
 * judged against its goal: a national one (约300个高价值专利组合) is met by the national sum, not by a province.
 */
export function checkTargets(ev: Evaluation): void {
  for (const fields of ev.index.targets) checkTarget(ev, fields);
}

function checkTarget(ev: Evaluation, { target: t, baseline, actual, growth }: TargetFields): void {
  if (!actual) return;
  const a = ev.number(actual.id);
  if (a === undefined) return;
  const b = baseline ? ev.number(baseline.id) : undefined;
  if (t.measuredAs !== "level" && baseline && b !== undefined && b <= 0) {
    const what =
      t.measuredAs === "growth" ? { zh: "增长率", en: "growth" } : { zh: "压减率", en: "reduction" };
    ev.report("target.baseline.positive", baseline, {
      message: {
        zh: `“${baseline.label.zh}”为 ${b}，无法计算${what.zh}：请核对基数；如基数确为 0，请在进展说明中注明`,
        en: `"${baseline.label.en}" is ${b}, so the ${what.en} cannot be computed: check the baseline; if it truly is 0, say so in the notes`,
      },
      expected: ">0",
    });
  }
  const change = changeOf(t, b, a);
  if (change === undefined) return;

  if (t.scope === "provincial" && !meetsGoal(t, change)) {
    const goal = goalWords(t);
    ev.report("target.goal.met", actual, {
      message: missedMessage(t, change),
      expected: goal.zh,
      expectedText: goal,
    });
  }

  if (t.measuredAs !== "growth" || !growth) return;
  const reported = ev.number(growth.id);
  if (reported === undefined || Math.abs(reported - change) <= GROWTH_TOLERANCE + 1e-9) return;
  // Two decimals: the tolerance is a tenth of a point, so one decimal could show two equal numbers.
  const pct = (x: number) => `${formatFixed(x * 100, 2)}%`;
  const apart = formatFixed(Math.abs(reported * 100 - change * 100), 2);
  ev.report("target.growth.consistent", growth, {
    message: {
      zh: `填报增长率 ${pct(reported)} 与按基数和实际值计算的 ${pct(change)} 不一致（相差 ${apart} 个百分点）`,
      en: `The reported growth ${pct(reported)} differs from the ${pct(change)} computed from the baseline and actual (${apart} points apart)`,
    },
    expected: excelRound(change, 6),
    expectedText: {
      zh: `${formatPercent(change)}（按基数和实际值计算）`,
      en: `${formatPercent(change)} (computed)`,
    },
  });
}
