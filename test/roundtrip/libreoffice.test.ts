import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildLayout, resolveProfile } from "../../src/layout";
import type { CellValue, FieldId } from "../../src/layout/types";
import { HIGHLIGHT } from "../../src/layout/styles";
import { spec2019 } from "../helpers/specs";
import { workbookBytes } from "../../src/xlsx/package";
import { loadWorkbook, loadWorkbookFile } from "../../src/xlsx/read";
import { openReport } from "../../src/xlsx/report";
import { renderXlsx } from "../../src/xlsx/render";
import { writeValues } from "../../src/xlsx/write";
import { runCli } from "../helpers/cli";
import { saveWithOpenpyxl } from "../helpers/foreign-saves";
import { PYTHON, tempDir } from "../helpers/tools";
import { execFileSync } from "node:child_process";
import { LibreOfficeSession, type TypedEntry } from "./libreoffice-session";

/**
 * A report filled in LibreOffice (typed through UNO as a clerk would) or saved by openpyxl must come through
 * info, validate, --annotate and refresh exactly as the same values written by this tool do: the same readings and
 * issues, and annotated and refreshed copies with the same protection, unlocked cells, print setup, defined names,
 * data validations, conditional formats and sheet states — compared by openpyxl, a reader we did not write.
 */

const spec = spec2019();
const layout = buildLayout(spec, resolveProfile(spec, "江苏", ["ip-protection-center"]));
const dir = tempDir("roundtrip");
const file = (name: string) => join(dir, name);
const nameOf = (id: FieldId) => layout.fields.find((f) => f.id === id)!.name;

const NARRATIVE = Array.from(
  { length: 12 },
  (_, i) =>
    `${i + 1}. 建立完善专利资助和奖励工作台账，逐项核对申请人、资助金额和拨付时间；对非正常专利申请的资助一律停止并追回，已追回资金及时上缴财政。`,
).join("\n");

/** What the clerk types, how, and the value each field then holds (dates as Excel serials). */
const TYPED: { id: FieldId; how: TypedEntry["how"]; typed: string | number; stored: CellValue }[] = [
  { id: "cover.department", how: "string", typed: "江苏省知识产权局", stored: "江苏省知识产权局" },
  { id: "cover.contact", how: "string", typed: "王芳", stored: "王芳" },
  { id: "cover.phone", how: "string", typed: "025-83279000", stored: "025-83279000" },
  { id: "cover.period", how: "formula", typed: "2019-12-31", stored: 43830 },
  { id: "task.2.status", how: "list", typed: "已完成", stored: "已完成" },
  { id: "task.2.progress", how: "string", typed: NARRATIVE, stored: NARRATIVE },
  { id: "task.2.evidence", how: "string", typed: "苏知发〔2019〕12号", stored: "苏知发〔2019〕12号" },
  { id: "task.4.status", how: "list", typed: "推进中", stored: "推进中" },
  { id: "task.5.status", how: "list", typed: "未启动", stored: "未启动" },
  { id: "task.13.clues-reported", how: "string", typed: "约116条", stored: "约116条" },
  { id: "target.pledge-financing-growth.baseline", how: "value", typed: 200, stored: 200 },
  { id: "target.pledge-financing-growth.actual", how: "value", typed: 216, stored: 216 },
  { id: "target.high-value-patent-portfolios.baseline", how: "value", typed: 40, stored: 40 },
  { id: "target.high-value-patent-portfolios.actual", how: "value", typed: 52, stored: 52 },
];

interface SheetSummary {
  name: string;
  state: string;
  protected: boolean;
  print: Record<string, unknown>;
  conditionalFormats: [string, string, string[]][];
  [part: string]: unknown;
}
interface PackageSummary {
  sheets: SheetSummary[];
  names: Record<string, string>;
  values: Record<string, unknown>;
}

