import { buildLayout } from "../../src/layout/build";
import type { WorkbookReading } from "../../src/layout/reading";
import { marksFromRows } from "../../src/round/review-sheet";
import { checkReport } from "../../src/rules";
import { latestSpec } from "../../src/spec";
import { problemsOf } from "../../src/taskpane/navigator/problems";
import { itemOfProblem, reviewItemsByKey } from "../../src/taskpane/review/items";

/** Which review item a navigator problem belongs to, and how hand-typed rows of the 审核意见 sheet read. */

const spec = latestSpec();
const items = reviewItemsByKey(spec);
const profile = { unitId: "jiangsu", categories: ["strong-ip-province-pilot"] };
const layout = buildLayout(spec, profile);

function emptyReport(): WorkbookReading {
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
    values: { "cover.province": "江苏省" },
    formulas: {},
    cells,
    missingNames: [],
    missingSheets: [],
  };
}

describe("a problem's review item", () => {
  const problems = problemsOf(checkReport({ spec, profile, layout, reading: emptyReport() }));

  test("is the item its fields' ids start with: task, target, guideline item, work requirement", () => {
    const keyOf = (fieldPrefix: string) =>
      problems.find((p) => p.issues.some((i) => i.fieldId?.startsWith(fieldPrefix)));
    const task = keyOf("task.2.");
    expect(task && itemOfProblem(task, items)?.key).toBe("task.2");
    const requirement = keyOf("guideline.requirement-");
    if (requirement) expect(itemOfProblem(requirement, items)?.group).toBe("requirement");
  });

  test("is none for the cover and for the workbook as a whole", () => {
    const cover = problems.filter((p) => p.issues.every((i) => !i.fieldId || i.fieldId.startsWith("cover.")));
    expect(cover.length).toBeGreaterThan(0);
    for (const p of cover) expect(itemOfProblem(p, items)).toBeUndefined();
  });

  test("every item has a name in both languages and one of the four groups", () => {
    for (const item of items.values()) {
      expect(item.text.zh).toBeTruthy();
      expect(item.text.en).toMatch(/^(Task \d+|Target|Guideline item \d+|Work requirement \d+):/);
    }
  });
});

describe("rows of the 审核意见 sheet", () => {
  test("are read by key: blank and foreign rows skipped, spaces trimmed, the later row for a key wins", () => {
    expect(
      marksFromRows([
        ["", "", "", ""],
        ["备注", "", "通过", ""],
        [" task.3 ", "任务3", "退回修改", " 请补充 "],
        ["task.4", "", "同意", ""],
        ["task.3", "", "通过", ""],
        ["guideline.requirement-2", "", "通过", ""],
      ]),
    ).toEqual([
      { key: "task.3", verdict: "通过", comment: "" },
      { key: "guideline.requirement-2", verdict: "通过", comment: "" },
    ]);
  });
});
