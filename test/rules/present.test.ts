import type { CellLayout, SheetLayout } from "../../src/layout/types";
import { ISSUE_KINDS, type Issue } from "../../src/rules";
import {
  HIGHLIGHT_MARKER,
  NOTE_MAX_LENGTH,
  cellLinkFormula,
  highlightFormula,
  highlightPlan,
  highlightSeverityOf,
  isHighlightFormula,
  resultsSheetLayout,
} from "../../src/rules/present";
import { checkChanged, reportFor } from "./helpers";

function issue(partial: Partial<Issue> & Pick<Issue, "severity">): Issue {
  const kind = partial.kind ?? "missing-value";
  return {
    ruleId: "task.status.required",
    kind,
    code: ISSUE_KINDS[kind],
    message: { zh: "中文说明", en: "English message" },
    cell: { sheetName: "任务清单", cell: "F6" },
    ...partial,
  };
}

describe("highlightFormula / isHighlightFormula", () => {
  it("errors and warnings have different formulas, each carrying the marker", () => {
    expect(highlightFormula("error")).toBe('AND(TRUE,"ip-report:error"<>"")');
    expect(highlightFormula("warning")).not.toBe(highlightFormula("error"));
    expect(highlightFormula("warning")).toContain(HIGHLIGHT_MARKER);
  });

  it.each([
    'AND(TRUE,"ip-report:error"<>"")',
    '=AND(TRUE,"ip-report:error"<>"")',
    'and(true, "IP-REPORT:error" <> "")',
    ' =AND( TRUE , "ip-report:warning"<>"" ) ',
    'AND(TRUE(),"ip-report:warning"<>"")',
  ])("recognises %s as ours, whatever Excel did to its case and spacing", (formula) => {
    expect(isHighlightFormula(formula)).toBe(true);
  });

  it("tells the severity back", () => {
    expect(highlightSeverityOf(`=${highlightFormula("warning")}`)).toBe("warning");
    expect(highlightSeverityOf(highlightFormula("error"))).toBe("error");
  });

  it.each(['AND(TRUE,"other:error"<>"")', "LEN(F6)=0", 'AND(TRUE,"ip-report:error"<>"",A1>0)', "TRUE"])(
    "leaves the user's own formula %s alone",
    (formula) => {
      expect(isHighlightFormula(formula)).toBe(false);
    },
  );

  it("none of the template's own conditional formats is taken for a highlight", () => {
    const formulas = reportFor("江苏").layout.sheets.flatMap((s) =>
      s.conditionalFormats.map((c) => c.formula),
    );
    expect(formulas.length).toBeGreaterThan(50);
    expect(formulas.filter(isHighlightFormula)).toEqual([]);
  });
});

describe("highlightPlan", () => {
  it("merges several issues on one cell into one note; the worst severity wins", () => {
    const plan = highlightPlan(
      [
        issue({ severity: "warning", message: { zh: "警告一", en: "warning one" }, code: "W601" }),
        issue({ severity: "error", message: { zh: "错误二", en: "error two" }, code: "E101" }),
        issue({ severity: "warning", cell: { sheetName: "封面", cell: "B7" } }),
      ],
      "zh",
    );
    expect(plan).toEqual([
      { sheetName: "任务清单", cell: "F6", severity: "error", note: "[W601] 警告一\n[E101] 错误二" },
      { sheetName: "封面", cell: "B7", severity: "warning", note: "[E101] 中文说明" },
    ]);
  });

  it("keeps to one language", () => {
    const [entry] = highlightPlan([issue({ severity: "error" })], "en");
    expect(entry.note).toBe("[E101] English message");
  });

  it("paints no info issue and no issue without a cell", () => {
    expect(
      highlightPlan([issue({ severity: "info" }), issue({ severity: "error", cell: undefined })], "zh"),
    ).toEqual([]);
  });

  it(`clips a note past ${NOTE_MAX_LENGTH} characters with an ellipsis`, () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      issue({ severity: "error", message: { zh: `第${i}个问题：${"很长的说明".repeat(5)}`, en: "x" } }),
    );
    const [entry] = highlightPlan(many, "zh");
    expect(entry.note).toHaveLength(NOTE_MAX_LENGTH);
    expect(entry.note.endsWith("…")).toBe(true);
  });

  it("a real report: one entry per cell with issues, in the engine's order", () => {
    const issues = checkChanged({ "task.2.status": "不适用", "task.2.evidence": null, "cover.phone": "123" });
    const plan = highlightPlan(issues, "zh");
    expect(plan.map((e) => `${e.sheetName}!${e.cell}`)).toEqual(["封面!B9", "任务清单!F6"]);
  });
});

function cellAt(sheet: SheetLayout, row: number, col: number): CellLayout | undefined {
  return sheet.cells.find((c) => c.row === row && c.col === col);
}

