import ExcelJS from "exceljs";
import { readReviewMarks as readThroughOffice } from "../../src/excel/review";
import { reviewItemsOf } from "../../src/round/review";
import { REVIEW_HEADERS, REVIEW_SHEET } from "../../src/round/review-sheet";
import type { ReviewMark } from "../../src/round/types";
import { loadWorkbook } from "../../src/xlsx/read";
import { readReviewMarks, writeReviewMarks } from "../../src/xlsx/review";
import { FakeExcel, type SheetSnapshot } from "../fake-excel";
import { exceljsModel } from "./exceljs-model";
import { officeModel } from "./office-model";
import { insertedThroughOffice, spec, templateLayout } from "./scenario";
import { writtenByExcelJS } from "./xlsx-side";

/**
 * The reviewer's marks through the pane's Office.js adapter on the strict fake, and the same sheet as the
 * command line's ExcelJS writer makes it: one sheet, keyed by item, read by key, whoever wrote it.
 */

const layout = templateLayout();
const labels = new Map(reviewItemsOf(spec).map((i) => [i.key, i.label]));
const labelOf = (key: string) => labels.get(key) ?? key;

const RETURNED: ReviewMark = { key: "task.2", verdict: "退回修改", comment: "请补充资助台账" };
const PASSED: ReviewMark = { key: "target.ip-insurance-growth", verdict: "通过", comment: "" };

async function reportInExcel(apiVersion = "1.18") {
  const { fake, workbook } = await insertedThroughOffice(layout, { apiVersion });
  return { fake, workbook };
}

function reviewSheet(fake: FakeExcel): SheetSnapshot | undefined {
  return fake.snapshot().sheets.find((s) => s.name === REVIEW_SHEET);
}

/** The review sheet's values as a file would carry them: what any reader of the .xlsx gets. */
async function exported(fake: FakeExcel): Promise<ExcelJS.Workbook> {
  const sheet = reviewSheet(fake)!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.name);
  for (const [a1, cell] of Object.entries(sheet.cells))
    if (cell.value !== null) ws.getCell(a1).value = cell.value;
  return loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
}

