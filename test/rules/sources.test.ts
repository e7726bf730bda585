import { checkChanged, withRule } from "./helpers";

describe("figure.source.required", () => {
  it("要做到数出有据 — a target's figures without a data source are a missing-source error", () => {
    const issues = checkChanged({ "target.pledge-financing-growth.source": null });
    const found = withRule(issues, "figure.source.required");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      fieldId: "target.pledge-financing-growth.source",
      kind: "missing-source",
      code: "E501",
      severity: "error",
    });
    expect(found[0].message.zh).toContain("数出有据");
    expect(found[0].message.zh).toContain("2019年实际值");
    // The specific rule, not also the generic missing-value one.
    expect(issues).toHaveLength(1);
  });

  it("a reported growth alone (no baseline, no actual) still needs its source", () => {
    const issues = checkChanged({
      "target.operation-fund-investment-growth.baseline": null,
      "target.operation-fund-investment-growth.actual": null,
      "target.operation-fund-investment-growth.source": " ",
    });
    const found = withRule(issues, "figure.source.required");
    expect(found.map((i) => i.fieldId)).toEqual(["target.operation-fund-investment-growth.source"]);
    expect(found[0].message.en).toContain("reported growth");
  });

  it("a task metric value (任务12 非正常专利申请主体数) needs its source", () => {
    const found = withRule(
      checkChanged({ "task.12.abnormal-subjects.source": null }),
      "figure.source.required",
    );
    expect(found.map((i) => i.fieldId)).toEqual(["task.12.abnormal-subjects.source"]);
  });

  it("a national target's figure, reported voluntarily, needs its source too", () => {
    const found = withRule(
      checkChanged({ "target.high-value-patent-portfolios.source": null }),
      "figure.source.required",
    );
    expect(found).toHaveLength(1);
  });

  it("no figure, no source needed", () => {
    const issues = checkChanged({
      "target.high-value-patent-portfolios.baseline": null,
      "target.high-value-patent-portfolios.actual": null,
      "target.high-value-patent-portfolios.source": null,
    });
    expect(issues).toEqual([]);
  });
});
