import type { WorkbookLayout } from "../../src/layout/types";
import { STATUS } from "../../src/layout/vocabulary";
import { checkReport } from "../../src/rules";
import {
  checkChanged,
  field,
  inputFor,
  reportFor,
  spec2019v1,
  validValues,
  withRule,
  type Report,
} from "./helpers";

const jiangsu = reportFor("江苏");
const withCenters = reportFor("北京", ["ip-protection-center", "trademark-review-center"]);
const pilot = reportFor("浙江", ["strong-ip-province-pilot"]);

describe("cover.required", () => {
  it.each(["cover.department", "cover.contact", "cover.phone", "cover.period"])(
    "封面 %s left empty (or blank) is a missing value",
    (id) => {
      for (const empty of [null, "   "]) {
        const issues = checkChanged({ [id]: empty });
        const found = withRule(issues, "cover.required");
        expect(found.map((i) => i.fieldId)).toEqual([id]);
        expect(found[0]).toMatchObject({ kind: "missing-value", code: "E101", severity: "error" });
      }
    },
  );

  it("the reporting unit the template fills in is required too (a cleared cell is reported)", () => {
    expect(
      withRule(checkChanged({ "cover.province": null }), "cover.required").map((i) => i.fieldId),
    ).toEqual(["cover.province"]);
  });
});

describe("task.status.required", () => {
  it("任务2 省份：各省份必做 — an empty status is an error naming the task", () => {
    const found = withRule(checkChanged({ "task.2.status": null }), "task.status.required");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("任务2");
    expect(found[0].message.zh).toContain("必做");
    expect(found[0].cell).toEqual({ sheetName: "任务清单", cell: field(jiangsu, "task.2.status").cell });
  });

  it("任务5 知识产权保护中心涉及省份必做 — a province with a centre must give task 5's status", () => {
    expect(
      withRule(checkChanged({ "task.5.status": null }, withCenters), "task.status.required"),
    ).toHaveLength(1);
  });

  it("任务5 其他省份选做 — a province without a centre may leave task 5 empty", () => {
    const issues = checkChanged({ "task.5.status": null, "task.5.progress": null, "task.5.evidence": null });
    expect(issues).toEqual([]);
  });

  it("任务10 知识产权强省建设试点省必做 — required of a pilot province, optional for 江苏", () => {
    expect(withRule(checkChanged({ "task.10.status": null }, pilot), "task.status.required")).toHaveLength(1);
    expect(withRule(checkChanged({ "task.10.status": null }), "task.status.required")).toEqual([]);
  });
});

describe("task.progress.required", () => {
  it("任务12 各省份必做 — progress of a 必做 task is required even when it has not started", () => {
    const issues = checkChanged({ "task.12.status": STATUS.notStarted, "task.12.progress": "" });
    const found = withRule(issues, "task.progress.required");
    expect(found.map((i) => i.fieldId)).toEqual(["task.12.progress"]);
  });
});

describe("task.progress.required-when-active", () => {
  it.each([STATUS.done, STATUS.inProgress])("任务5 其他省份选做 — status %s but no progress", (status) => {
    const issues = checkChanged({ "task.5.status": status, "task.5.progress": null });
    const found = withRule(issues, "task.progress.required-when-active");
    expect(found.map((i) => i.fieldId)).toEqual(["task.5.progress"]);
    expect(found[0].message.zh).toContain(`“${status}”`);
    expect(found[0].expectedText?.zh).toContain("已完成");
  });

  it("选做 task 未启动 needs no progress", () => {
    const issues = checkChanged({
      "task.5.status": STATUS.notStarted,
      "task.5.progress": null,
      "task.5.centers-approved": null,
      "task.5.centers-approved.source": null,
      "task.5.centers-operating": null,
      "task.5.centers-operating.source": null,
    });
    expect(issues).toEqual([]);
  });

  it("a status typed with spaces still counts as active", () => {
    const issues = checkChanged({ "task.7.status": ` ${STATUS.inProgress} `, "task.7.progress": null });
    expect(withRule(issues, "task.progress.required-when-active")).toHaveLength(1);
  });
});

describe("task.evidence.required-when-done", () => {
  it("已完成 without 佐证材料 is an error; 推进中 without it is not", () => {
    const done = checkChanged({ "task.4.status": STATUS.done, "task.4.evidence": null });
    expect(withRule(done, "task.evidence.required-when-done").map((i) => i.fieldId)).toEqual([
      "task.4.evidence",
    ]);
    const ongoing = checkChanged({ "task.4.status": STATUS.inProgress, "task.4.evidence": null });
    expect(ongoing).toEqual([]);
  });
});

describe("task.progress.substantive", () => {
  it.each(["无", "暂无", "见附件", "略", "-", "N/A", "无。"])(
    "“%s” is not a description of the work",
    (text) => {
      const found = withRule(checkChanged({ "task.6.progress": text }), "task.progress.substantive");
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({
        severity: "warning",
        kind: "missing-value",
        fieldId: "task.6.progress",
      });
    },
  );

  it("a narrative under 10 characters is too brief", () => {
    const found = withRule(checkChanged({ "task.6.progress": "开展执法培训" }), "task.progress.substantive");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toContain("过于简略");
  });

  it("a narrative of 10 characters or more passes", () => {
    expect(checkChanged({ "task.6.progress": "组织执法队伍开展培训两期" })).toEqual([]);
  });

  it("an optional task not started may say 无", () => {
    expect(
      checkChanged({ "task.7.status": STATUS.notStarted, "task.7.progress": "无", "task.7.evidence": null }),
    ).toEqual([]);
  });
});

