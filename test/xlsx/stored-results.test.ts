import { join } from "node:path";
import { buildLayout, resolveProfile } from "../../src/layout";
import { bundledSpec } from "../../src/spec";
import { loadWorkbookFile, readDefinedNames } from "../../src/xlsx/read";
import { runCli } from "../helpers/cli";
import { CSV_ALL_SHEETS_AS_SHOWN, convertAsOpened } from "../helpers/libreoffice";
import { recalculateWithLibreOffice, runPython, tempDir } from "../helpers/tools";

/**
 * Every formula cell of every file a command writes stores the result its formula gives for the values in
 * that file: the same as openpyxl reads, as LibreOffice computes when forced to recalculate, and as
 * LibreOffice shows with its default settings (which never recalculate an .xlsx on load).
 */

// 2019.1.0: its template still asks a province with a review centre for the trademark examination cycle.
const spec = bundledSpec("cnipa-ip-hqd-2019", "2019.1.0");
const PROVINCE = "江苏";
const CATEGORIES = ["trademark-review-center", "ip-operation"];
const dir = tempDir("stored-results");
const file = (name: string) => join(dir, `${name}.xlsx`);

/** Every formula cell with its stored result, LibreOffice's recalculated result and what LibreOffice shows. */
const FORMULA_CELLS = `
import csv, json, os, sys, openpyxl
from openpyxl.utils.cell import coordinate_to_tuple
path, recalculated, csv_prefix = sys.argv[1:4]
formulas = openpyxl.load_workbook(path)
stored = openpyxl.load_workbook(path, data_only=True)
recalc = openpyxl.load_workbook(recalculated, data_only=True)
out = []
for ws in formulas.worksheets:
    shown_path = csv_prefix + "-" + ws.title + ".csv"
    shown = list(csv.reader(open(shown_path, encoding="utf-8"))) if os.path.exists(shown_path) else None
    for row in ws.iter_rows():
        for c in row:
            if c.data_type != "f":
                continue
            r, k = coordinate_to_tuple(c.coordinate)
            text = None
            if shown is not None:
                text = shown[r - 1][k - 1] if r <= len(shown) and k <= len(shown[r - 1]) else ""
            out.append({
                "sheet": ws.title, "cell": c.coordinate, "formula": str(c.value), "format": c.number_format,
                "stored": stored[ws.title][c.coordinate].value,
                "recalculated": recalc[ws.title][c.coordinate].value,
                "shown": text,
            })
print(json.dumps(out, ensure_ascii=False, default=str))
`;

interface FormulaCell {
  sheet: string;
  cell: string;
  formula: string;
  format: string;
  stored: string | number | boolean | null;
  recalculated: string | number | boolean | null;
  shown: string | null;
}

/** An empty string and no value are the same result (openpyxl reads a stored "" as None). */
function normalised(value: FormulaCell["stored"]): FormulaCell["stored"] {
  return value === "" ? null : value;
}

/** How a result is shown with the cell's number format (the status formulas' cells: general and 0.0%). */
function display(value: FormulaCell["stored"], format: string): string {
  if (value === null || value === "") return "";
  if (typeof value === "number" && format === "0.0%") return `${(value * 100).toFixed(1)}%`;
  return String(value);
}

function expectSame(cell: FormulaCell): void {
  const where = `${cell.sheet}!${cell.cell} ${cell.formula}`;
  const stored = normalised(cell.stored);
  const recalculated = normalised(cell.recalculated);
  if (typeof stored === "number" && typeof recalculated === "number") {
    expect([where, stored]).toEqual([where, expect.closeTo(recalculated, 12)]);
  } else {
    expect([where, stored]).toEqual([where, recalculated]);
  }
  if (cell.shown !== null) expect([where, cell.shown]).toEqual([where, display(cell.stored, cell.format)]);
}

