import { exceljsModel } from "./exceljs-model";
import { officeModel } from "./office-model";
import { insertedThroughOffice, templateLayout } from "./scenario";
import { writtenByExcelJS } from "./xlsx-side";
import type { CommonWorkbook } from "./common-model";
import type { FakeExcel } from "../fake-excel";

/** The template inserted through Office.js is the template the command line writes, cell for cell. */

const layout = templateLayout();
let office: CommonWorkbook;
let xlsx: CommonWorkbook;
let fake: FakeExcel;

beforeAll(async () => {
  ({ fake } = await insertedThroughOffice(layout));
  office = officeModel(fake.snapshot(), ["Sheet1"]);
  xlsx = exceljsModel(await writtenByExcelJS(layout));
});

describe("the template through both adapters", () => {
  test("has the same sheets, in the same order, with the same visibility", () => {
    expect(office.sheets.map((s) => [s.name, s.visibility])).toEqual(
      xlsx.sheets.map((s) => [s.name, s.visibility]),
    );
    expect(office.sheets.map((s) => s.name)).toEqual(layout.sheets.map((s) => s.name));
  });

  test("puts the report first and keeps the sheet the workbook already had, untouched, after it", () => {
    const sheets = fake.snapshot().sheets;
    expect(sheets.map((s) => s.name)).toEqual([...layout.sheets.map((s) => s.name), "Sheet1"]);
    expect(sheets.find((s) => s.name === "Sheet1")!.cells).toEqual({});
  });

  test("leaves the cover active and never hides the first or the active sheet", () => {
    const sheets = fake.snapshot().sheets;
    expect(sheets.find((s) => s.active)?.name).toBe("封面");
    expect(sheets[0].visibility).toBe("Visible");
    expect(office.sheets.filter((s) => s.visibility === "veryHidden").map((s) => s.name)).toEqual([
      "_lists",
      "_meta",
    ]);
  });

  test("has a defined name for every field and every dropdown list, pointing at the same cells", () => {
    expect(office.names).toEqual(xlsx.names);
    expect(Object.keys(office.names)).toHaveLength(layout.fields.length + layout.listNames.length);
    expect(office.names.L_status).toBeDefined();
  });

  test.each(layout.sheets.map((s) => [s.name]))(
    "%s: same values, formulas, formats, merges and protection",
    (name) => {
      const o = office.sheets.find((s) => s.name === name)!;
      const x = xlsx.sheets.find((s) => s.name === name)!;
      expect(o.cells).toEqual(x.cells);
      expect(o.merges).toEqual(x.merges);
      expect(o.freeze).toEqual(x.freeze);
      expect(o.protected).toEqual(x.protected);
      expect(o.tabColor).toEqual(x.tabColor);
      expect(o.rowHeights).toEqual(x.rowHeights);
      expect(o.columns).toEqual(x.columns);
    },
  );

  test.each(layout.sheets.map((s) => [s.name]))(
    "%s: same conditional formats, in the same priority order",
    (name) => {
      const o = office.sheets.find((s) => s.name === name)!;
      const x = xlsx.sheets.find((s) => s.name === name)!;
      expect(o.conditionalFormats).toEqual(x.conditionalFormats);
    },
  );

  test("has the same data validations (prompts, lists, limits, dates)", () => {
    expect(office.sheets.map((s) => s.validations)).toEqual(xlsx.sheets.map((s) => s.validations));
    const validated = office.sheets.reduce((n, s) => n + Object.keys(s.validations).length, 0);
    expect(validated).toBe(layout.fields.filter((f) => !f.prefilled).length);
  });

  test("formats the input cells as text before any value, so Excel converted nothing it was given", () => {
    expect(fake.coercions).toEqual([]);
    const department = layout.fields.find((f) => f.id === "cover.department")!;
    expect(office.sheets[0].cells[department.cell].numberFormat).toBe("@");
  });

  // Once a bug in src/xlsx/render.ts: ExcelJS wants Date objects for date limits, and serials (43466) came out
  // as 1970-01-01 00:00:43, so Excel rejected every real date in 数据截止日期.
  test("the date cell accepts the reporting year in both", () => {
    const date = (wb: CommonWorkbook) =>
      wb.sheets[0].validations[layout.fields.find((f) => f.id === "cover.period")!.cell];
    expect(date(office).formulae).toEqual(["43466", "43830"]);
    expect(date(xlsx)).toEqual(date(office));
  });
});
