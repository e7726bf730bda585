import { diffSubmissions, rollUp } from "../../src/round";
import { bundledSpec } from "../../src/spec";
import { nationalInput, noFigures, round, roundOf, submission } from "./helpers";

const nationalOf = (result: ReturnType<typeof rollUp>, id: string) => {
  const found = result.nationalTargets.find((t) => t.targetId === id);
  if (!found) throw new Error(`no national target ${id}`);
  return found;
};
const tableOf = (result: ReturnType<typeof rollUp>, id: string) => {
  const found = result.provincialTargets.find((t) => t.targetId === id);
  if (!found) throw new Error(`no provincial target ${id}`);
  return found;
};

describe("national sums: 专利商标质押融资金额……超过1350亿元", () => {
  const amounts = (a: number, b: number) =>
    rollUp(
      roundOf({
        submissions: [
          submission("江苏", { ...noFigures(), "target.pledge-financing-amount.actual": a }),
          submission("浙江", { ...noFigures(), "target.pledge-financing-amount.actual": b }),
        ],
      }),
    );

  it("met by a hair: 1000 + 350.01 = 1350.01 亿元 exceeds 1350", () => {
    const t = nationalOf(amounts(1000, 350.01), "pledge-financing-amount");
    expect(t.figureSource).toBe("sum");
    expect(t.figure).toBeCloseTo(1350.01, 6);
    expect(t.met).toBe(true);
    expect(t.verdictText.zh).toBe("1350.01 亿元，达标");
  });

  it("missed by a hair: exactly 1350 亿元 is not 超过1350亿元", () => {
    const t = nationalOf(amounts(1000, 350), "pledge-financing-amount");
    expect(t.met).toBe(false);
    expect(t.gap).toBe(0);
    expect(t.verdictText.zh).toContain("未达标，须超过目标");
  });

  it("each unit's contribution is its share of the sum", () => {
    const t = nationalOf(amounts(1000, 350), "pledge-financing-amount");
    const jiangsu = t.contributions.find((c) => c.unitId === "jiangsu");
    expect(jiangsu?.share).toBeCloseTo(1000 / 1350, 9);
    expect(t.sum.units).toBe(2);
  });

  it("培育专业化的知识产权运营服务机构40家: 39 misses by 1 家", () => {
    const result = rollUp(
      roundOf({
        submissions: [
          submission("江苏", { ...noFigures(), "target.operation-service-agencies.actual": 20 }),
          submission("广东", { ...noFigures(), "target.operation-service-agencies.actual": 19 }),
        ],
      }),
    );
    const t = nationalOf(result, "operation-service-agencies");
    expect(t.met).toBe(false);
    expect(t.gap).toBe(1);
    expect(t.verdictText.zh).toBe("39 家，未达标，差 1 家");
  });
});

describe("national growth is the ratio of the sums, never the mean of the units' rates", () => {
  it("专利商标质押融资金额增长力争不低于10%: +30% on 100 and +5% on 1000 is 7.3% nationally, not 17.5%", () => {
    const result = rollUp(
      roundOf({
        submissions: [
          submission("宁夏", {
            ...noFigures(),
            "target.pledge-financing-growth.baseline": 100,
            "target.pledge-financing-growth.actual": 130,
          }),
          submission("广东", {
            ...noFigures(),
            "target.pledge-financing-growth.baseline": 1000,
            "target.pledge-financing-growth.actual": 1050,
          }),
        ],
      }),
    );
    const table = tableOf(result, "pledge-financing-growth");
    expect(table.aggregate.change).toBeCloseTo(1180 / 1100 - 1, 12);
    expect(table.aggregate.met).toBe(false);
    expect(table.meanOfUnitChanges).toBeCloseTo(0.175, 12);
    expect(table.rows.find((r) => r.unitId === "ningxia")?.verdict).toBe("met");
    expect(table.rows.find((r) => r.unitId === "guangdong")?.verdict).toBe("missed");
    expect(table.met).toBe(1);
    expect(table.missed).toBe(1);
    expect(table.notReported).toBe(round.units.length - 2);
  });

  it("a unit that reports only one of the two figures is left out of both sums", () => {
    const result = rollUp(
      roundOf({
        submissions: [
          submission("江苏", {
            ...noFigures(),
            "target.ip-insurance-growth.baseline": 100,
            "target.ip-insurance-growth.actual": 120,
          }),
          submission("浙江", { ...noFigures(), "target.ip-insurance-growth.actual": 5000 }),
        ],
      }),
    );
    const table = tableOf(result, "ip-insurance-growth");
    expect(table.aggregate).toMatchObject({ baseline: 100, actual: 120, units: 1, met: true });
  });
});

