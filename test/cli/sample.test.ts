import ExcelJS from "exceljs";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildLayout } from "../../src/layout/build";
import { obligationOf, resolveProfile } from "../../src/layout/obligation";
import { targetRequired } from "../../src/layout/targets";
import type { FieldId, WorkbookLayout } from "../../src/layout/types";
import { ACTIVE_STATUSES, excelSerial, STATUS } from "../../src/layout/vocabulary";
import { sampleValues } from "../../src/sample";
import type { QuantitativeTarget } from "../../src/spec/schema";
import { renderWorkbook } from "../../src/xlsx/render";
import { validateWorkbook } from "../../src/xlsx/validation";
import { writeValues } from "../../src/xlsx/write";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/tools";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const dir = tempDir("cli-sample");
const PROFILES: string[][] = [
  [],
  ["ip-protection-center"],
  [
    "strong-ip-province-pilot",
    "pilot-type-leading",
    "trademark-review-center",
    "ip-operation",
    "belt-and-road",
    "tisc-host",
  ],
];
const layoutOf = (unit: string, categories: string[] = []) =>
  buildLayout(spec, resolveProfile(spec, unit, categories));
const filled = (v: unknown) => v !== undefined && v !== null && v !== "";

describe("sampleValues: plausible, reproducible filled reports", () => {
  test("the same seed gives the same report; another seed or another province a different one", () => {
    const layout = layoutOf("江苏");
    const a = sampleValues(spec, layout, { seed: 42, defects: "some" });
    expect(sampleValues(spec, layout, { seed: 42, defects: "some" })).toEqual(a);
    expect(sampleValues(spec, layout, { seed: 43, defects: "some" }).values).not.toEqual(a.values);
    expect(sampleValues(spec, layoutOf("浙江"), { seed: 42, defects: "some" }).values).not.toEqual(a.values);
  });

  test("never uses Math.random", () => {
    const spy = jest.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random used");
    });
    try {
      expect(() => sampleValues(spec, layoutOf("江苏"), { seed: 1, defects: "some" })).not.toThrow();
    } finally {
      spy.mockRestore();
    }
  });

  test.each(PROFILES.map((p) => [p.join(",") || "(no category)", p]))(
    "statuses follow obligations: 必做 done or under way, 不适用 left empty — profile %s",
    (_name, categories) => {
      const layout = layoutOf("广东", categories as string[]);
      const profile = { unitId: "guangdong", categories: categories as string[] };
      for (const seed of [1, 2, 3, 4, 5]) {
        const { values } = sampleValues(spec, layout, { seed, defects: "none" });
        for (const task of spec.tasks) {
          const obligation = obligationOf(task, profile);
          const mine = Object.keys(values).filter((id) => id.startsWith(`task.${task.number}.`));
          const status = values[`task.${task.number}.status`];
          if (obligation === "required") expect(ACTIVE_STATUSES).toContain(status);
          if (obligation === "optional") expect([...ACTIVE_STATUSES, STATUS.notStarted]).toContain(status);
          if (obligation === "not-applicable" || obligation === "national-only") expect(mine).toEqual([]);
          if (ACTIVE_STATUSES.includes(String(status))) {
            expect(String(values[`task.${task.number}.progress`]).length).toBeGreaterThan(20);
          }
          if (status === STATUS.done) expect(filled(values[`task.${task.number}.evidence`])).toBe(true);
        }
      }
    },
  );

  test("narratives come from the task's own provincial text", () => {
    const { values } = sampleValues(spec, layoutOf("江苏"), { seed: 3, defects: "none" });
    const task12 = String(values["task.12.progress"]);
    expect(task12.startsWith("我局")).toBe(true);
    expect(task12).toContain("非正常专利申请");
  });

  test("every figure has a data source; growth figures meet their goals; task 12 adds up", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const layout = layoutOf("山东", ["ip-operation"]);
      const { values } = sampleValues(spec, layout, { seed, defects: "none" });
      for (const f of layout.fields.filter((x) => x.required.kind === "any-filled")) {
        const figures = (f.required as { fields: FieldId[] }).fields;
        if (figures.some((id) => filled(values[id]))) expect(filled(values[f.id])).toBe(true);
      }
      for (const t of spec.targets.filter((x): x is QuantitativeTarget => x.kind === "quantitative")) {
        const baseline = values[`target.${t.id}.baseline`];
        const actual = values[`target.${t.id}.actual`];
        if (targetRequired(spec, t, { unitId: "shandong", categories: ["ip-operation"] }))
          expect(actual).toEqual(expect.any(Number));
        if (t.measuredAs === "growth" && typeof baseline === "number" && typeof actual === "number") {
          expect(Math.round(((actual - baseline) / baseline) * 1e6) / 1e6).toBeGreaterThanOrEqual(
            t.goal / 100,
          );
        }
      }
      expect(values["task.12.subsidy-revoked-subjects"]).toBe(values["task.12.abnormal-subjects"]);
      expect(values["task.12.recovered"]).toBe(values["task.12.recovery-due"]);
    }
  });

  test("contact, phone and period are valid", () => {
    for (const unit of spec.units) {
      const { values } = sampleValues(spec, layoutOf(unit.id), { seed: 9, defects: "none" });
      expect(String(values["cover.contact"])).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
      expect(String(values["cover.phone"])).toMatch(/^(0\d{2}-[2-8]\d{7}|0\d{3}-[2-8]\d{6,7}|1[3-9]\d{9})$/);
      expect(values["cover.period"]).toBe(excelSerial(spec.year, 12, 31));
    }
  });

  test('defects "some" lists six realistic defects, each on a field of the layout', () => {
    const layout = layoutOf("江苏");
    const { defects, values } = sampleValues(spec, layout, { seed: 5, defects: "some" });
    const ids = new Set(layout.fields.map((f) => f.id));
    expect(defects).toHaveLength(6);
    expect(new Set(defects.map((d) => d.fieldId)).size).toBe(6);
    for (const d of defects) {
      expect(ids.has(d.fieldId)).toBe(true);
      expect(d.description.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(d.description.en).not.toBe("");
    }
    const byId = Object.fromEntries(defects.map((d) => [d.fieldId, d]));
    expect(byId["target.pledge-financing-growth.actual"].description.zh).toContain("8.0%");
    expect(values["target.ip-insurance-growth.source"]).toBeNull();
    expect(values["task.12.recovered"]).toBeLessThan(values["task.12.recovery-due"] as number);
    expect(typeof values["task.13.clues-reported"]).toBe("string");
  });
});

