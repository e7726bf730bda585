import { checkChanged, withRule } from "./helpers";

describe("spec.consistency", () => {
  it("任务12: 对于存在非正常专利申请行为的主体给予取消各类资助奖励资格处理 — 10 cancelled of 12 found", () => {
    const found = withRule(
      checkChanged({ "task.12.abnormal-subjects": 12, "task.12.subsidy-revoked-subjects": 10 }),
      "spec.consistency",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      fieldId: "task.12.subsidy-revoked-subjects",
      specRule: "task12-subsidies-revoked-for-every-subject",
      kind: "inconsistent",
      code: "E401",
      severity: "error",
      actual: 10,
      expected: "=12",
    });
    expect(found[0].message.zh).toContain("已取消 10 个，发现 12 个");
  });

  it("任务12: 全额收回已发放的资助奖励资金 — recovered < due is inconsistent", () => {
    const found = withRule(
      checkChanged({ "task.12.recovery-due": 1234.5, "task.12.recovered": 20 }),
      "spec.consistency",
    );
    expect(found.map((i) => i.specRule)).toEqual(["task12-subsidies-recovered-in-full"]);
    expect(found[0].message.zh).toContain("已收回 20 万元，应收回 1,234.5 万元");
  });

  it("任务12: amounts equal to the cent are consistent despite binary fractions (0.1 + 0.2 and 0.3)", () => {
    expect(checkChanged({ "task.12.recovery-due": 0.1 + 0.2, "task.12.recovered": 0.3 })).toEqual([]);
  });

  it("任务5: 各地应加快已批复知识产权保护中心建设工作 — more centres operating than approved", () => {
    const found = withRule(
      checkChanged({ "task.5.centers-approved": 3, "task.5.centers-operating": 4 }),
      "spec.consistency",
    );
    expect(found.map((i) => i.specRule)).toEqual(["task5-operating-centers-within-approved"]);
    expect(checkChanged({ "task.5.centers-approved": 3, "task.5.centers-operating": 3 })).toEqual([]);
  });

  it("the 2019 pledge financing figure reported in two rows must be the same", () => {
    const found = withRule(
      checkChanged({ "target.pledge-financing-amount.actual": 210 }),
      "spec.consistency",
    );
    expect(found.map((i) => i.specRule)).toEqual(["pledge-amount-matches-growth-actual"]);
  });

  it("only when both sides are numbers: a side typed as text is a type error, not an inconsistency", () => {
    const issues = checkChanged({ "task.12.recovery-due": 35.5, "task.12.recovered": "20" });
    expect(withRule(issues, "spec.consistency")).toEqual([]);
    expect(withRule(issues, "value.number.type")).toHaveLength(1);
  });

  it("an empty side is a missing value, not an inconsistency", () => {
    const issues = checkChanged({ "task.12.recovered": null, "task.12.recovered.source": null });
    expect(withRule(issues, "spec.consistency")).toEqual([]);
  });
});
