/**
 * Macro-enabled reports (.xlsm, issue 11 item 10). ExcelJS reads no VBA project: every command that writes a
 * workbook back must put the source's macros back under an .xlsm name, with the macro-enabled content type Excel
 * requires of that name. The source is a real .xlsm: LibreOffice saves a sample with a VBA module (it writes the
 * VBA project itself), and LibreOffice opens each copy again to find the module. Commands run as child processes.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { describeConformance } from "../helpers/conformance";
import { MacroOffice, type BasicLibraries } from "../helpers/libreoffice-macros";
import { ooxmlProblems } from "../helpers/ooxml-conformance";
import { tempDir } from "../helpers/tools";

const BIN = join(__dirname, "..", "..", "bin", "ip-report.js");
const MODULE = "IpReportMacro";
const CODE = 'Sub Hello()\n  MsgBox "ip-report"\nEnd Sub\n';
const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
const PLAIN_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
const VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";
const SIGNATURE_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProjectSignature";
const SIGNATURE_TYPE = "application/vnd.ms-office.vbaProjectSignature";

interface Run {
  code: number;
  out: string;
  err: string;
}

function cli(args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, out: r.stdout.trim(), err: r.stderr.trim() };
}

async function zipOf(file: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(file));
}

async function text(zip: JSZip, part: string): Promise<string> {
  const entry = zip.file(part);
  if (!entry) throw new Error(`${part} missing`);
  return entry.async("string");
}

/** The content type the package gives a part: its override, else its extension's default. */
async function contentTypeOf(zip: JSZip, part: string): Promise<string | undefined> {
  const types = await text(zip, "[Content_Types].xml");
  const override = new RegExp(`<Override PartName="/${part}" ContentType="([^"]*)"`).exec(types)?.[1];
  const ext = part.slice(part.lastIndexOf(".") + 1);
  return override ?? new RegExp(`<Default Extension="${ext}" ContentType="([^"]*)"`).exec(types)?.[1];
}

const office = new MacroOffice();
let dir: string;
let sample: string;
let macro: string;
let vbaProject: Buffer;
/** Each command that writes a workbook back, and the .xlsm it wrote from the macro workbook. */
const copies: Record<string, { run: Run; file: string }> = {};
let seenByLibreOffice: Record<string, BasicLibraries>;
/** The .xlsx copies of the macro workbook, and an .xlsm refreshed from the sample (no macros). */
let plainCopies: Record<"annotate" | "refresh" | "english" | "fromPlain", Run>;

function copyFor(name: string, args: (out: string) => string[], out = join(dir, `${name}.xlsm`)): void {
  copies[name] = { run: cli(args(out)), file: out };
}

beforeAll(() => {
  dir = tempDir("xlsm");
  sample = join(dir, "sample.xlsx");
  expect(
    cli(["sample", "--province", "江苏", "--defects", "some", "--seed", "7", "--out", sample]).code,
  ).toBe(0);
  office.start();
  macro = office.makeMacroWorkbook(sample, join(dir, "江苏.xlsm"), MODULE, CODE);
  copyFor("validate --annotate", (out) => ["validate", macro, "--annotate", out]);
  copyFor("refresh --out", (out) => ["refresh", macro, "--out", out]);
  copyFor("refresh --in-place", (out) => {
    copyFileSync(macro, out);
    return ["refresh", out, "--in-place"];
  });
  copyFor("review --out", (out) => ["review", macro, "--item", "task.3", "--verdict", "通过", "--out", out]);
  const round = join(dir, "round");
  mkdirSync(round);
  copyFileSync(macro, join(round, "江苏.xlsm"));
  copyFor(
    "consolidate",
    () => ["consolidate", round, "--out-dir", join(dir, "consolidated")],
    join(dir, "consolidated", "标注副本", "江苏.xlsm"),
  );
  plainCopies = {
    annotate: cli(["validate", macro, "--annotate", join(dir, "plain-annotated.xlsx")]),
    refresh: cli(["refresh", macro, "--out", join(dir, "plain-refreshed.xlsx")]),
    english: cli(["validate", macro, "--annotate", join(dir, "plain-en.xlsx"), "--lang", "en"]),
    fromPlain: cli(["refresh", sample, "--out", join(dir, "from-plain.xlsm")]),
  };
  seenByLibreOffice = office.basicLibraries([macro, ...Object.values(copies).map((c) => c.file)]);
}, 600_000);

afterAll(() => office.stop());

