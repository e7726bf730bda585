import type ExcelJS from "exceljs";
import { OfficeReportWorkbook } from "../../src/excel/office-workbook";
import { buildLayout, resolveProfile, type CellValue, type FieldId } from "../../src/layout";
import { RefreshError } from "../../src/refresh/versions";
import { sampleValues } from "../../src/sample";
import type { Spec } from "../../src/spec";
import { loadWorkbook, plainValue } from "../../src/xlsx/read";
import { refreshWorkbook } from "../../src/xlsx/refresh";
import { renderWorkbook } from "../../src/xlsx/render";
import { writeValues } from "../../src/xlsx/write";
import { openReport } from "../../src/xlsx/report";
import { workbookBytes } from "../../src/xlsx/package";
import { FakeExcel, type FakeExcelOptions } from "../fake-excel";
import { spec2019v2 } from "../fixtures/spec-versions";
import { fillThroughOffice, spec as v1 } from "./scenario";

/**
 * Refresh through both adapters on the same scenarios: the same plan, the same versions on each side, and the
 * same reading of the refreshed workbook. Both call one pure preparation (src/refresh/prepare.ts); this holds
 * them to it.
 */

const v2 = spec2019v2();
const layout = buildLayout(v1, resolveProfile(v1, "江苏", ["ip-protection-center", "ip-operation"]));
const values = sampleValues(v1, layout, { seed: 11, defects: "some" }).values;

async function throughOffice(
  specs: Spec[],
  request: { toVersion?: string; categories?: string[] },
  damage?: (fake: FakeExcel) => Promise<void>,
  options: FakeExcelOptions = {},
) {
  const fake = new FakeExcel(options);
  const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported, specs);
  const outcome = await workbook.insertTemplate(layout);
  if (outcome.status !== "inserted") throw new Error("insert refused");
  await fillThroughOffice(fake, layout, values);
  if (damage) await damage(fake);
  const result = await workbook.refresh(request);
  const after = await workbook.openReport();
  return { result, reading: after!.reading.values, fake, workbook };
}

async function throughExcelJS(
  specs: Spec[],
  request: { toVersion?: string; categories?: string[] },
  damage: (wb: ExcelJS.Workbook) => void = () => {},
) {
  const wb = await renderWorkbook(layout);
  writeValues(wb, layout, values);
  damage(wb);
  const source = await loadWorkbook(await workbookBytes(wb));
  const result = await refreshWorkbook(source, { specs, ...request });
  const after = openReport(await loadWorkbook(await workbookBytes(result.workbook)), undefined, specs);
  return { result, reading: after.reading.values, workbook: result.workbook };
}

function nonEmpty(reading: Record<FieldId, CellValue>): Record<FieldId, CellValue> {
  return Object.fromEntries(Object.entries(reading).filter(([, v]) => v !== null && v !== ""));
}

describe("refresh through both adapters", () => {
  const cases: [string, Spec[], { toVersion?: string; categories?: string[] }][] = [
    ["at the same version (a repair)", [v1], {}],
    ["to 2019.2.0 (a renamed field, a retired one, an added indicator)", [v1, v2], {}],
    ["with a changed profile (a task stops applying)", [v1], { categories: ["ip-operation"] }],
  ];
  test.each(cases)("%s: the same plan, versions and refreshed values", async (_, specs, request) => {
    const office = await throughOffice(specs, request);
    const xlsx = await throughExcelJS(specs, request);
    expect(office.result.plan).toEqual(xlsx.result.plan);
    expect(office.result.from).toEqual(xlsx.result.from);
    expect(office.result.to).toEqual(xlsx.result.to);
    expect(nonEmpty(office.reading)).toEqual(nonEmpty(xlsx.reading));
  });

  test("a deleted defined name is recovered from the metadata's field table in both", async () => {
    const field = layout.fields.find((f) => f.id === "task.2.progress")!;
    const office = await throughOffice([v1], {}, async (fake) => {
      await fake.run(async (ctx) => {
        ctx.workbook.names.getItem(field.name).delete();
        await ctx.sync();
      });
    });
    const xlsx = await throughExcelJS([v1], {}, (wb) =>
      wb.definedNames.remove(`'${field.sheetName}'!${field.cell}`, field.name),
    );
    expect(office.result.recovered).toEqual(["task.2.progress"]);
    expect(xlsx.result.recovered).toEqual(["task.2.progress"]);
    expect(office.reading["task.2.progress"]).toEqual(values["task.2.progress"]);
    expect(xlsx.reading["task.2.progress"]).toEqual(values["task.2.progress"]);
  });

  test("a version older than the workbook's is refused with the same words in both", async () => {
    const refusal = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (err) {
        return err;
      }
      throw new Error("not refused");
    };
    const office = await refusal(() => throughOffice([v1, v2], { toVersion: "2019.0.9" }));
    const xlsx = await refusal(() => throughExcelJS([v1, v2], { toVersion: "2019.0.9" }));
    expect(office).toBeInstanceOf(RefreshError);
    expect((office as RefreshError).detail).toEqual((xlsx as RefreshError).detail);
  });
});

