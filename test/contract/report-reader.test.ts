/**
 * The report reader (src/reader: unzip + streaming XML, read-only) and the ExcelJS reading (src/xlsx, kept
 * for the commands that write) must read every workbook the same way: values, their types, the cells they
 * came from, missing names and sheets, and the issues the rules find. Run over every fixture the suite has,
 * a round of 32 returned workbooks, and reports saved again by LibreOffice and by openpyxl.
 */
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeRound } from "../../bench/validate";
import { readReport } from "../../src/reader/report";
import { checkReport, type Issue } from "../../src/rules";
import { bundledSpecs } from "../../src/spec";
import { ReportFileError } from "../../src/xlsx/errors";
import { loadWorkbook } from "../../src/xlsx/read";
import { openReport, type OpenedReport } from "../../src/xlsx/report";
import { filledSample, makeFixtures } from "../fixtures/make-fixtures";
import { recalculateWithLibreOffice, requireTool, runPython, tempDir } from "../helpers/tools";
import { makeTamperedReports, TAMPER_CASES } from "../hostile/tamper-cases";

const specs = bundledSpecs();

type Outcome = { report: OpenedReport; issues: Issue[] } | { problem: string };

function outcome(read: () => OpenedReport): Outcome {
  try {
    const report = read();
    return { report, issues: checkReport(report) };
  } catch (err) {
    if (err instanceof ReportFileError) return { problem: err.problem };
    throw err;
  }
}

async function viaExcelJS(bytes: Uint8Array): Promise<Outcome> {
  try {
    const wb = await loadWorkbook(bytes);
    return outcome(() => openReport(wb, undefined, specs));
  } catch (err) {
    if (err instanceof ReportFileError) return { problem: err.problem };
    throw err;
  }
}

function viaReader(bytes: Uint8Array): Outcome {
  return outcome(() => readReport(bytes, specs));
}

/** The same reading, field by field: NaN-safe and with the value's JS type compared too. */
function expectSameReading(reader: Outcome, exceljs: Outcome): void {
  if ("problem" in exceljs || "problem" in reader) {
    expect(reader).toEqual(exceljs);
    return;
  }
  const a = reader.report.reading;
  const b = exceljs.report.reading;
  expect(a.metadata).toEqual(b.metadata);
  expect(Object.keys(a.values).sort()).toEqual(Object.keys(b.values).sort());
  for (const id of Object.keys(b.values)) {
    expect([id, typeof a.values[id], a.values[id]]).toEqual([id, typeof b.values[id], b.values[id]]);
  }
  expect(a.formulas).toEqual(b.formulas);
  expect(a.cells).toEqual(b.cells);
  expect(a.missingNames).toEqual(b.missingNames);
  expect(a.missingSheets).toEqual(b.missingSheets);
  expect(a.misplacedNames).toEqual(b.misplacedNames);
  expect(a.metadataMismatch).toEqual(b.metadataMismatch);
  expect(reader.issues).toEqual(exceljs.issues);
}

const PYTHON_RESAVE = `
import sys, openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904
src, dst, mode = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
if mode == "1904":
    wb.epoch = CALENDAR_MAC_1904
wb.save(dst)
print("{}")
`;

let files: Record<string, string>;
let dir: string;

beforeAll(async () => {
  files = { ...(await makeFixtures()) };
  dir = tempDir("reader-contract");
  const round = await writeRound(join(dir, "round"));
  round.forEach((f, i) => (files[`round-${i}`] = f));
  requireTool("/usr/bin/soffice", "libreoffice-calc");
  const lo = join(dir, "libreoffice");
  for (const name of ["good", "merged-over-input"]) {
    const copy = join(dir, `lo-${name}.xlsx`);
    copyFileSync(files[name], copy);
    files[`libreoffice-${name}`] = recalculateWithLibreOffice(copy, lo);
  }
  for (const [name, mode] of [
    ["good", "1900"],
    ["good", "1904"],
    ["deleted-name", "1900"],
    ["renamed-sheet", "1900"],
  ] as const) {
    const out = join(dir, `openpyxl-${name}-${mode}.xlsx`);
    runPython(PYTHON_RESAVE, [files[name], out, mode]);
    files[`openpyxl-${name}-${mode}`] = out;
  }
  for (const [name, edit] of Object.entries(PACKAGE_EDITS)) {
    const zip = await JSZip.loadAsync(readFileSync(files.good));
    await edit(zip);
    const out = join(dir, `edited-${name}.xlsx`);
    writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    files[`edited-${name}`] = out;
  }
  // Tampered metadata and defined names (issue 11): both readers must find the same and read the same cells.
  for (const [name, tampered] of Object.entries(await makeTamperedReports())) {
    const out = join(dir, `tampered-${name}.xlsx`);
    writeFileSync(out, tampered.bytes);
    files[`tampered-${name}`] = out;
  }
}, 600_000);

