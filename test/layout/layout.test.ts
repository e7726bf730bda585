import { TASK_COLUMNS } from "../../src/layout/tasks";
import { CONDITIONAL_STYLES, PALETTE } from "../../src/layout/styles";
import { bundledSpec, provincesReport } from "../../src/spec";
import {
  buildLayout,
  fieldDictionary,
  obligationOf,
  ProfileError,
  resolveProfile,
  type FieldDef,
  type Profile,
  type WorkbookLayout,
} from "../../src/layout";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const layoutFor = (province: string, categories: string[] = []): WorkbookLayout =>
  buildLayout(spec, resolveProfile(spec, province, categories));
const field = (layout: WorkbookLayout, id: string): FieldDef => {
  const f = layout.fields.find((x) => x.id === id);
  if (!f) throw new Error(`no field ${id}`);
  return f;
};
const obligation = (n: number, categories: string[]) =>
  obligationOf(spec.tasks[n - 1], { unitId: "jiangsu", categories } as Profile);

describe("obligations computed from the province's profile", () => {
  test("各省份必做 tasks are 必做 for every province, whatever its profile", () => {
    for (const n of [2, 4, 6, 9, 11, 12, 13, 14, 17, 18]) expect(obligation(n, [])).toBe("required");
  });
  test("task 1 has no 省份 line: it is the national office's task", () => {
    expect(obligation(1, ["strong-ip-province-pilot"])).toBe("national-only");
  });
  test("task 3 商标审查协作中心涉及省份必做: 必做 with a centre, 不适用 without", () => {
    expect(obligation(3, ["trademark-review-center"])).toBe("required");
    expect(obligation(3, [])).toBe("not-applicable");
  });
  test("task 5 知识产权保护中心涉及省份必做;其他省份选做", () => {
    expect(obligation(5, ["ip-protection-center"])).toBe("required");
    expect(obligation(5, [])).toBe("optional");
  });
  test("task 8 takes the strongest of its two lines", () => {
    expect(obligation(8, [])).toBe("optional");
    expect(obligation(8, ["strong-ip-province-pilot"])).toBe("required");
    expect(obligation(8, ["military-civil-fusion-pilot"])).toBe("required");
    expect(obligation(8, ["sme-ip-strategy"])).toBe("required");
  });
  test("tasks 10, 15, 16 follow 强省试点, 一带一路 and TISC", () => {
    expect(obligation(10, ["strong-ip-province-pilot"])).toBe("required");
    expect(obligation(15, ["belt-and-road"])).toBe("required");
    expect(obligation(16, ["tisc-host"])).toBe("required");
    expect([10, 15, 16].map((n) => obligation(n, []))).toEqual(["optional", "optional", "optional"]);
  });
});

describe("profiles", () => {
  test("accept ids, Chinese labels, short and full names", () => {
    expect(resolveProfile(spec, "江苏省", ["知识产权强省建设试点省", "pilot-type-leading"])).toEqual({
      unitId: "jiangsu",
      categories: ["strong-ip-province-pilot", "pilot-type-leading"],
    });
    expect(resolveProfile(spec, "Jiangsu", []).unitId).toBe("jiangsu");
    expect(resolveProfile(spec, "320000", []).unitId).toBe("jiangsu");
  });
  test("reject an unknown province or category, listing the valid ones", () => {
    expect(() => resolveProfile(spec, "火星", [])).toThrow(ProfileError);
    try {
      resolveProfile(spec, "江苏", ["no-such"]);
    } catch (err) {
      expect((err as ProfileError).code).toBe("unknown-category");
      expect((err as ProfileError).valid).toContain("tisc-host");
    }
  });
  test("a pilot type needs the pilot, and pilot types exclude each other", () => {
    expect(() => resolveProfile(spec, "江苏", ["pilot-type-leading"])).toThrow(/needs/);
    expect(() =>
      resolveProfile(spec, "江苏", [
        "strong-ip-province-pilot",
        "pilot-type-leading",
        "pilot-type-distinctive",
      ]),
    ).toThrow(/exclude/);
  });
});

