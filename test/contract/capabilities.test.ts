import { detectCapabilities, MINIMUM_EXCEL_API } from "../../src/excel/capabilities";
import { OfficeReportWorkbook } from "../../src/excel/office-workbook";
import { FakeExcel } from "../fake-excel";
import { officeModel } from "./office-model";
import { insertedThroughOffice, templateLayout } from "./scenario";

/** Every newer call is gated on isSetSupported; what a host lacks is said, never silently skipped. */

const layout = templateLayout();

describe("detectCapabilities", () => {
  test.each([
    ["1.7", { dataValidation: false, conditionalFormats: true, comments: false, notes: false }],
    ["1.8", { dataValidation: true, conditionalFormats: true, comments: false, notes: false }],
    ["1.10", { dataValidation: true, conditionalFormats: true, comments: true, notes: false }],
    ["1.17", { dataValidation: true, conditionalFormats: true, comments: true, notes: false }],
    ["1.18", { dataValidation: true, conditionalFormats: true, comments: true, notes: true }],
  ])("ExcelApi %s", (version, expected) => {
    const fake = new FakeExcel({ apiVersion: version });
    expect(detectCapabilities(fake.isSetSupported)).toEqual(expected);
    expect(new OfficeReportWorkbook(fake.run, fake.isSetSupported).capabilities()).toEqual(expected);
  });

  test("the minimum is Excel 2019 volume licence's set", () => {
    expect(MINIMUM_EXCEL_API).toBe("1.7");
  });
});

describe("insert on Excel 2019 volume licence (ExcelApi 1.7 only)", () => {
  test("makes no data validation or grouping call at all, and inserts the rest", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported);
    const outcome = await workbook.insertTemplate(layout);
    expect(outcome.status).toBe("inserted");
    expect(fake.calls.filter((c) => c.startsWith("DataValidation."))).toEqual([]);
    expect(fake.calls).not.toContain("Range.group");
    expect(fake.syncs.every((s) => s.failed === undefined)).toBe(true);
  });

  test("says, in Chinese first and in English, what the template lacks and why", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const outcome = await new OfficeReportWorkbook(fake.run, fake.isSetSupported).insertTemplate(layout);
    if (outcome.status !== "inserted") throw new Error("refused");
    expect(outcome.degraded).toHaveLength(3);
    const [validation, print, outline] = outcome.degraded;
    // In a clerk's words: what is missing and what to do, no requirement-set numbers.
    expect(print.zh).toMatch(/Excel 2019.*打印格式.*A4 横向/);
    expect(validation.zh).toMatch(/下拉列表.*输入限制/);
    expect(validation.en).toMatch(/drop-down lists/);
    expect(outline.zh).toMatch(/折叠列/);
    for (const text of outcome.degraded) expect(`${text.zh}${text.en}`).not.toMatch(/ExcelApi|\b1\.\d+\b/);
    expect(Object.keys(validation)).toEqual(["zh", "en"]);
  });

  test("differs from the full template only in validations, print setup and the outline", async () => {
    const old = officeModel((await insertedThroughOffice(layout, { apiVersion: "1.7" })).fake.snapshot(), [
      "Sheet1",
    ]);
    const full = officeModel((await insertedThroughOffice(layout)).fake.snapshot(), ["Sheet1"]);
    const withoutExtras = (m: typeof full) =>
      m.sheets.map((s) => ({
        ...s,
        validations: {},
        columns: Object.fromEntries(
          Object.entries(s.columns).map(([k, c]) => [k, { ...c, outlineLevel: 0 }]),
        ),
      }));
    expect(old.sheets.every((s) => Object.keys(s.validations).length === 0)).toBe(true);
    expect(full.sheets.some((s) => Object.keys(s.validations).length > 0)).toBe(true);
    expect(withoutExtras(old)).toEqual(withoutExtras(full));
    expect(old.names).toEqual(full.names);
  });

  test("on a newer Excel reports nothing missing", async () => {
    const fake = new FakeExcel({ apiVersion: "1.18" });
    const outcome = await new OfficeReportWorkbook(fake.run, fake.isSetSupported).insertTemplate(layout);
    expect(outcome).toEqual({ status: "inserted", degraded: [] });
  });
});

describe("insert into a workbook that already holds a report", () => {
  test("refuses, in two syncs, and says which report is there", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    const before = fake.snapshot();
    const { result, syncs } = await fake.measure(() => workbook.insertTemplate(templateLayout("广东", [])));
    expect(result).toEqual({
      status: "exists",
      report: { unitId: "jiangsu", specId: layout.metadata.specId, specVersion: layout.metadata.specVersion },
    });
    expect(syncs).toHaveLength(2);
    expect(fake.snapshot()).toEqual(before);
  });

  test("refuses before writing anything when a sheet of the template's name is taken", async () => {
    const fake = new FakeExcel({ sheets: ["任务清单"] });
    const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported);
    const before = fake.snapshot();
    await expect(workbook.insertTemplate(layout)).rejects.toMatchObject({
      name: "WorkbookError",
      problem: "sheet-name-taken",
      detail: { zh: expect.stringContaining("任务清单") },
    });
    expect(fake.snapshot()).toEqual(before);
  });

  test("refuses when the template's defined names are left over from a half-deleted report", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    for (const sheet of layout.sheets) fake.user.renameSheet(sheet.name, `旧${sheet.name}`);
    await expect(workbook.insertTemplate(layout)).rejects.toMatchObject({ problem: "name-taken" });
  });
});
