import fc from "fast-check";
import type ExcelJS from "exceljs";
import { buildLayout, resolveProfile, type CellValue, type WorkbookLayout } from "../../src/layout";
import { mapFieldId } from "../../src/refresh/plan";
import { migrationPath } from "../../src/refresh/versions";
import { latestSpec, type Spec } from "../../src/spec";
import { loadWorkbook } from "../../src/xlsx/read";
import { refreshWorkbook } from "../../src/xlsx/refresh";
import { renderWorkbook } from "../../src/xlsx/render";
import { openReport } from "../../src/xlsx/report";
import { writeValues } from "../../src/xlsx/write";
import { spec2019v2 } from "../fixtures/spec-versions";
import { normalized, valuesFor } from "./values.arbitrary";

const v1 = latestSpec();
const v2 = spec2019v2();
const specs: Spec[] = [v1, v2];
const layout = buildLayout(v1, resolveProfile(v1, "广东", ["ip-protection-center", "tisc-host"]));

type Damage = { dropValidations: number[]; renameSheet: boolean; extraSheet: boolean };

const damageArb: fc.Arbitrary<Damage> = fc.record({
  dropValidations: fc.array(fc.nat({ max: layout.fields.length - 1 }), { maxLength: 8 }),
  renameSheet: fc.boolean(),
  extraSheet: fc.boolean(),
});

/** Damage as a user's Excel would leave it: renaming a sheet in Excel also repoints its defined names. */
function damage(wb: ExcelJS.Workbook, l: WorkbookLayout, d: Damage): void {
  for (const i of d.dropValidations) {
    const f = l.fields[i];
    wb.getWorksheet(f.sheetName)!.getCell(f.cell).dataValidation =
      undefined as unknown as ExcelJS.DataValidation;
  }
  if (d.renameSheet) {
    const ws = wb.getWorksheet("任务清单")!;
    ws.name = "任务清单（修改）";
    const model = wb.definedNames.model as { name: string; ranges: string[] }[];
    wb.definedNames.model = model.map((n) => ({
      name: n.name,
      ranges: n.ranges.map((r) => r.replace("'任务清单'!", "'任务清单（修改）'!")),
    }));
  }
  if (d.extraSheet) wb.addWorksheet("自建表").getCell("A1").value = "=不是公式";
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  return loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
}

const RUNS = Number(process.env.REFRESH_PROPERTY_RUNS ?? 150);

describe("refresh never loses a value (property-based, .xlsx adapter)", () => {
  test.each([
    ["the same version", "2019.1.0"],
    ["2019.1.0 → 2019.2.0", "2019.2.0"],
  ])(
    "across %s: every value is where its field id says, unchanged, and no text became a formula",
    async (_, to) => {
      await fc.assert(
        fc.asyncProperty(valuesFor(layout.fields, v1.year), damageArb, async (values, d) => {
          const wb = await renderWorkbook(layout);
          writeValues(wb, layout, values);
          damage(wb, layout, d);
          const result = await refreshWorkbook(await roundTrip(wb), { specs, toVersion: to });
          const after = openReport(await roundTrip(result.workbook), undefined, specs);
          const path = migrationPath(specs, v1, to === v2.specVersion ? v2 : v1);
          const retired = new Map(result.plan.retired.map((r) => [r.id, r.value]));
          for (const [id, value] of Object.entries(values)) {
            const newId = mapFieldId(id, path);
            const found: CellValue | undefined = newId ? after.reading.values[newId] : retired.get(id);
            if (normalized(found) !== normalized(value)) {
              throw new Error(
                `${id} → ${newId ?? "retired"}: wrote ${JSON.stringify(value)?.slice(0, 80)}, found ${JSON.stringify(found)?.slice(0, 80)}`,
              );
            }
            if (newId && after.reading.formulas[newId] !== undefined)
              throw new Error(`${newId} became a formula`);
          }
          if (d.extraSheet && !result.workbook.getWorksheet("自建表"))
            throw new Error("the user's sheet was lost");
        }),
        { numRuns: RUNS, endOnFailure: process.env.CI !== undefined },
      );
    },
  );
});