const written: Record<string, string> = {
  template: file("template"),
  "sample (no defects)": file("sample-none"),
  "sample (with defects)": file("sample-some"),
  "refresh of a report edited without recalculation": file("refreshed"),
  "validate --annotate of the same report": file("annotated"),
};
const cells: Record<string, FormulaCell[]> = {};

beforeAll(async () => {
  const v1 = join(__dirname, "..", "..", "src", "spec", "specs", "cnipa-ip-hqd-2019.json");
  const profile = ["--province", PROVINCE, "--profile", CATEGORIES.join(","), "--spec", v1];
  const ok = async (argv: string[]) => expect((await runCli(argv)).code).toBeLessThan(2);
  await ok(["template", ...profile, "--out", file("template")]);
  await ok(["sample", ...profile, "--seed", "3", "--out", file("sample-none")]);
  await ok(["sample", ...profile, "--seed", "3", "--defects", "some", "--out", file("sample-some")]);

  // A clerk changes figures in a program that stores no new results (as a script with ExcelJS would):
  // the file now holds results that are stale for its own values.
  const layout = buildLayout(spec, resolveProfile(spec, PROVINCE, CATEGORIES));
  const wb = await loadWorkbookFile(file("sample-some"));
  const names = readDefinedNames(wb);
  const put = (id: string, value: string | number | null) => {
    const ref = names.get(layout.fields.find((f) => f.id === id)!.name)!;
    wb.getWorksheet(ref.sheetName)!.getCell(ref.cell).value = value;
  };
  put("target.ip-insurance-growth.baseline", 50); // +24%: 达标
  put("target.ip-insurance-growth.actual", 62);
  put("target.pledge-financing-growth.baseline", 100); // +8%: 未达标
  put("target.pledge-financing-growth.actual", 108);
  put("target.trademark-exam-cycle.actual", 6.2); // a ceiling of 5 months: 未达标
  put("target.invention-backlog-cleared.actual", 1200); // national: 计入全国汇总
  put("target.operation-fund-investment-growth.baseline", "120"); // text in a number cell: 待填
  put("target.operation-fund-investment-growth.actual", 130);
  await wb.xlsx.writeFile(file("edited"));
  await ok(["refresh", file("edited"), "--to", spec.specVersion, "--out", file("refreshed")]);
  await ok(["validate", file("edited"), "--annotate", file("annotated")]);

  const shownDir = join(dir, "shown");
  convertAsOpened(Object.values(written), shownDir, CSV_ALL_SHEETS_AS_SHOWN);
  for (const [what, path] of Object.entries(written)) {
    const recalculated = recalculateWithLibreOffice(path, join(dir, "recalculated"));
    const prefix = join(
      shownDir,
      path
        .split("/")
        .pop()!
        .replace(/\.xlsx$/, ""),
    );
    cells[what] = runPython(FORMULA_CELLS, [path, recalculated, prefix]) as FormulaCell[];
  }
}, 600_000);

describe("stored formula results", () => {
  test.each(Object.keys(written))(
    "%s: every formula stores what LibreOffice computes, and LibreOffice shows it unrecalculated",
    (what) => {
      const found = cells[what]!;
      expect(found.filter((c) => c.sheet === "主要目标").length).toBeGreaterThan(20);
      for (const cell of found) expectSame(cell);
    },
  );

  test("the edited figures' status cells, the ones the red and green formats read, are up to date", () => {
    for (const what of [
      "refresh of a report edited without recalculation",
      "validate --annotate of the same report",
    ]) {
      const statuses = cells[what]!.filter((c) => c.sheet === "主要目标" && /待填|选填/.test(c.formula));
      const shown = statuses.map((c) => c.shown);
      expect(shown).toEqual(expect.arrayContaining(["达标", "未达标", "计入全国汇总", "待填"]));
    }
  });

  test("the annotated copy's links to issue cells store their text", () => {
    const links = cells["validate --annotate of the same report"]!.filter((c) => c.sheet === "校验结果");
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link.stored).toMatch(/^[^!]+![A-Z]+\d+$/);
  });
});
