import { checkReport } from "../../src/rules";
import { checkChanged, field, inputFor, reportFor, validValues, withRule } from "./helpers";

const report = reportFor("江苏");

describe("structure.sheet-missing", () => {
  it("a deleted 任务清单 sheet is one error, and its fields are not also reported as missing values", () => {
    const missing = report.layout.fields.filter((f) => f.sheet === "tasks").map((f) => f.id);
    const values = validValues(report);
    for (const id of missing) delete values[id];
    const issues = checkReport(inputFor(report, values, { missingSheets: ["tasks"], missingNames: missing }));
    const sheetIssues = withRule(issues, "structure.sheet-missing");
    expect(sheetIssues).toHaveLength(1);
    expect(sheetIssues[0]).toMatchObject({ severity: "error", kind: "structure-error", code: "E901" });
    expect(sheetIssues[0].message.zh).toContain("任务清单");
    expect(sheetIssues[0].cell).toBeUndefined();
    expect(issues.filter((i) => i.fieldId !== undefined)).toEqual([]);
    expect(withRule(issues, "structure.name-missing")).toEqual([]);
  });
});

describe("structure.name-missing", () => {
  it("a field whose defined name is gone is said once, with its name and label, and not also as missing", () => {
    const issues = checkChanged({ "task.2.status": null }, report, { missingNames: ["task.2.status"] });
    const named = withRule(issues, "structure.name-missing");
    expect(named).toHaveLength(1);
    expect(named[0].fieldId).toBe("task.2.status");
    expect(named[0].message.zh).toContain("F_task_2_status");
    expect(named[0].message.zh).toContain("任务2状态");
    expect(named[0].cell).toEqual({ sheetName: "任务清单", cell: field(report, "task.2.status").cell });
    expect(withRule(issues, "task.status.required")).toEqual([]);
    expect(issues).toHaveLength(1);
  });

  it("a field the status condition points at, if its name is gone, does not make its dependants required", () => {
    const issues = checkChanged({ "task.2.evidence": null }, report, { missingNames: ["task.2.status"] });
    expect(withRule(issues, "task.evidence.required-when-done")).toEqual([]);
  });
});

describe("structure.metadata-incomplete", () => {
  it("a workbook without its metadata sheet is an error at workbook level", () => {
    const issues = checkChanged({}, report, { metadata: undefined });
    const meta = withRule(issues, "structure.metadata-incomplete");
    expect(meta).toHaveLength(1);
    expect(meta[0].cell).toBeUndefined();
    expect(issues[0]).toBe(meta[0]);
  });

  it("metadata without the province (unitId) or unit name are two errors", () => {
    const issues = checkChanged({}, report, { metadata: { specId: "x", unitId: "", unitName: " " } });
    const meta = withRule(issues, "structure.metadata-incomplete");
    expect(meta.map((i) => i.expected)).toEqual(["unitId", "unitName"]);
  });

  it("complete metadata raises nothing", () => {
    expect(withRule(checkChanged({}, report), "structure.metadata-incomplete")).toEqual([]);
  });
});

describe("structure.formula-in-input", () => {
  it("公式不是填报值: a formula in an actual-value cell is a warning, its result still judged", () => {
    const issues = checkChanged({ "target.ip-insurance-growth.actual": 200 }, report, {
      formulas: { "target.ip-insurance-growth.actual": "G10*2" },
    });
    const formula = withRule(issues, "structure.formula-in-input");
    expect(formula).toHaveLength(1);
    expect(formula[0]).toMatchObject({ severity: "warning", fieldId: "target.ip-insurance-growth.actual" });
    expect(formula[0].message.zh).toContain("公式不是填报值");
    expect(formula[0].message.zh).toContain("=G10*2");
    expect(issues).toHaveLength(1);
  });
});

describe("structure.error-value", () => {
  it.each(["#REF!", "#VALUE!", "#DIV/0!", "#N/A", " #name? "])("%s in an input cell is an error", (error) => {
    const issues = checkChanged({ "task.12.recovered": error });
    const found = withRule(issues, "structure.error-value");
    expect(found).toHaveLength(1);
    expect(found[0].fieldId).toBe("task.12.recovered");
    // Not also a number-type error, nor a consistency error computed from it.
    expect(issues).toHaveLength(1);
  });

  it("text merely starting with # is not an Excel error", () => {
    expect(withRule(checkChanged({ "task.2.results": "#1 in the region" }), "structure.error-value")).toEqual(
      [],
    );
  });
});

describe("cover.province.matches-template", () => {
  it("a report whose cover names another province than its template's is inconsistent", () => {
    const issues = checkChanged({ "cover.province": "浙江省" });
    const found = withRule(issues, "cover.province.matches-template");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: "inconsistent",
      expected: report.layout.metadata.unitName,
      actual: "浙江省",
    });
    expect(issues).toHaveLength(1);
  });

  it("a unit name that is no unit at all is said once, not also as a value off the list", () => {
    const issues = checkChanged({ "cover.province": "江苏" });
    expect(issues.map((i) => i.ruleId)).toEqual(["cover.province.matches-template"]);
  });

  it("the province the template fills in raises nothing", () => {
    expect(withRule(checkChanged({}), "cover.province.matches-template")).toEqual([]);
  });
});
