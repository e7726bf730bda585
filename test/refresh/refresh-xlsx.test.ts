import ExcelJS from "exceljs";
import { buildLayout, resolveProfile, type CellValue, type WorkbookLayout } from "../../src/layout";
import { RefreshError } from "../../src/refresh/versions";
import { RETIRED_SHEET_NAME } from "../../src/refresh/retired";
import type { Spec } from "../../src/spec";
import { loadWorkbook, readDefinedNames } from "../../src/xlsx/read";
import { refreshWorkbook } from "../../src/xlsx/refresh";
import { renderWorkbook } from "../../src/xlsx/render";
import { openReport } from "../../src/xlsx/report";
import { writeValues } from "../../src/xlsx/write";
import { spec2019v2 } from "../fixtures/spec-versions";
import { spec2019 } from "../helpers/specs";

const v1 = spec2019();
const v2 = spec2019v2();
const specs: Spec[] = [v1, v2];

const VALUES: Record<string, CellValue> = {
  "cover.department": "知识产权保护处",
  "cover.contact": "王芳",
  "cover.phone": "025-83276543",
  "task.2.status": "已完成",
  "task.2.progress": "=cmd|' /C calc'!A0 建立完善各级专利资助和奖励工作台账",
  "task.2.subsidy-ledger": "是",
  "task.3.status": "推进中",
  "task.3.progress": "优化审查质量管理，加强商标审查质量监控。",
  "task.13.clues-reported": 12,
  "task.13.clues-reported.source": "省局商标监管台账",
  "target.pledge-financing-growth.baseline": 100,
  "target.pledge-financing-growth.actual": 111,
  "target.pledge-financing-growth.source": "人民银行南京分行",
};

async function filledWorkbook(layout: WorkbookLayout, values = VALUES): Promise<ExcelJS.Workbook> {
  const wb = await renderWorkbook(layout);
  writeValues(wb, layout, values);
  // Round-trip through bytes: refresh sees what a returned file holds, not the writer's objects.
  return loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
}

async function reopen(wb: ExcelJS.Workbook) {
  return openReport(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer())), undefined, specs);
}

const layoutV1 = buildLayout(v1, resolveProfile(v1, "江苏", ["trademark-review-center"]));

describe(`refresh across versions (${v1.specVersion} → ${v2.specVersion}, migration as data)`, () => {
  test("keeps every value, moves renamed ids, retires what has no home, and adds new fields", async () => {
    const result = await refreshWorkbook(await filledWorkbook(layoutV1), { specs });
    expect(result.from.specVersion).toBe(v1.specVersion);
    expect(result.to.specVersion).toBe(v2.specVersion);
    expect(result.plan.moved).toEqual(
      expect.arrayContaining([
        { from: "task.13.clues-reported", to: "task.13.clues-submitted" },
        { from: "task.13.clues-reported.source", to: "task.13.clues-submitted.source" },
      ]),
    );
    expect(result.plan.retired).toEqual([
      {
        id: "task.2.subsidy-ledger",
        label: expect.objectContaining({ zh: expect.stringContaining("台账") }),
        value: "是",
        specVersion: v1.specVersion,
      },
    ]);
    expect(result.plan.added).toEqual(
      expect.arrayContaining([
        "task.18.shortage-talent-classes-held",
        "task.18.shortage-talent-classes-held.source",
      ]),
    );

    const after = await reopen(result.workbook);
    expect(after.spec.specVersion).toBe(v2.specVersion);
    expect(after.reading.values["task.13.clues-submitted"]).toBe(12);
    for (const [id, value] of Object.entries(VALUES)) {
      if (id.startsWith("task.13.clues-reported") || id === "task.2.subsidy-ledger") continue;
      expect([id, after.reading.values[id]]).toEqual([id, value]);
    }
    expect(after.reading.formulas["task.2.progress"]).toBeUndefined();
    const retiredSheet = result.workbook.getWorksheet(RETIRED_SHEET_NAME)!;
    expect(retiredSheet.getCell("A2").value).toBe("task.2.subsidy-ledger");
    expect(retiredSheet.getCell("C2").value).toBe("是");
  });

  test("a second refresh keeps values already on the retired-fields sheet", async () => {
    const once = await refreshWorkbook(await filledWorkbook(layoutV1), { specs });
    const twice = await refreshWorkbook(
      await loadWorkbook(Buffer.from(await once.workbook.xlsx.writeBuffer())),
      { specs },
    );
    expect(twice.plan.retired.map((r) => [r.id, r.value])).toEqual([["task.2.subsidy-ledger", "是"]]);
  });

  test("refuses a downgrade and a version that does not exist", async () => {
    const v2Layout = buildLayout(v2, resolveProfile(v2, "江苏", []));
    const wb = await filledWorkbook(v2Layout, { "cover.contact": "王芳" });
    await expect(refreshWorkbook(wb, { specs, toVersion: v1.specVersion })).rejects.toMatchObject({
      problem: "downgrade",
    });
    await expect(refreshWorkbook(wb, { specs, toVersion: "2020.1.0" })).rejects.toBeInstanceOf(RefreshError);
  });
});