/**
 * What a clerk typed on the report's sheets outside the layout (issue 11, item 7): rows below the tasks
 * table, a formula among them, a note in a spare column, and a value beside a label where the next version
 * lays a field. Both adapters find the same additions, put the same ones back in place and the same ones on
 * the kept sheet, and a second refresh neither duplicates nor loses them.
 */
describe("a person's additions on a report sheet, through both adapters", () => {
  const typed: [sheet: string, cell: string, value: string | number][] = [
    ["任务清单", "N6", "备注：数据待复核"],
    ["任务清单", "A31", "补充说明：我省另设专项资金"],
    ["任务清单", "C31", 120],
    ["任务指标", "D4", "另有 3 期"],
  ];
  const formula = { sheet: "任务清单", cell: "C32", text: "C31*2", result: 240 };
  const inPlace = [...typed.filter(([s]) => s === "任务清单"), [formula.sheet, formula.cell, formula.result]];
  const keptRow = ["任务指标", "D4", "另有 3 期", "值"];

  async function typeThroughOffice(fake: FakeExcel) {
    for (const sheet of ["任务清单", "任务指标"]) fake.user.unprotect(sheet);
    for (const [sheet, cell, value] of typed) fake.user.type(sheet, cell, value);
    fake.user.type(formula.sheet, formula.cell, `=${formula.text}`);
  }

  function typeThroughExcelJS(wb: ExcelJS.Workbook) {
    for (const [sheet, cell, value] of typed) wb.getWorksheet(sheet)!.getCell(cell).value = value;
    wb.getWorksheet(formula.sheet)!.getCell(formula.cell).value = {
      formula: formula.text,
      result: formula.result,
    };
  }

  // The fake calculates nothing: it is told what the clerk's formula gives, as Excel would have worked it out.
  const evaluate = (f: string) => (f.replace(/^=/, "") === formula.text ? formula.result : "");

  async function officeCells(fake: FakeExcel, cells: [string, string][]) {
    return fake.run(async (ctx) => {
      const ranges = cells.map(([s, c]) => ctx.workbook.worksheets.getItem(s).getRange(c).load("values"));
      const kept = ctx.workbook.worksheets
        .getItem("保留的补充内容")
        .getUsedRangeOrNullObject(true)
        .load("values");
      await ctx.sync();
      return { cells: ranges.map((r) => r.values[0][0]), kept: kept.values.slice(1) };
    });
  }

  function excelJSCells(wb: ExcelJS.Workbook, cells: [string, string][]) {
    const kept: unknown[][] = [];
    wb.getWorksheet("保留的补充内容")!.eachRow((row, r) => {
      if (r > 1) kept.push([1, 2, 3, 4].map((c) => plainValue(row.getCell(c).value).value));
    });
    return { cells: cells.map(([s, c]) => plainValue(wb.getWorksheet(s)!.getCell(c).value).value), kept };
  }

  test("to the next version: the same additions in place and on the kept sheet; a second refresh keeps them once", async () => {
    const office = await throughOffice([v1, v2], {}, typeThroughOffice, { evaluate });
    const xlsx = await throughExcelJS([v1, v2], {}, typeThroughExcelJS);
    expect(office.result.plan.additions).toEqual(xlsx.result.plan.additions);
    expect(xlsx.result.plan.additions.inPlace.map((a) => a.cell)).toEqual(["N6", "A31", "C31", "C32"]);
    expect(xlsx.result.plan.additions.kept.map((a) => a.cell)).toEqual(["D4"]);
    expect(office.result.plan).toEqual(xlsx.result.plan);

    const where = inPlace.map(([s, c]) => [s, c] as [string, string]);
    const expected = { cells: inPlace.map(([, , v]) => v), kept: [keptRow] };
    expect(await officeCells(office.fake, where)).toEqual(expected);
    expect(excelJSCells(xlsx.workbook, where)).toEqual(expected);

    const officeAgain = await office.workbook.refresh({});
    const xlsxAgain = await refreshWorkbook(await loadWorkbook(await workbookBytes(xlsx.workbook)), {
      specs: [v1, v2],
    });
    expect(officeAgain.plan.additions).toEqual(xlsxAgain.plan.additions);
    expect(await officeCells(office.fake, where)).toEqual(expected);
    expect(excelJSCells(xlsxAgain.workbook, where)).toEqual(expected);
  });

  test("undo puts the additions back where they were typed", async () => {
    const office = await throughOffice([v1, v2], {}, typeThroughOffice, { evaluate });
    await office.workbook.restore(office.result.before);
    const where = [...typed, [formula.sheet, formula.cell, 0]].map(([s, c]) => [s, c] as [string, string]);
    const values = await office.fake.run(async (ctx) => {
      const ranges = where.map(([s, c]) =>
        ctx.workbook.worksheets.getItem(s).getRange(c).load("values,formulas"),
      );
      await ctx.sync();
      return ranges.map((r) => r.formulas[0][0]);
    });
    expect(values).toEqual([...typed.map(([, , v]) => v), `=${formula.text}`]);
  });
});