async function editPart(zip: JSZip, name: string, edit: (xml: string) => string): Promise<void> {
  zip.file(name, edit(await zip.file(name)!.async("string")));
}

/** What other writers put in a package, made by editing a correct report's XML. */
const PACKAGE_EDITS: Record<string, (zip: JSZip) => Promise<void>> = {
  // Strings written inline (as some generators do) instead of in the shared table.
  "inline-strings": async (zip) => {
    const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
    const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)))
      await editPart(zip, name, (xml) =>
        xml.replace(
          /<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
          (_m, r, a, b, i) => `<c r="${r}"${a} t="inlineStr"${b}><is>${strings[Number(i)]}</is></c>`,
        ),
      );
  },
  // Rich text in the shared strings: the runs' text, joined, is the value.
  "rich-text": async (zip) =>
    editPart(zip, "xl/sharedStrings.xml", (xml) =>
      xml.replace(
        /<si><t(?: xml:space="preserve")?>([^<]{6,})<\/t><\/si>/g,
        (_m, t: string) =>
          `<si><r><rPr><b/></rPr><t xml:space="preserve">${t.slice(0, 3)}</t></r><r><t xml:space="preserve">${t.slice(3)}</t></r></si>`,
      ),
    ),
  // Relationship targets written as absolute part names.
  "absolute-targets": async (zip) =>
    editPart(zip, "xl/_rels/workbook.xml.rels", (xml) => xml.replace(/Target="(?!\/)/g, 'Target="/xl/')),
  // Booleans and errors typed into inputs.
  "booleans-and-errors": async (zip) =>
    editPart(zip, "xl/worksheets/sheet2.xml", (xml) => {
      let n = 0;
      return xml.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>\d+<\/v><\/c>/g, (m, r, a, b) => {
        n++;
        if (n === 3) return `<c r="${r}"${a} t="b"${b}><v>1</v></c>`;
        if (n === 5) return `<c r="${r}"${a} t="e"${b}><v>#N/A</v></c>`;
        return m;
      });
    }),
};

describe("the report reader reads every workbook as the ExcelJS reading does", () => {
  test("over every fixture, a round of 32, LibreOffice- and openpyxl-saved reports, and other writers' XML", async () => {
    expect(Object.keys(files).length).toBeGreaterThan(50);
    let compared = 0;
    for (const [name, file] of Object.entries(files)) {
      if (name === "notes-absolute-part-names") continue; // ExcelJS cannot load it: see below
      const bytes = readFileSync(file);
      const exceljs = await viaExcelJS(bytes);
      const reader = viaReader(bytes);
      try {
        expectSameReading(reader, exceljs);
      } catch (err) {
        throw new Error(`${name}: ${(err as Error).message}`);
      }
      compared++;
    }
    expect(compared).toBe(Object.keys(files).length - 1);
  }, 600_000);

  test.each(TAMPER_CASES)("tampered (%s): the same findings, the same cells read", async (name) => {
    const bytes = readFileSync(files[`tampered-${name}`]);
    const exceljs = await viaExcelJS(bytes);
    const reader = viaReader(bytes);
    expectSameReading(reader, exceljs);
    if (!("report" in reader)) throw new Error("not read");
    const { misplacedNames = [], metadataMismatch } = reader.report.reading;
    // Each case is found: the metadata ones as a mismatch, the name ones as one misplaced name.
    expect(name.startsWith("name-") ? misplacedNames.length : metadataMismatch ? 1 : 0).toBe(1);
  });

  test("a package ExcelJS 4.4 cannot load (absolute part names of notes) is read by the reader", async () => {
    const bytes = readFileSync(files["notes-absolute-part-names"]);
    expect(await viaExcelJS(bytes)).toEqual({ problem: "corrupt" });
    const reader = viaReader(bytes);
    expect("report" in reader && reader.issues).toEqual([]);
  });

  test("a 1904-date-system workbook reads its dates as the same days as the 1900 original", async () => {
    const zip = await JSZip.loadAsync(readFileSync(files["openpyxl-good-1904"]));
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/date1904="(1|true)"/);
    const original = viaReader(readFileSync(files.good));
    const mac = viaReader(readFileSync(files["openpyxl-good-1904"]));
    if ("problem" in original || "problem" in mac) throw new Error("not read");
    const sample = await filledSample();
    const dates = sample.layout.fields.filter((f) => f.type === "date").map((f) => f.id);
    expect(dates.length).toBeGreaterThan(0);
    for (const id of dates) expect(mac.report.reading.values[id]).toBe(original.report.reading.values[id]);
  });

  test("the LibreOffice round trip really went through LibreOffice", () => {
    const listing = execFileSync("unzip", ["-p", files["libreoffice-good"], "docProps/app.xml"]).toString();
    expect(listing).toMatch(/LibreOffice/);
    expect(readdirSync(join(dir, "libreoffice")).length).toBe(2);
  });
});
