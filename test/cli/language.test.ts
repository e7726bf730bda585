import type ExcelJS from "exceljs";
import { join } from "node:path";
import { loadWorkbookFile, readMetadata } from "../../src/xlsx/read";
import { openReport } from "../../src/xlsx/report";
import { runCli } from "../helpers/cli";
import { foreignScript } from "../helpers/language";
import { spec2019 } from "../helpers/specs";
import { runPython, tempDir } from "../helpers/tools";

/* One language per workbook, in the files the commands write: --lang makes it, _meta records it, refresh and
 * --annotate keep it unless told otherwise. */

const spec = spec2019();
const dir = tempDir("cli-language");
const file = (name: string) => join(dir, name);

/**
 * What a person sees in a written file: visible sheet tabs, every cell's text or result, prompts and alerts —
 * the template's words; with `entriesToo` false, what was typed into the input cells is left out.
 */
function shownTexts(wb: ExcelJS.Workbook, entriesToo = true): string[] {
  const texts: string[] = [];
  const entries = new Set(
    entriesToo ? [] : openReport(wb).layout.fields.map((f) => `${f.sheetName}!${f.cell}`),
  );
  for (const ws of wb.worksheets.filter((w) => w.name !== "_meta")) {
    if (ws.state === "visible") texts.push(ws.name);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const dv = cell.dataValidation;
        if (dv) texts.push(dv.promptTitle ?? "", dv.prompt ?? "", dv.errorTitle ?? "", dv.error ?? "");
        if (entries.has(`${ws.name}!${cell.master.address}`)) return;
        const v = cell.value;
        if (typeof v === "string") texts.push(v);
        else if (v && typeof v === "object" && "result" in v && typeof v.result === "string")
          texts.push(v.result);
      }),
    );
  }
  return texts.filter(Boolean);
}

beforeAll(async () => {
  const profile = ["--profile", "ip-protection-center,tisc-host"];
  for (const [lang, name] of [
    ["zh", "江苏.xlsx"],
    ["en", "Jiangsu.xlsx"],
  ])
    expect(
      await runCli(["template", "--province", "江苏", ...profile, "--lang", lang, "--out", file(name)]),
    ).toMatchObject({
      code: 0,
    });
  for (const [lang, name] of [
    ["zh", "江苏-填报.xlsx"],
    ["en", "Jiangsu-sample.xlsx"],
  ])
    expect(
      await runCli([
        "sample",
        "--province",
        "江苏",
        ...profile,
        "--seed",
        "5",
        "--lang",
        lang,
        "--out",
        file(name),
      ]),
    ).toMatchObject({ code: 0 });
});

describe("template --lang", () => {
  test("the Chinese template file shows no English: Latin only in the spec id and what the guideline writes so", async () => {
    const wb = await loadWorkbookFile(file("江苏.xlsx"));
    expect(foreignScript(shownTexts(wb), "zh", spec)).toEqual([]);
    expect(readMetadata(wb)?.language).toBe("zh");
  });

  test("the English template file shows no Chinese but the guideline's verbatim words", async () => {
    const wb = await loadWorkbookFile(file("Jiangsu.xlsx"));
    const texts = shownTexts(wb);
    expect(foreignScript(texts, "en", spec)).toEqual([]);
    expect(texts).toEqual(
      expect.arrayContaining(["Cover", "Tasks", "Targets", "2018 baseline", "2019 value"]),
    );
    expect(readMetadata(wb)?.language).toBe("en");
    const info = await runCli(["info", file("Jiangsu.xlsx"), "--json"]);
    expect(JSON.parse(info.out)).toMatchObject({ language: "en", structureIntact: true });
  });
});

/** The same texts as openpyxl, a reader we did not write, sees them: sheet tabs, cells, prompts and alerts. */
const OPENPYXL_TEXTS = `
import json, re, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
texts = []
for ws in wb.worksheets:
    if ws.title == "_meta":
        continue
    if ws.sheet_state == "visible":
        texts.append(ws.title)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                texts += re.findall(r'"([^"]+)"', cell.value)
            elif isinstance(cell.value, str):
                texts.append(cell.value)
    for dv in ws.data_validations.dataValidation:
        texts += [dv.promptTitle or "", dv.prompt or "", dv.errorTitle or "", dv.error or ""]
print(json.dumps([t for t in texts if t], ensure_ascii=False))
`;

