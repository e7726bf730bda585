import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue, FieldId } from "../../src/layout/types";
import { isoSerial } from "../../src/layout/vocabulary";
import { workbookBytes } from "../../src/xlsx/package";
import { loadWorkbookFile } from "../../src/xlsx/read";
import { openReport } from "../../src/xlsx/report";
import { writeValues } from "../../src/xlsx/write";
import { NEXT_YEAR, spec2020 } from "../fixtures/spec-2020";
import { runCli } from "../helpers/cli";
import { spec2019 } from "../helpers/specs";
import { tempDir } from "../helpers/tools";

/*
 * Next year's guideline is only a file: a 2020-shaped spec, made by code and given to every command with
 * --spec, goes through template → sample → validate → refresh with no code that knows it.
 */

const dir = tempDir("next-year");
const specFile = join(dir, "cnipa-ip-hqd-2020.json");
const template = join(dir, "江苏-2020.xlsx");
const sample = join(dir, "江苏-2020-填报.xlsx");
const spec = spec2020();
const withSpec = (...args: string[]) => runCli([...args, "--spec", specFile]);

type Cells = Map<string, string>;

/** Every cell's text on a sheet, by address. */
async function cellsOf(file: string, sheetName: string): Promise<Cells> {
  const wb = await loadWorkbookFile(file);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`${file} has no sheet ${sheetName}`);
  const cells: Cells = new Map();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string") cells.set(cell.address, cell.value);
      else if (typeof cell.value === "number") cells.set(cell.address, String(cell.value));
    }),
  );
  return cells;
}

/** Writes values into a copy of a report, by field id, as a clerk filling the cells would. */
async function fillCopy(from: string, to: string, values: Record<FieldId, CellValue>): Promise<void> {
  const wb = await loadWorkbookFile(from);
  const report = openReport(wb, from, [spec2019(), spec]);
  writeValues(wb, report.layout, values);
  writeFileSync(to, await workbookBytes(wb));
}

interface ValidateEntry {
  specId: string;
  issues: { fieldId: string; kind: string; message: { zh: string; en: string } }[];
  summary: { error: number };
}

beforeAll(async () => {
  writeFileSync(specFile, JSON.stringify(spec));
  expect(await withSpec("template", "--province", "江苏", "--out", template)).toMatchObject({
    code: 0,
    err: "",
  });
  expect(
    await withSpec("sample", "--province", "江苏", "--seed", "11", "--defects", "none", "--out", sample),
  ).toMatchObject({ code: 0, err: "" });
});

