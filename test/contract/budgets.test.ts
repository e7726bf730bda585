import type { SheetLayout, WorkbookLayout } from "../../src/layout/types";
import { insertedThroughOffice, fillThroughOffice, templateLayout, typicalValues } from "./scenario";
import { FakeExcel, type SyncRecord } from "../fake-excel";
import { OfficeReportWorkbook } from "../../src/excel/office-workbook";

/** A fixed, small number of sync() calls per operation, whatever the template's size; no request over 1 MB. */

const MB = 1_000_000;
const largest = (syncs: SyncRecord[]) => Math.max(...syncs.map((s) => s.requestBytes));

const EVERY_CATEGORY = [
  "trademark-review-center",
  "ip-protection-center",
  "ip-operation",
  "strong-ip-province-pilot",
  "pilot-type-leading",
  "military-civil-fusion-pilot",
  "sme-ip-strategy",
  "belt-and-road",
  "tisc-host",
];

/** The template plus a sheet of 4,000 rows of long text: about 1.9 MB of requests in all. */
function oversized(layout: WorkbookLayout): WorkbookLayout {
  const bulk: SheetLayout = {
    key: "guideline",
    name: "附录",
    visibility: "visible",
    columns: [{ width: 40 }, { width: 40 }, { width: 40 }, { width: 40 }],
    rowHeights: {},
    cells: Array.from({ length: 4000 * 4 }, (_, i) => ({
      row: Math.floor(i / 4) + 1,
      col: (i % 4) + 1,
      value: `第${i}条：${"知识产权高质量发展".repeat(10)}`,
      style: "text" as const,
    })),
    merges: [],
    protect: true,
    validations: [],
    conditionalFormats: [],
  };
  const sheets = [...layout.sheets];
  sheets.splice(5, 0, bulk);
  return { ...layout, sheets };
}

describe("sync budgets on the strict fake", () => {
  test.each([
    ["one category", templateLayout()],
    ["every category", templateLayout("广东", EVERY_CATEGORY)],
    ["no category", templateLayout("西藏", [])],
  ])("insert, %s: at most 5 syncs, none over 1 MB", async (_, layout) => {
    const fake = new FakeExcel();
    const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported);
    const { result, syncs } = await fake.measure(() => workbook.insertTemplate(layout));
    expect(result.status).toBe("inserted");
    expect(syncs.length).toBeLessThanOrEqual(5);
    expect(largest(syncs)).toBeLessThan(MB);
    expect(syncs.every((s) => s.failed === undefined)).toBe(true);
  });

  test("insert of an oversized template splits it across syncs, still at most 5, none over 1 MB", async () => {
    const layout = oversized(templateLayout());
    const fake = new FakeExcel();
    const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported);
    const { syncs } = await fake.measure(() => workbook.insertTemplate(layout));
    const total = syncs.reduce((n, s) => n + s.requestBytes, 0);
    expect(total).toBeGreaterThan(1.5 * MB);
    expect(syncs.length).toBe(5);
    expect(largest(syncs)).toBeLessThan(MB);
    const bulk = fake.snapshot().sheets.find((s) => s.name === "附录")!;
    expect(bulk.cells.D4000.value).toBe(`第15999条：${"知识产权高质量发展".repeat(10)}`);
    expect(bulk.protection.protected).toBe(true);
  });

  test("open: at most 2 syncs; validate: at most 3; clear: at most 3; select: 1", async () => {
    const layout = templateLayout("广东", EVERY_CATEGORY);
    const { fake, workbook } = await insertedThroughOffice(layout);
    await fillThroughOffice(fake, layout, typicalValues(layout));

    const open = await fake.measure(() => workbook.openReport());
    expect(open.syncs.length).toBeLessThanOrEqual(2);

    const validate = await fake.measure(() => workbook.validate("zh"));
    expect(validate.result.issues.length).toBeGreaterThan(0);
    expect(validate.syncs.length).toBeLessThanOrEqual(3);
    expect(largest(validate.syncs)).toBeLessThan(MB);

    const again = await fake.measure(() => workbook.validate("en"));
    expect(again.syncs.length).toBeLessThanOrEqual(3);

    const clear = await fake.measure(() => workbook.clearHighlights());
    expect(clear.syncs.length).toBeLessThanOrEqual(3);

    const select = await fake.measure(() => workbook.selectCell("任务清单", "F6"));
    expect(select.syncs.length).toBe(1);

    const results = await fake.measure(() => workbook.writeResultsSheet(validate.result.issues, "zh"));
    expect(results.syncs.length).toBeLessThanOrEqual(4);
    expect(largest(results.syncs)).toBeLessThan(MB);
  });

  test("the number of syncs does not grow with the number of issues", async () => {
    const layout = templateLayout();
    const { fake, workbook } = await insertedThroughOffice(layout);
    const few = await fake.measure(() => workbook.validate("zh"));
    const everything = Object.fromEntries(
      layout.fields.filter((f) => !f.prefilled && f.type === "text").map((f) => [f.id, "=" + "x".repeat(50)]),
    );
    await fillThroughOffice(fake, layout, everything);
    const many = await fake.measure(() => workbook.validate("zh"));
    expect(many.result.issues.length).not.toBe(few.result.issues.length);
    expect(many.syncs.length).toBe(few.syncs.length);
  });
});
