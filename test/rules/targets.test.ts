import { checkChanged, reportFor, spec2019v1, withRule } from "./helpers";

const pledge = (baseline: number, actual: number) => ({
  "target.pledge-financing-growth.baseline": baseline,
  "target.pledge-financing-growth.actual": actual,
  "target.pledge-financing-growth.growth": null,
  // The national amount row holds the same 2019 figure (a consistency of its own).
  "target.pledge-financing-amount.actual": actual,
});

describe("target.goal.met", () => {
  it("专利商标质押融资金额增长力争不低于10% — growth of 8% misses it by 2 points, on the actual", () => {
    const found = withRule(checkChanged(pledge(100, 108)), "target.goal.met");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      fieldId: "target.pledge-financing-growth.actual",
      kind: "target-missed",
      code: "E301",
      severity: "error",
      actual: 108,
    });
    expect(found[0].message.zh).toContain("增长 8.0%，目标 ≥10%，差 2.0 个百分点");
    expect(found[0].message.en).toContain("growth 8.0%, goal ≥ 10%, 2.0 points short");
  });

  it("exactly 10% meets it, judged as the template's ROUND(x,6) does (3 → 3.3 is 0.09999… in binary)", () => {
    expect(withRule(checkChanged(pledge(100, 110)), "target.goal.met")).toEqual([]);
    expect((3.3 - 3) / 3).toBeLessThan(0.1);
    expect(withRule(checkChanged(pledge(3, 3.3)), "target.goal.met")).toEqual([]);
  });

  it("a growth just short shows enough decimals not to read as the goal", () => {
    const found = withRule(checkChanged(pledge(1000, 1099.6)), "target.goal.met");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("增长 9.96%");
    expect(found[0].message.zh).toContain("差 0.04 个百分点");
  });

  it("重点产业知识产权运营基金新增投资额增长超50% — exactly 50% is not “超”", () => {
    const found = withRule(
      checkChanged({
        "target.operation-fund-investment-growth.baseline": 10,
        "target.operation-fund-investment-growth.actual": 15,
        "target.operation-fund-investment-growth.growth": 0.5,
      }),
      "target.goal.met",
    );
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("目标 >50%");
    expect(found[0].message.zh).toContain("须超过目标");
  });

  it("商标注册审查周期压缩至5个月以内 — a level goal (2019.1.0 asked provinces): 6.2 months is 1.2 months over", () => {
    const report = reportFor("北京", ["trademark-review-center"], spec2019v1);
    const found = withRule(
      checkChanged({ "target.trademark-exam-cycle.actual": 6.2 }, report),
      "target.goal.met",
    );
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toBe("商标注册审查周期 6.2 个月，目标 ≤5 个月，超出 1.2 个月");
    expect(found[0].message.en).toContain("1.2 months over");
    expect(
      withRule(checkChanged({ "target.trademark-exam-cycle.actual": 5 }, report), "target.goal.met"),
    ).toEqual([]);
  });

  it("形成约300个高价值专利组合 — a national target is never judged on one province's figure", () => {
    const issues = checkChanged({
      "target.high-value-patent-portfolios.baseline": 3,
      "target.high-value-patent-portfolios.actual": 5,
      "target.invention-backlog-cleared.actual": 10,
    });
    expect(issues).toEqual([]);
  });

  it("no figures, nothing judged (the missing figures are reported by their own rule)", () => {
    const issues = checkChanged({
      "target.pledge-financing-growth.actual": null,
      "target.pledge-financing-amount.actual": null,
    });
    expect(withRule(issues, "target.goal.met")).toEqual([]);
    expect(withRule(issues, "target.figure.required")).toHaveLength(1);
  });
});

describe("target.baseline.positive", () => {
  it("知识产权保险保障金额增长 — a baseline of 0 with an actual leaves growth uncomputable", () => {
    const issues = checkChanged({
      "target.ip-insurance-growth.baseline": 0,
      "target.ip-insurance-growth.actual": 50,
      "target.ip-insurance-growth.growth": null,
    });
    const found = withRule(issues, "target.baseline.positive");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      fieldId: "target.ip-insurance-growth.baseline",
      kind: "constraint-error",
    });
    expect(withRule(issues, "target.goal.met")).toEqual([]);
    expect(issues).toHaveLength(1);
  });

  it("a baseline of 0 with no actual yet is not judged", () => {
    const issues = checkChanged({
      "target.operation-fund-investment-growth.baseline": 0,
      "target.operation-fund-investment-growth.actual": null,
      "target.operation-fund-investment-growth.growth": null,
    });
    expect(withRule(issues, "target.baseline.positive")).toEqual([]);
  });
});

describe("target.growth.consistent", () => {
  const insurance = (actual: number, growth: number) => ({
    "target.ip-insurance-growth.baseline": 100,
    "target.ip-insurance-growth.actual": actual,
    "target.ip-insurance-growth.growth": growth,
  });

  it("a reported growth rounded to one decimal (23.5% for 23.45%) is consistent", () => {
    expect(checkChanged(insurance(123.45, 0.235))).toEqual([]);
  });

  it("a reported growth 0.55 points off the computed one is inconsistent, on the growth cell", () => {
    const found = withRule(checkChanged(insurance(123.45, 0.24)), "target.growth.consistent");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ fieldId: "target.ip-insurance-growth.growth", kind: "inconsistent" });
    expect(found[0].message.zh).toContain(
      "填报增长率 24.00% 与按基数和实际值计算的 23.45% 不一致（相差 0.55 个百分点）",
    );
    expect(found[0].expected).toBeCloseTo(0.2345, 6);
  });

  it("12 typed for 12% is both suspicious and inconsistent", () => {
    const issues = checkChanged(insurance(112, 12));
    expect(withRule(issues, "value.percent.suspicious")).toHaveLength(1);
    expect(withRule(issues, "target.growth.consistent")).toHaveLength(1);
  });
});
