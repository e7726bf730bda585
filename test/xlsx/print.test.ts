import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { buildLayout, resolveProfile } from "../../src/layout";
import { MAX_ROW_HEIGHT } from "../../src/layout/row-height";
import { spec2019 } from "../helpers/specs";
import { loadWorkbookFile, readDefinedNames } from "../../src/xlsx/read";
import { runCli } from "../helpers/cli";
import { convertAsOpened } from "../helpers/libreoffice";
import { requireTool, runPython, tempDir } from "../helpers/tools";

/**
 * Text cut off in print: each sheet of a filled report, rendered to PDF by LibreOffice as a clerk's copy
 * prints (default settings), holds every visible cell's text whole. LibreOffice draws only the lines a row
 * has room for, so a cut narrative is missing from the PDF's text.
 */

const spec = spec2019();
const PROVINCE = "江苏";
const CATEGORIES = ["trademark-review-center", "ip-operation", "strong-ip-province-pilot"];
const dir = tempDir("print");
const file = (name: string) => join(dir, `${name}.xlsx`);

/** Long narratives as provinces write them: several sentences, a list on its own lines, figures, a dash of English. */
function narrative(task: number, sentences: number): string {
  const sentence = (i: number) =>
    `第${i + 1}项：我局围绕任务${task}的要求，会同市场监管、公安、法院等部门建立联动机制，全年办理案件${120 + i}件，` +
    `涉案金额${(3.5 + i).toFixed(1)}亿元，同比增长${12 + i}%。`;
  const body = Array.from({ length: sentences }, (_, i) => sentence(i)).join("");
  return `${body}\n一是完善制度；二是加强培训（IP training for SMEs, 12 sessions）；三是强化督导。`;
}

const written = {
  template: file("template"),
  sample: file("sample"),
  refreshed: file("refreshed"),
  annotated: file("annotated"),
};

interface Check {
  file: string;
  /** Visible cells whose text is not whole in the PDF. */
  missing: { sheet: string; cell: string; text: string }[];
  checked: number;
  /** Pages per sheet, from each page's footer (the sheet's name at its left). */
  pages: Record<string, number>;
  /** Row heights above Excel's maximum. */
  tooTall: string[];
}

const CHECK_PDF = `
import json, re, subprocess, sys, openpyxl
xlsx, pdf = sys.argv[1:3]
text = subprocess.run(["/usr/bin/pdftotext", "-raw", pdf, "-"], capture_output=True, text=True, check=True).stdout
norm = lambda s: re.sub(r"\\s+", "", s)
whole = norm(text)
wb = openpyxl.load_workbook(xlsx)
visible = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
out = {"file": xlsx, "missing": [], "checked": 0, "pages": {}, "tooTall": []}
for page in text.split("\\f"):
    lines = [l.strip() for l in page.strip().splitlines() if l.strip()]
    footer = next((l for l in reversed(lines) if re.search(r"第 \\d+ 页，共 \\d+ 页", l)), None)
    if footer is None:
        continue
    sheet = next((ws.title for ws in visible if footer.startswith(ws.title) or (ws.title + " ") in footer), footer)
    out["pages"][sheet] = out["pages"].get(sheet, 0) + 1
for ws in visible:
    for r, dim in ws.row_dimensions.items():
        if dim.height is not None and dim.height > ${MAX_ROW_HEIGHT}:
            out["tooTall"].append(f"{ws.title}!{r}")
    for row in ws.iter_rows():
        for c in row:
            if not isinstance(c.value, str) or c.data_type == "f" or not c.value.strip():
                continue
            if ws.column_dimensions[c.column_letter].hidden:
                continue
            out["checked"] += 1
            if norm(c.value) not in whole:
                out["missing"].append({"sheet": ws.title, "cell": c.coordinate, "text": c.value[:80]})
print(json.dumps(out, ensure_ascii=False))
`;

/**
 * A copy drawn in Excel's column geometry. LibreOffice sizes a column unit by the digit of the workbook's default
 * font (Calibri); where Calibri and its metric twin Carlito are missing (as on Debian without
 * fonts-crosextra-carlito) it takes DejaVu Sans, whose wider digit makes every column a third wider than in Excel.
 * DejaVu Sans at 8.25 pt has Calibri 11's 7 px digit: with it as the default font, columns are as wide as Excel
 * draws them, and the cells' own fonts are unchanged. The estimate must hold there too.
 */
