import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import type { Issue } from "../../src/rules";
import { loadWorkbookFile } from "../../src/xlsx/read";
import { openReport } from "../../src/xlsx/report";
import { runCli } from "../helpers/cli";
import {
  EQUALS_NARRATIVE,
  fieldOf,
  filledSample,
  LONG_TEXT_LENGTH,
  makeFixtures,
  type FixtureName,
} from "../fixtures/make-fixtures";

let files: Record<FixtureName | "good", string>;
let layout: Awaited<ReturnType<typeof filledSample>>["layout"];

beforeAll(async () => {
  files = await makeFixtures();
  layout = (await filledSample()).layout;
});

interface Entry {
  file: string;
  issues?: Issue[];
  error?: { problem: string; message: { zh: string; en: string } };
}

async function validateJson(
  name: FixtureName | "good",
): Promise<{ code: number; entry: Entry; err: string }> {
  const r = await runCli(["validate", files[name], "--json"]);
  const entries = JSON.parse(r.out) as Entry[];
  expect(entries).toHaveLength(1);
  return { code: r.code, entry: entries[0], err: r.err };
}

function at(issues: Issue[] | undefined, sheetName: string, cell: string): Issue[] {
  return (issues ?? []).filter((i) => i.cell?.sheetName === sheetName && i.cell.cell === cell);
}

function cellOf(id: string): { sheetName: string; cell: string } {
  const f = fieldOf(layout, id);
  return { sheetName: f.sheetName, cell: f.cell };
}

describe("the correct sample the corpus starts from", () => {
  test("validates clean: exit 0, no issue at all", async () => {
    const { code, entry } = await validateJson("good");
    expect(code).toBe(0);
    expect(entry.issues).toEqual([]);
  });
});

describe("bad values: one precise issue at the cell", () => {
  test("text in a number cell (“52个”) is a type-error at that cell, and nothing else", async () => {
    const { code, entry } = await validateJson("text-in-number");
    expect(code).toBe(1);
    const where = cellOf("task.12.abnormal-subjects");
    expect(entry.issues).toHaveLength(1);
    expect(entry.issues?.[0]).toMatchObject({
      ruleId: "value.number.type",
      kind: "type-error",
      cell: where,
      actual: "52个",
    });
    expect(entry.issues?.[0].message.zh).toContain("52个");
  });

  test("a formula where a figure belongs is a structure warning at that cell", async () => {
    const { entry } = await validateJson("formula-in-value");
    const issues = at(entry.issues, "主要目标", cellOf("target.ip-insurance-growth.actual").cell);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      ruleId: "structure.formula-in-input",
      kind: "structure-error",
      severity: "warning",
    });
    expect(issues[0].message.zh).toContain("公式不是填报值");
  });

  test("a narrative starting with “=” stays text: stored as a string, read back whole, no issue", async () => {
    const { code, entry } = await validateJson("equals-narrative");
    expect(code).toBe(0);
    expect(entry.issues).toEqual([]);
    const report = openReport(await loadWorkbookFile(files["equals-narrative"]));
    expect(report.reading.values["task.2.progress"]).toBe(EQUALS_NARRATIVE);
    expect(report.reading.formulas["task.2.progress"]).toBeUndefined();
    const zip = await JSZip.loadAsync(readFileSync(files["equals-narrative"]));
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    const cell = new RegExp(`<c r="${cellOf("task.2.progress").cell}"[^>]*>.*?</c>`).exec(sheet)?.[0] ?? "";
    expect(cell).toMatch(/t="s"|t="inlineStr"/);
    expect(cell).not.toContain("<f>");
  });

  test("a cell of exactly 32,767 characters (Excel's limit) is read whole without a crash", async () => {
    const { code, entry } = await validateJson("longest-cell");
    expect(code).toBe(0);
    expect(entry.issues).toEqual([]);
    const report = openReport(await loadWorkbookFile(files["longest-cell"]));
    expect(String(report.reading.values["task.2.progress"])).toHaveLength(LONG_TEXT_LENGTH);
  });
});

