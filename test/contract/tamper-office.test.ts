/**
 * The task pane reads a tampered report as the command line does (issue 11, items 8 and 9): a defined name
 * pointed at a label is reported and its field read in its own cell (one more sync, only then), and a
 * report whose metadata no longer matches its structure is a blocking error and is not refreshed.
 */
import { META_KEYS } from "../../src/layout/build";
import { SHEET_NAMES } from "../../src/layout/vocabulary";
import { checkReport } from "../../src/rules";
import { WorkbookError } from "../../src/excel/errors";
import { fillThroughOffice, insertedThroughOffice, templateLayout, typicalValues } from "./scenario";

const layout = templateLayout();
const contact = layout.fields.find((f) => f.id === "cover.contact")!;
const label = `A${contact.row}`;

async function filled() {
  const inserted = await insertedThroughOffice(layout);
  await fillThroughOffice(inserted.fake, layout, { ...typicalValues(layout), "cover.contact": null });
  return inserted;
}

describe("structure.name-tampered", () => {
  test("a name pointed at its label is reported, and the empty field is read in its own cell", async () => {
    const { fake, workbook } = await filled();
    await fake.run(async (ctx) => {
      ctx.workbook.names.getItem(contact.name).delete();
      ctx.workbook.names.add(contact.name, `'${contact.sheetName}'!$A$${contact.row}`);
      await ctx.sync();
    });
    const { result: report, syncs } = await fake.measure(() => workbook.openReport());
    expect(syncs).toHaveLength(3);
    expect(report!.reading.misplacedNames).toEqual([
      { fieldId: contact.id, pointsAt: { sheetName: contact.sheetName, cell: label } },
    ]);
    expect(report!.reading.values[contact.id]).toBeNull();
    expect(report!.reading.cells[contact.id]).toEqual({ sheetName: contact.sheetName, cell: contact.cell });
    const issues = checkReport(report!).filter((i) => i.fieldId === contact.id);
    expect(issues.map((i) => i.ruleId)).toEqual(["structure.name-tampered", "cover.required"]);
  });

  test("a report as the template made it is opened in two syncs", async () => {
    const { fake, workbook } = await filled();
    const { result: report, syncs } = await fake.measure(() => workbook.openReport());
    expect(syncs).toHaveLength(2);
    expect(report!.reading.misplacedNames).toEqual([]);
  });
});

describe("structure.metadata-mismatch", () => {
  test("a blanked profile is a blocking error in the pane's check, and the pane does not refresh it", async () => {
    const { fake, workbook } = await filled();
    fake.user.unprotect(SHEET_NAMES.meta);
    fake.user.type(SHEET_NAMES.meta, `B${META_KEYS.indexOf("categories") + 1}`, "");
    const report = await workbook.openReport();
    expect(report!.profile.categories).toEqual([]);
    const found = checkReport(report!).filter((i) => i.ruleId === "structure.metadata-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0].message.zh).toMatch(/^工作簿的结构与其元数据不符：.*概况“（无）”/);
    const refused = await workbook.refresh().catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(WorkbookError);
    expect((refused as WorkbookError).problem).toBe("metadata-mismatch");
    expect((await workbook.openReport())!.reading.metadataMismatch).toBeDefined();
  });
});
