import type { CellValue, FieldId } from "../../src/layout/types";
import { TARGET_STATUS } from "../../src/layout/vocabulary";
import { derivedCells } from "../../src/rules/formula-results";
import { sampleValues } from "../../src/sample";
import { checkChanged, reportFor, spec2019v1 as spec, validValues, withRule } from "./helpers";

/**
 * The result stored with each template formula, worked out by the rules' own functions. On 2019.1.0, whose template
 * still asks a province with a review centre for the trademark examination cycle (a level goal with a ceiling).
 */
const report = reportFor("江苏", ["trademark-review-center", "ip-operation"], spec);
const results = (values: Record<FieldId, CellValue>) =>
  new Map(
    derivedCells(spec, report.layout, values).map((d) => [
      `${d.cell.computes!.kind}:${d.cell.computes!.target}`,
      d.result,
    ]),
  );

describe("stored formula results", () => {
  test("of the empty template: what the layout lays out (待填, 选填, an empty change)", () => {
    const derived = derivedCells(spec, report.layout, {});
    const computing = report.layout.sheets.flatMap((s) => s.cells.filter((c) => c.computes));
    expect(derived).toHaveLength(computing.length);
    expect(derived.length).toBeGreaterThan(20);
    for (const d of derived) expect([d.cell.computes, d.result]).toEqual([d.cell.computes, d.cell.result]);
  });

  test("a growth: the change as a fraction, 达标 at the goal exactly (ROUND(x,6)), 未达标 below", () => {
    const r = results({
      "target.pledge-financing-growth.baseline": 3,
      "target.pledge-financing-growth.actual": 3.3,
      "target.ip-insurance-growth.baseline": 100,
      "target.ip-insurance-growth.actual": 108,
    });
    expect(r.get("target-change:pledge-financing-growth")).toBeCloseTo(0.1, 12);
    expect(r.get("target-status:pledge-financing-growth")).toBe(TARGET_STATUS.met);
    expect(r.get("target-change:ip-insurance-growth")).toBeCloseTo(0.08, 12);
    expect(r.get("target-status:ip-insurance-growth")).toBe(TARGET_STATUS.missed);
  });

  test("as ISNUMBER judges a cell: a figure typed as text, or a zero baseline, leaves the target 待填", () => {
    const r = results({
      "target.pledge-financing-growth.baseline": "100",
      "target.pledge-financing-growth.actual": 120,
      "target.ip-insurance-growth.baseline": 0,
      "target.ip-insurance-growth.actual": 12,
    });
    expect(r.get("target-change:pledge-financing-growth")).toBe("");
    expect(r.get("target-status:pledge-financing-growth")).toBe(TARGET_STATUS.pending);
    expect(r.get("target-change:ip-insurance-growth")).toBe("");
    expect(r.get("target-status:ip-insurance-growth")).toBe(TARGET_STATUS.pending);
  });

  test("a level (≤5 months), a national target, and a qualitative one once its notes are filled", () => {
    const qualitative = spec.targets.find((t) => t.kind === "qualitative")!;
    const r = results({
      "target.trademark-exam-cycle.actual": 6.2,
      "target.invention-backlog-cleared.actual": 1200,
      [`target.${qualitative.id}.progress`]: "已建立工作机制",
    });
    expect(r.get("target-status:trademark-exam-cycle")).toBe(TARGET_STATUS.missed);
    expect(r.get("target-status:invention-backlog-cleared")).toBe(TARGET_STATUS.national);
    expect(r.get(`target-status:${qualitative.id}`)).toBe(TARGET_STATUS.reported);
  });

  test("agree with target.goal.met on a filled sample: 未达标 exactly where the rule reports a miss", () => {
    let misses = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const { values } = sampleValues(spec, report.layout, { seed, defects: "some" });
      const missed = withRule(checkChanged(values, report), "target.goal.met").map(
        (i) => i.fieldId!.split(".")[1],
      );
      const shown = [...results({ ...validValues(report), ...values })]
        .filter(([, v]) => v === TARGET_STATUS.missed)
        .map(([k]) => k.split(":")[1]);
      expect(shown.sort()).toEqual(missed.sort());
      misses += missed.length;
    }
    expect(misses).toBeGreaterThan(0);
  });
});