describe("a damaged structure: a precise issue, never a guess", () => {
  test("merging a required task's status over its progress empties the progress, as in Excel", async () => {
    const { entry } = await validateJson("merged-over-input");
    const progress = cellOf("task.4.progress");
    expect(entry.issues).toEqual([
      expect.objectContaining({ ruleId: "task.progress.required", kind: "missing-value", cell: progress }),
    ]);
  });

  test("a deleted row (task 12): each of its fields is a name-missing issue; the rows below still read", async () => {
    const { code, entry } = await validateJson("deleted-row");
    expect(code).toBe(1);
    const ids = (entry.issues ?? []).map((i) => i.fieldId);
    expect(ids.sort()).toEqual(
      [
        "task.12.status",
        "task.12.progress",
        "task.12.results",
        "task.12.evidence",
        "task.12.problems",
        "task.12.next",
      ].sort(),
    );
    for (const issue of entry.issues ?? []) expect(issue).toMatchObject({ ruleId: "structure.name-missing" });
    expect(entry.issues?.find((i) => i.fieldId === "task.12.status")?.cell).toEqual(cellOf("task.12.status"));
  });

  test("a deleted defined name is one name-missing issue, and no missing-value for that field", async () => {
    const { entry } = await validateJson("deleted-name");
    expect(entry.issues).toEqual([
      expect.objectContaining({
        ruleId: "structure.name-missing",
        fieldId: "task.12.status",
        cell: cellOf("task.12.status"),
      }),
    ]);
    expect(entry.issues?.[0].message.zh).toContain("F_task_12_status");
  });

  test("a sheet renamed in Excel (names follow it) still validates, found where it now is", async () => {
    const { code, entry } = await validateJson("renamed-sheet");
    expect(code).toBe(0);
    expect(entry.issues).toEqual([]);
    const report = openReport(await loadWorkbookFile(files["renamed-sheet"]));
    expect(report.reading.cells["task.12.recovered"]).toEqual({
      sheetName: "指标2019",
      cell: cellOf("task.12.recovered").cell,
    });
  });

  test("a sheet renamed by a tool that leaves the names behind is a missing sheet", async () => {
    const { entry } = await validateJson("renamed-sheet-names-left-behind");
    expect(entry.issues).toEqual([
      expect.objectContaining({ ruleId: "structure.sheet-missing", kind: "structure-error" }),
    ]);
    expect(entry.issues?.[0].message.zh).toContain("任务指标");
  });

  test("a deleted sheet is one sheet-missing issue, not one per field", async () => {
    const { code, entry } = await validateJson("deleted-sheet");
    expect(code).toBe(1);
    expect(entry.issues).toEqual([
      expect.objectContaining({ ruleId: "structure.sheet-missing", expected: "任务指标" }),
    ]);
    expect(entry.issues?.[0].cell).toBeUndefined();
  });
});

describe("files that are not a report we can read: exit 2, one localized line, no stack trace", () => {
  const cases: [FixtureName, string, string][] = [
    ["unknown-province", "工作簿元数据已被改动（省份“atlantis”", "metadata was tampered with"],
    [
      "unknown-spec-version",
      "工作簿使用的规范 cnipa-ip-hqd-2019 2099.1.0 不在本程序中",
      "which this program does not bundle",
    ],
    ["truncated-zip", "文件已损坏或不完整", "damaged or truncated"],
    ["csv-renamed", "不是 .xlsx 文件", "not an .xlsx file"],
    ["empty-file", "文件为空", "the file is empty"],
    ["not-our-workbook", "不是本系统生成的填报工作簿", "not a report workbook made by this product"],
  ];
  test.each(cases)("%s", async (name, zh, en) => {
    const r = await runCli(["validate", files[name]]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toContain(`错误: ${files[name]}: ${zh}`);
    expect(r.err).not.toMatch(/\n\s+at |Error:/);
    const english = await runCli(["validate", files[name], "--lang", "en"]);
    expect(english.err).toContain(en);
    const { code, entry } = await validateJson(name);
    expect(code).toBe(2);
    expect(entry.error?.message.zh).toContain(zh);
    expect(entry.issues).toBeUndefined();
  });

  test("absolute part names (as openpyxl writes them) are read by validate, whose reader resolves them", async () => {
    const { code, entry } = await validateJson("notes-absolute-part-names");
    expect(code).toBe(0);
    expect(entry.issues).toEqual([]);
  });

  test("ExcelJS itself would crash on the absolute part names: refresh says so in our words, not its stack", async () => {
    const wb = new ExcelJS.Workbook();
    await expect(
      wb.xlsx.load(readFileSync(files["notes-absolute-part-names"]) as unknown as ExcelJS.Buffer),
    ).rejects.toThrow(TypeError);
    const r = await runCli([
      "refresh",
      files["notes-absolute-part-names"],
      "--out",
      `${files.good}.never.xlsx`,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `错误: ${files["notes-absolute-part-names"]}: 文件无法解析为 Excel 工作簿（内部结构有误）`,
    );
  });
});

describe("a batch with bad files in it", () => {
  test("one unreadable file does not stop the others, and exit 2 wins over exit 1", async () => {
    const r = await runCli(["validate", files["text-in-number"], files["empty-file"], files.good, "--json"]);
    expect(r.code).toBe(2);
    const entries = JSON.parse(r.out) as Entry[];
    expect(entries.map((e) => e.file)).toEqual([files["text-in-number"], files["empty-file"], files.good]);
    expect(entries[0].issues).toHaveLength(1);
    expect(entries[1].error?.problem).toBe("empty");
    expect(entries[2].issues).toEqual([]);
  });
});