describe("template --lang, as openpyxl reads the files", () => {
  test("Chinese: no English glosses; English: no Chinese but the guideline's verbatim words", () => {
    const zh = runPython(OPENPYXL_TEXTS, [file("江苏.xlsx")]) as string[];
    const en = runPython(OPENPYXL_TEXTS, [file("Jiangsu.xlsx")]) as string[];
    expect(zh.length).toBeGreaterThan(500);
    expect(foreignScript(zh, "zh", spec)).toEqual([]);
    // Formulas come back as their text: their words (达标 / Met) are taken out and checked too.
    expect(foreignScript(en, "en", spec)).toEqual([]);
    expect(en).toEqual(expect.arrayContaining(["Done", "In progress", "Not started", "Not applicable"]));
  });
});

describe("an English workbook through every command", () => {
  test("sample --lang en writes the dropdowns' English values; validate reads them as the stored ones", async () => {
    const en = await runCli(["validate", file("Jiangsu-sample.xlsx"), "--json"]);
    const zh = await runCli(["validate", file("江苏-填报.xlsx"), "--json"]);
    expect(en.code).toBe(zh.code);
    const issues = (out: string) =>
      JSON.parse(out)[0].issues.map((i: { ruleId: string; fieldId: string }) => `${i.ruleId} ${i.fieldId}`);
    // The same seed fills the same values, so the same issues are found whatever language the workbook shows.
    expect(issues(en.out)).toEqual(issues(zh.out));
    const wb = await loadWorkbookFile(file("Jiangsu-sample.xlsx"));
    const report = openReport(wb);
    const statuses = report.layout.fields.filter((f) => /^task\.\d+\.status$/.test(f.id));
    const shown = statuses.map((f) => wb.getWorksheet(f.sheetName)!.getCell(f.cell).value).filter(Boolean);
    expect(shown.length).toBeGreaterThan(0);
    for (const v of shown) expect(["Done", "In progress", "Not started", "Not applicable"]).toContain(v);
    for (const f of statuses)
      expect([null, "已完成", "推进中", "未启动", "不适用"]).toContain(report.reading.values[f.id]);
  });

  test("refresh keeps the workbook's language, and --lang changes it with every value kept", async () => {
    const kept = file("Jiangsu-refreshed.xlsx");
    expect(await runCli(["refresh", file("Jiangsu-sample.xlsx"), "--out", kept])).toMatchObject({ code: 0 });
    const keptWb = await loadWorkbookFile(kept);
    expect(readMetadata(keptWb)?.language).toBe("en");
    // The sample's narratives are Chinese (what a clerk typed); the workbook's own words are English.
    expect(foreignScript(shownTexts(keptWb, false), "en", spec)).toEqual([]);

    const switched = file("Jiangsu-zh.xlsx");
    expect(
      await runCli(["refresh", file("Jiangsu-sample.xlsx"), "--out", switched, "--lang", "zh"]),
    ).toMatchObject({
      code: 0,
    });
    const zhWb = await loadWorkbookFile(switched);
    expect(readMetadata(zhWb)?.language).toBe("zh");
    const before = openReport(await loadWorkbookFile(file("Jiangsu-sample.xlsx"))).reading.values;
    expect(openReport(zhWb).reading.values).toEqual(before);
    expect(zhWb.getWorksheet("任务清单")).toBeDefined();
  });

  test("--annotate writes the notes and the results sheet in the workbook's language unless --lang says", async () => {
    const en = file("Jiangsu-annotated.xlsx");
    await runCli(["validate", file("Jiangsu-sample.xlsx"), "--annotate", en]);
    expect((await loadWorkbookFile(en)).getWorksheet("Validation results")).toBeDefined();
    const zh = file("Jiangsu-annotated-zh.xlsx");
    await runCli(["validate", file("Jiangsu-sample.xlsx"), "--annotate", zh, "--lang", "zh"]);
    expect((await loadWorkbookFile(zh)).getWorksheet("校验结果")).toBeDefined();
  });
});
