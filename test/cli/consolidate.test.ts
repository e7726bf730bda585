import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ConsolidateJson } from "../../src/cli/commands/consolidate";
import { runCli } from "../helpers/cli";
import { recalculateWithLibreOffice, runPython, tempDir } from "../helpers/tools";

const dir = tempDir("consolidate");
const inbox = join(dir, "inbox");
mkdirSync(inbox, { recursive: true });
const v1Spec = join(__dirname, "..", "..", "src", "spec", "specs", "cnipa-ip-hqd-2019.json");

async function sample(province: string, file: string, extra: string[] = []): Promise<void> {
  const r = await runCli([
    "sample",
    "--province",
    province,
    "--seed",
    "7",
    "--out",
    join(inbox, file),
    ...extra,
  ]);
  if (r.code !== 0) throw new Error(r.err);
}

let result: { code: number; json: ConsolidateJson; err: string };

beforeAll(async () => {
  await sample("江苏", "江苏-初稿.xlsx");
  await sample("江苏", "江苏.xlsx", ["--defects", "some"]);
  utimesSync(join(inbox, "江苏-初稿.xlsx"), new Date("2020-01-10"), new Date("2020-01-10"));
  utimesSync(join(inbox, "江苏.xlsx"), new Date("2020-01-20"), new Date("2020-01-20"));
  await sample("浙江", "浙江.xlsx");
  // A province still on the first published version.
  await sample("广东", "广东.xlsx", ["--spec", v1Spec]);
  writeFileSync(join(inbox, "~$江苏.xlsx"), "lock");
  writeFileSync(join(inbox, ".~浙江.xlsx"), "lock");
  writeFileSync(join(inbox, "说明.txt"), "not a report");
  writeFileSync(join(inbox, "山东.xlsx"), "单位,数值\n山东,1\n");
  writeFileSync(join(inbox, "河南.xlsx"), readFileSync(join(inbox, "浙江.xlsx")).subarray(0, 4000));
  const other = new ExcelJS.Workbook();
  other.addWorksheet("统计表").getCell("A1").value = "另一套模板";
  await other.xlsx.writeFile(join(inbox, "其他模板.xlsx"));
  const bomb = new JSZip();
  bomb.file("[Content_Types].xml", "<Types/>");
  bomb.file("xl/worksheets/sheet1.xml", Buffer.alloc(8 * 1024 * 1024, 0x20));
  writeFileSync(
    join(inbox, "炸弹.xlsx"),
    await bomb.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }),
  );
  const r = await runCli(["consolidate", inbox, "--out-dir", join(dir, "out"), "--json"]);
  result = { code: r.code, json: JSON.parse(r.out) as ConsolidateJson, err: r.err };
}, 240_000);

const problemFor = (file: string) => result.json.problems.filter((p) => p.file === join(inbox, file));

describe("ip-report consolidate on a folder with bad input in it", () => {
  test("completes, with exit 2 as validate's when a file cannot be read as a report", () => {
    expect(result.code).toBe(2);
    expect(result.json.totals).toMatchObject({ units: 32, received: 3, missing: 29, unreadable: 4 });
  });

  test.each([
    ["山东.xlsx", "unreadable-file", "不是 .xlsx 文件"],
    ["河南.xlsx", "unreadable-file", "文件已损坏或不完整"],
    ["其他模板.xlsx", "unreadable-file", "不是本系统生成的填报工作簿"],
    ["炸弹.xlsx", "unreadable-file", ""],
    ["~$江苏.xlsx", "ignored-file", "Excel 的锁定文件"],
    [".~浙江.xlsx", "ignored-file", "WPS 的锁定文件"],
    ["说明.txt", "ignored-file", "不是 .xlsx 文件"],
    ["江苏-初稿.xlsx", "superseded-file", "以较新的"],
    ["广东.xlsx", "other-version", "按其自身版本 2019.1.0 校验"],
  ])("%s is named with its reason (%s)", (file, kind, words) => {
    const found = problemFor(file);
    expect(found.map((p) => p.kind)).toEqual([kind]);
    expect(found[0].message.zh).toContain(words);
    expect(found[0].message.en.length).toBeGreaterThan(0);
  });

  test("a package of one compressed sheet and no workbook is refused from its directory, before inflating", () => {
    // Real bombs (lying headers, gigabytes) go through every command in test/hostile.
    expect(problemFor("炸弹.xlsx")[0].message.en).toMatch(/no workbook part|compress|large|inflat/i);
  });

  test("the later of two files for one unit counts", () => {
    const jiangsu = result.json.units.find((u) => u.unitId === "jiangsu");
    expect(jiangsu).toMatchObject({ received: true, file: join(inbox, "江苏.xlsx") });
    expect(jiangsu?.superseded).toEqual([join(inbox, "江苏-初稿.xlsx")]);
    expect(jiangsu?.errors).toBeGreaterThan(0);
  });

  test("writes 汇总.xlsx and an annotated copy per report; the issue list links into the copies", () => {
    const summary = join(dir, "out", "汇总.xlsx");
    expect(existsSync(summary)).toBe(true);
    expect(existsSync(join(dir, "out", "标注副本", "江苏.xlsx"))).toBe(true);
    const sheets = runPython(
      `import json,sys,openpyxl
wb=openpyxl.load_workbook(sys.argv[1])
ws=wb["问题清单"]
links=[c.hyperlink.target for c in ws["D"] if c.hyperlink]
print(json.dumps({"names":wb.sheetnames,"links":links}))`,
      [summary],
    ) as { names: string[]; links: string[] };
    expect(sheets.names.slice(0, 2)).toEqual(["总览", "全国目标"]);
    expect(sheets.names).toContain("专利商标质押融资金额增长");
    expect(sheets.names[sheets.names.length - 1]).toBe("问题清单");
    expect(sheets.links.length).toBeGreaterThan(0);
    expect(sheets.links[0]).toMatch(/^标注副本\/.+\.xlsx#'.+'!\$?[A-Z]+\$?\d+$/);
  });

  test("the summary's stored formula results are what LibreOffice computes", () => {
    const summary = join(dir, "out", "汇总.xlsx");
    const recalculated = recalculateWithLibreOffice(summary, join(dir, "recalc"));
    const script = `import json,sys,openpyxl
def cells(path):
    wb=openpyxl.load_workbook(path,data_only=True)
    f=openpyxl.load_workbook(path)
    out={}
    for ws in f.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value,str) and c.value.startswith("="):
                    v=wb[ws.title][c.coordinate].value
                    out[ws.title+"!"+c.coordinate]=round(v,9) if isinstance(v,(int,float)) else (v or "")
    return out
print(json.dumps([cells(sys.argv[1]),cells(sys.argv[2])]))`;
    const [stored, computed] = runPython(script, [summary, recalculated]) as Record<string, unknown>[];
    expect(Object.keys(stored).length).toBeGreaterThan(100);
    for (const key of Object.keys(stored)) expect([key, stored[key]]).toEqual([key, computed[key]]);
  }, 180_000);
});