/** Validates a sample in memory, through a real .xlsx round trip. */
async function validateSample(layout: WorkbookLayout, seed: number, defects: "none" | "some") {
  const sample = sampleValues(spec, layout, { seed, defects });
  const wb = await renderWorkbook(layout);
  writeValues(wb, layout, sample.values);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return { sample, ...validateWorkbook(back) };
}

describe("samples against the validator, for every reporting unit", () => {
  test("a correct sample of each of the 32 units has no issue at all", async () => {
    for (const [i, unit] of spec.units.entries()) {
      const { issues } = await validateSample(layoutOf(unit.id, PROFILES[i % PROFILES.length]), i, "none");
      expect({ unit: unit.id, issues }).toEqual({ unit: unit.id, issues: [] });
    }
  });

  test("a sample with defects has issues exactly on its listed defects", async () => {
    for (const [i, unit] of spec.units.entries()) {
      const { sample, issues } = await validateSample(
        layoutOf(unit.id, PROFILES[(i + 1) % PROFILES.length]),
        i,
        "some",
      );
      const flagged = [...new Set(issues.map((x) => x.fieldId))].sort();
      expect({ unit: unit.id, flagged }).toEqual({
        unit: unit.id,
        flagged: sample.defects.map((d) => d.fieldId).sort(),
      });
    }
  });
});

describe("ip-report sample", () => {
  test("writes the filled template and lists the defects it put in, with their cells", async () => {
    const out = join(dir, "江苏-sample.xlsx");
    const r = await runCli([
      "sample",
      "--province",
      "江苏",
      "--seed",
      "7",
      "--defects",
      "some",
      "--out",
      out,
    ]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(existsSync(out)).toBe(true);
    const lines = r.out.split("\n");
    expect(lines[0]).toContain("注入缺陷 6 处");
    expect(lines.slice(1)).toHaveLength(6);
    expect(r.out).toContain("任务指标!F10");
    expect(r.out).toContain("task.12.recovered");
  });

  test("the same seed writes the same values", async () => {
    const a = join(dir, "a.xlsx");
    const b = join(dir, "b.xlsx");
    await runCli(["sample", "--province", "湖北", "--seed", "3", "--out", a]);
    await runCli(["sample", "--province", "湖北", "--seed", "3", "--out", b]);
    const read = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
      return wb.getWorksheet("任务清单")!.getSheetValues();
    };
    expect(await read(a)).toEqual(await read(b));
  });

  test.each([
    [["sample", "--out", "x.xlsx"], "请用 --province 指定省份"],
    [["sample", "--province", "江苏", "--seed", "abc"], "--seed 须为 0 到 4294967295 之间的整数"],
    [["sample", "--province", "江苏", "--defects", "many"], "--defects 只能是 none 或 some"],
  ])("bad arguments are one localized line, exit 2: %j", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(`错误: ${message}`)).toBe(true);
    expect(r.err.split("\n")).toHaveLength(1);
  });
});
