import { parseSpec, SpecError } from "../../src/spec";
import type { Spec } from "../../src/spec";
import spec2019Json from "../../src/spec/specs/cnipa-ip-hqd-2019.json";
import { compact, seedText } from "../helpers/seed";
import { spec2019 } from "../helpers/specs";

const spec: Spec = spec2019();
const seed = seedText();
const inSeed = (text: string) => seed.includes(compact(text));

describe("the 2019 spec against the published guideline (seed text)", () => {
  test("has the 7 measures (七大举措), in the published order, each verbatim", () => {
    expect(spec.measures.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const m of spec.measures) expect(inSeed(m.title)).toBe(true);
  });

  test("has all 18 tasks, numbered 1–18, each title verbatim as '<n>.<title>'", () => {
    expect(spec.tasks.map((t) => t.number)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    for (const t of spec.tasks) expect(inSeed(`${t.number}.${t.title}`)).toBe(true);
  });

  test("puts every task under a measure, and every measure has tasks", () => {
    const measures = new Set(spec.measures.map((m) => m.id));
    for (const t of spec.tasks) expect(measures.has(t.measure)).toBe(true);
    for (const m of spec.measures) expect(spec.tasks.some((t) => t.measure === m.id)).toBe(true);
  });

  test("keeps each task's lead departments (局内), national work and provincial text verbatim", () => {
    for (const t of spec.tasks) {
      for (const d of t.leadDepartments) expect(inSeed(d.replace(/^专利局/, "")) || inSeed(d)).toBe(true);
      expect(inSeed(`国家知识产权局:${t.nationalWork}`)).toBe(true);
      for (const p of t.provincialWork) expect(inSeed(p)).toBe(true);
    }
  });

  test("keeps every 省份 line verbatim, and task 8 has both of its lines", () => {
    for (const t of spec.tasks)
      for (const o of t.obligations) if (o.line) expect(inSeed(`省份:${o.line}`)).toBe(true);
    expect(spec.tasks[7].obligations.map((o) => o.line)).toEqual([
      "知识产权强省建设试点省必做;其他省份选做",
      "涉及省份必做;其他省份选做",
    ]);
  });

  test("structures each obligation line by its own words", () => {
    for (const t of spec.tasks) {
      for (const o of t.obligations) {
        if (!o.line) expect(o.kind).toBe("national-only");
        else if (o.line === "各省份必做") expect(o.kind).toBe("all");
        else if (o.line.includes("其他省份选做")) expect(o.kind).toBe("concerned-else-optional");
        else expect(o.kind).toBe("concerned");
      }
    }
    expect(spec.tasks[0].obligations).toEqual([{ kind: "national-only", categories: [] }]);
    expect(spec.tasks[2].obligations[0]).toMatchObject({
      kind: "concerned",
      categories: ["trademark-review-center"],
    });
  });

  test("has the guideline's items (一)…(九) with their departments, and the five 工作要求, verbatim", () => {
    expect(spec.guidelineItems.map((i) => i.numeral)).toEqual(
      ["一", "二", "三", "四", "五", "六", "七", "八", "九"].map((n) => `(${n})`),
    );
    for (const item of spec.guidelineItems) {
      expect(inSeed(`${item.numeral}${item.title}`)).toBe(true);
      for (const p of item.paragraphs) expect(inSeed(`${p.text}(${p.department}负责)`)).toBe(true);
    }
    expect(spec.guidelineItems[2].paragraphs[0].department).toBe("各地方知识产权局");
    expect(spec.workRequirements).toHaveLength(5);
    for (const r of spec.workRequirements) expect(inSeed(`${r.numeral}${r.title}。${r.text}`)).toBe(true);
  });

  test("has every target phrase verbatim, and every number of 主要目标 is a target's goal", () => {
    for (const t of spec.targets) expect(inSeed(t.phrase)).toBe(true);
    const goals = spec.targets.flatMap((t) => (t.kind === "quantitative" ? [t.goal] : []));
    // 约300个, 再压减15%, 5个月, 10万件, 超50%, 20%以上, 不低于10%, 1350亿元, 40家, 20%, 40余期, 1万余人
    expect(goals.sort((a, b) => a - b)).toEqual([5, 10, 15, 20, 20, 40, 40, 50, 300, 1350, 10000, 100000]);
  });

  test("scopes targets: growth goals judged per province, national sums only nationally", () => {
    const scope = Object.fromEntries(
      spec.targets.flatMap((t) => (t.kind === "quantitative" ? [[t.id, t.scope]] : [])),
    );
    expect(scope).toMatchObject({
      "pledge-financing-growth": "provincial",
      "ip-insurance-growth": "provincial",
      "ip-service-revenue-growth": "provincial",
      "operation-fund-investment-growth": "provincial",
      "high-value-patent-portfolios": "national",
      "pledge-financing-amount": "national",
      "invention-backlog-cleared": "national",
      "operation-service-agencies": "national",
      "shortage-talent-classes": "national",
      "shortage-talent-trainees": "national",
    });
    const qualitative = spec.targets.filter((t) => t.kind === "qualitative").map((t) => t.phrase);
    expect(qualitative).toEqual(
      expect.arrayContaining([
        "全面遏制非正常专利申请、商标囤积和恶意注册行为",
        "知识产权保护满意度持续提高",
      ]),
    );
  });

  test("reads comparators from the words: 以上/不低于 ≥, 超/超过/余 >, 以内 ≤", () => {
    const written = (goal: number) => (goal >= 10000 ? `${goal / 10000}万` : String(goal));
    for (const t of spec.targets) {
      if (t.kind !== "quantitative") continue;
      // The words around the goal's own number decide, e.g. "…不低于10%,超过1350亿元" for the 1350 target.
      const clause = t.phrase.split(/[,，]/).find((part) => part.includes(written(t.goal))) ?? t.phrase;
      if (/以内/.test(clause)) expect(t.comparator).toBe("<=");
      else if (/超|余/.test(clause)) expect(t.comparator).toBe(">");
      else expect(t.comparator).toBe(">=");
    }
  });

  test("lists the 31 provinces, autonomous regions and municipalities and 新疆生产建设兵团", () => {
    expect(spec.units).toHaveLength(32);
    expect(new Set(spec.units.map((u) => u.name)).size).toBe(32);
    expect(spec.units.map((u) => u.name)).toContain("新疆生产建设兵团");
    expect(spec.units.map((u) => u.short)).toEqual(expect.arrayContaining(["江苏", "西藏", "兵团"]));
  });

  test("names only the profile categories the text uses, each traced to a task or the guideline", () => {
    for (const c of spec.categories) expect(c.description.zh).toMatch(/任务\d+|指引/);
    const used = new Set(spec.tasks.flatMap((t) => t.obligations.flatMap((o) => o.categories)));
    for (const id of used) expect(spec.categories.map((c) => c.id)).toContain(id);
  });

  test("consistency rules quote the guideline (任务12: 全额收回已发放的资助奖励资金)", () => {
    for (const r of spec.consistency) expect(inSeed(r.phrase)).toBe(true);
    expect(spec.consistency.map((r) => r.id)).toContain("task12-subsidies-recovered-in-full");
  });
});

describe("the spec schema", () => {
  const clone = (): Record<string, unknown> => JSON.parse(JSON.stringify(spec2019Json));

  test("rejects a task without a title, naming the path of the offending element", () => {
    const doc = clone();
    delete (doc.tasks as Record<string, unknown>[])[3].title;
    expect(() => parseSpec(doc, "bad.json")).toThrow(SpecError);
    try {
      parseSpec(doc, "bad.json");
    } catch (err) {
      expect((err as SpecError).problems[0].path).toBe("tasks[3].title");
    }
  });

  test("rejects an obligation naming an unknown category and a task under an unknown measure", () => {
    const doc = clone();
    const tasks = doc.tasks as { measure: string; obligations: { categories: string[] }[] }[];
    tasks[2].obligations[0].categories = ["no-such-category"];
    tasks[5].measure = "m99";
    const paths = (() => {
      try {
        parseSpec(doc);
        return [];
      } catch (err) {
        return (err as SpecError).problems.map((p) => p.path);
      }
    })();
    expect(paths).toEqual(
      expect.arrayContaining(["tasks[2].obligations[0].categories[0]", "tasks[5].measure"]),
    );
  });

  test("rejects a version that is not semantic", () => {
    expect(() => parseSpec({ ...clone(), specVersion: "2019" })).toThrow(/specVersion/);
  });

  const problemPaths = (doc: Record<string, unknown>): string[] => {
    try {
      parseSpec(doc);
      return [];
    } catch (err) {
      return (err as SpecError).problems.map((p) => p.path);
    }
  };

  test("carries the years and titles every workbook shows: the 2019 spec's, from its own data", () => {
    expect(spec.year).toBe(2019);
    expect(spec.baselineYear).toBe(2018);
    expect(spec.period).toEqual({ start: "2019-01-01", end: "2019-12-31" });
    expect(inSeed(spec.workRequirementsHeading.zh)).toBe(true);
    expect(spec.guidelineTitleEn).toMatch(/2019/);
  });

  test("rejects a baseline year that is not before the reporting year", () => {
    expect(problemPaths({ ...clone(), baselineYear: 2019 })).toEqual(["baselineYear"]);
  });

  test("rejects a reporting period outside the reporting year, or ending before it starts", () => {
    expect(problemPaths({ ...clone(), period: { start: "2018-12-01", end: "2019-12-31" } })).toEqual([
      "period.start",
    ]);
    expect(problemPaths({ ...clone(), period: { start: "2019-06-01", end: "2019-02-30" } })).toEqual(
      expect.arrayContaining(["period"]),
    );
    expect(problemPaths({ ...clone(), period: { start: "2019-01-01", end: "31.12.2019" } })).toEqual([
      "period.end",
    ]);
  });
});
