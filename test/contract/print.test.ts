import { OfficeReportWorkbook } from "../../src/excel/office-workbook";
import { FakeExcel } from "../fake-excel";
import { insertedThroughOffice, templateLayout } from "./scenario";
import { writtenByExcelJS } from "./xlsx-side";

/** Print setup through both adapters: A4, landscape where the layout says, one page wide, the header row repeated. */
describe("print setup", () => {
  const layout = templateLayout();

  test("Office.js (ExcelApi 1.9+) sets what the .xlsx carries", async () => {
    const { fake } = await insertedThroughOffice(layout);
    const wb = await writtenByExcelJS(layout);
    for (const sheet of layout.sheets.filter((s) => s.print)) {
      const office = fake.snapshot().sheets.find((s) => s.name === sheet.name)!.print;
      const xlsx = wb.getWorksheet(sheet.name)!.pageSetup;
      expect([sheet.name, office?.orientation?.toLowerCase()]).toEqual([sheet.name, xlsx.orientation]);
      expect(office?.paperSize).toBe("A4");
      expect(xlsx.paperSize).toBe(9);
      expect(office?.fitToWidth).toBe(xlsx.fitToWidth);
      if (sheet.print?.titleRows) {
        expect(office?.titleRows).toBe("$3:$3");
        expect(xlsx.printTitlesRow).toBe("3:3");
      }
    }
  });

  test("on Excel 2019 (ExcelApi 1.7) nothing is attempted, and the user is told how to print", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const outcome = await new OfficeReportWorkbook(fake.run, fake.isSetSupported).insertTemplate(layout);
    expect(fake.snapshot().sheets.some((s) => s.print)).toBe(false);
    expect(outcome.status === "inserted" && outcome.degraded.map((d) => d.zh).join("\n")).toContain(
      "打印格式",
    );
  });
});