describe("task.metric.required", () => {
  it("任务13 加强商标囤积和恶意注册行为线索的报送工作 — the count of leads is required", () => {
    const issues = checkChanged({ "task.13.clues-reported": null, "task.13.clues-reported.source": null });
    expect(withRule(issues, "task.metric.required").map((i) => i.fieldId)).toEqual([
      "task.13.clues-reported",
    ]);
    // An empty figure needs no source.
    expect(withRule(issues, "figure.source.required")).toEqual([]);
  });

  it("任务5's centres are required once an optional task 5 is 推进中", () => {
    const issues = checkChanged({
      "task.5.status": STATUS.inProgress,
      "task.5.centers-approved": null,
      "task.5.centers-approved.source": null,
    });
    expect(withRule(issues, "task.metric.required").map((i) => i.fieldId)).toEqual([
      "task.5.centers-approved",
    ]);
  });
});

describe("target.figure.required", () => {
  it("知识产权保险保障金额增长20%以上 — judged for every province, so both figures are required", () => {
    const issues = checkChanged({
      "target.ip-insurance-growth.baseline": null,
      "target.ip-insurance-growth.actual": null,
      "target.ip-insurance-growth.growth": null,
      "target.ip-insurance-growth.source": null,
    });
    expect(withRule(issues, "target.figure.required").map((i) => i.fieldId)).toEqual([
      "target.ip-insurance-growth.baseline",
      "target.ip-insurance-growth.actual",
    ]);
  });

  it("商标注册审查周期压缩至5个月以内 — in 2019.1.0, required of a 商标审查协作中心 province only", () => {
    const cleared = {
      "target.trademark-exam-cycle.actual": null,
      "target.trademark-exam-cycle.source": null,
    };
    const centers = reportFor("北京", ["ip-protection-center", "trademark-review-center"], spec2019v1);
    expect(withRule(checkChanged(cleared, centers), "target.figure.required")).toHaveLength(1);
    expect(
      withRule(checkChanged(cleared, reportFor("江苏", [], spec2019v1)), "target.figure.required"),
    ).toEqual([]);
  });

  it("a national target (约300个高价值专利组合) is never required of a province", () => {
    const issues = checkChanged({
      "target.high-value-patent-portfolios.baseline": null,
      "target.high-value-patent-portfolios.actual": null,
      "target.high-value-patent-portfolios.source": null,
    });
    expect(issues).toEqual([]);
  });
});

describe("guideline.progress.required", () => {
  it("an item addressed to the provinces (各地方知识产权局负责) needs a report", () => {
    const required = jiangsu.layout.fields.filter((f) => f.guideline && f.required.kind === "always");
    expect(required.length).toBeGreaterThan(0);
    const issues = checkChanged({ [required[0].id]: null });
    expect(withRule(issues, "guideline.progress.required").map((i) => i.fieldId)).toEqual([required[0].id]);
  });

  it("an item not addressed to the provinces may be left empty", () => {
    const optional = jiangsu.layout.fields.find((f) => f.guideline && f.required.kind === "never");
    expect(optional).toBeDefined();
    expect(checkChanged({ [optional?.id ?? ""]: null })).toEqual([]);
  });
});

/** A layout as a later spec might make it: 量化成果 required of 必做 tasks. */
function withResultsRequired(report: Report): Report {
  const layout: WorkbookLayout = {
    ...report.layout,
    fields: report.layout.fields.map((f) =>
      f.id === "task.2.results" ? { ...f, required: { kind: "always" } } : f,
    ),
  };
  return { ...report, layout };
}

describe("field.required", () => {
  it("any other required field (a later spec's 量化成果) left empty is a missing value", () => {
    const report = withResultsRequired(jiangsu);
    const issues = checkReport(inputFor(report, { ...validValues(report), "task.2.results": null }));
    expect(withRule(issues, "field.required").map((i) => i.fieldId)).toEqual(["task.2.results"]);
  });
});

describe("task.status.not-applicable-on-required", () => {
  it("任务2 各省份必做 — 不适用 is not an answer", () => {
    const found = withRule(
      checkChanged({ "task.2.status": STATUS.notApplicable, "task.2.evidence": null }),
      "task.status.not-applicable-on-required",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: "constraint-error", severity: "error", actual: "不适用" });
    expect(found[0].expected).toBe("已完成/推进中/未启动");
  });

  it("任务5 其他省份选做 — an optional task may be 不适用", () => {
    const issues = checkChanged({
      "task.5.status": STATUS.notApplicable,
      "task.5.evidence": null,
      "task.5.centers-approved": null,
      "task.5.centers-approved.source": null,
      "task.5.centers-operating": null,
      "task.5.centers-operating.source": null,
    });
    expect(issues).toEqual([]);
  });

  it("任务5 知识产权保护中心涉及省份必做 — not for a province with a centre", () => {
    const issues = checkChanged({ "task.5.status": STATUS.notApplicable }, withCenters);
    expect(withRule(issues, "task.status.not-applicable-on-required")).toHaveLength(1);
  });
});

describe("task.not-applicable-filled", () => {
  it("任务3 商标审查协作中心涉及省份必做 — a province without one that fills task 3 gets warnings", () => {
    const issues = checkChanged({
      "task.3.status": STATUS.done,
      "task.3.progress": "开展商标审查质量监控工作",
    });
    const found = withRule(issues, "task.not-applicable-filled");
    expect(found.map((i) => i.fieldId)).toEqual(["task.3.status", "task.3.progress"]);
    expect(found[0]).toMatchObject({ severity: "warning", kind: "not-applicable-filled", code: "W601" });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("the same task is expected of a province with a 商标审查协作中心", () => {
    const report = withCenters;
    expect(field(report, "task.3.status").required).toEqual({ kind: "always" });
    const issues = checkChanged({ "task.3.status": STATUS.done }, report);
    expect(withRule(issues, "task.not-applicable-filled")).toEqual([]);
  });
});
