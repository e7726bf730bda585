import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { bundledSpec } from "../../src/spec";
import { buildLayout, resolveProfile } from "../../src/layout";
import { renderXlsx } from "../../src/xlsx/render";
import { loadWorkbook, readDefinedNames } from "../../src/xlsx/read";
import { recalculateWithLibreOffice, runPython, tempDir } from "../helpers/tools";

// 2019.1.0: its template still asks provinces with a review centre for 商标注册审查周期, the one provincial
// level target with a ceiling (≤5个月), whose status formula LibreOffice recalculates below. 2019.2.0's 主要目标
// sheet differs only in three rows the national office reports (no inputs, no formula).
const spec = bundledSpec("cnipa-ip-hqd-2019", "2019.1.0");
const layout = buildLayout(spec, resolveProfile(spec, "江苏", ["trademark-review-center"]));
const dir = tempDir("readers");
const template = join(dir, "江苏.xlsx");

const OPENPYXL_SUMMARY = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], data_only=(sys.argv[2] == "values"))
out = {"sheets": [[ws.title, ws.sheet_state] for ws in wb.worksheets], "names": {}, "validations": {}, "cf": {}, "cells": {}}
for dn in wb.defined_names.definedName:
    out["names"][dn.name] = dn.attr_text
for ws in wb.worksheets:
    out["validations"][ws.title] = sorted({dv.type for dv in ws.data_validations.dataValidation})
    out["cf"][ws.title] = sum(len(rules) for rules in ws.conditional_formatting._cf_rules.values())
for ref in sys.argv[3:]:
    sheet, cell = ref.split("!")
    out["cells"][ref] = wb[sheet][cell].value
print(json.dumps(out, ensure_ascii=False, default=str))
`;

interface Summary {
  sheets: [string, string][];
  names: Record<string, string>;
  validations: Record<string, string[]>;
  cf: Record<string, number>;
  cells: Record<string, unknown>;
}

const field = (id: string) => layout.fields.find((f) => f.id === id)!;
const statusRef = (id: string) => `主要目标!K${field(`target.${id}.actual`).row}`;

beforeAll(async () => {
  writeFileSync(template, await renderXlsx(layout));
});

describe("openpyxl, a reader we did not write, reads the template", () => {
  test("sheets, very hidden metadata, defined names, data validations and conditional formats", () => {
    const s = runPython(OPENPYXL_SUMMARY, [
      template,
      "formulas",
      statusRef("pledge-financing-growth"),
    ]) as Summary;
    expect(s.sheets).toEqual(layout.sheets.map((x) => [x.name, x.visibility]));
    for (const f of layout.fields) {
      expect(s.names[f.name]).toBe(
        `'${f.sheetName}'!$${f.cell.match(/[A-Z]+/)![0]}$${f.cell.match(/\d+/)![0]}`,
      );
    }
    expect(s.validations["任务清单"]).toEqual(["list", "textLength"]);
    expect(s.validations["主要目标"]).toEqual(expect.arrayContaining(["decimal", "whole", "textLength"]));
    expect(s.validations["封面"]).toEqual(expect.arrayContaining(["date", "textLength"]));
    expect(s.cf["主要目标"]).toBeGreaterThan(30);
    expect(String(s.cells[statusRef("pledge-financing-growth")])).toMatch(/^=IF\(ISNUMBER\(J\d+\)/);
  });
});

describe("LibreOffice headless recalculates the template's status formulas", () => {
  test("a growth below goal is 未达标, above is 达标, a level over its ceiling 未达标, empty is 待填", async () => {
    const wb = await loadWorkbook(await renderXlsx(layout));
    const names = readDefinedNames(wb);
    const put = (id: string, value: number) => {
      const ref = names.get(field(id).name)!;
      wb.getWorksheet(ref.sheetName)!.getCell(ref.cell).value = value;
    };
    put("target.pledge-financing-growth.baseline", 100); // 专利商标质押融资金额增长力争不低于10%: +8% misses
    put("target.pledge-financing-growth.actual", 108);
    put("target.ip-insurance-growth.baseline", 50); // 知识产权保险保障金额增长20%以上: +24% meets
    put("target.ip-insurance-growth.actual", 62);
    put("target.ip-service-revenue-growth.baseline", 100); // exactly +20%: meets (≥)
    put("target.ip-service-revenue-growth.actual", 120);
    put("target.trademark-exam-cycle.actual", 6.2); // 商标注册审查周期压缩至5个月以内: 6.2 misses
    put("target.invention-backlog-cleared.actual", 1200); // national: only counted nationally
    const filled = join(dir, "filled.xlsx");
    await wb.xlsx.writeFile(filled);

    const outDir = tempDir("lo");
    const recalculated = recalculateWithLibreOffice(filled, outDir);
    const ids = [
      "pledge-financing-growth",
      "ip-insurance-growth",
      "ip-service-revenue-growth",
      "trademark-exam-cycle",
      "operation-fund-investment-growth",
      "invention-backlog-cleared",
    ];
    const s = runPython(OPENPYXL_SUMMARY, [recalculated, "values", ...ids.map(statusRef)]) as Summary;
    expect(ids.map((id) => s.cells[statusRef(id)])).toEqual([
      "未达标",
      "达标",
      "达标",
      "未达标",
      "待填",
      "计入全国汇总",
    ]);
    // LibreOffice kept the template's own checks: they still guide a clerk with no add-in.
    expect(s.validations["任务清单"]).toEqual(expect.arrayContaining(["list"]));
    expect(s.cf["主要目标"]).toBeGreaterThan(30);
  });
});
