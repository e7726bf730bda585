import type ExcelJS from "exceljs";
import { OfficeReportWorkbook } from "../../src/excel/office-workbook";
import { buildLayout, resolveProfile, type CellValue, type FieldId } from "../../src/layout";
import { RefreshError } from "../../src/refresh/versions";
import { sampleValues } from "../../src/sample";
import type { Spec } from "../../src/spec";
import { loadWorkbook } from "../../src/xlsx/read";
import { refreshWorkbook } from "../../src/xlsx/refresh";
import { renderWorkbook } from "../../src/xlsx/render";
import { writeValues } from "../../src/xlsx/write";
import { openReport } from "../../src/xlsx/report";
import { workbookBytes } from "../../src/xlsx/package";
import { FakeExcel } from "../fake-excel";
import { spec2019v2 } from "../fixtures/spec-versions";
import { fillThroughOffice, spec as v1 } from "./scenario";

/**
 * Refresh through both adapters on the same scenarios: the same plan, the same versions on each side, and the
 * same reading of the refreshed workbook. Both call one pure preparation (src/refresh/prepare.ts); this holds
 * them to it.
 */

const v2 = spec2019v2();
const layout = buildLayout(v1, resolveProfile(v1, "江苏", ["ip-protection-center", "ip-operation"]));
const values = sampleValues(v1, layout, { seed: 11, defects: "some" }).values;

async function throughOffice(
  specs: Spec[],
  request: { toVersion?: string; categories?: string[] },
  damage?: (fake: FakeExcel) => Promise<void>,
) {
  const fake = new FakeExcel();
  const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported, specs);
  const outcome = await workbook.insertTemplate(layout);
  if (outcome.status !== "inserted") throw new Error("insert refused");
  await fillThroughOffice(fake, layout, values);
  if (damage) await damage(fake);
  const result = await workbook.refresh(request);
  const after = await workbook.openReport();
  return { result, reading: after!.reading.values };
}

async function throughExcelJS(
  specs: Spec[],
  request: { toVersion?: string; categories?: string[] },
  damage: (wb: ExcelJS.Workbook) => void = () => {},
) {
  const wb = await renderWorkbook(layout);
  writeValues(wb, layout, values);
  damage(wb);
  const source = await loadWorkbook(await workbookBytes(wb));
  const result = await refreshWorkbook(source, { specs, ...request });
  const after = openReport(await loadWorkbook(await workbookBytes(result.workbook)), undefined, specs);
  return { result, reading: after.reading.values };
}

function nonEmpty(reading: Record<FieldId, CellValue>): Record<FieldId, CellValue> {
  return Object.fromEntries(Object.entries(reading).filter(([, v]) => v !== null && v !== ""));
}

describe("refresh through both adapters", () => {
  const cases: [string, Spec[], { toVersion?: string; categories?: string[] }][] = [
    ["at the same version (a repair)", [v1], {}],
    ["to 2019.2.0 (a renamed field, a retired one, an added indicator)", [v1, v2], {}],
    ["with a changed profile (a task stops applying)", [v1], { categories: ["ip-operation"] }],
  ];
  test.each(cases)("%s: the same plan, versions and refreshed values", async (_, specs, request) => {
    const office = await throughOffice(specs, request);
    const xlsx = await throughExcelJS(specs, request);
    expect(office.result.plan).toEqual(xlsx.result.plan);
    expect(office.result.from).toEqual(xlsx.result.from);
    expect(office.result.to).toEqual(xlsx.result.to);
    expect(nonEmpty(office.reading)).toEqual(nonEmpty(xlsx.reading));
  });

  test("a deleted defined name is recovered from the metadata's field table in both", async () => {
    const field = layout.fields.find((f) => f.id === "task.2.progress")!;
    const office = await throughOffice([v1], {}, async (fake) => {
      await fake.run(async (ctx) => {
        ctx.workbook.names.getItem(field.name).delete();
        await ctx.sync();
      });
    });
    const xlsx = await throughExcelJS([v1], {}, (wb) =>
      wb.definedNames.remove(`'${field.sheetName}'!${field.cell}`, field.name),
    );
    expect(office.result.recovered).toEqual(["task.2.progress"]);
    expect(xlsx.result.recovered).toEqual(["task.2.progress"]);
    expect(office.reading["task.2.progress"]).toEqual(values["task.2.progress"]);
    expect(xlsx.reading["task.2.progress"]).toEqual(values["task.2.progress"]);
  });

  test("a version older than the workbook's is refused with the same words in both", async () => {
    const refusal = async (run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (err) {
        return err;
      }
      throw new Error("not refused");
    };
    const office = await refusal(() => throughOffice([v1, v2], { toVersion: "2019.0.9" }));
    const xlsx = await refusal(() => throughExcelJS([v1, v2], { toVersion: "2019.0.9" }));
    expect(office).toBeInstanceOf(RefreshError);
    expect((office as RefreshError).detail).toEqual((xlsx as RefreshError).detail);
  });
});