describe("the layout's fields: the public contract", () => {
  const layout = layoutFor("江苏", ["ip-protection-center"]);

  test("every field id is dotted lower-case under cover/task/target/guideline, and unique", () => {
    for (const f of layout.fields) expect(f.id).toMatch(/^(cover|task|target|guideline)(\.[a-z0-9-]+)+$/);
    expect(new Set(layout.fields.map((f) => f.id)).size).toBe(layout.fields.length);
  });

  test("every field has a legal, unique defined name derived from its id", () => {
    for (const f of layout.fields) {
      expect(f.name).toMatch(/^F_[A-Za-z0-9_]+$/);
      expect(f.name.length).toBeLessThanOrEqual(255);
    }
    expect(new Set(layout.fields.map((f) => f.name)).size).toBe(layout.fields.length);
    expect(field(layout, "task.12.status").name).toBe("F_task_12_status");
  });

  test("ids, names and cells are the same for every province and profile", () => {
    const shape = (l: WorkbookLayout) => l.fields.map((f) => `${f.id}@${f.sheet}!${f.cell}`);
    const reference = shape(layout);
    for (const unit of spec.units) expect(shape(layoutFor(unit.id))).toEqual(reference);
    expect(
      shape(
        layoutFor(
          "广东",
          spec.categories.filter((c) => !c.exclusiveGroup).map((c) => c.id),
        ),
      ),
    ).toEqual(reference);
  });

  test("covers every task but task 1, every quantitative target, every guideline item and 工作要求", () => {
    for (const t of spec.tasks.slice(1)) {
      for (const part of ["status", "progress", "results", "evidence", "problems", "next"])
        field(layout, `task.${t.number}.${part}`);
    }
    expect(layout.fields.some((f) => f.id.startsWith("task.1."))).toBe(false);
    for (const t of spec.targets) {
      if (t.kind === "quantitative" && !provincesReport(t)) continue;
      field(layout, `target.${t.id}.source`);
      if (t.kind === "quantitative") field(layout, `target.${t.id}.actual`);
    }
    for (const i of spec.guidelineItems) field(layout, `guideline.${i.number}.progress`);
    for (const r of spec.workRequirements) field(layout, `guideline.requirement-${r.number}.progress`);
  });

  test("required-ness follows the obligation: 必做 status always, 选做 progress once under way, evidence once 已完成", () => {
    expect(field(layout, "task.5.status").required).toEqual({ kind: "always" });
    const other = layoutFor("江苏");
    expect(field(other, "task.5.status").required).toEqual({ kind: "never" });
    expect(field(other, "task.5.progress").required).toEqual({
      kind: "field-in",
      field: "task.5.status",
      values: ["已完成", "推进中"],
    });
    expect(field(layout, "task.2.evidence").required).toEqual({
      kind: "field-in",
      field: "task.2.status",
      values: ["已完成"],
    });
    expect(field(other, "task.3.progress").required).toEqual({ kind: "never" });
  });

  test("数出有据: every figure's data source is required once the figure is entered", () => {
    expect(field(layout, "target.pledge-financing-growth.source").required).toEqual({
      kind: "any-filled",
      fields: [
        "target.pledge-financing-growth.baseline",
        "target.pledge-financing-growth.actual",
        "target.pledge-financing-growth.growth",
      ],
    });
    expect(field(layout, "task.12.recovered.source").required).toEqual({
      kind: "any-filled",
      fields: ["task.12.recovered"],
    });
  });

  test("provincial growth targets need a baseline and an actual; national ones are optional", () => {
    expect(field(layout, "target.pledge-financing-growth.baseline").required.kind).toBe("always");
    expect(field(layout, "target.pledge-financing-amount.actual").required.kind).toBe("never");
  });

  test("targets only the national office reports (task 1 is its own: 全力压减审查周期) ask provinces for nothing", () => {
    const office = spec.targets
      .filter((t) => t.kind === "quantitative" && !provincesReport(t))
      .map((t) => t.id);
    expect(office.sort()).toEqual(
      ["high-value-patent-exam-cycle", "invention-backlog-cleared", "trademark-exam-cycle"].sort(),
    );
    for (const categories of [[], ["trademark-review-center"]]) {
      const ids = layoutFor("江苏", categories).fields.map((f) => f.id);
      for (const id of office) expect(ids.filter((x) => x.startsWith(`target.${id}.`))).toEqual([]);
    }
  });

  test("2019.1.0 asked 商标注册审查周期 only where task 3 is 必做 (a 商标审查协作中心)", () => {
    const v1 = bundledSpec("cnipa-ip-hqd-2019", "2019.1.0");
    const at = (categories: string[]) =>
      field(buildLayout(v1, { unitId: "jiangsu", categories }), "target.trademark-exam-cycle.actual");
    expect(at([]).required.kind).toBe("never");
    expect(at(["trademark-review-center"]).required.kind).toBe("always");
  });

  test("the dictionary says when each field is required, in words", () => {
    const dict = fieldDictionary(layout);
    expect(dict).toMatchObject({
      specId: spec.specId,
      specVersion: spec.specVersion,
      templateVersion: "1.0.0",
    });
    const evidence = dict.fields.find((f) => f.id === "task.2.evidence");
    expect(evidence?.required).toMatchObject({
      kind: "field-in",
      text: { zh: "当“任务2状态”为“已完成”时必填" },
    });
    expect(dict.fields.find((f) => f.id === "task.2.status")).toMatchObject({
      type: "enum",
      allowed: ["已完成", "推进中", "未启动", "不适用"],
      required: "always",
    });
  });
});

