import { checkReport } from "../../src/rules";
import type { OpenedReport } from "../../src/xlsx/report";
import type { OpenedWorkbookReport } from "../../src/excel/types";
import { FakeExcel } from "../fake-excel";
import { OfficeReportWorkbook } from "../../src/excel/office-workbook";
import { fillThroughOffice, insertedThroughOffice, templateLayout, typicalValues } from "./scenario";
import { fillThroughExcelJS } from "./xlsx-side";

/** A workbook made by either adapter is read the same way by both: the same reading, the same issues. */

const layout = templateLayout();
const values = typicalValues(layout);

function issuesOf(report: OpenedReport | OpenedWorkbookReport) {
  return checkReport({
    spec: report.spec,
    profile: report.profile,
    layout: report.layout,
    reading: report.reading,
  });
}

describe("reading a filled-in report", () => {
  let office: OpenedWorkbookReport;
  let xlsx: OpenedReport;
  let fake: FakeExcel;

  beforeAll(async () => {
    const inserted = await insertedThroughOffice(layout);
    fake = inserted.fake;
    await fillThroughOffice(fake, layout, values);
    office = (await inserted.workbook.openReport())!;
    xlsx = await fillThroughExcelJS(layout, values);
  });

  test("gives the same WorkbookReading through both adapters", () => {
    expect(office.reading).toEqual(xlsx.reading);
    expect(office.profile).toEqual(xlsx.profile);
  });

  test("keeps text that starts with '=' or '-' as text in the text-formatted input cells", () => {
    expect(office.reading.values["task.2.progress"]).toBe("=完成专利导航项目3项");
    expect(office.reading.values["task.4.progress"]).toBe("-已启动，预计年底完成");
    expect(office.reading.formulas).toEqual({});
    expect(fake.coercions).toEqual([]);
  });

  test("keeps text that looks like a number as text, and figures and dates as numbers", () => {
    expect(office.reading.values["task.2.results"]).toBe("0012");
    expect(office.reading.values["cover.period"]).toBe(43830);
    expect(office.reading.values["cover.phone"]).toBe("025-83291234");
  });

  test("finds every field by its defined name, where the name says it is", () => {
    expect(office.reading.missingNames).toEqual([]);
    for (const f of layout.fields)
      expect(office.reading.cells[f.id]).toEqual({ sheetName: f.sheetName, cell: f.cell });
  });

  test("gives the same issues from the rules engine", () => {
    const issues = issuesOf(office);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues).toEqual(issuesOf(xlsx));
  });
});

describe("reading a report someone has damaged", () => {
  test("a deleted defined name is missing in both", async () => {
    const field = layout.fields.find((f) => f.id === "task.2.status")!;
    const { fake, workbook } = await insertedThroughOffice(layout);
    fake.user.deleteName(field.name);
    const office = (await workbook.openReport())!;
    const xlsx = await fillThroughExcelJS(layout, {}, (wb) =>
      wb.definedNames.remove(`'${field.sheetName}'!$F$6`, field.name),
    );
    expect(office.reading.missingNames).toEqual(["task.2.status"]);
    expect(office.reading).toEqual(xlsx.reading);
    expect(issuesOf(office)).toEqual(issuesOf(xlsx));
  });

  test("a deleted sheet leaves its names at #REF!: missing names and a missing sheet in both", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    fake.user.deleteSheet("任务指标");
    const office = (await workbook.openReport())!;
    const xlsx = await fillThroughExcelJS(layout, {}, (wb) =>
      wb.removeWorksheet(wb.getWorksheet("任务指标")!.id),
    );
    expect(office.reading.missingSheets).toEqual(["metrics"]);
    expect(office.reading.missingNames.length).toBe(
      layout.fields.filter((f) => f.sheet === "metrics").length,
    );
    expect(office.reading).toEqual(xlsx.reading);
  });

  test("a formula typed into a figure cell is reported as a formula, with its result, in both", async () => {
    const field = layout.fields.find((f) => f.type === "number")!;
    const { fake, workbook } = await insertedThroughOffice(layout, { evaluate: () => 246 });
    fake.user.type(field.sheetName, field.cell, "=123*2");
    const office = (await workbook.openReport())!;
    const xlsx = await fillThroughExcelJS(layout, { [field.id]: { formula: "123*2", result: 246 } });
    expect(office.reading.formulas).toEqual({ [field.id]: "123*2" });
    expect(office.reading.values[field.id]).toBe(246);
    expect(office.reading).toEqual(xlsx.reading);
  });

  test("a renamed sheet is still read: the names follow it", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    fake.user.renameSheet("任务清单", "任务 清单（江苏）");
    const office = (await workbook.openReport())!;
    expect(office.reading.missingNames).toEqual([]);
    expect(office.reading.missingSheets).toEqual([]);
    expect(office.reading.cells["task.2.status"]).toEqual({ sheetName: "任务 清单（江苏）", cell: "F6" });
  });
});

describe("a workbook that is not a report", () => {
  test("opens as undefined, in two syncs, so the pane offers to insert the template", async () => {
    const fake = new FakeExcel();
    const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported);
    const { result, syncs } = await fake.measure(() => workbook.openReport());
    expect(result).toBeUndefined();
    expect(syncs.length).toBeLessThanOrEqual(2);
  });

  test("with the metadata of an unknown spec, says so rather than guess", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    fake.user.unprotect("_meta");
    fake.user.type("_meta", "B2", "'9.9.9");
    await expect(workbook.openReport()).rejects.toMatchObject({
      name: "ReportError",
      problem: "unknown-spec",
    });
  });
});