beforeAll(async () => {
  const bin = (await zipOf(macro)).file("xl/vbaProject.bin");
  if (!bin) throw new Error("LibreOffice wrote no xl/vbaProject.bin");
  vbaProject = await bin.async("nodebuffer");
});

test("the source is a real macro workbook: LibreOffice finds its module", () => {
  expect(seenByLibreOffice[macro].VBAProject[MODULE]).toContain('MsgBox "ip-report"');
  expect(vbaProject.length).toBeGreaterThan(1_536);
});

const COMMANDS = [
  "validate --annotate",
  "refresh --out",
  "refresh --in-place",
  "review --out",
  "consolidate",
];

describe.each(COMMANDS)("%s to an .xlsm", (name) => {
  test("runs without a warning", () => {
    const { run } = copies[name];
    // validate and consolidate exit 1: the sample has defects on purpose, and a round misses 31 units.
    expect(run.code).toBeLessThanOrEqual(1);
    expect(run.err).not.toMatch(/宏|警告|warning/);
  });

  test("keeps xl/vbaProject.bin byte for byte", async () => {
    const bin = (await zipOf(copies[name].file)).file("xl/vbaProject.bin");
    expect(bin).not.toBeNull();
    expect((await bin!.async("nodebuffer")).equals(vbaProject)).toBe(true);
  });

  test("relates the project to the workbook and types it macro-enabled", async () => {
    const zip = await zipOf(copies[name].file);
    const rels = await text(zip, "xl/_rels/workbook.xml.rels");
    expect(rels).toMatch(new RegExp(`Type="${VBA_REL}" Target="vbaProject.bin"`));
    expect(await contentTypeOf(zip, "xl/workbook.xml")).toBe(MACRO_WORKBOOK);
    expect(await contentTypeOf(zip, "xl/vbaProject.bin")).toBe("application/vnd.ms-office.vbaProject");
  });

  test("LibreOffice opens it and finds the macro module", () => {
    expect(seenByLibreOffice[copies[name].file].VBAProject[MODULE]).toBe(
      seenByLibreOffice[macro].VBAProject[MODULE],
    );
  });

  test("validate reads it", () => {
    const r = cli(["validate", copies[name].file, "--json"]);
    expect(r.code).toBeLessThanOrEqual(1);
    const [entry] = JSON.parse(r.out) as { province: string; issues: unknown[] }[];
    expect(entry.province).toBe("江苏省");
    expect(entry.issues.length).toBeGreaterThan(0);
  });
});

test("validate, info and fields read a macro workbook as it came", () => {
  const validated = cli(["validate", macro, "--json"]);
  const fromSample = cli(["validate", sample, "--json"]);
  expect(validated.code).toBe(fromSample.code);
  const issues = (r: Run) =>
    (JSON.parse(r.out) as { issues: { code: string }[] }[])[0].issues.map((i) => i.code);
  expect(issues(validated)).toEqual(issues(fromSample));
  expect(cli(["info", macro]).code).toBe(0);
  expect(cli(["fields", macro]).code).toBe(0);
});

test("an .xlsx copy of a macro workbook is a plain workbook and says in one line that it has no macros", async () => {
  for (const [run, out] of [
    [plainCopies.annotate, "plain-annotated.xlsx"],
    [plainCopies.refresh, "plain-refreshed.xlsx"],
  ] as const) {
    expect(run.code).toBeLessThanOrEqual(1);
    expect(run.err.split("\n")).toEqual([
      `警告: ${join(dir, out)}：原工作簿含宏（VBA），.xlsx 文件不能保存宏，此文件中没有宏；如需保留，请用 .xlsm 文件名`,
    ]);
    const zip = await zipOf(join(dir, out));
    expect(zip.file(/vbaProject/)).toHaveLength(0);
    expect(await contentTypeOf(zip, "xl/workbook.xml")).toBe(PLAIN_WORKBOOK);
  }
  expect(plainCopies.english.err).toBe(
    `warning: ${join(dir, "plain-en.xlsx")}: the source workbook has macros (VBA); an .xlsx cannot hold them, so this file has none: name it .xlsm to keep them`,
  );
});

test("an .xlsm copy of a workbook without macros is typed macro-enabled and holds no project", async () => {
  const out = join(dir, "from-plain.xlsm");
  expect([plainCopies.fromPlain.code, plainCopies.fromPlain.err]).toEqual([0, ""]);
  const zip = await zipOf(out);
  // Excel refuses an .xlsm whose workbook is typed .xlsx; one typed macro-enabled with no project is what it saves.
  expect(await contentTypeOf(zip, "xl/workbook.xml")).toBe(MACRO_WORKBOOK);
  expect(zip.file(/vbaProject/)).toHaveLength(0);
  expect(await text(zip, "xl/_rels/workbook.xml.rels")).not.toContain(VBA_REL);
  // The sample has defects on purpose: exit 1 is a report read and judged.
  expect(cli(["validate", out]).code).toBe(1);
});

