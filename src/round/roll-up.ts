import { fieldId } from "../layout/field-ids";
import type { CellValue, FieldId } from "../layout/types";
import { goalText, targetRequired } from "../layout/targets";
import { nationalFigureOf, provincesReport } from "../spec/national";
import type { QuantitativeTarget, Spec } from "../spec/schema";
import { goalValue, meetsGoal } from "../rules/targets";
import { figureOf, gapTo, judgedFigure, meanOfChanges, sumOfUnits, verdictWords } from "./figures";
import { issuesOf } from "./issues";
import { compareVersions, valuesInRoundIds } from "./versions";
import type {
  NationalInput,
  NationalTargetResult,
  ProvincialTargetTable,
  ReviewState,
  RoundInput,
  RoundProblem,
  RoundResult,
  TargetVerdict,
  UnitStatus,
  UnitSubmission,
} from "./types";

interface Counted {
  submission: UnitSubmission;
  values: Record<FieldId, CellValue>;
}

/** Later file last; equal times fall back to the file name, so the choice never depends on read order. */
function laterLast<T extends { modified: number; file: string }>(a: T, b: T): number {
  return a.modified - b.modified || a.file.localeCompare(b.file);
}

const quantitative = (spec: Spec) =>
  spec.targets.filter((t): t is QuantitativeTarget => t.kind === "quantitative");

const fid = (t: QuantitativeTarget, part: "baseline" | "actual") => fieldId.target(t.id, part);

/**
 * The national round: every unit's status, the national targets from the units' sums or the national
 * office's own figures, a table per provincial target, every issue, and the round's own problems.
 * Pure: files were read, one at a time, by an adapter; the same input gives the same result.
 */
export function rollUp(input: RoundInput): RoundResult {
  const { spec } = input;
  const problems: RoundProblem[] = [];

  const counted = new Map<string, Counted>();
  const superseded = new Map<string, string[]>();
  const byUnit = new Map<string, UnitSubmission[]>();
  for (const s of input.submissions) byUnit.set(s.unitId, [...(byUnit.get(s.unitId) ?? []), s]);
  for (const [unitId, files] of byUnit) {
    const ordered = [...files].sort(laterLast);
    const latest = ordered[ordered.length - 1];
    counted.set(unitId, { submission: latest, values: valuesInRoundIds(latest, spec, input.specs) });
    const older = ordered.slice(0, -1).map((s) => s.file);
    superseded.set(unitId, older);
    for (const file of older) {
      problems.push({
        kind: "superseded-file",
        severity: "warning",
        file,
        unitId,
        message: {
          zh: `同一单位有多个文件，以较新的 ${latest.file} 为准，本文件未计入`,
          en: `another file for the same unit is newer (${latest.file}); this one is not counted`,
        },
      });
    }
  }

  const national = pickNational(input.national, problems);

  for (const u of input.unreadable) {
    problems.push({ kind: "unreadable-file", severity: "error", file: u.file, message: u.message });
  }
  for (const f of input.ignored) {
    problems.push({ kind: "ignored-file", severity: "info", file: f.file, message: f.reason });
  }

  const provincial = quantitative(spec).filter((t) => t.scope === "provincial");
  const nationalScope = quantitative(spec).filter((t) => t.scope === "national");
  const roundFigureIds = new Set(
    quantitative(spec)
      .filter(provincesReport)
      .flatMap((t) => [fid(t, "baseline"), fid(t, "actual")]),
  );
  const comparison = compareVersions(spec, roundFigureIds, [...counted.values()]);
  problems.push(...comparison.problems);

  const provincialTargets = provincial.map((t) => provincialTable(spec, t, counted));
  const units = spec.units.map((unit): UnitStatus => {
    const c = counted.get(unit.id);
    if (!c) {
      problems.push({
        kind: "missing-unit",
        severity: "error",
        unitId: unit.id,
        message: { zh: `${unit.name}尚未报送`, en: `${unit.en} has not sent its report` },
      });
      return {
        unitId: unit.id,
        name: unit.name,
        short: unit.short,
        received: false,
        superseded: [],
        categories: [],
        errors: 0,
        warnings: 0,
        targets: { met: 0, missed: 0, notReported: 0 },
        review: { state: "not-reviewed", passed: 0, returned: 0 },
      };
    }
    const s = c.submission;
    const verdicts = provincialTargets.map((table) => table.rows.find((r) => r.unitId === unit.id)?.verdict);
    const count = (v: TargetVerdict) => verdicts.filter((x) => x === v).length;
    return {
      unitId: unit.id,
      name: unit.name,
      short: unit.short,
      received: true,
      file: s.file,
      superseded: superseded.get(unit.id) ?? [],
      specVersion: s.spec.specVersion,
      templateVersion: s.templateVersion,
      categories: s.categories,
      completion: { required: s.completion.required, filled: s.completion.filled, ratio: s.completion.ratio },
      errors: s.issues.filter((i) => i.severity === "error").length,
      warnings: s.issues.filter((i) => i.severity === "warning").length,
      targets: { met: count("met"), missed: count("missed"), notReported: count("not-reported") },
      review: reviewStateOf(s),
    };
  });

  const nationalTargets = nationalScope.map((t) => nationalTarget(spec, t, counted, national, problems));
  const issues = [...counted.values()].flatMap((c) => issuesOf(c.submission));
  const received = units.filter((u) => u.received).length;
  return {
    specId: spec.specId,
    specVersion: spec.specVersion,
    units,
    nationalTargets,
    provincialTargets,
    issues,
    problems,
    comparison: { versions: comparison.versions, notCompared: comparison.notCompared },
    totals: {
      units: units.length,
      received,
      missing: units.length - received,
      withErrors: units.filter((u) => u.errors > 0).length,
      errors: units.reduce((s, u) => s + u.errors, 0),
      warnings: units.reduce((s, u) => s + u.warnings, 0),
      unreadable: input.unreadable.length,
    },
  };
}