describe("resultsSheetLayout", () => {
  const meta = {
    unitName: "江苏省",
    specId: "cnipa-ip-hqd-2019",
    specVersion: "1.0.0",
    templateVersion: "1.0.0",
  };
  const issues: Issue[] = [
    issue({ severity: "error", fieldId: "task.2.status", label: { zh: "任务2状态", en: "Task 2 status" } }),
    issue({
      severity: "warning",
      kind: "constraint-error",
      cell: { sheetName: "Bob's sheet", cell: "B9" },
      expected: "phone",
      expectedText: { zh: "固定电话或手机号码", en: "a landline or mobile number" },
      actual: "=1+1",
    }),
    issue({ severity: "info", cell: undefined }),
  ];

  it("is a visible, unprotected sheet named 校验结果, header frozen, printed landscape", () => {
    const sheet = resultsSheetLayout(issues, meta, "zh");
    expect(sheet).toMatchObject({
      key: "results",
      name: "校验结果",
      visibility: "visible",
      protect: false,
      freeze: { rows: 3, cols: 0 },
      print: { landscape: true, titleRows: [3, 3] },
    });
    expect(resultsSheetLayout(issues, meta, "en").name).toBe("Validation results");
  });

  it("has a title, a summary line with counts by severity, and the header row", () => {
    const sheet = resultsSheetLayout(issues, meta, "zh");
    expect(cellAt(sheet, 1, 1)).toMatchObject({ style: "title" });
    expect(String(cellAt(sheet, 1, 1)?.value)).toContain("江苏省");
    expect(String(cellAt(sheet, 2, 1)?.value)).toContain("错误 1 项，警告 1 项，提示 1 项");
    const header = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((c) => cellAt(sheet, 3, c)?.value);
    expect(header).toEqual([
      "序号",
      "严重程度",
      "代码",
      "类别",
      "工作表",
      "单元格",
      "字段",
      "说明",
      "期望",
      "实际",
    ]);
    expect(cellAt(sheet, 3, 1)?.style).toBe("header");
  });

  it("one row per issue; the cell is a HYPERLINK to it, the sheet name quoted", () => {
    const sheet = resultsSheetLayout(issues, meta, "zh");
    expect(cellAt(sheet, 4, 6)).toMatchObject({
      formula: 'HYPERLINK("#\'任务清单\'!F6","任务清单!F6")',
      result: "任务清单!F6",
    });
    expect(cellAt(sheet, 5, 6)?.formula).toBe("HYPERLINK(\"#'Bob''s sheet'!B9\",\"Bob's sheet!B9\")");
    expect(cellAt(sheet, 6, 6)?.formula).toBeUndefined();
    expect(sheet.cells.filter((c) => c.row > 6)).toEqual([]);
  });

  it("paints the severity cell with the legend styles and writes the row in the chosen language", () => {
    const sheet = resultsSheetLayout(issues, meta, "en");
    expect(cellAt(sheet, 4, 2)).toMatchObject({ value: "Error", style: "legendError" });
    expect(cellAt(sheet, 5, 2)).toMatchObject({ value: "Warning", style: "legendWarning" });
    expect(cellAt(sheet, 4, 3)?.value).toBe("E101");
    expect(cellAt(sheet, 4, 4)?.value).toBe("Missing value");
    expect(cellAt(sheet, 4, 7)?.value).toBe("Task 2 status");
    expect(cellAt(sheet, 4, 8)?.value).toBe("English message");
    expect(cellAt(sheet, 5, 9)?.value).toBe("a landline or mobile number");
  });

  it("keeps a user's text that starts with = as text, not a formula", () => {
    const actual = cellAt(resultsSheetLayout(issues, meta, "zh"), 5, 10);
    expect(actual?.formula).toBeUndefined();
    expect(actual?.value).toBe(" =1+1");
  });

  it("shows a found percentage as a percentage and a found date as a date, not as a fraction or a serial", () => {
    const found: Issue[] = [
      issue({ severity: "error", fieldId: "target.x.growth", actual: 0.362 }),
      issue({ severity: "error", fieldId: "cover.period", actual: 43830 }),
      issue({ severity: "error", fieldId: "task.13.clues-reported", actual: 116 }),
    ];
    const fields = [
      { id: "target.x.growth", type: "percent" as const },
      { id: "cover.period", type: "date" as const },
      { id: "task.13.clues-reported", type: "integer" as const },
    ];
    const sheet = resultsSheetLayout(found, meta, "zh", fields);
    expect([4, 5, 6].map((row) => cellAt(sheet, row, 10)?.value)).toEqual(["36.2%", "2019-12-31", 116]);
  });

  it("says so when there is nothing to report", () => {
    const sheet = resultsSheetLayout([], meta, "zh");
    expect(String(cellAt(sheet, 2, 1)?.value)).toContain("错误 0 项");
    expect(cellAt(sheet, 4, 1)?.value).toBe("未发现问题。");
  });

  it("cellLinkFormula doubles quotes inside the string literal", () => {
    expect(cellLinkFormula('A"B', "C3")).toBe('HYPERLINK("#\'A""B\'!C3","A""B!C3")');
  });
});
