import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { KEPT_SHEET_NAME } from "../../src/refresh/kept-sheet";
import { bundledSpecs } from "../../src/spec";
import { workbookBytes } from "../../src/xlsx/package";
import { loadWorkbook, loadWorkbookFile } from "../../src/xlsx/read";
import { refreshWorkbook } from "../../src/xlsx/refresh";
import { spec2019v2 } from "../fixtures/spec-versions";
import { runCli } from "../helpers/cli";
import { CSV_ALL_SHEETS_AS_SHOWN, convertAsOpened, sheetCsvPath } from "../helpers/libreoffice";
import { runPython, tempDir } from "../helpers/tools";

/**
 * A refreshed file shows the clerk's additions in another program: LibreOffice with its default settings
 * (nothing recalculated on load), every sheet as it shows it. The rows typed below the tasks table are where
 * they were typed, the formula among them shows its result, and what the next version's layout now uses is
 * on the visible kept-additions sheet.
 */

const dir = tempDir("kept-additions-lo");
const READ_CSV = `
import csv, json, sys
print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8"))), ensure_ascii=False))
`;

function shown(rows: string[][], cell: string): string {
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return rows[Number(m[2]) - 1]?.[col - 1] ?? "";
}

test("LibreOffice shows the additions a refresh kept, in place and on the kept sheet", async () => {
  const sample = join(dir, "江苏.xlsx");
  expect((await runCli(["sample", "--province", "江苏", "--seed", "5", "--out", sample])).code).toBe(0);
  const wb = await loadWorkbookFile(sample);
  const tasks = wb.getWorksheet("任务清单")!;
  tasks.getCell("A31").value = "补充说明：我省另设专项资金";
  tasks.getCell("C31").value = 120;
  tasks.getCell("C32").value = { formula: "C31*2", result: 240 };
  tasks.getCell("N6").value = "备注：数据待复核";
  wb.getWorksheet("任务指标")!.getCell("D4").value = "另有 3 期";
  wb.getWorksheet("任务指标")!.getCell("H4").value = { formula: "C31*0+3", result: 3 };
  const source = await loadWorkbook(await workbookBytes(wb));
  const { workbook } = await refreshWorkbook(source, { specs: [...bundledSpecs(), spec2019v2()] });
  const file = join(dir, "江苏-已刷新.xlsx");
  writeFileSync(file, await workbookBytes(workbook));

  const out = join(dir, "csv");
  convertAsOpened([file], out, CSV_ALL_SHEETS_AS_SHOWN);
  const sheet = (name: string) => runPython(READ_CSV, [sheetCsvPath(out, file, name)]) as string[][];
  const onTasks = sheet("任务清单");
  expect(["A31", "C31", "C32", "N6"].map((c) => shown(onTasks, c))).toEqual([
    "补充说明：我省另设专项资金",
    "120",
    "240",
    "备注：数据待复核",
  ]);
  expect(sheet(KEPT_SHEET_NAME.zh)).toEqual([
    ["原工作表", "原单元格", "内容", "类型"],
    ["任务指标", "D4", "另有 3 期", "值"],
    // A formula whose cell the layout now uses is kept as its text: shown, never run where it no longer points.
    ["任务指标", "H4", "=C31*0+3", "公式"],
  ]);
});
