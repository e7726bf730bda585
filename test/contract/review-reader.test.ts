/**
 * The round reads the reviewer's marks (the 审核意见 sheet) with the report reader; `ip-report review` reads
 * and writes them with ExcelJS. Both must find the same marks, by key, whatever the rows around them:
 * sorted, inserted, repeated, rich text, numbers, junk, trailing blank rows, a resave by openpyxl.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readReviewMarks as readerMarks } from "../../src/reader/review";
import { ReportWorkbook } from "../../src/reader/workbook";
import type { ReviewMark } from "../../src/round/types";
import { workbookBytes } from "../../src/xlsx/package";
import { loadWorkbook } from "../../src/xlsx/read";
import { readReviewMarks as exceljsMarks, REVIEW_SHEET, writeReviewMarks } from "../../src/xlsx/review";
import { filledSample } from "../fixtures/make-fixtures";
import { runPython, tempDir } from "../helpers/tools";

const dir = tempDir("review-reader");

async function both(bytes: Uint8Array): Promise<{ reader: ReviewMark[]; exceljs: ReviewMark[] }> {
  return {
    reader: readerMarks(ReportWorkbook.open(bytes)),
    exceljs: exceljsMarks(await loadWorkbook(bytes)),
  };
}

async function reviewed(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const { workbook } = await filledSample();
  writeReviewMarks(
    workbook,
    [
      { key: "task.3", verdict: "退回修改", comment: "进展过于简略，请补充" },
      { key: "target.ip-insurance-growth", verdict: "通过", comment: "" },
      { key: "guideline.requirement-2", verdict: "通过", comment: "  留空格  " },
    ],
    (k) => `标签 ${k}`,
  );
  edit(workbook.getWorksheet(REVIEW_SHEET)!);
  return workbookBytes(workbook);
}

describe("the reviewer's marks read by the report reader and by ExcelJS", () => {
  test("a workbook with no review sheet has no marks", async () => {
    const { workbook } = await filledSample();
    expect(await both(await workbookBytes(workbook))).toEqual({ reader: [], exceljs: [] });
  });

  test("marks as `ip-report review` writes them", async () => {
    const { reader, exceljs } = await both(await reviewed(() => undefined));
    expect(reader).toEqual(exceljs);
    expect(reader.map((m) => m.key)).toEqual([
      "task.3",
      "target.ip-insurance-growth",
      "guideline.requirement-2",
    ]);
    expect(reader[2].comment).toBe("留空格");
  });

  test("rows sorted, inserted, repeated, rich text, numbers and junk: the same marks", async () => {
    const bytes = await reviewed((ws) => {
      ws.spliceRows(2, 0, ["guideline.2", "插入的行", "退回修改", "请补充证明材料"]);
      ws.addRow(["task.3", "同一项又一行", "通过", "后一行为准"]);
      ws.addRow(["task.99x", "无效的键", "通过", ""]);
      ws.addRow(["task.5", "无效的结论", "同意", ""]);
      ws.addRow([" task.7 ", "键两侧有空格", { richText: [{ text: "退回" }, { text: "修改" }] }, 12.5]);
      ws.getCell(40, 1).value = "task.8";
      ws.getCell(40, 3).value = "通过";
      ws.getCell(40, 4).value = { richText: [{ font: { bold: true }, text: "加粗" }, { text: "的意见" }] };
    });
    const { reader, exceljs } = await both(bytes);
    expect(reader).toEqual(exceljs);
    expect(reader.find((m) => m.key === "task.3")).toEqual({
      key: "task.3",
      verdict: "通过",
      comment: "后一行为准",
    });
    expect(reader.find((m) => m.key === "task.7")).toEqual({
      key: "task.7",
      verdict: "退回修改",
      comment: "12.5",
    });
    expect(reader.find((m) => m.key === "task.8")?.comment).toBe("加粗的意见");
    expect(reader.map((m) => m.key)).not.toContain("task.5");
  });

  test("the same after openpyxl saves the workbook again", async () => {
    const src = join(dir, "reviewed.xlsx");
    const out = join(dir, "reviewed-openpyxl.xlsx");
    writeFileSync(src, await reviewed((ws) => ws.addRow(["guideline.1", "", "退回修改", "第二轮"])));
    runPython(
      `import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nwb.save(sys.argv[2])\nprint("{}")`,
      [src, out],
    );
    const { reader, exceljs } = await both(readFileSync(out));
    expect(reader).toEqual(exceljs);
    expect(reader).toHaveLength(4);
  });
});
