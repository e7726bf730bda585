import { buildLayout } from "../../src/layout/build";
import type { WorkbookReading } from "../../src/layout/reading";
import type { CellValue, FieldId } from "../../src/layout/types";
import { checkReport } from "../../src/rules";
import type { Issue } from "../../src/rules/types";
import { latestSpec } from "../../src/spec";
import { problemPlace } from "../../src/taskpane/navigator/place";
import {
  countProblems,
  filterProblems,
  problemsOf,
  stepFrom,
  type Problem,
} from "../../src/taskpane/navigator/problems";
import { requirementProgress } from "../../src/taskpane/navigator/progress";

const spec = latestSpec();
const profile = { unitId: "jiangsu", categories: ["strong-ip-province-pilot"] };
const layout = buildLayout(spec, profile);

function readingOf(values: Record<FieldId, CellValue>): WorkbookReading {
  const cells: WorkbookReading["cells"] = {};
  for (const f of layout.fields) cells[f.id] = { sheetName: f.sheetName, cell: f.cell };
  return {
    metadata: {
      specId: layout.metadata.specId,
      specVersion: layout.metadata.specVersion,
      templateVersion: layout.metadata.templateVersion,
      unitId: layout.metadata.unitId,
      unitName: "江苏省",
      categories: layout.metadata.categories.join(","),
    },
    values: { "cover.province": "江苏省", ...values },
    formulas: {},
    cells,
    missingNames: [],
    missingSheets: [],
  };
}

function issuesOf(values: Record<FieldId, CellValue>): Issue[] {
  return checkReport({ spec, profile, layout, reading: readingOf(values) });
}

describe("the issue navigator's problems", () => {
  const issues = issuesOf({
    "cover.phone": "abc",
    "target.ip-insurance-growth.baseline": 100,
    "target.ip-insurance-growth.actual": 105,
  });
  const problems = problemsOf(issues);

  test("a required task left blank is one problem: its status and progress together, both cells named", () => {
    const task4 = problems.filter((p) => p.issues.some((i) => i.fieldId?.startsWith("task.4.")));
    expect(task4).toHaveLength(1);
    expect(task4[0].issues.map((i) => i.fieldId)).toEqual(["task.4.status", "task.4.progress"]);
    expect(task4[0].message.zh).toMatch(
      /^任务4（.+）为本省必做任务，请填写状态（已完成\/推进中\/未启动），并填写工作进展$/,
    );
    expect(task4[0].cells).toHaveLength(2);
    expect(problemPlace(task4[0], "zh")).toMatch(/^任务清单工作表 F\d+、G\d+$/);
    expect(problems.length).toBeLessThan(issues.length);
  });

  test("each problem has the kind a clerk sorts by: a missed goal is not a missing value", () => {
    const kinds = new Map(problems.map((p) => [p.issues[0].fieldId, p.kind]));
    expect(kinds.get("cover.phone")).toBe("format");
    expect(kinds.get("cover.department")).toBe("missing");
    const missed = problems.find((p) => p.issues[0].kind === "target-missed");
    expect(missed?.kind).toBe("goal");
    expect(missed?.message.zh).toMatch(/目标/);
  });

  test("counts by kind and by severity add up, and a filter shows only its kind", () => {
    const counts = countProblems(problems);
    expect(Object.values(counts.byKind).reduce((a, b) => a + b, 0)).toBe(problems.length);
    expect(Object.values(counts.bySeverity).reduce((a, b) => a + b, 0)).toBe(problems.length);
    const format = filterProblems(problems, { kind: "format", severity: "all" });
    expect(format.length).toBe(counts.byKind.format);
    expect(format.every((p) => p.kind === "format")).toBe(true);
  });

  test("next and previous wrap around, and go on from where a fixed problem was", () => {
    const three = problems.slice(0, 3);
    expect(stepFrom(three, undefined, 1)?.key).toBe(three[0].key);
    expect(stepFrom(three, undefined, -1)?.key).toBe(three[2].key);
    expect(stepFrom(three, three[2].key, 1)?.key).toBe(three[0].key);
    expect(stepFrom(three, three[0].key, -1)?.key).toBe(three[2].key);
    const order = three.map((p) => p.key);
    const fixed: Problem[] = [three[0], three[2]];
    expect(stepFrom(fixed, three[1].key, 1, order)?.key).toBe(three[2].key);
    expect(stepFrom(fixed, three[1].key, -1, order)?.key).toBe(three[0].key);
    expect(stepFrom([], three[0].key, 1)).toBeUndefined();
  });

  test("a problem keeps its key while it lasts, so the marker follows it through live updates", () => {
    const again = problemsOf(issuesOf({ "cover.phone": "abc", "cover.contact": "张三" }));
    const phone = problems.find((p) => p.issues[0].fieldId === "cover.phone")!;
    expect(again.some((p) => p.key === phone.key)).toBe(true);
  });
});

describe("the required count", () => {
  test("does not move as conditional fields come due: they are counted apart from the start", () => {
    const empty = requirementProgress(layout, readingOf({}));
    const done = requirementProgress(
      layout,
      readingOf({ "task.2.status": "已完成", "task.2.progress": "已出台专利资助政策并建立台账" }),
    );
    expect(done.always.required).toBe(empty.always.required);
    expect(empty.conditional.due).toBe(0);
    expect(done.conditional.due).toBeGreaterThan(0);
    expect(done.conditional.total).toBe(empty.conditional.total);
    expect(done.always.filled).toBe(empty.always.filled + 2);
  });
});
