import fc from "fast-check";
import { queueSheet, validationRule, POINTS_PER_CHARACTER } from "../../src/excel/render";
import { blockAddress, looksLikeEntry, rectangles } from "../../src/excel/sheet-plan";
import { CONDITIONAL_STYLES, STYLES } from "../../src/layout/styles";
import type { CellLayout, SheetLayout } from "../../src/layout/types";
import { FakeExcel } from "../fake-excel";

/** The Office.js renderer's own rules: blocks, text that stays text, Excel's units and rule shapes. */

function sheetOf(cells: CellLayout[], extra: Partial<SheetLayout> = {}): SheetLayout {
  return {
    key: "cover",
    name: "测试",
    visibility: "visible",
    columns: [{ width: 10 }, { width: 20 }],
    rowHeights: {},
    cells,
    merges: [],
    protect: false,
    validations: [],
    conditionalFormats: [],
    ...extra,
  };
}

async function render(sheet: SheetLayout) {
  const fake = new FakeExcel({ sheets: ["Sheet1"] });
  await fake.run(async (ctx) => {
    queueSheet(
      ctx.workbook.worksheets.add(sheet.name),
      sheet,
      { styles: STYLES, conditionalStyles: CONDITIONAL_STYLES },
      {
        dataValidation: true,
        conditionalFormats: true,
        groupColumns: true,
      },
    );
    await ctx.sync();
  });
  return { fake, sheet: fake.snapshot().sheets.find((s) => s.name === sheet.name)! };
}

describe("text the template writes stays text", () => {
  const tricky = [
    "=SUM(A1:A2)",
    "+86 25 1234",
    "-",
    "-5",
    "0012",
    "1,000",
    "12%",
    "2019-12-31",
    "2019年12月31日",
    "TRUE",
    "3:45",
    "'quoted",
    "15-Feb 2019",
  ];

  test.each(tricky.filter((t) => !t.startsWith("'")))("%s in a text-formatted input cell", async (text) => {
    const { fake, sheet } = await render(sheetOf([{ row: 1, col: 1, value: text, style: "input" }]));
    expect(sheet.cells.A1).toMatchObject({ value: text, numberFormat: "@" });
    expect(sheet.cells.A1.formula).toBeUndefined();
    expect(fake.coercions).toEqual([]);
  });

  test.each(tricky)("%s in a General label cell", async (text) => {
    const { fake, sheet } = await render(sheetOf([{ row: 1, col: 1, value: text, style: "label" }]));
    expect(sheet.cells.A1.value).toBe(text);
    expect(sheet.cells.A1.formula).toBeUndefined();
    expect(fake.coercions).toEqual([]);
  });

  test("while numbers, booleans and formulas are written as such", async () => {
    const { sheet } = await render(
      sheetOf([
        { row: 1, col: 1, value: 42, style: "text" },
        { row: 1, col: 2, value: true, style: "text" },
        { row: 2, col: 1, formula: "A1*2", result: 84, style: "computed" },
      ]),
    );
    expect(sheet.cells.A1.value).toBe(42);
    expect(sheet.cells.B1.value).toBe(true);
    expect(sheet.cells.A2.formula).toBe("=A1*2");
  });

  test("ordinary words are not given an apostrophe", () => {
    for (const text of ["任务清单", "已完成", "Task 12 status", "第1项", "2019年推动知识产权高质量发展"]) {
      expect(looksLikeEntry(text)).toBe(false);
    }
  });
});

describe("blocks", () => {
  const cell = fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 8 }) });

  test("rectangles cover exactly the given cells, without overlap", () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
        const want = new Set(cells.map((c) => `${c.row},${c.col}`));
        const got: string[] = [];
        for (const b of rectangles(cells)) {
          for (let r = b.row; r < b.row + b.rows; r++)
            for (let c = b.col; c < b.col + b.cols; c++) got.push(`${r},${c}`);
        }
        expect(got.length).toBe(new Set(got).size);
        expect(new Set(got)).toEqual(want);
      }),
    );
  });

  test("a table of one style is one rectangle, written in one call per property", async () => {
    const cells = Array.from({ length: 40 * 6 }, (_, i): CellLayout => ({
      row: 1 + Math.floor(i / 6),
      col: 1 + (i % 6),
      value: i,
      style: "text",
    }));
    expect(rectangles(cells).map(blockAddress)).toEqual(["A1:F40"]);
    const { fake } = await render(sheetOf(cells));
    expect(fake.calls.filter((c) => c === "Range.values")).toHaveLength(1);
    expect(fake.calls.filter((c) => c === "RangeFont.name")).toHaveLength(1);
  });
});

describe("units and rule shapes", () => {
  test("column widths in characters become points", async () => {
    const { sheet } = await render(
      sheetOf([], { columns: [{ width: 10 }, { width: 20, hidden: true, outlineLevel: 1 }] }),
    );
    expect(sheet.columns.A.width).toBe(10 * POINTS_PER_CHARACTER);
    expect(sheet.columns.B).toEqual({ width: 20 * POINTS_PER_CHARACTER, hidden: true, outlineLevel: 1 });
  });

  test("date limits are ISO dates, lists point at their range, numbers stay numbers", () => {
    expect(
      validationRule({
        ref: "B10",
        type: "date",
        operator: "between",
        formulae: [43466, 43830],
        allowBlank: true,
        errorStyle: "stop",
      }),
    ).toEqual({
      date: { operator: "Between", formula1: "2019-01-01", formula2: "2019-12-31" },
    });
    expect(
      validationRule({
        ref: "F6",
        type: "list",
        formulae: ["'_lists'!$A$1:$A$4"],
        allowBlank: true,
        errorStyle: "stop",
      }),
    ).toEqual({
      list: { inCellDropDown: true, source: "='_lists'!$A$1:$A$4" },
    });
    expect(
      validationRule({
        ref: "G4",
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [0],
        allowBlank: true,
        errorStyle: "stop",
      }),
    ).toEqual({
      wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 },
    });
  });

  test("a very hidden, protected sheet is hidden and protected after everything else is written", async () => {
    const fake = new FakeExcel();
    const sheet = sheetOf([{ row: 1, col: 1, value: "x", style: "meta" }], {
      visibility: "veryHidden",
      protect: true,
    });
    await fake.run(async (ctx) => {
      queueSheet(
        ctx.workbook.worksheets.add(sheet.name),
        sheet,
        { styles: STYLES, conditionalStyles: CONDITIONAL_STYLES },
        {
          dataValidation: true,
          conditionalFormats: true,
          groupColumns: true,
        },
      );
      await ctx.sync();
    });
    const snapshot = fake.snapshot().sheets[1];
    expect(snapshot.visibility).toBe("VeryHidden");
    expect(snapshot.protection).toEqual({
      protected: true,
      options: { allowFormatColumns: true, allowFormatRows: true },
    });
    expect(fake.calls[fake.calls.length - 1]).toBe("WorksheetProtection.protect");
  });
});