function pickNational(inputs: NationalInput[], problems: RoundProblem[]): NationalInput | undefined {
  const ordered = [...inputs].sort(laterLast);
  const latest = ordered[ordered.length - 1];
  for (const older of ordered.slice(0, -1)) {
    problems.push({
      kind: "superseded-national-input",
      severity: "warning",
      file: older.file,
      message: {
        zh: `有较新的国家局填报文件 ${latest?.file}，本文件未计入`,
        en: `a newer national office input (${latest?.file}) is counted instead`,
      },
    });
  }
  return latest;
}

function reviewStateOf(s: UnitSubmission): ReviewState {
  const passed = s.review.filter((m) => m.verdict === "通过").length;
  const returned = s.review.filter((m) => m.verdict === "退回修改").length;
  const state = returned > 0 ? "returned" : passed > 0 ? "passed" : "not-reviewed";
  return { state, passed, returned };
}

function provincialTable(
  spec: Spec,
  t: QuantitativeTarget,
  counted: Map<string, Counted>,
): ProvincialTargetTable {
  const rows = spec.units.map((unit) => {
    const c = counted.get(unit.id);
    const required = c
      ? targetRequired(spec, t, { unitId: unit.id, categories: c.submission.categories })
      : false;
    if (!c) return { unitId: unit.id, received: false, verdict: "not-reported" as const, required };
    const baseline = figureOf(c.values, fid(t, "baseline"));
    const actual = figureOf(c.values, fid(t, "actual"));
    const change = judgedFigure(t, { baseline, actual });
    const verdict: TargetVerdict =
      change === undefined ? "not-reported" : meetsGoal(t, change) ? "met" : "missed";
    return { unitId: unit.id, received: true, baseline, actual, change, verdict, required };
  });
  const sum = sumOfUnits(t, rows);
  const aggregateFigure = t.measuredAs === "level" ? sum.actual : sum.change;
  return {
    targetId: t.id,
    label: t.label,
    phrase: t.phrase,
    goal: { zh: goalText(t), en: goalText(t) },
    valueUnit: t.valueUnit,
    measuredAs: t.measuredAs,
    rows,
    // A level judged per province (a pendency ≤ 5 months) has no meaningful national sum.
    aggregate:
      t.measuredAs === "level"
        ? { units: sum.units }
        : { ...sum, met: aggregateFigure === undefined ? undefined : meetsGoal(t, aggregateFigure) },
    meanOfUnitChanges: t.measuredAs === "level" ? undefined : meanOfChanges(t, rows),
    met: rows.filter((r) => r.verdict === "met").length,
    missed: rows.filter((r) => r.verdict === "missed").length,
    notReported: rows.filter((r) => r.verdict === "not-reported").length,
  };
}

function nationalTarget(
  spec: Spec,
  t: QuantitativeTarget,
  counted: Map<string, Counted>,
  national: NationalInput | undefined,
  problems: RoundProblem[],
): NationalTargetResult {
  const how = nationalFigureOf(t);
  const contributionsRaw = spec.units.map((unit) => {
    const c = counted.get(unit.id);
    if (!c || !provincesReport(t)) return { unitId: unit.id };
    return {
      unitId: unit.id,
      baseline: figureOf(c.values, fid(t, "baseline")),
      actual: figureOf(c.values, fid(t, "actual")),
    };
  });
  const sum = provincesReport(t) ? sumOfUnits(t, contributionsRaw) : { units: 0 };
  const contributions = contributionsRaw.map((c) => ({
    ...c,
    share: c.actual !== undefined && sum.actual ? c.actual / sum.actual : undefined,
  }));
  const enteredValues = national?.values ?? {};
  const eBaseline = figureOf(enteredValues, `national.${t.id}.baseline`);
  const eActual = figureOf(enteredValues, `national.${t.id}.actual`);
  const eSource = enteredValues[`national.${t.id}.source`];
  const entered =
    eActual === undefined && eBaseline === undefined
      ? undefined
      : {
          baseline: eBaseline,
          actual: eActual,
          change: judgedFigure(t, { baseline: eBaseline, actual: eActual }),
          source: typeof eSource === "string" ? eSource : undefined,
        };
  const figure =
    how.figure === "entered" ? entered?.change : t.measuredAs === "level" ? sum.actual : sum.change;
  const figureSource = figure === undefined ? "none" : how.figure === "entered" ? "entered" : "sum";
  if (how.figure === "entered" && figure === undefined) {
    problems.push({
      kind: "national-figure-missing",
      severity: "warning",
      fieldId: `national.${t.id}.actual`,
      message: {
        zh: `“${t.label.zh}”由国家局填报，尚无数据：请在国家局填报工作簿（ip-report national-template）中填写`,
        en: `"${t.label.en}" is entered by the national office and has no figure yet: fill the national input workbook (ip-report national-template)`,
      },
    });
  }
  return {
    targetId: t.id,
    label: t.label,
    phrase: t.phrase,
    national: how,
    goal: { zh: goalText(t), en: goalText(t) },
    goalValue: goalValue(t),
    comparator: t.comparator,
    valueUnit: t.valueUnit,
    measuredAs: t.measuredAs,
    figure,
    figureSource,
    met: figure === undefined ? undefined : meetsGoal(t, figure),
    gap: figure === undefined ? undefined : gapTo(t, figure),
    verdictText: verdictWords(t, figure),
    sum,
    entered,
    contributions,
  };
}