describe("a 2020 guideline given as --spec, with no code change", () => {
  test("template: the targets say 2019年基数 and 2020年实际值; the titles are the 2020 ones", async () => {
    const targets = await cellsOf(template, "主要目标");
    const headers = [...targets.entries()].filter(([a]) => /^[A-Z]+3$/.test(a)).map(([, t]) => t);
    expect(headers).toContain("2019年基数");
    expect(headers).toContain("2020年实际值");
    expect(headers.join("|")).not.toMatch(/2018/);
    expect(targets.get("A1")).toContain(spec.guidelineTitle);
    expect([...targets.values()].find((t) => t.startsWith("填写"))).toMatch(/填写2019年基数和2020年实际值/);
    const cover = await cellsOf(template, "封面");
    expect(cover.get("A1")).toBe("2020年推动知识产权高质量发展任务清单落实情况报告");
    const instructions = [...cover.values()].join("\n");
    expect(instructions).toContain("根据2019年基数和2020年实际值自动计算");
    expect(instructions).not.toMatch(/2018|2019年实际值/);
  });

  test("template: the reporting period is 2020's, in the date check and its prompt", async () => {
    const wb = await loadWorkbookFile(template);
    const ws = wb.getWorksheet("封面")!;
    const report = openReport(wb, template, [spec]);
    const period = report.layout.fields.find((f) => f.id === "cover.period")!;
    const validation = ws.getCell(period.cell).dataValidation;
    // ExcelJS reads date serials back as dates.
    expect(validation.formulae).toEqual([new Date("2020-01-01T00:00:00Z"), new Date("2020-12-31T00:00:00Z")]);
    expect(validation.prompt).toContain("2020-12-31");
    expect(validation.error).toContain("2020-01-01 至 2020-12-31");
  });

  test("template: the added task is there and the removed one is not", async () => {
    const tasks = await cellsOf(template, "任务清单");
    const numbers = [...tasks.entries()].filter(([a]) => /^A\d+$/.test(a)).map(([, t]) => t);
    expect(numbers).toContain(String(NEXT_YEAR.addedTask));
    expect(numbers).not.toContain(String(NEXT_YEAR.removedTask));
    expect([...tasks.values()]).toContain("加强知识产权数据开放共享");
  });

  test("fields and info recognise the workbook with --spec", async () => {
    const fields = await withSpec("fields", template, "--json");
    expect(fields.code).toBe(0);
    const dictionary = JSON.parse(fields.out) as { specId: string; fields: { id: string }[] };
    expect(dictionary.specId).toBe(NEXT_YEAR.specId);
    const ids = dictionary.fields.map((f) => f.id);
    expect(ids).toContain(`task.${NEXT_YEAR.addedTask}.status`);
    expect(ids).not.toContain(`task.${NEXT_YEAR.removedTask}.status`);

    const info = await withSpec("info", template, "--json");
    expect(info.code).toBe(0);
    expect(JSON.parse(info.out)).toMatchObject({
      specId: NEXT_YEAR.specId,
      specVersion: "2020.1.0",
      structureIntact: true,
    });
  });

  test("validate: a sample of the 2020 workbook passes with --spec; without it the spec is unknown", async () => {
    const r = await withSpec("validate", sample, "--json");
    const [entry] = JSON.parse(r.out) as ValidateEntry[];
    expect(entry.specId).toBe(NEXT_YEAR.specId);
    expect(entry.summary.error).toBe(0);
    expect(r.code).toBe(0);
    const values = openReport(await loadWorkbookFile(sample), sample, [spec]).reading.values;
    expect(values["cover.period"]).toBe(isoSerial("2020-12-31"));
    expect(values[`task.${NEXT_YEAR.addedTask}.status`]).toBeTruthy();

    const bare = await runCli(["validate", sample, "--json"]);
    expect(bare.code).toBe(2);
    expect(JSON.parse(bare.out)[0].error.problem).toBe("unknown-spec");
  });

  test("validate: the raised goal (≥25%) applies: 22% growth misses it in 2020 and met 2019's ≥20%", async () => {
    const growth22 = {
      [`target.${NEXT_YEAR.raisedTarget}.baseline`]: 100,
      [`target.${NEXT_YEAR.raisedTarget}.actual`]: 122,
    };
    const filled2020 = join(dir, "2020-22pct.xlsx");
    await fillCopy(sample, filled2020, growth22);
    const r2020 = await withSpec("validate", filled2020, "--json");
    const missed = (JSON.parse(r2020.out) as ValidateEntry[])[0].issues.filter(
      (i) => i.kind === "target-missed" && i.fieldId.startsWith(`target.${NEXT_YEAR.raisedTarget}.`),
    );
    expect(missed).toHaveLength(1);
    expect(missed[0].message.zh).toContain("≥25%");
    expect(r2020.code).toBe(1);

    const sample2019 = join(dir, "江苏-2019-填报.xlsx");
    expect(
      await runCli([
        "sample",
        "--province",
        "江苏",
        "--seed",
        "11",
        "--defects",
        "none",
        "--out",
        sample2019,
      ]),
    ).toMatchObject({ code: 0 });
    const filled2019 = join(dir, "2019-22pct.xlsx");
    await fillCopy(sample2019, filled2019, growth22);
    const r2019 = await runCli(["validate", filled2019, "--json"]);
    const issues2019 = (JSON.parse(r2019.out) as ValidateEntry[])[0].issues;
    expect(issues2019.filter((i) => i.fieldId.startsWith(`target.${NEXT_YEAR.raisedTarget}.`))).toEqual([]);
  });

  test("refresh: rebuilds the 2020 workbook with --spec and keeps every value", async () => {
    const out = join(dir, "江苏-2020-刷新.xlsx");
    const r = await withSpec("refresh", sample, "--out", out, "--json");
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.to.specVersion).toBe("2020.1.0");
    expect(summary.moved).toEqual([]);
    expect(summary.retired).toEqual([]);
    const before = JSON.parse((await withSpec("validate", sample, "--json")).out)[0].issues;
    const after = JSON.parse((await withSpec("validate", out, "--json")).out)[0].issues;
    expect(after).toEqual(before);
    const read = (file: string) =>
      loadWorkbookFile(file).then((wb) => openReport(wb, file, [spec]).reading.values);
    expect(await read(out)).toEqual(await read(sample));
  });

  test("an English 2020 workbook says 2019 baseline and 2020 value", async () => {
    const en = join(dir, "Jiangsu-2020.xlsx");
    expect(await withSpec("template", "--province", "Jiangsu", "--lang", "en", "--out", en)).toMatchObject({
      code: 0,
    });
    const targets = await cellsOf(en, "Targets");
    expect([...targets.values()]).toEqual(expect.arrayContaining(["2019 baseline", "2020 value"]));
  });
});
