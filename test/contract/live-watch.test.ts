import type { FieldEdits } from "../../src/excel/types";
import { areaOf, fieldsIn } from "../../src/excel/watch";
import { insertedThroughOffice, templateLayout } from "./scenario";

/**
 * Live checking through Office.js on the strict fake: the report's sheets are watched with
 * worksheet.onChanged (ExcelApi 1.7), and a change costs one sync that reads only the fields inside it.
 */
describe("live watch of a report's sheets", () => {
  const layout = templateLayout("江苏", ["ip-protection-center"]);
  const at = (id: string) => layout.fields.find((f) => f.id === id)!;

  async function watched(apiVersion: string) {
    const { fake, workbook } = await insertedThroughOffice(layout, { apiVersion });
    const report = (await workbook.openReport())!;
    const heard: (FieldEdits | "moved")[] = [];
    const errors: unknown[] = [];
    const stop = await workbook.watch(
      report,
      (e) => heard.push(e),
      (e) => errors.push(e),
    );
    return { fake, heard, errors, stop };
  }

  test("on Excel 2019 (1.7): each typed value arrives by field id, one sync per change, nothing else read", async () => {
    const { fake, heard, errors } = await watched("1.7");
    const phone = at("cover.phone");
    const before = fake.syncs.length;
    fake.user.type(phone.sheetName, phone.cell, "025-83456789");
    await fake.settle();
    await fake.settle();
    expect(errors).toEqual([]);
    expect(heard).toEqual([
      { values: { "cover.phone": "025-83456789" }, formulas: { "cover.phone": undefined } },
    ]);
    expect(fake.syncs.length - before).toBe(1);
    expect(fake.syncs[fake.syncs.length - 1].ops).toBe(1);
  });

  test("a change outside every field costs no sync at all", async () => {
    const { fake, heard } = await watched("1.18");
    const before = fake.syncs.length;
    fake.user.unprotect("封面");
    fake.user.type("封面", "Z90", "a note to self");
    await fake.settle();
    expect(heard).toEqual([]);
    expect(fake.syncs.length).toBe(before);
  });

  test("a formula typed where a value belongs arrives as a formula", async () => {
    const { fake, heard } = await watched("1.18");
    const progress = at("task.2.progress");
    fake.user.type(progress.sheetName, progress.cell, "=1+1");
    await fake.settle();
    await fake.settle();
    const edits = heard[0] as FieldEdits;
    expect(Object.keys(edits.values)).toEqual(["task.2.progress"]);
  });

  test("stopped, it hears nothing more", async () => {
    const { fake, heard, stop } = await watched("1.18");
    stop();
    const phone = at("cover.phone");
    fake.user.type(phone.sheetName, phone.cell, "025-83456789");
    await fake.settle();
    expect(heard).toEqual([]);
  });
});

describe("which fields a change covers", () => {
  const layout = templateLayout("江苏", []);
  const cells: Record<string, { sheetName: string; cell: string }> = {};
  for (const f of layout.fields) cells[f.id] = { sheetName: f.sheetName, cell: f.cell };
  const reading = {
    metadata: undefined,
    values: {},
    formulas: {},
    cells,
    missingNames: [],
    missingSheets: [],
  };

  test("reads Excel's addresses: a cell, a range, whole rows and columns", () => {
    expect(areaOf("F6")).toEqual({ r0: 6, c0: 6, r1: 6, c1: 6 });
    expect(areaOf("$F$6:$G$9")).toEqual({ r0: 6, c0: 6, r1: 9, c1: 7 });
    expect(areaOf("6:7")?.r1).toBe(7);
    expect(areaOf("F:F")?.c0).toBe(6);
  });

  test("a pasted block covers every field in it, on its own sheet only", () => {
    const status = layout.fields.find((f) => f.id === "task.2.status")!;
    const progress = layout.fields.find((f) => f.id === "task.2.progress")!;
    const found = fieldsIn(layout.fields, reading, status.sheetName, `${status.cell}:${progress.cell}`);
    expect(found.map((f) => f.id)).toEqual(["task.2.status", "task.2.progress"]);
    expect(
      fieldsIn(layout.fields, reading, "封面", `${status.cell}:${progress.cell}`).map((f) => f.id),
    ).not.toContain("task.2.status");
  });
});
