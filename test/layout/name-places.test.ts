/**
 * Where each field is read (issue 11, item 9): a defined name is trusted when it points where the field's row and
 * column are now; inserted rows, a renamed sheet move every name alike, a name moved alone is misplaced and the
 * field is read where its layout puts it.
 */
import { a1 } from "../../src/layout/address";
import { placeFields, type CellRef } from "../../src/layout/name-places";
import type { FieldDef } from "../../src/layout/types";
import { SHEET_NAMES } from "../../src/layout/vocabulary";
import { reportFor } from "../rules/helpers";

const { layout } = reportFor("江苏", ["ip-protection-center"]);
const fields = layout.fields;
const sheets = new Set([...layout.sheets.map((s) => s.name)]);
const exists = (name: string) => sheets.has(name);
const byId = (id: string): FieldDef => fields.find((f) => f.id === id)!;

function namesAsLaidOut(move: (f: FieldDef) => CellRef = (f) => ({ sheetName: f.sheetName, cell: f.cell })) {
  return new Map(fields.map((f) => [f.name, move(f)]));
}

describe("placeFields", () => {
  test("names where the template put them are all trusted", () => {
    const places = placeFields(fields, namesAsLaidOut(), exists);
    expect(places.misplaced).toEqual([]);
    expect(places.missing).toEqual([]);
    expect(places.cells.get("task.2.status")).toEqual({
      sheetName: "任务清单",
      cell: byId("task.2.status").cell,
    });
  });

  test("rows inserted above a table and a renamed sheet move every name alike: none is misplaced", () => {
    const renamed = new Set([...sheets].filter((s) => s !== "任务清单").concat("任务清单（江苏）"));
    const names = namesAsLaidOut((f) =>
      f.sheet === "tasks"
        ? { sheetName: "任务清单（江苏）", cell: a1(f.row + (f.row >= 10 ? 3 : 0), f.col + 1) }
        : { sheetName: f.sheetName, cell: f.cell },
    );
    const places = placeFields(fields, names, (n) => renamed.has(n));
    expect(places.misplaced).toEqual([]);
    const status = byId("task.12.status");
    expect(places.cells.get(status.id)).toEqual({
      sheetName: "任务清单（江苏）",
      cell: a1(status.row + 3, status.col + 1),
    });
  });

  test("a name pointed at its label is misplaced, and the field is read in its own cell", () => {
    const contact = byId("cover.contact");
    const names = namesAsLaidOut();
    names.set(contact.name, { sheetName: contact.sheetName, cell: a1(contact.row, contact.col - 1) });
    const places = placeFields(fields, names, exists);
    expect(places.misplaced).toEqual([
      {
        fieldId: contact.id,
        pointsAt: { sheetName: contact.sheetName, cell: a1(contact.row, contact.col - 1) },
      },
    ]);
    expect(places.cells.get(contact.id)).toEqual({ sheetName: contact.sheetName, cell: contact.cell });
  });

  test("a name pointed at the metadata is misplaced, and read where its row's other names went", () => {
    const progress = byId("task.2.progress");
    const names = namesAsLaidOut((f) =>
      f.sheet === "tasks"
        ? { sheetName: f.sheetName, cell: a1(f.row + 2, f.col) }
        : { sheetName: f.sheetName, cell: f.cell },
    );
    names.set(progress.name, { sheetName: SHEET_NAMES.meta, cell: "B5" });
    const places = placeFields(fields, names, exists);
    expect(places.misplaced.map((m) => m.fieldId)).toEqual([progress.id]);
    expect(places.cells.get(progress.id)).toEqual({
      sheetName: "任务清单",
      cell: a1(progress.row + 2, progress.col),
    });
  });

  test("a name pointed at another report sheet is misplaced", () => {
    const progress = byId("task.2.progress");
    const names = namesAsLaidOut();
    names.set(progress.name, { sheetName: "主要目标", cell: "A3" });
    const places = placeFields(fields, names, exists);
    expect(places.misplaced.map((m) => m.fieldId)).toEqual([progress.id]);
    expect(places.cells.get(progress.id)).toEqual({ sheetName: "任务清单", cell: progress.cell });
  });

  test("a name moved up its own column, out of the order rows keep, is misplaced", () => {
    const period = byId("cover.period");
    const names = namesAsLaidOut();
    names.set(period.name, { sheetName: period.sheetName, cell: a1(2, period.col) });
    const places = placeFields(fields, names, exists);
    expect(places.misplaced.map((m) => m.fieldId)).toEqual([period.id]);
    expect(places.cells.get(period.id)).toEqual({ sheetName: period.sheetName, cell: period.cell });
  });

  test("a name that is gone or points at a sheet that is not there is missing, never guessed", () => {
    const names = namesAsLaidOut();
    names.delete(byId("task.2.status").name);
    names.set(byId("task.3.status").name, { sheetName: "没有的表", cell: "F9" });
    const places = placeFields(fields, names, exists);
    expect(places.missing).toEqual(["task.2.status", "task.3.status"]);
    expect(places.misplaced).toEqual([]);
    expect(places.cells.has("task.2.status")).toBe(false);
  });
});