describe("figures the national office enters", () => {
  it("完成消减发明专利审查积压10万件以上 and 再压减15%以上: judged on the national office's own figures", () => {
    const result = rollUp(
      roundOf({
        submissions: [submission("江苏")],
        national: [
          nationalInput({
            "national.invention-backlog-cleared.actual": 100000,
            "national.high-value-patent-exam-cycle.baseline": 20,
            "national.high-value-patent-exam-cycle.actual": 17.2,
            "national.trademark-exam-cycle.actual": 4.9,
          }),
        ],
      }),
    );
    const backlog = nationalOf(result, "invention-backlog-cleared");
    expect(backlog).toMatchObject({ figureSource: "entered", figure: 100000, met: true });
    expect(backlog.national.reporter).toBe("national-office");
    const cycle = nationalOf(result, "high-value-patent-exam-cycle");
    expect(cycle.figure).toBeCloseTo(0.14, 12);
    expect(cycle.met).toBe(false);
    expect(cycle.verdictText.zh).toBe("14.0%，未达标，差 1 个百分点");
    expect(nationalOf(result, "trademark-exam-cycle").met).toBe(true);
    expect(result.problems.filter((p) => p.kind === "national-figure-missing")).toEqual([]);
  });

  it("a figure the national office has not entered yet is named as missing, and nothing is judged", () => {
    const result = rollUp(roundOf({ submissions: [submission("江苏")] }));
    const backlog = nationalOf(result, "invention-backlog-cleared");
    expect(backlog).toMatchObject({ figureSource: "none", figure: undefined, met: undefined });
    expect(result.problems.filter((p) => p.kind === "national-figure-missing").map((p) => p.fieldId)).toEqual(
      [
        "national.high-value-patent-exam-cycle.actual",
        "national.trademark-exam-cycle.actual",
        "national.invention-backlog-cleared.actual",
      ],
    );
  });

  it("for a summed target, the national office's own statistic is shown beside the sum, not instead of it", () => {
    const result = rollUp(
      roundOf({
        submissions: [
          submission("江苏", { ...noFigures(), "target.high-value-patent-portfolios.actual": 120 }),
        ],
        national: [nationalInput({ "national.high-value-patent-portfolios.actual": 310 })],
      }),
    );
    const t = nationalOf(result, "high-value-patent-portfolios");
    expect(t).toMatchObject({ figureSource: "sum", figure: 120, met: false });
    expect(t.entered?.actual).toBe(310);
  });
});

describe("the round's own problems", () => {
  it("every unit that sent nothing is named missing; the board has a row for each of the 32", () => {
    const result = rollUp(roundOf({ submissions: [submission("江苏"), submission("北京")] }));
    expect(result.units).toHaveLength(32);
    expect(result.totals).toMatchObject({ units: 32, received: 2, missing: 30 });
    const missing = result.problems.filter((p) => p.kind === "missing-unit");
    expect(missing).toHaveLength(30);
    expect(new Set(missing.map((p) => p.unitId)).size).toBe(30);
    expect(missing.map((p) => p.unitId)).not.toContain("jiangsu");
    expect(missing.some((p) => p.message.zh === "上海市尚未报送")).toBe(true);
  });

  it("two files for one unit: the later counts, the other is listed", () => {
    const older = submission(
      "江苏",
      { ...noFigures(), "target.pledge-financing-amount.actual": 10 },
      {
        file: "江苏-初稿.xlsx",
        modified: 1000,
      },
    );
    const newer = submission(
      "江苏",
      { ...noFigures(), "target.pledge-financing-amount.actual": 20 },
      {
        file: "江苏-修改.xlsx",
        modified: 2000,
      },
    );
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const result = rollUp(roundOf({ submissions: order }));
      const jiangsu = result.units.find((u) => u.unitId === "jiangsu");
      expect(jiangsu).toMatchObject({ file: "江苏-修改.xlsx", superseded: ["江苏-初稿.xlsx"] });
      expect(nationalOf(result, "pledge-financing-amount").figure).toBe(20);
      expect(result.problems.filter((p) => p.kind === "superseded-file")).toEqual([
        expect.objectContaining({ file: "江苏-初稿.xlsx", unitId: "jiangsu" }),
      ]);
    }
  });

  it("unreadable and ignored files are each named with their reason, and the round goes on", () => {
    const result = rollUp(
      roundOf({
        submissions: [submission("江苏")],
        unreadable: [{ file: "bad.xlsx", problem: "corrupt", message: { zh: "文件已损坏", en: "corrupt" } }],
        ignored: [{ file: "~$江苏.xlsx", reason: { zh: "Excel 锁定文件", en: "Excel lock file" } }],
      }),
    );
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "unreadable-file", file: "bad.xlsx", severity: "error" }),
        expect.objectContaining({ kind: "ignored-file", file: "~$江苏.xlsx", severity: "info" }),
      ]),
    );
    expect(result.totals.unreadable).toBe(1);
  });
});