describe("the layout's sheets", () => {
  const layout = layoutFor("江苏");
  const sheet = (key: string) => layout.sheets.find((s) => s.key === key)!;

  test("cover first and visible; metadata and lists very hidden and last", () => {
    expect(layout.sheets.map((s) => s.key)).toEqual([
      "cover",
      "tasks",
      "targets",
      "metrics",
      "guideline",
      "lists",
      "meta",
    ]);
    expect(layout.sheets[0].visibility).toBe("visible");
    expect(sheet("meta").visibility).toBe("veryHidden");
    expect(sheet("lists").visibility).toBe("veryHidden");
  });

  test("only input cells are unlocked, and every input cell carries a field", () => {
    for (const s of layout.sheets) {
      for (const c of s.cells) {
        const locked = layout.styles[c.style].locked;
        if (c.fieldId && !field(layout, c.fieldId).prefilled) expect(locked).toBe(false);
        else expect(locked).toBe(true);
      }
    }
  });

  test("text inputs are formatted as text so that a leading '=' stays text", () => {
    for (const f of layout.fields.filter((x) => x.type === "text")) {
      const cell = sheet(f.sheet).cells.find((c) => c.fieldId === f.id)!;
      expect(layout.styles[cell.style].numberFormat).toBe("@");
    }
  });

  test("every typed input has native data validation, lists on the hidden sheet under a defined name (no literal list over 255 chars)", () => {
    for (const f of layout.fields.filter((x) => !x.prefilled)) {
      const v = sheet(f.sheet).validations.find((x) => x.ref === f.cell);
      expect(v).toBeDefined();
      if (f.type === "enum") {
        const list = layout.listNames.find((l) => l.name === v!.formulae[0]);
        expect(list).toMatchObject({
          sheetName: "_lists",
          ref: expect.stringMatching(/^\$[A-Z]+\$1:\$[A-Z]+\$\d+$/),
        });
      }
      expect(v!.prompt!.title.length).toBeLessThanOrEqual(32);
      expect(v!.prompt!.text.length).toBeLessThanOrEqual(255);
    }
  });

  test("the dropdown lists are named by what they list", () => {
    expect(layout.listNames).toEqual([
      { name: "L_status", sheetName: "_lists", ref: "$A$1:$A$4" },
      { name: "L_subsidy_ledger", sheetName: "_lists", ref: "$B$1:$B$2" },
    ]);
  });

  test("required inputs have an 'empty and required' conditional format; not-applicable rows a 'filled' one", () => {
    const f = field(layout, "task.2.status");
    expect(sheet("tasks").conditionalFormats).toContainEqual({
      ref: f.cell,
      formula: `LEN(${f.cell})=0`,
      style: "cfMissing",
    });
    const na = field(layout, "task.3.progress");
    expect(sheet("tasks").conditionalFormats).toContainEqual({
      ref: na.cell,
      formula: `LEN(${na.cell})>0`,
      style: "cfNotApplicableFilled",
    });
    // …except 不适用 in its status, which is the true answer for such a task
    const naStatus = field(layout, "task.3.status");
    expect(sheet("tasks").conditionalFormats).toContainEqual({
      ref: naStatus.cell,
      formula: `AND(LEN(${naStatus.cell})>0,${naStatus.cell}<>"不适用")`,
      style: "cfNotApplicableFilled",
    });
  });

  test("the targets sheet computes growth and status with a live formula, with cached results", () => {
    const actual = field(layout, "target.pledge-financing-growth.actual");
    const status = sheet("targets").cells.find((c) => c.row === actual.row && c.formula?.includes("达标"))!;
    expect(status.formula).toContain('"未达标"');
    expect(status.formula).toContain(">=0.1");
    expect(status.result).toBe("待填");
  });

  test("headers frozen, landscape A4 with repeated titles on the big sheets", () => {
    for (const key of ["tasks", "targets", "guideline"]) {
      expect(sheet(key).freeze?.rows).toBe(3);
      expect(sheet(key).print).toEqual({ landscape: true, titleRows: [3, 3] });
    }
  });

  test("the metadata sheet records spec, versions, province, profile and a structural fingerprint", () => {
    const pairs = Object.fromEntries(
      sheet("meta")
        .cells.filter((c) => c.col === 1 && c.row <= 8)
        .map((c) => [c.value, sheet("meta").cells.find((d) => d.row === c.row && d.col === 2)?.value]),
    );
    expect(pairs).toMatchObject({
      specId: spec.specId,
      specVersion: spec.specVersion,
      templateVersion: "1.0.0",
      unitId: "jiangsu",
      unitName: "江苏省",
      categories: "",
    });
    expect(String(pairs.fingerprint)).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe("lead departments (牵头部门)", () => {
  test("one department a line, so no printed line of the narrow column starts with 、", () => {
    const layout = layoutFor("江苏");
    const tasks = layout.sheets.find((s) => s.key === "tasks")!;
    const leads = tasks.cells.filter((c) => c.col === TASK_COLUMNS.lead && c.style === "text");
    const task2 = spec.tasks[1].leadDepartments;
    expect(leads.map((c) => c.value)).toContain(task2.join("\n"));
    for (const c of leads) expect(String(c.value)).not.toMatch(/(^|\n)、/);
  });
});

describe("the words for the input colours match the fills", () => {
  /** Hue in degrees of an ARGB colour. */
  const hue = (argb: string): number => {
    const [r, g, b] = [2, 4, 6].map((i) => parseInt(argb.slice(i, i + 2), 16) / 255);
    const max = Math.max(r, g, b);
    const d = max - Math.min(r, g, b);
    const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return (h * 60 + 360) % 360;
  };
  const cover = layoutFor("江苏").sheets.find((s) => s.key === "cover")!;
  const text = cover.cells.map((c) => String(c.value ?? "")).join("\n");
  /** The legend's words, in the cell right of its colour swatch. */
  const legend = (style: string) => {
    const swatch = cover.cells.find((c) => c.style === style)!;
    return String(cover.cells.find((c) => c.row === swatch.row && c.col === swatch.col + 1)?.value);
  };

  test("浅黄色 is the input fill, a yellow; 浅橙色 the fill of a required input left empty, an orange", () => {
    expect(hue(PALETTE.input)).toBeGreaterThanOrEqual(45);
    expect(hue(PALETTE.input)).toBeLessThanOrEqual(65);
    expect(hue(CONDITIONAL_STYLES.cfMissing.fill)).toBeGreaterThanOrEqual(15);
    expect(hue(CONDITIONAL_STYLES.cfMissing.fill)).toBeLessThan(45);
  });

  test("the instructions and the legend say both", () => {
    expect(text).toMatch(/只有浅黄色单元格可以填写（必填而尚未填写的显示为浅橙色/);
    expect(legend("legendInput")).toMatch(/^浅黄色：/);
    expect(legend("legendMissing")).toMatch(/^浅橙色：/);
  });
});
