import { OfficeReportWorkbook } from "../../src/excel/office-workbook";
import { buildLayout, resolveProfile } from "../../src/layout";
import type { CellValue, FieldId, WorkbookLayout } from "../../src/layout/types";
import { STATUS } from "../../src/layout/vocabulary";
import { FakeExcel, type FakeExcelOptions } from "../fake-excel";
import { spec2019 } from "../helpers/specs";

/** Scenarios on the Office.js side (the strict fake); xlsx-side.ts has the same on the ExcelJS side. */

export const spec = spec2019();

export function templateLayout(province = "江苏", categories = ["ip-protection-center"]): WorkbookLayout {
  return buildLayout(spec, resolveProfile(spec, province, categories));
}

/** A fresh Excel with one blank sheet (as File > New gives), and the template inserted through Office.js. */
export async function insertedThroughOffice(
  layout: WorkbookLayout,
  options: FakeExcelOptions = {},
): Promise<{ fake: FakeExcel; workbook: OfficeReportWorkbook }> {
  const fake = new FakeExcel(options);
  const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported);
  const outcome = await workbook.insertTemplate(layout);
  if (outcome.status !== "inserted") throw new Error("insert refused");
  return { fake, workbook };
}

/** Fills fields through Office.js, as an add-in (or a paste) would: Excel parses what it is given. */
export async function fillThroughOffice(
  fake: FakeExcel,
  layout: WorkbookLayout,
  values: Record<FieldId, CellValue>,
): Promise<void> {
  await fake.run(async (ctx) => {
    for (const [id, value] of Object.entries(values)) {
      const field = layout.fields.find((f) => f.id === id)!;
      ctx.workbook.names.getItem(field.name).getRange().values = [[value]];
    }
    await ctx.sync();
  });
}

/**
 * A report half filled in, with the kinds of values people type: text, a figure, a date serial, a
 * percentage, text that looks like a number, and text that starts with "=".
 */
export function typicalValues(layout: WorkbookLayout): Record<FieldId, CellValue> {
  const first = (type: string) => layout.fields.find((f) => f.type === type && !f.prefilled)!.id;
  const values: Record<FieldId, CellValue> = {
    "cover.department": "知识产权保护处",
    "cover.contact": "张伟",
    "cover.phone": "025-83291234",
    "cover.period": 43830,
    "task.2.status": STATUS.done,
    "task.2.progress": "=完成专利导航项目3项",
    "task.2.results": "0012",
    "task.4.status": STATUS.inProgress,
    "task.4.progress": "-已启动，预计年底完成",
    [first("integer")]: 42,
    [first("number")]: 123.5,
    [first("percent")]: 0.12,
  };
  for (const id of Object.keys(values)) {
    if (!layout.fields.some((f) => f.id === id)) throw new Error(`the layout has no field ${id}`);
  }
  return values;
}