describe("refresh at the same version repairs damage", () => {
  test("a deleted validation, an overwritten status formula and a deleted defined name come back, values kept", async () => {
    const wb = await filledWorkbook(layoutV1);
    const status = layoutV1.fields.find((f) => f.id === "task.2.status")!;
    const tasks = wb.getWorksheet(status.sheetName)!;
    tasks.getCell(status.cell).dataValidation = undefined as unknown as ExcelJS.DataValidation;
    const targets = wb.getWorksheet("主要目标")!;
    const actual = layoutV1.fields.find((f) => f.id === "target.pledge-financing-growth.actual")!;
    targets.getCell(actual.row, 11).value = "达标";
    wb.definedNames.remove(`'${status.sheetName}'!$${status.cell.replace(/(\d+)/, "$$$1")}`, status.name);
    expect(readDefinedNames(wb).has(status.name)).toBe(false);

    const result = await refreshWorkbook(wb, { specs: [v1] });
    expect(result.recovered).toEqual(["task.2.status"]);
    expect(result.plan.kept).toContain("task.2.status");
    const after = await reopen(result.workbook);
    expect(after.reading.missingNames).toEqual([]);
    expect(after.reading.values["task.2.status"]).toBe("已完成");
    const repaired = result.workbook.getWorksheet("任务清单")!.getCell(status.cell).dataValidation;
    expect(repaired).toMatchObject({ type: "list" });
    const formula = result.workbook.getWorksheet("主要目标")!.getCell(actual.row, 11)
      .value as ExcelJS.CellFormulaValue;
    expect(formula.formula).toContain("未达标");
  });

  test("keeps the user's own sheet, note, fill and column width", async () => {
    const wb = await filledWorkbook(layoutV1);
    const mine = wb.addWorksheet("我的备注");
    mine.getCell("A1").value = "内部核对清单";
    mine.getCell("B2").value = 42;
    const progress = layoutV1.fields.find((f) => f.id === "task.3.progress")!;
    const tasks = wb.getWorksheet("任务清单")!;
    // A note holding the user's words and a validation's stale message: only the user's words travel.
    tasks.getCell(progress.cell).note =
      "请处长审核\n【ip-report 校验】\nE101 必做任务未填写工作进展\n【以上由 ip-report 生成，重新校验时替换】";
    tasks.getCell(progress.cell).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
    tasks.getColumn(7).width = 60;

    const result = await refreshWorkbook(await loadWorkbook(Buffer.from(await wb.xlsx.writeBuffer())), {
      specs: [v1],
    });
    const out = result.workbook;
    expect(out.getWorksheet("我的备注")!.getCell("A1").value).toBe("内部核对清单");
    expect(out.getWorksheet("我的备注")!.getCell("B2").value).toBe(42);
    const cell = out.getWorksheet("任务清单")!.getCell(progress.cell);
    expect(cell.note).toBe("请处长审核");
    expect(cell.fill).toMatchObject({ fgColor: { argb: "FF00B0F0" } });
    expect(out.getWorksheet("任务清单")!.getColumn(7).width).toBe(60);
  });
});

describe("a profile change is a refresh", () => {
  test("values of a task that stops applying stay where they are and are flagged", async () => {
    const result = await refreshWorkbook(await filledWorkbook(layoutV1), { specs: [v1], categories: [] });
    expect(result.to.profile.categories).toEqual([]);
    expect(result.plan.stoppedApplying).toEqual(expect.arrayContaining(["task.3.status", "task.3.progress"]));
    const after = await reopen(result.workbook);
    expect(after.reading.values["task.3.progress"]).toBe(VALUES["task.3.progress"]);
  });
});