const EXCEL_GEOMETRY = `
import re, sys, zipfile
src, dst = sys.argv[1:3]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        if item.filename == "xl/styles.xml":
            text, n = re.subn(r"(<fonts[^>]*>)<font>.*?</font>", r'\\1<font><sz val="8.25"/><name val="DejaVu Sans"/></font>', data.decode("utf-8"), count=1, flags=re.S)
            assert n == 1
            data = text.encode("utf-8")
        zout.writestr(item, data)
print("[]")
`;

const checks: Record<string, Check> = {};
const inExcelGeometry = ["sample", "refreshed", "annotated"] as const;

beforeAll(async () => {
  requireTool("/usr/bin/pdftotext", "poppler-utils");
  const profile = ["--province", PROVINCE, "--profile", CATEGORIES.join(",")];
  const ok = async (argv: string[]) => expect((await runCli(argv)).code).toBeLessThan(2);
  await ok(["template", ...profile, "--out", written.template]);
  await ok(["sample", ...profile, "--seed", "11", "--defects", "some", "--out", written.sample]);

  // The clerk's long narratives, typed where a program that fits no rows (a script, a previewer) put them.
  const layout = buildLayout(spec, resolveProfile(spec, PROVINCE, CATEGORIES));
  const wb = await loadWorkbookFile(written.sample);
  const names = readDefinedNames(wb);
  const put = (id: string, value: string) => {
    const field = layout.fields.find((f) => f.id === id);
    const ref = field && names.get(field.name);
    if (ref) wb.getWorksheet(ref.sheetName)!.getCell(ref.cell).value = value;
  };
  for (const task of spec.tasks) {
    put(`task.${task.number}.progress`, narrative(task.number, 2 + (task.number % 5)));
    put(`task.${task.number}.problems`, narrative(task.number, 1));
  }
  for (const field of layout.fields.filter((f) => f.id.endsWith(".progress") && f.sheet !== "tasks")) {
    put(field.id, narrative(1, 2));
  }
  await wb.xlsx.writeFile(file("typed"));
  await ok(["refresh", file("typed"), "--out", written.refreshed]);
  await ok(["validate", file("typed"), "--annotate", written.annotated]);

  const all: Record<string, string> = { ...written };
  for (const what of inExcelGeometry) {
    all[`${what} in Excel's geometry`] = file(`${what}-excel-geometry`);
    runPython(EXCEL_GEOMETRY, [written[what], file(`${what}-excel-geometry`)]);
  }
  const pdfDir = join(dir, "pdf");
  convertAsOpened(Object.values(all), pdfDir, "pdf");
  for (const [what, path] of Object.entries(all)) {
    const pdf = join(pdfDir, basename(path).replace(/\.xlsx$/, ".pdf"));
    checks[what] = runPython(CHECK_PDF, [path, pdf]) as Check;
    // The pages a clerk looks at (pdftoppm -r 60), kept beside the test's output.
    execFileSync("/usr/bin/pdftoppm", ["-r", "60", "-png", pdf, join(pdfDir, basename(path, ".xlsx"))]);
  }
  writeFileSync(
    join(dir, "pages.json"),
    JSON.stringify(Object.fromEntries(Object.entries(checks).map(([k, c]) => [k, c.pages])), null, 2),
  );
}, 600_000);

describe("printed on A4 by LibreOffice", () => {
  const printed = [...Object.keys(written), ...inExcelGeometry.map((w) => `${w} in Excel's geometry`)];
  test.each(printed)("%s: every visible cell's text is whole in the PDF", (what) => {
    const check = checks[what]!;
    expect(check.checked).toBeGreaterThan(200);
    expect(check.missing).toEqual([]);
    expect(check.tooTall).toEqual([]);
  });

  test("every visible sheet prints, the results sheet too, one page wide", () => {
    const sheets = ["封面", "任务清单", "主要目标", "任务指标", "工作指引"];
    for (const what of Object.keys(written)) {
      for (const sheet of sheets)
        expect([what, sheet, checks[what]!.pages[sheet]]).toEqual([what, sheet, expect.any(Number)]);
    }
    expect(checks.annotated!.pages["校验结果"]).toBeGreaterThan(0);
  });
});
