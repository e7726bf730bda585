import ExcelJS from "exceljs";
import { RESULTS_SHEET_NAME, resultsSheetLayout } from "../../src/rules/present";
import { renderSheet } from "../../src/xlsx/render";
import { loadWorkbook } from "../../src/xlsx/read";
import { exceljsModel } from "./exceljs-model";
import { officeModel } from "./office-model";
import { fillThroughOffice, insertedThroughOffice, templateLayout, typicalValues } from "./scenario";

/** The results sheet, written by the same renderer as the template, is the one the command line writes. */

const layout = templateLayout();

async function validatedWorkbook() {
  const inserted = await insertedThroughOffice(layout);
  await fillThroughOffice(inserted.fake, layout, typicalValues(layout));
  const { issues } = await inserted.workbook.validate("zh");
  return { ...inserted, issues };
}

test("the results sheet through Office.js is the one ExcelJS writes", async () => {
  const { fake, workbook, issues } = await validatedWorkbook();
  await workbook.writeResultsSheet(issues, "zh");
  const office = officeModel(fake.snapshot()).sheets.find((s) => s.name === RESULTS_SHEET_NAME.zh)!;

  const wb = new ExcelJS.Workbook();
  renderSheet(wb, layout, resultsSheetLayout(issues, layout.metadata, "zh", layout.fields));
  const xlsx = exceljsModel(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))).sheets[0];

  expect(Object.keys(office.cells).length).toBeGreaterThan(issues.length * 10);
  expect(office.cells).toEqual(xlsx.cells);
  expect(office.merges).toEqual(xlsx.merges);
  expect(office.columns).toEqual(xlsx.columns);
  expect(office.freeze).toEqual(xlsx.freeze);
  expect(office.protected).toBe(false);
  expect(fake.coercions).toEqual([]);
});

test("writing it again replaces it, in either language, and shows it", async () => {
  const { fake, workbook, issues } = await validatedWorkbook();
  await workbook.writeResultsSheet(issues, "zh");
  await workbook.writeResultsSheet(issues.slice(0, 3), "zh");
  await workbook.writeResultsSheet(issues.slice(0, 2), "en");
  const sheets = fake.snapshot().sheets;
  const results = sheets.filter((s) => s.name === RESULTS_SHEET_NAME.zh || s.name === RESULTS_SHEET_NAME.en);
  expect(results.map((s) => [s.name, s.active])).toEqual([[RESULTS_SHEET_NAME.en, true]]);
  // Header row 3, then one row per issue.
  expect(results[0].cells.A5.value).toBe(2);
  expect(results[0].cells.A6).toBeUndefined();
});
