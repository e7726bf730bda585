import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { overCellLimit } from "../../src/layout/cell-limit";
import { readReport } from "../../src/reader";
import { bundledSpecs } from "../../src/spec";
import { workbookBytes } from "../../src/xlsx/package";
import { loadWorkbookFile, readDefinedNames } from "../../src/xlsx/read";
import { openReport } from "../../src/xlsx/report";
import { tempDir } from "../helpers/tools";

/**
 * Issue 11, item 11: a text over Excel's 32,767 characters is one rule. `validate` (the report reader) and
 * `refresh` (ExcelJS) both read it whole and say it in the same words; the compiled command is run.
 */

const dir = tempDir("cli-cell-limit");
const bin = join(__dirname, "..", "..", "bin", "ip-report.js");
const file = join(dir, "江苏-超长.xlsx");
const FIELD = "task.2.progress";
const LONG = "知".repeat(40_000);

function ipReport(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  const sample = join(dir, "江苏.xlsx");
  execFileSync(process.execPath, [bin, "sample", "--province", "江苏", "--seed", "3", "--out", sample]);
  const wb = await loadWorkbookFile(sample);
  const at = readDefinedNames(wb).get("F_task_2_progress")!;
  // Straight into the cell: the product's own writer refuses such a text, a clerk's paste in WPS does not.
  wb.getWorksheet(at.sheetName)!.getCell(at.cell).value = LONG;
  writeFileSync(file, await workbookBytes(wb));
});

describe("Excel's 32,767-character cell limit", () => {
  test("both readers read the 40,000 characters whole", async () => {
    const specs = bundledSpecs();
    expect(readReport(readFileSync(file), specs).reading.values[FIELD]).toBe(LONG);
    expect(openReport(await loadWorkbookFile(file), file, specs).reading.values[FIELD]).toBe(LONG);
  });

  test("validate reports it as an error; refresh refuses it in the same words and writes nothing", () => {
    const validate = ipReport(["validate", file, "--json"]);
    expect(validate.code).toBe(1);
    const issues = JSON.parse(validate.out)[0].issues as {
      ruleId: string;
      message: { zh: string; en: string };
    }[];
    const found = issues.filter((i) => i.ruleId === "value.text.cell-limit");
    expect(found).toHaveLength(1);
    const { layout } = readReport(readFileSync(file), bundledSpecs());
    const label = layout.fields.find((f) => f.id === FIELD)!.label;
    expect(found[0].message).toEqual(overCellLimit(label, 40_000));

    const out = join(dir, "refreshed.xlsx");
    const refresh = ipReport(["refresh", file, "--out", out]);
    expect(refresh.code).toBe(2);
    expect(refresh.err).toContain(found[0].message.zh);
    expect(refresh.err.trim().split("\n")).toHaveLength(1);
    expect(() => readFileSync(out)).toThrow();
  });
});
