import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReport, RULES, summarize, type Issue } from "../../src/rules";
import { seedText, compact } from "../helpers/seed";
import { checkChanged, inputFor, reportFor, validValues } from "./helpers";

const PROFILES: [string, string[]][] = [
  ["江苏", []],
  [
    "北京",
    ["trademark-review-center", "ip-protection-center", "strong-ip-province-pilot", "pilot-type-leading"],
  ],
  ["西藏", ["belt-and-road", "tisc-host", "ip-operation", "military-civil-fusion-pilot", "sme-ip-strategy"]],
];

describe("checkReport on a fully and correctly filled report", () => {
  it.each(PROFILES)("%s %j: not a single issue", (province, categories) => {
    const report = reportFor(province, categories);
    expect(checkReport(inputFor(report, validValues(report)))).toEqual([]);
  });

  it("the same report left empty has errors, all of them with a rule from RULES and its kind and severity", () => {
    const report = reportFor("江苏");
    const issues = checkReport(inputFor(report, {}));
    expect(summarize(issues).error).toBeGreaterThan(30);
    const byId = new Map(RULES.map((r) => [r.id as string, r]));
    for (const issue of issues) {
      const rule = byId.get(issue.ruleId);
      expect(rule).toBeDefined();
      expect({ kind: issue.kind, severity: issue.severity }).toEqual({
        kind: rule?.kind,
        severity: rule?.severity,
      });
      expect(issue.message.zh.length).toBeGreaterThan(0);
      expect(issue.message.en.length).toBeGreaterThan(0);
      expect(issue.cell).toBeDefined();
      expect(issue).toHaveProperty("expected");
      expect(issue).toHaveProperty("actual");
    }
  });
});

function sheetOrder(issue: Issue): number {
  return ["封面", "任务清单", "主要目标", "任务指标", "工作指引"].indexOf(issue.cell?.sheetName ?? "");
}

describe("issue order and determinism", () => {
  const messy = {
    "guideline.3.progress": null,
    "task.12.recovered": 1,
    "cover.phone": "x",
    "task.2.status": "完成",
    "task.2.progress": "无",
    "target.ip-insurance-growth.actual": 101,
  };

  it("sorts by sheet as laid out, then row, then column, workbook-level issues first", () => {
    const issues = checkChanged(messy, reportFor("江苏"), { metadata: undefined });
    expect(issues[0].ruleId).toBe("structure.metadata-incomplete");
    const located = issues.slice(1).map((i) => {
      const m = /^([A-Z]+)(\d+)$/.exec(i.cell?.cell ?? "");
      return [sheetOrder(i), Number(m?.[2]), (m?.[1] ?? "").charCodeAt(0)];
    });
    const sorted = [...located].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(located).toEqual(sorted);
    expect(new Set(located.map((l) => l[0]))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it("gives the same issues in the same order on every run", () => {
    const a = checkChanged(messy);
    const b = checkChanged(messy);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it("places an issue where the field was found (a renamed sheet, a moved row), ordered by its sheet in the layout", () => {
    const report = reportFor("江苏");
    const values = { ...validValues(report), "cover.phone": "x", "task.2.status": null };
    const base = inputFor(report, values);
    const cells = { ...base.reading.cells, "task.2.status": { sheetName: "任务（改）", cell: "F60" } };
    const issues = checkReport({ ...base, reading: { ...base.reading, cells } });
    expect(issues.map((i) => i.cell)).toEqual([
      { sheetName: "封面", cell: "B9" },
      { sheetName: "任务（改）", cell: "F60" },
    ]);
  });

  it("does not change its input", () => {
    const report = reportFor("江苏");
    const input = inputFor(report, { ...validValues(report), ...messy });
    const before = JSON.stringify(input);
    checkReport(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("summarize", () => {
  it("counts issues by severity", () => {
    const issues = checkChanged({ "task.2.status": null, "task.6.progress": "无", "cover.phone": "1" });
    expect(summarize(issues)).toEqual({ error: 2, warning: 1, info: 0 });
    expect(summarize([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe("RULES", () => {
  const testText = readdirSync(__dirname)
    .filter((f) => f.endsWith(".test.ts") && f !== "engine.test.ts")
    .map((f) => readFileSync(join(__dirname, f), "utf8"))
    .join("\n");

  it("has unique ids, each with a description in both languages", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.description.zh).toMatch(/\S/);
      expect(rule.description.en).toMatch(/\S/);
    }
  });

  it.each(RULES.map((r) => r.id))("%s has a describe block of its own in the rule tests", (id) => {
    expect(testText).toContain(`describe("${id}"`);
  });
});

describe("the guideline's words quoted in the rule tests", () => {
  it.each([
    "知识产权保护中心涉及省份必做;其他省份选做",
    "商标审查协作中心涉及省份必做",
    "知识产权强省建设试点省必做;其他省份选做",
    "对于存在非正常专利申请行为的主体给予取消各类资助奖励资格处理",
    "全额收回已发放的资助奖励资金",
    "要做到数出有据",
    "专利商标质押融资金额增长力争不低于10%",
    "重点产业知识产权运营基金新增投资额增长超50%",
    "商标注册审查周期压缩至5个月以内",
    "知识产权保险保障金额增长20%以上",
    "加强商标囤积和恶意注册行为线索的报送工作",
    "各地应加快已批复知识产权保护中心建设工作",
  ])("“%s” is the guideline's", (words) => {
    expect(seedText()).toContain(compact(words));
  });
});