describe("mixed versions", () => {
  const v1 = bundledSpec("cnipa-ip-hqd-2019", "2019.1.0");

  it("a 2019.1.0 file is validated against its own version and compared on the fields both versions share", () => {
    const old = submission(
      "浙江",
      {
        ...noFigures(v1),
        "target.pledge-financing-amount.actual": 500,
        "target.invention-backlog-cleared.actual": 99999,
      },
      { spec: v1 },
    );
    const result = rollUp(
      roundOf({
        submissions: [
          old,
          submission("江苏", { ...noFigures(), "target.pledge-financing-amount.actual": 900 }),
        ],
      }),
    );
    expect(result.units.find((u) => u.unitId === "zhejiang")?.specVersion).toBe("2019.1.0");
    expect(nationalOf(result, "pledge-financing-amount").figure).toBe(1400);
    // The province's backlog figure has no place in 2019.2.0: the national office enters it.
    expect(nationalOf(result, "invention-backlog-cleared").figureSource).toBe("none");
    expect(result.comparison.versions).toEqual(["2019.1.0", "2019.2.0"]);
    expect(result.comparison.notCompared).toEqual([
      {
        specVersion: "2019.1.0",
        fieldIds: [
          "target.high-value-patent-exam-cycle.actual",
          "target.high-value-patent-exam-cycle.baseline",
          "target.invention-backlog-cleared.actual",
          "target.invention-backlog-cleared.baseline",
          "target.trademark-exam-cycle.actual",
          "target.trademark-exam-cycle.baseline",
        ],
      },
    ]);
    expect(result.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "other-version", file: "浙江.xlsx" })]),
    );
  });
});

describe("each unit's status", () => {
  it("completion, errors, warnings, provincial targets met / missed / not reported, review state", () => {
    const result = rollUp(
      roundOf({
        submissions: [
          submission(
            "江苏",
            {
              "task.2.status": null,
              "target.pledge-financing-growth.baseline": 100,
              "target.pledge-financing-growth.actual": 105,
            },
            { review: [{ key: "task.2", verdict: "退回修改", comment: "请补充台账" }] },
          ),
        ],
      }),
    );
    const jiangsu = result.units.find((u) => u.unitId === "jiangsu");
    expect(jiangsu?.errors).toBeGreaterThanOrEqual(2);
    expect(jiangsu?.completion?.filled).toBe((jiangsu?.completion?.required ?? 0) - 1);
    expect(jiangsu?.targets.missed).toBe(1);
    expect(jiangsu?.review).toEqual({ state: "returned", passed: 0, returned: 1 });
    expect(result.issues.find((i) => i.fieldId === "task.2.status")?.guideline).toContain("任务2");
  });
});

describe("resubmission: what changed, by field id", () => {
  it("lists changed values and statuses, the issues fixed and the new ones", () => {
    const first = submission("江苏", { "task.2.status": null, "target.pledge-financing-growth.actual": 105 });
    const again = submission("江苏", {
      "task.2.status": "推进中",
      "target.pledge-financing-growth.actual": 105,
      "cover.phone": "12",
    });
    const diff = diffSubmissions(first, again);
    expect(diff.changed).toEqual([
      { fieldId: "cover.phone", before: "025-12345678", after: "12" },
      { fieldId: "task.2.status", before: null, after: "推进中" },
    ]);
    expect(diff.fixed.map((i) => `${i.ruleId} ${i.fieldId}`)).toEqual(["task.status.required task.2.status"]);
    expect(diff.added.map((i) => i.fieldId)).toEqual(["cover.phone"]);
    expect(diff.remaining).toBeGreaterThan(0);
  });
});
