import type { CellValue, FieldId } from "../layout/types";
import { changeOf, goalValue, meetsGoal } from "../rules/targets";
import { formatFixed, formatPercent } from "../rules/values";
import type { LocalizedText, QuantitativeTarget } from "../spec/schema";
import type { UnitSum } from "./types";

/** A reported figure as a number; anything else (empty, text, an Excel error) is not a figure. */
export function figureOf(values: Record<FieldId, CellValue>, id: FieldId): number | undefined {
  const v = values[id];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export interface UnitFigures {
  baseline?: number;
  actual?: number;
}

/**
 * The national sum of the units' figures. A growth or reduction is the change of the sums over the units
 * that reported both figures — (Σactual − Σbaseline) / Σbaseline — never the mean of the units' own rates,
 * which would weigh a province with 2 亿元 as much as one with 200.
 */
export function sumOfUnits(t: QuantitativeTarget, figures: UnitFigures[]): UnitSum {
  if (t.measuredAs === "level") {
    const reported = figures.filter((f) => f.actual !== undefined);
    if (reported.length === 0) return { units: 0 };
    return { actual: reported.reduce((s, f) => s + (f.actual ?? 0), 0), units: reported.length };
  }
  const pairs = figures.filter((f) => f.actual !== undefined && f.baseline !== undefined);
  if (pairs.length === 0) return { units: 0 };
  const baseline = pairs.reduce((s, f) => s + (f.baseline ?? 0), 0);
  const actual = pairs.reduce((s, f) => s + (f.actual ?? 0), 0);
  return { baseline, actual, change: changeOf(t, baseline, actual), units: pairs.length };
}

/** The mean of the units' own changes: what the national figure must never be, shown for contrast. */
export function meanOfChanges(t: QuantitativeTarget, figures: UnitFigures[]): number | undefined {
  const changes = figures
    .map((f) => (f.actual === undefined ? undefined : changeOf(t, f.baseline, f.actual)))
    .filter((c): c is number => c !== undefined);
  return changes.length === 0 ? undefined : changes.reduce((s, c) => s + c, 0) / changes.length;
}

/** The figure judged against the goal: the level itself, or the change. */
export function judgedFigure(t: QuantitativeTarget, s: UnitFigures): number | undefined {
  if (s.actual === undefined) return undefined;
  return changeOf(t, s.baseline, s.actual);
}

/**
 * How far a figure is from the goal, in the goal's unit (points for a % goal): positive when short of it
 * (or over a ≤ goal), negative when past it. Rounded to 6 places as the status formula rounds.
 */
export function gapTo(t: QuantitativeTarget, figure: number): number {
  const scale = t.goalUnit.zh === "%" ? 100 : 1;
  const distance = (goalValue(t) - figure) * scale;
  return Number((t.comparator === "<=" ? -distance : distance).toFixed(6));
}

export function verdictWords(t: QuantitativeTarget, figure: number | undefined): LocalizedText {
  if (figure === undefined) return { zh: "暂无数据", en: "no figure yet" };
  const shown =
    t.measuredAs === "level"
      ? `${formatFixed(figure, 2).replace(/\.?0+$/, "")} ${t.valueUnit.zh}`
      : formatPercent(figure, goalValue(t));
  const shownEn =
    t.measuredAs === "level"
      ? `${formatFixed(figure, 2).replace(/\.?0+$/, "")} ${t.valueUnit.en}`
      : formatPercent(figure, goalValue(t));
  const gap = gapTo(t, figure);
  const unit =
    t.goalUnit.zh === "%" ? { zh: "个百分点", en: "points" } : { zh: t.goalUnit.zh, en: t.goalUnit.en };
  const gapText = formatFixed(Math.abs(gap), 2).replace(/\.?0+$/, "") || "0";
  if (meetsGoal(t, figure)) {
    return { zh: `${shown}，达标`, en: `${shownEn}, met` };
  }
  const tail =
    gap === 0
      ? { zh: "须超过目标", en: "it must exceed the goal" }
      : t.comparator === "<="
        ? { zh: `超出 ${gapText} ${unit.zh}`, en: `${gapText} ${unit.en} over` }
        : { zh: `差 ${gapText} ${unit.zh}`, en: `${gapText} ${unit.en} short` };
  return { zh: `${shown}，未达标，${tail.zh}`, en: `${shownEn}, missed, ${tail.en}` };
}