function summaries(...files: string[]): PackageSummary[] {
  const out = execFileSync(PYTHON, [join(__dirname, "package_summary.py"), ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const byFile = JSON.parse(out) as Record<string, PackageSummary>;
  // Print setup matters where something prints: very hidden sheets differ only in a default paper size.
  return files.map((f) => ({
    ...byFile[f],
    sheets: byFile[f].sheets.map((s) => (s.state === "visible" ? s : { ...s, print: {} })),
  }));
}

async function cli(argv: string[]): Promise<string> {
  const { code, out, err } = await runCli(argv);
  if (code > 1) throw new Error(`ip-report ${argv.join(" ")} exited ${code}: ${err}`);
  return out;
}

/** What info says of a file, less its name. */
function withoutFile(info: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(info).filter(([key]) => key !== "file"));
}

/** info, validate, --annotate and refresh on one input; what each says and writes. */
async function throughEveryCommand(input: string, tag: string) {
  const info = JSON.parse(await cli(["info", input, "--json"])) as Record<string, unknown>;
  const validation = JSON.parse(await cli(["validate", input, "--json"])) as {
    issues: Record<string, unknown>[];
  }[];
  await cli(["validate", input, "--annotate", file(`${tag}-annotated.xlsx`)]);
  await cli(["refresh", input, "--out", file(`${tag}-refreshed.xlsx`)]);
  const issues = validation[0].issues.map(({ ruleId, fieldId, cell, code, severity, actual }) => ({
    ruleId,
    fieldId,
    cell,
    code,
    severity,
    actual,
  }));
  return { info, issues, annotated: file(`${tag}-annotated.xlsx`), refreshed: file(`${tag}-refreshed.xlsx`) };
}

const office = new LibreOfficeSession();
let offered: Record<string, { formula: string; options: string[] }>;
let ours: Awaited<ReturnType<typeof throughEveryCommand>>;

beforeAll(async () => {
  office.start();
  writeFileSync(file("template.xlsx"), await renderXlsx(layout));
  // The reference: the same values written by this tool.
  const wb = await loadWorkbook(readFileSync(file("template.xlsx")));
  writeValues(wb, layout, Object.fromEntries(TYPED.map((t) => [t.id, t.stored])));
  writeFileSync(file("ours.xlsx"), await workbookBytes(wb));
  ({ offered } = office.type(
    file("template.xlsx"),
    file("libreoffice.xlsx"),
    TYPED.map((t) => ({ name: nameOf(t.id), how: t.how, value: t.typed })),
  ));
  ours = await throughEveryCommand(file("ours.xlsx"), "ours");
}, 300_000);

afterAll(() => office.stop());

describe("a report filled and saved in LibreOffice", () => {
  let theirs: Awaited<ReturnType<typeof throughEveryCommand>>;
  beforeAll(async () => {
    theirs = await throughEveryCommand(file("libreoffice.xlsx"), "libreoffice");
  }, 120_000);

  test("the dropdowns offer the guideline's statuses", () => {
    expect(offered[nameOf("task.2.status")].options).toEqual(["已完成", "推进中", "未启动", "不适用"]);
  });

  test("every typed value reads back, field by field", async () => {
    const report = openReport(await loadWorkbookFile(file("libreoffice.xlsx")));
    for (const t of TYPED) expect([t.id, report.reading.values[t.id]]).toEqual([t.id, t.stored]);
  });

  test("info says the same, and that _lists and _meta are no longer very hidden", () => {
    const { exposedSheets: exposedTheirs, ...theirInfo } = withoutFile(theirs.info);
    const { exposedSheets: exposedOurs, ...ourInfo } = withoutFile(ours.info);
    expect(theirInfo).toEqual(ourInfo);
    expect(theirInfo.structureIntact).toBe(true);
    expect(exposedOurs).toEqual([]);
    expect(exposedTheirs).toEqual(["_lists", "_meta"]);
  });

  test("validate finds the same issues", () => {
    expect(theirs.issues.length).toBeGreaterThan(3);
    expect(theirs.issues).toEqual(ours.issues);
  });

  test("the annotated copy keeps protection, unlocked inputs, print setup, names, validations, formats and sheet states", () => {
    const [theirAnnotated, ourAnnotated, template] = summaries(
      theirs.annotated,
      ours.annotated,
      file("template.xlsx"),
    );
    expect(theirAnnotated).toEqual(ourAnnotated);
    // And what the template set survives: the sheets of the template, less the highlights annotate adds.
    const templateParts = (s: SheetSummary) => ({
      ...s,
      conditionalFormats: undefined,
      priorities: undefined,
    });
    expect(theirAnnotated.sheets.slice(0, template.sheets.length).map(templateParts)).toEqual(
      template.sheets.map(templateParts),
    );
    const taskSheet = theirAnnotated.sheets.find((s) => s.name === "任务清单")!;
    expect(taskSheet).toMatchObject({
      protected: true,
      print: { fitToPage: true, horizontalCentered: true },
    });
  });

  test("the refreshed copy is the one refreshing our own file gives", () => {
    const [theirRefreshed, ourRefreshed] = summaries(theirs.refreshed, ours.refreshed);
    expect(theirRefreshed).toEqual(ourRefreshed);
  });

  test("LibreOffice shows every error of the annotated copy in the error red, over the template's own formats", () => {
    const html = file("libreoffice-annotated.html");
    office.type(theirs.annotated, html, [], "HTML (StarCalc)");
    const cells = theirs.issues
      .filter((i) => i.severity === "error" && i.cell)
      .map((i) => {
        const { sheetName, cell } = i.cell as { sheetName: string; cell: string };
        return `${sheetName}!${cell}`;
      });
    const fills = JSON.parse(
      execFileSync(PYTHON, [join(__dirname, "html_cell_fill.py"), html, ...cells], { encoding: "utf8" }),
    ) as Record<string, string | null>;
    const red = `#${HIGHLIGHT.error.fill.slice(2)}`;
    expect(cells.length).toBeGreaterThan(3);
    expect(fills).toEqual(Object.fromEntries(cells.map((c) => [c, red])));
  });
});

describe("a report loaded and saved by openpyxl", () => {
  let theirs: Awaited<ReturnType<typeof throughEveryCommand>>;
  beforeAll(async () => {
    saveWithOpenpyxl(file("ours.xlsx"), file("openpyxl.xlsx"));
    theirs = await throughEveryCommand(file("openpyxl.xlsx"), "openpyxl");
  }, 120_000);

  test("info and validate say the same as for the file before openpyxl saved it", () => {
    const theirInfo = withoutFile(theirs.info);
    const ourInfo = withoutFile(ours.info);
    expect(theirInfo).toEqual(ourInfo);
    expect(theirs.issues).toEqual(ours.issues);
  });

  test("annotated and refreshed copies keep every part the tool's own copies have", () => {
    const [theirAnnotated, ourAnnotated, theirRefreshed, ourRefreshed] = summaries(
      theirs.annotated,
      ours.annotated,
      theirs.refreshed,
      ours.refreshed,
    );
    expect(theirAnnotated).toEqual(ourAnnotated);
    expect(theirRefreshed).toEqual(ourRefreshed);
  });
});
