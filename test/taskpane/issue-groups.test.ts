import { ReportError } from "../../src/layout/recognize";
import { ProfileError } from "../../src/layout/obligation";
import { ISSUE_KINDS, type Issue, type Severity } from "../../src/rules/types";
import { describeFailure } from "../../src/taskpane/failure";
import { countBySeverity, groupIssues } from "../../src/taskpane/issue-groups";

function issue(severity: Severity, sheetName?: string, cell = "A1"): Issue {
  return {
    ruleId: `test.${severity}`,
    severity,
    kind: "missing-value",
    code: ISSUE_KINDS["missing-value"],
    message: { zh: "问题", en: "problem" },
    ...(sheetName ? { cell: { sheetName, cell } } : {}),
  };
}

describe("groupIssues: the pane's issue list", () => {
  const order = ["封面", "任务清单", "主要目标"];

  it("groups by sheet in workbook order, workbook-level first, then by severity", () => {
    const issues = [
      issue("warning", "任务清单", "F6"),
      issue("error", "主要目标"),
      issue("error", "任务清单", "F7"),
      issue("error"),
      issue("info", "封面"),
      issue("error", "任务清单", "F9"),
    ];
    const groups = groupIssues(issues, order);
    expect(groups.map((g) => [g.sheetName, g.severity, g.issues.length])).toEqual([
      [undefined, "error", 1],
      ["封面", "info", 1],
      ["任务清单", "error", 2],
      ["任务清单", "warning", 1],
      ["主要目标", "error", 1],
    ]);
    expect(groups[2].issues.map((i) => i.cell?.cell)).toEqual(["F7", "F9"]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });

  it("puts a sheet the layout does not know (a renamed one) after the known ones", () => {
    const groups = groupIssues([issue("error", "改名后"), issue("error", "封面")], order);
    expect(groups.map((g) => g.sheetName)).toEqual(["封面", "改名后"]);
  });

  it("counts by severity", () => {
    expect(countBySeverity([issue("error"), issue("error"), issue("warning")])).toEqual({
      error: 2,
      warning: 1,
      info: 0,
    });
  });
});

describe("describeFailure: what the user reads when something fails", () => {
  it("passes the core's own localized detail through", () => {
    const detail = { zh: "未知的省份：“火星”", en: 'Unknown province: "Mars"' };
    expect(describeFailure(new ProfileError("unknown-unit", detail, []))).toEqual(detail);
    const tampered = { zh: "元数据已被改动", en: "metadata tampered with" };
    expect(describeFailure(new ReportError("tampered-metadata", tampered))).toEqual(tampered);
  });

  it("wraps anything else (an Office.js error, a bug) in a polite line in both languages", () => {
    const text = describeFailure(
      Object.assign(new Error("The request payload size has exceeded the limit."), { code: "x" }),
    );
    expect(text.zh).toContain("发生意外错误：The request payload size has exceeded the limit.");
    expect(text.en).toContain(
      "Something unexpected went wrong: The request payload size has exceeded the limit.",
    );
    expect(describeFailure("boom").en).toContain("boom");
  });
});