describe("the 审核意见 sheet through Office.js", () => {
  test("a workbook without it has no marks, read in one sync", async () => {
    const { fake, workbook } = await reportInExcel();
    const { result, syncs } = await fake.measure(() => workbook.readReviewMarks());
    expect(result).toEqual([]);
    expect(syncs).toHaveLength(1);
  });

  test("the first mark makes the sheet, visible and last, in two syncs; it does not take the reviewer there", async () => {
    const { fake, workbook } = await reportInExcel();
    const activeBefore = fake.snapshot().sheets.find((s) => s.active)!.name;
    const { result, syncs } = await fake.measure(() => workbook.writeReviewMark(RETURNED, labelOf("task.2")));
    expect(syncs).toHaveLength(2);
    expect(result).toEqual({ marks: [RETURNED], degraded: [] });
    const sheets = fake.snapshot().sheets;
    const sheet = reviewSheet(fake)!;
    expect(sheet.visibility).toBe("Visible");
    expect(sheet.position).toBe(sheets.length - 1);
    expect(sheets.find((s) => s.active)!.name).toBe(activeBefore);
    expect(sheet.freeze).toEqual({ rows: 1, cols: 0 });
    expect(sheet.print).toMatchObject({ paperSize: "A4", orientation: "Landscape", fitToWidth: 1 });
    expect(REVIEW_HEADERS.map((_, i) => sheet.cells[`${"ABCD"[i]}1`].value)).toEqual(REVIEW_HEADERS);
    expect(["A2", "B2", "C2", "D2"].map((a) => sheet.cells[a].value)).toEqual([
      "task.2",
      "任务2 " + spec.tasks[1].title,
      "退回修改",
      "请补充资助台账",
    ]);
  });

  test("one row per item: another item adds a row, the same item replaces its row; the sheet is made once", async () => {
    const { fake, workbook } = await reportInExcel();
    await workbook.writeReviewMark(RETURNED, labelOf(RETURNED.key));
    const { result, syncs } = await fake.measure(() => workbook.writeReviewMark(PASSED, labelOf(PASSED.key)));
    expect(syncs).toHaveLength(3);
    expect(result.marks).toEqual([RETURNED, PASSED]);
    const passedNow: ReviewMark = { ...RETURNED, verdict: "通过", comment: "已补充" };
    await workbook.writeReviewMark(passedNow, labelOf(RETURNED.key));
    expect(fake.snapshot().sheets.filter((s) => s.name === REVIEW_SHEET)).toHaveLength(1);
    expect(await workbook.readReviewMarks()).toEqual([passedNow, PASSED]);
    const sheet = reviewSheet(fake)!;
    expect(sheet.cells.A4).toBeUndefined();
    expect(sheet.cells.C2.value).toBe("通过");
  });

  test("rows are found by key, wherever the reviewer moved or typed them by hand", async () => {
    const { fake, workbook } = await reportInExcel();
    await workbook.writeReviewMark(RETURNED, labelOf(RETURNED.key));
    // The reviewer types a mark far below, and leaves a row of their own that is no item.
    fake.user.type(REVIEW_SHEET, "A2", "");
    fake.user.type(REVIEW_SHEET, "B2", "");
    fake.user.type(REVIEW_SHEET, "C2", "");
    fake.user.type(REVIEW_SHEET, "D2", "");
    fake.user.type(REVIEW_SHEET, "A3", "备注");
    fake.user.type(REVIEW_SHEET, "A9", "task.2");
    fake.user.type(REVIEW_SHEET, "C9", "退回修改");
    fake.user.type(REVIEW_SHEET, "D9", "手写的意见");
    expect(await workbook.readReviewMarks()).toEqual([
      { key: "task.2", verdict: "退回修改", comment: "手写的意见" },
    ]);
    await workbook.writeReviewMark({ ...RETURNED, comment: "改过的意见" }, labelOf(RETURNED.key));
    await workbook.writeReviewMark(PASSED, labelOf(PASSED.key));
    const sheet = reviewSheet(fake)!;
    expect(sheet.cells.D9.value).toBe("改过的意见");
    expect(sheet.cells.A10.value).toBe(PASSED.key);
    expect(sheet.cells.A3.value).toBe("备注");
  });

  test("a comment that looks like a formula or a number stays the reviewer's text", async () => {
    const { fake, workbook } = await reportInExcel();
    const marks: ReviewMark[] = [
      { key: "task.3", verdict: "退回修改", comment: "=请核对合计" },
      { key: "task.4", verdict: "退回修改", comment: "-数据缺失" },
      { key: "task.5", verdict: "退回修改", comment: "0012" },
    ];
    for (const mark of marks) await workbook.writeReviewMark(mark, labelOf(mark.key));
    expect(await workbook.readReviewMarks()).toEqual(marks);
    expect(fake.coercions).toEqual([]);
    expect(reviewSheet(fake)!.cells.D2.formula).toBeUndefined();
  });

  test("refuses 退回修改 without a comment, and an unknown item, before touching the workbook", async () => {
    const { fake, workbook } = await reportInExcel();
    const before = fake.syncs.length;
    await expect(workbook.writeReviewMark({ ...RETURNED, comment: "  " }, "x")).rejects.toMatchObject({
      problem: "review-mark",
      detail: { zh: "退回修改须填写审核意见。" },
    });
    await expect(workbook.writeReviewMark({ ...PASSED, key: "cover.phone" }, "x")).rejects.toThrow();
    expect(fake.syncs.length).toBe(before);
  });

  test("a refresh keeps the sheet and its marks (a sheet of the reviewer's, not the report's)", async () => {
    const { workbook } = await reportInExcel();
    await workbook.writeReviewMark(RETURNED, labelOf(RETURNED.key));
    await workbook.refresh({ categories: ["ip-protection-center", "ip-operation"] });
    expect(await workbook.readReviewMarks()).toEqual([RETURNED]);
  });

  test("on Excel 2019 (ExcelApi 1.7) it records marks, sets no print setup, and says how to print", async () => {
    const { fake, workbook } = await reportInExcel("1.7");
    const { degraded } = await workbook.writeReviewMark(RETURNED, labelOf(RETURNED.key));
    expect(reviewSheet(fake)!.print).toBeUndefined();
    expect(degraded.map((d) => d.zh).join()).toContain("打印格式");
    expect((await workbook.writeReviewMark(PASSED, labelOf(PASSED.key))).degraded).toEqual([]);
  });

  test("reads with ExcelApi 1.1 calls only (a sheet typed by hand, opened in the oldest Excel)", async () => {
    const fake = new FakeExcel({ apiVersion: "1.1", sheets: ["Sheet1", REVIEW_SHEET] });
    fake.user.type(REVIEW_SHEET, "A5", RETURNED.key);
    fake.user.type(REVIEW_SHEET, "C5", RETURNED.verdict);
    fake.user.type(REVIEW_SHEET, "D5", RETURNED.comment);
    expect(await readThroughOffice(fake.run)).toEqual([RETURNED]);
  });
});

describe("the same sheet as the command line's", () => {
  test("Office.js writes what ExcelJS writes: cells, widths, frozen header, tab colour", async () => {
    const { fake, workbook } = await reportInExcel();
    for (const mark of [RETURNED, PASSED]) await workbook.writeReviewMark(mark, labelOf(mark.key));
    const office = officeModel(fake.snapshot()).sheets.find((s) => s.name === REVIEW_SHEET)!;

    const wb = await writtenByExcelJS(layout);
    writeReviewMarks(wb, [RETURNED, PASSED], labelOf);
    const xlsx = exceljsModel(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))).sheets.find(
      (s) => s.name === REVIEW_SHEET,
    )!;
    expect(office.cells).toEqual(xlsx.cells);
    expect(office.columns).toEqual(xlsx.columns);
    expect(office.freeze).toEqual(xlsx.freeze);
    expect(office.tabColor).toEqual(xlsx.tabColor);
    expect(office.visibility).toEqual(xlsx.visibility);
  });

  test("a mark the pane writes is read by the command line and the roll-up from the file", async () => {
    const { fake, workbook } = await reportInExcel();
    for (const mark of [RETURNED, PASSED]) await workbook.writeReviewMark(mark, labelOf(mark.key));
    expect(readReviewMarks(await exported(fake))).toEqual([RETURNED, PASSED]);
  });

  test("a mark the command line writes is read by the pane", async () => {
    const wb = await writtenByExcelJS(layout);
    writeReviewMarks(wb, [PASSED, RETURNED], labelOf);
    const ws = (await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))).getWorksheet(REVIEW_SHEET)!;
    const { fake, workbook } = await reportInExcel();
    await workbook.writeReviewMark(RETURNED, labelOf(RETURNED.key));
    // The file's rows, as Excel would open them: typed over the pane's own.
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => fake.user.type(REVIEW_SHEET, `${"ABCD"[c - 1]}${r}`, String(cell.value))),
    );
    expect(await workbook.readReviewMarks()).toEqual(readReviewMarks(wb));
  });
});