test("template and sample named .xlsm are typed macro-enabled", async () => {
  const template = join(dir, "template.xlsm");
  const made = join(dir, "sample.xlsm");
  expect(cli(["template", "--province", "江苏", "--out", template]).code).toBe(0);
  expect(cli(["sample", "--province", "江苏", "--seed", "7", "--out", made]).code).toBe(0);
  for (const file of [template, made]) {
    const zip = await zipOf(file);
    expect(await contentTypeOf(zip, "xl/workbook.xml")).toBe(MACRO_WORKBOOK);
    expect(zip.file(/vbaProject/)).toHaveLength(0);
  }
  expect(await contentTypeOf(await zipOf(sample), "xl/workbook.xml")).toBe(PLAIN_WORKBOOK);
});

/** The macro workbook as Excel saves one: code names on the workbook and the sheets, a signed project. */
async function asExcelSavesIt(file: string, out: string): Promise<string> {
  const zip = await zipOf(file);
  const workbook = await text(zip, "xl/workbook.xml");
  zip.file("xl/workbook.xml", workbook.replace("<workbookPr ", '<workbookPr codeName="ThisWorkbook" '));
  const cover = await text(zip, "xl/worksheets/sheet1.xml");
  zip.file("xl/worksheets/sheet1.xml", cover.replace("<sheetPr ", '<sheetPr codeName="Sheet1" '));
  zip.file("xl/vbaProjectSignature.bin", Buffer.from("a signature, kept as it is"));
  zip.file(
    "xl/_rels/vbaProject.bin.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${SIGNATURE_REL}" Target="vbaProjectSignature.bin"/></Relationships>`,
  );
  const types = await text(zip, "[Content_Types].xml");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/vbaProjectSignature.bin" ContentType="${SIGNATURE_TYPE}"/></Types>`,
    ),
  );
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return out;
}

describe("an Excel-saved macro workbook (code names, a signed project)", () => {
  const outs = { annotate: "excel-annotated.xlsm", refresh: "excel-refreshed.xlsm" };
  beforeAll(async () => {
    const excel = await asExcelSavesIt(macro, join(dir, "excel-saved.xlsm"));
    expect(cli(["validate", excel, "--annotate", join(dir, outs.annotate)]).code).toBeLessThanOrEqual(1);
    expect(cli(["refresh", excel, "--out", join(dir, outs.refresh)]).code).toBe(0);
  }, 120_000);

  test.each(Object.values(outs))("%s keeps the code names", async (out) => {
    const zip = await zipOf(join(dir, out));
    expect(await text(zip, "xl/workbook.xml")).toMatch(/<workbookPr [^>]*codeName="ThisWorkbook"/);
    // The cover is the first sheet in every copy; the others had no code name.
    expect(await text(zip, "xl/worksheets/sheet1.xml")).toMatch(/<sheetPr [^>]*codeName="Sheet1"/);
    expect(await text(zip, "xl/worksheets/sheet2.xml")).not.toContain("codeName");
  });

  test.each(Object.values(outs))("%s keeps the project's signature", async (out) => {
    const zip = await zipOf(join(dir, out));
    expect(await text(zip, "xl/_rels/vbaProject.bin.rels")).toContain(SIGNATURE_REL);
    expect(await zip.file("xl/vbaProjectSignature.bin")!.async("string")).toBe("a signature, kept as it is");
    expect(await contentTypeOf(zip, "xl/vbaProjectSignature.bin")).toBe(SIGNATURE_TYPE);
  });

  describeConformance("conforming OOXML packages", "ooxml", (schemas) => {
    test.each(Object.values(outs))("%s", async (out) => {
      expect(await ooxmlProblems(join(dir, out), schemas)).toEqual([]);
    });
  });
});

describeConformance("every .xlsm written is a conforming OOXML package", "ooxml", (schemas) => {
  test.each(COMMANDS)("%s", async (name) => {
    expect(await ooxmlProblems(copies[name].file, schemas)).toEqual([]);
  });

  test("an .xlsm from a workbook without macros", async () => {
    expect(await ooxmlProblems(join(dir, "from-plain.xlsm"), schemas)).toEqual([]);
  });
});
