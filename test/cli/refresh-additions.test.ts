import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { KEPT_SHEET_NAME } from "../../src/refresh/kept-sheet";
import { workbookBytes } from "../../src/xlsx/package";
import { loadWorkbookFile, plainValue } from "../../src/xlsx/read";
import { spec2019v2 } from "../fixtures/spec-versions";
import { tempDir } from "../helpers/tools";

/**
 * Issue 11, item 7: what a person typed on a report sheet outside the layout comes through `refresh`, in the
 * file and in its backups, counted in the summary. The compiled command is run, twice in place.
 */

const dir = tempDir("cli-refresh-additions");
const bin = join(__dirname, "..", "..", "bin", "ip-report.js");
const file = join(dir, "江苏-补充.xlsx");
const v2 = spec2019v2();
const v2File = join(dir, `cnipa-ip-hqd-2019-${v2.specVersion}.json`);

/** Below the tasks table, a spare column, and a label's neighbour that the next version lays a field in. */
const TYPED: [sheet: string, cell: string, value: ExcelJS.CellValue][] = [
  ["任务清单", "N6", "备注：数据待复核"],
  ["任务清单", "A31", "补充说明：我省另设专项资金"],
  ["任务清单", "C31", 120],
  ["任务清单", "C32", { formula: "C31*2", result: 240 } as ExcelJS.CellFormulaValue],
  ["任务指标", "D4", "另有 3 期"],
];

function ipReport(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function cellOf(wb: ExcelJS.Workbook, sheet: string, cell: string) {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const c = ws.getCell(cell);
  return { ...plainValue(c.value), formula: c.formula || undefined };
}

function keptRows(wb: ExcelJS.Workbook): unknown[][] {
  const rows: unknown[][] = [];
  wb.getWorksheet(KEPT_SHEET_NAME.zh)?.eachRow((row, r) => {
    if (r > 1) rows.push([1, 2, 3, 4].map((c) => plainValue(row.getCell(c).value).value));
  });
  return rows;
}

/** The additions that stay where they were typed (free in the next version too), as written. */
async function expectInPlace(path: string) {
  const wb = await loadWorkbookFile(path);
  expect(cellOf(wb, "任务清单", "N6").value).toBe("备注：数据待复核");
  expect(cellOf(wb, "任务清单", "A31").value).toBe("补充说明：我省另设专项资金");
  expect(cellOf(wb, "任务清单", "C31").value).toBe(120);
  expect(cellOf(wb, "任务清单", "C32")).toMatchObject({ value: 240, formula: "C31*2" });
  // Typed on an unprotected sheet, and still theirs to edit once the rebuilt sheet is protected again.
  expect(wb.getWorksheet("任务清单")!.getCell("A31").protection?.locked).toBe(false);
  expect(wb.getWorksheet("我的统计")?.getCell("A1").value).toBe("本处自用");
  return wb;
}

beforeAll(async () => {
  writeFileSync(v2File, JSON.stringify(v2));
  const sample = join(dir, "江苏.xlsx");
  execFileSync(process.execPath, [bin, "sample", "--province", "江苏", "--seed", "3", "--out", sample]);
  const wb = await loadWorkbookFile(sample);
  for (const [sheet, cell, value] of TYPED) wb.getWorksheet(sheet)!.getCell(cell).value = value;
  wb.addWorksheet("我的统计").getCell("A1").value = "本处自用";
  writeFileSync(file, await workbookBytes(wb));
});

describe("refresh keeps what a person added on a report sheet", () => {
  test("two --in-place runs: in place where the new layout leaves the cell free, else on the kept sheet, once; the .bak files hold them too", async () => {
    const original = readFileSync(file);
    const first = ipReport(["refresh", file, "--in-place", "--spec", v2File]);
    expect(first).toMatchObject({ code: 0, err: "" });
    expect(first.out).toContain("保留 5 处补充内容（1 处见“保留的补充内容”表，其余在原位置）");
    expect(first.out).toContain("补充内容: 任务指标!D4 见“保留的补充内容”表");
    expect(readFileSync(`${file}.bak`).equals(original)).toBe(true);
    const once = await expectInPlace(file);
    // The next version lays a field where D4 was typed: the field is the layout's, the text is kept beside.
    expect(cellOf(once, "任务指标", "D4").value).not.toBe("另有 3 期");
    expect(keptRows(once)).toEqual([["任务指标", "D4", "另有 3 期", "值"]]);

    const second = ipReport(["refresh", file, "--in-place", "--spec", v2File, "--json"]);
    expect(second.code).toBe(0);
    const { additions, backup } = JSON.parse(second.out);
    expect(backup).toBe(`${file}.1.bak`);
    expect(additions.inPlace.map((a: { cell: string }) => a.cell)).toEqual(["N6", "A31", "C31", "C32"]);
    expect(additions.kept).toEqual([{ sheetName: "任务指标", cell: "D4", value: "另有 3 期" }]);
    const twice = await expectInPlace(file);
    expect(keptRows(twice)).toEqual([["任务指标", "D4", "另有 3 期", "值"]]);
    expect(twice.worksheets.filter((ws) => ws.name.startsWith("我的统计"))).toHaveLength(1);
    await expectInPlace(`${file}.1.bak`);
  });

  test("a refresh with nothing added says nothing of additions", () => {
    const plain = join(dir, "江苏.xlsx");
    const r = ipReport(["refresh", plain, "--out", join(dir, "plain-out.xlsx"), "--json"]);
    expect(JSON.parse(r.out).additions).toEqual({ sheetName: "保留的补充内容", inPlace: [], kept: [] });
    const text = ipReport(["refresh", plain, "--out", join(dir, "plain-out2.xlsx")]);
    expect(text.out).not.toContain("补充内容");
  });
});
