import { a1 } from "../../src/layout/address";
import { buildLayout, resolveProfile } from "../../src/layout";
import type { FieldId, WorkbookLayout } from "../../src/layout/types";
import {
  findAdditions,
  placeAdditions,
  type ReadCell,
  type SheetAddition,
} from "../../src/refresh/additions";
import { KEPT_SHEET_NAME, keptSheetRows, parseKeptRows } from "../../src/refresh/kept-sheet";
import { summarizeAdditions } from "../../src/refresh/plan";
import { latestSpec } from "../../src/spec";
import { spec2019v2 } from "../fixtures/spec-versions";

/** The pure half of keeping a person's additions: what on a report sheet is theirs, and where it goes. */

const v1 = latestSpec();
const v2 = spec2019v2();
const layout = buildLayout(v1, resolveProfile(v1, "江苏", []));
const layoutV2 = buildLayout(v2, resolveProfile(v2, "江苏", []));
const tasks = layout.sheets.find((s) => s.key === "tasks")!;
const lastRow = Math.max(...tasks.cells.map((c) => c.row));
const lastCol = Math.max(...tasks.cells.map((c) => c.col));

/** Every cell the layout writes on a sheet, as an adapter reads it back from a fresh template. */
function templateCells(l: WorkbookLayout, key: string): ReadCell[] {
  const sheet = l.sheets.find((s) => s.key === key)!;
  return sheet.cells
    .filter((c) => c.fieldId || c.formula || (c.value !== null && c.value !== undefined && c.value !== ""))
    .map((c) => ({ row: c.row, col: c.col, value: c.value ?? (c.fieldId ? "填报值" : 0) }));
}

function foundWhereLaidOut(l: WorkbookLayout): Record<FieldId, { sheetName: string; cell: string }> {
  return Object.fromEntries(l.fields.map((f) => [f.id, { sheetName: f.sheetName, cell: f.cell }]));
}

/** A label whose right-hand neighbour the layout leaves empty (on the metrics sheet, free in v1, used in v2). */
const neighbour = { row: 4, col: 4 };

const typed: ReadCell[] = [
  { row: lastRow + 2, col: 1, value: "补充说明：我省另设专项资金" },
  { row: lastRow + 2, col: 3, value: 120 },
  { row: lastRow + 3, col: 3, value: 240, formula: `C${lastRow + 2}*2` },
  { row: 6, col: lastCol + 2, value: "备注：数据待复核" },
];

describe("findAdditions", () => {
  test("rows typed below a table and a note in a spare column are the person's; the layout's cells are not", () => {
    const read = [{ sheetName: tasks.name, cells: [...templateCells(layout, "tasks"), ...typed] }];
    const found = findAdditions(layout, read, foundWhereLaidOut(layout));
    expect(found).toEqual(
      typed.map((c) => ({
        sheet: "tasks",
        sheetName: tasks.name,
        cell: a1(c.row, c.col),
        value: c.value,
        ...(c.formula ? { formula: c.formula } : {}),
      })),
    );
  });

  test("a value typed into a label's empty neighbouring cell is the person's", () => {
    const metrics = layout.sheets.find((s) => s.key === "metrics")!;
    const cells = [...templateCells(layout, "metrics"), { ...neighbour, value: "另有 3 期" }];
    const found = findAdditions(layout, [{ sheetName: metrics.name, cells }], foundWhereLaidOut(layout));
    expect(found.map((a) => a.cell)).toEqual(["D4"]);
  });

  test("labels moved down by a row the person inserted are still the layout's", () => {
    const firstField = Math.min(...layout.fields.filter((f) => f.sheet === "tasks").map((f) => f.row));
    const shift = (r: number) => (r >= firstField ? r + 1 : r);
    const cells = templateCells(layout, "tasks").map((c) => ({ ...c, row: shift(c.row) }));
    const inserted = { row: firstField, col: 2, value: "本行为插入的说明" };
    const found = Object.fromEntries(
      layout.fields.map((f) => [f.id, { sheetName: f.sheetName, cell: a1(shift(f.row), f.col) }]),
    );
    const additions = findAdditions(layout, [{ sheetName: tasks.name, cells: [...cells, inserted] }], found);
    expect(additions.map((a) => [a.cell, a.value])).toEqual([[a1(firstField, 2), "本行为插入的说明"]]);
  });

  test("sheets that are not the report's are not looked at (they are copied whole)", () => {
    const read = [{ sheetName: "我的统计", cells: typed }];
    expect(findAdditions(layout, read, foundWhereLaidOut(layout))).toEqual([]);
  });
});

describe("placeAdditions", () => {
  const addition = (cell: string, sheet: "tasks" | "metrics" = "tasks"): SheetAddition => ({
    sheet,
    sheetName: sheet === "tasks" ? "任务清单" : "任务指标",
    cell,
    value: "x",
  });

  test("back at its own address when the new layout leaves it free, else on the kept sheet", () => {
    const below = addition(a1(lastRow + 2, 1));
    const taken = addition("D4", "metrics");
    const placed = placeAdditions(layoutV2, [below, taken], []);
    expect(placed).toEqual({ sheetName: KEPT_SHEET_NAME.zh, inPlace: [below], kept: [taken] });
  });

  test("what an earlier refresh kept stays kept, once", () => {
    const taken = addition("D4", "metrics");
    const earlier = parseKeptRows(keptSheetRows([taken], "zh"));
    const placed = placeAdditions(layoutV2, [taken], earlier);
    expect(placed.kept).toEqual(earlier);
  });
});

describe("the kept-additions sheet", () => {
  test("shows a formula as its text and reads back what it shows", () => {
    const kept: SheetAddition[] = [
      { sheetName: "任务清单", cell: "C31", value: 240, formula: "C30*2" },
      { sheetName: "任务清单", cell: "A30", value: "补充说明" },
      { sheetName: "任务清单", cell: "C30", value: 120 },
    ];
    const rows = keptSheetRows(kept, "zh");
    expect(rows[1]).toEqual(["任务清单", "C31", "=C30*2", "公式"]);
    expect(parseKeptRows(rows)).toEqual([
      { sheetName: "任务清单", cell: "C31", value: null, formula: "C30*2" },
      kept[1],
      kept[2],
    ]);
  });
});

describe("the refresh summary", () => {
  const a = (cell: string): SheetAddition => ({ sheetName: "任务清单", cell, value: 1 });
  test("counts the additions in a clerk's words and says where they are", () => {
    expect(
      summarizeAdditions({ sheetName: "保留的补充内容", inPlace: [], kept: [a("A1"), a("A2"), a("A3")] }),
    ).toEqual({
      zh: "，保留 3 处补充内容（见“保留的补充内容”表）",
      en: ', 3 additions of your own kept (on the sheet "保留的补充内容")',
    });
    expect(summarizeAdditions({ sheetName: "保留的补充内容", inPlace: [a("A1")], kept: [a("A2")] }).zh).toBe(
      "，保留 2 处补充内容（1 处见“保留的补充内容”表，其余在原位置）",
    );
    expect(summarizeAdditions({ sheetName: "Kept additions", inPlace: [], kept: [] })).toEqual({
      zh: "",
      en: "",
    });
  });
});
