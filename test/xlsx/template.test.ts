import ExcelJS from "exceljs";
import { buildLayout, resolveProfile } from "../../src/layout";
import { renderXlsx } from "../../src/xlsx/render";
import { loadWorkbook, readDefinedNames } from "../../src/xlsx/read";
import { openReport } from "../../src/xlsx/report";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const layout = buildLayout(spec, resolveProfile(spec, "江苏", ["ip-protection-center"]));
let wb: ExcelJS.Workbook;

beforeAll(async () => {
  wb = await loadWorkbook(await renderXlsx(layout));
});

describe("the .xlsx template as ExcelJS reads it back", () => {
  test("has the sheets in order, metadata and lists very hidden, cover active", () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual(
      layout.sheets.map((s) => [s.name, s.visibility]),
    );
  });

  test("has a defined name for every field, pointing at its cell", () => {
    const names = readDefinedNames(wb);
    for (const f of layout.fields)
      expect(names.get(f.name)).toEqual({ sheetName: f.sheetName, cell: f.cell });
  });

  test("opens as a report with every field found and empty", () => {
    const report = openReport(wb);
    expect(report.profile).toEqual({ unitId: "jiangsu", categories: ["ip-protection-center"] });
    expect(report.reading.missingNames).toEqual([]);
    expect(report.reading.missingSheets).toEqual([]);
    expect(report.reading.values["cover.province"]).toBe("江苏省");
    const filled = Object.entries(report.reading.values).filter(([, v]) => v !== null);
    expect(filled).toEqual([["cover.province", "江苏省"]]);
  });

  test("protects the visible sheets without a password and unlocks exactly the input cells", () => {
    for (const sheet of layout.sheets.filter((s) => s.protect)) {
      const ws = wb.getWorksheet(sheet.name)!;
      expect(
        (ws as unknown as { sheetProtection: { sheet: boolean; password?: string } }).sheetProtection,
      ).toMatchObject({
        sheet: true,
      });
      for (const f of layout.fields.filter((x) => x.sheet === sheet.key)) {
        // Excel's default is locked: only an explicit locked=false unlocks a cell.
        expect(ws.getCell(f.cell).protection?.locked === false).toBe(!f.prefilled);
      }
    }
  });

  test("carries data validation with the guideline's prompt on the input cells", () => {
    const tasks = wb.getWorksheet("任务清单")!;
    const status = layout.fields.find((f) => f.id === "task.5.status")!;
    const dv = tasks.getCell(status.cell).dataValidation;
    expect(dv).toMatchObject({ type: "list", formulae: ["L_status"], showInputMessage: true });
    const list = (wb.definedNames.model as { name: string; ranges: string[] }[]).find(
      (n) => n.name === "L_status",
    );
    expect(list?.ranges).toEqual(["'_lists'!$A$1:$A$4"]);
    expect(dv.prompt).toContain("各地应加快已批复知识产权保护中心建设工作");
  });

  test("writes status formulas with cached results, and print setup", () => {
    const targets = wb.getWorksheet("主要目标")!;
    const actual = layout.fields.find((f) => f.id === "target.pledge-financing-growth.actual")!;
    const status = targets.getCell(actual.row, 11).value as ExcelJS.CellFormulaValue;
    expect(status.formula).toMatch(/未达标/);
    expect(status.result).toBe("待填");
    expect(targets.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9,
      printTitlesRow: "3:3",
    });
    expect(targets.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });
});

describe("fonts (Excel 2010+ on Windows, WPS, LibreOffice on Kylin/UOS)", () => {
  test("every styled cell is in 宋体 with the GB2312 charset, not 等线 (Office 2016+ only)", () => {
    const fonts = new Set<string>();
    for (const ws of wb.worksheets)
      ws.eachRow((row) => row.eachCell((cell) => fonts.add(`${cell.font?.name}/${cell.font?.charset}`)));
    expect([...fonts]).toEqual(["宋体/134"]);
  });
});
