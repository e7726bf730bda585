import ExcelJS from "exceljs";
import JSZip from "jszip";
import { buildLayout } from "../../src/layout/build";
import { resolveProfile } from "../../src/layout/obligation";
import type { WorkbookLayout } from "../../src/layout/types";
import { excelSerial } from "../../src/layout/vocabulary";
import { loadWorkbook } from "../../src/xlsx/read";
import { openReport } from "../../src/xlsx/report";
import { renderWorkbook } from "../../src/xlsx/render";
import { CellWriteError, EXCEL_CELL_MAX_CHARS, writeValues } from "../../src/xlsx/write";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const layout: WorkbookLayout = buildLayout(spec, resolveProfile(spec, "江苏", []));
const field = (id: string) => layout.fields.find((f) => f.id === id)!;

async function roundTrip(wb: ExcelJS.Workbook): Promise<{ wb: ExcelJS.Workbook; zip: JSZip }> {
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { wb: await loadWorkbook(bytes), zip: await JSZip.loadAsync(bytes) };
}

/** The <c> element of a cell in a sheet part, as written. */
async function cellXml(zip: JSZip, sheetIndex: number, cell: string): Promise<string> {
  const xml = await zip.file(`xl/worksheets/sheet${sheetIndex}.xml`)!.async("string");
  return new RegExp(`<c r="${cell}"[^>]*?(?:/>|>.*?</c>)`).exec(xml)?.[0] ?? "";
}

const sheetIndex = (sheetName: string) => layout.sheets.findIndex((s) => s.name === sheetName) + 1;

describe("writeValues", () => {
  test.each(["=SUM(A1:A3)", "+86 已完成", "-推进专利导航", "@见附件"])(
    "text starting with a formula sign stays a string, never a formula: %s",
    async (text) => {
      const wb = await renderWorkbook(layout);
      writeValues(wb, layout, { "task.2.progress": text });
      const { wb: back, zip } = await roundTrip(wb);
      const xml = await cellXml(
        zip,
        sheetIndex(field("task.2.progress").sheetName),
        field("task.2.progress").cell,
      );
      expect(xml).toMatch(/t="s"|t="inlineStr"/);
      expect(xml).not.toContain("<f>");
      const report = openReport(back);
      expect(report.reading.values["task.2.progress"]).toBe(text);
      expect(report.reading.formulas).toEqual({});
    },
  );

  test("numbers are numbers and dates are serials shown with a date format", async () => {
    const wb = await renderWorkbook(layout);
    const period = excelSerial(spec.year, 12, 31);
    writeValues(wb, layout, {
      "task.12.recovery-due": 630.31,
      "task.12.abnormal-subjects": 52,
      "cover.period": period,
    });
    const { wb: back, zip } = await roundTrip(wb);
    const due = await cellXml(zip, sheetIndex("任务指标"), field("task.12.recovery-due").cell);
    expect(due).toMatch(/<v>630\.31<\/v>/);
    expect(due).not.toMatch(/t="s"/);
    const reading = openReport(back).reading;
    expect(reading.values["task.12.recovery-due"]).toBe(630.31);
    expect(reading.values["task.12.abnormal-subjects"]).toBe(52);
    expect(reading.values["cover.period"]).toBe(period);
    const cover = back.getWorksheet(field("cover.period").sheetName)!.getCell(field("cover.period").cell);
    expect(cover.numFmt).toBe("yyyy-mm-dd");
  });

  test("a date cell that lost its format gets one back; a cell sharing its style object keeps its own", async () => {
    const wb = await renderWorkbook(layout);
    const ws = wb.getWorksheet(field("cover.period").sheetName)!;
    const cell = ws.getCell(field("cover.period").cell);
    const neighbour = ws.getCell("D20");
    const shared = { ...cell.style, numFmt: "General" };
    cell.style = shared;
    neighbour.style = shared;
    writeValues(wb, layout, { "cover.period": 43830 });
    expect(cell.numFmt).toBe("yyyy-mm-dd");
    expect(neighbour.numFmt).toBe("General");
  });

  test("cells are found by defined name: a name moved elsewhere is followed, not the layout's address", async () => {
    const wb = await renderWorkbook(layout);
    const status = field("task.2.status");
    const model = wb.definedNames.model as { name: string; ranges: string[] }[];
    wb.definedNames.model = model.map((n) =>
      n.name === status.name ? { ...n, ranges: [`'${status.sheetName}'!$F$40`] } : n,
    );
    writeValues(wb, layout, { "task.2.status": "已完成" });
    const ws = wb.getWorksheet(status.sheetName)!;
    expect(ws.getCell("F40").value).toBe("已完成");
    expect(ws.getCell(status.cell).value).toBeNull();
  });

  test("more than 32,767 characters is refused with a localized error, and nothing is written", async () => {
    const wb = await renderWorkbook(layout);
    const tooLong = "知".repeat(EXCEL_CELL_MAX_CHARS + 1);
    let error: unknown;
    try {
      writeValues(wb, layout, { "cover.contact": "王伟", "task.2.progress": tooLong });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CellWriteError);
    const { fieldId, detail } = error as CellWriteError;
    expect(fieldId).toBe("task.2.progress");
    expect(detail.zh).toContain("32,767");
    expect(detail.zh).toContain("任务2工作进展");
    expect(detail.en).toContain("32,767");
    expect(wb.getWorksheet("封面")!.getCell(field("cover.contact").cell).value).toBeNull();
    expect(() =>
      writeValues(wb, layout, { "task.2.progress": "知".repeat(EXCEL_CELL_MAX_CHARS) }),
    ).not.toThrow();
  });

  test("an unknown field id, a missing defined name and a non-finite number are refused", async () => {
    const wb = await renderWorkbook(layout);
    expect(() => writeValues(wb, layout, { "task.99.status": "已完成" })).toThrow(CellWriteError);
    expect(() => writeValues(wb, layout, { "task.12.recovered": Number.NaN })).toThrow(/not a finite number/);
    const name = field("task.12.status").name;
    const model = wb.definedNames.model as { name: string; ranges: string[] }[];
    wb.definedNames.model = model.filter((n) => n.name !== name);
    expect(() => writeValues(wb, layout, { "task.12.status": "已完成" })).toThrow(/F_task_12_status/);
  });

  test("null clears a cell", async () => {
    const wb = await renderWorkbook(layout);
    writeValues(wb, layout, { "cover.contact": "王伟" });
    writeValues(wb, layout, { "cover.contact": null });
    const { wb: back } = await roundTrip(wb);
    expect(openReport(back).reading.values["cover.contact"]).toBeNull();
  });
});
