import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildLayout } from "../../src/layout/build";
import { resolveProfile } from "../../src/layout/obligation";
import { HIGHLIGHT } from "../../src/layout/styles";
import type { WorkbookLayout } from "../../src/layout/types";
import type { Issue } from "../../src/rules";
import { highlightPlan, isHighlightFormula } from "../../src/rules/present";
import { sampleValues } from "../../src/sample";
import { NOTE_MARKERS } from "../../src/xlsx/notes";
import { fixNoteDrawings } from "../../src/xlsx/note-drawings";
import { renderWorkbook } from "../../src/xlsx/render";
import { validateFile } from "../../src/xlsx/validation";
import { writeValues } from "../../src/xlsx/write";
import { runCli } from "../helpers/cli";
import { runPython, tempDir } from "../helpers/tools";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const layout: WorkbookLayout = buildLayout(spec, resolveProfile(spec, "江苏", ["ip-protection-center"]));
const field = (id: string) => layout.fields.find((f) => f.id === id)!;
const dir = tempDir("annotate");

interface LoadedRule {
  type: string;
  priority: number;
  formulae?: string[];
  style?: { fill?: { bgColor?: { argb?: string } } };
}
type LoadedFormats = { ref: string; rules: LoadedRule[] }[];

function formatsOf(ws: ExcelJS.Worksheet): LoadedFormats {
  return (ws as unknown as { conditionalFormattings: LoadedFormats }).conditionalFormattings;
}

const isHighlight = (rule: LoadedRule) => (rule.formulae ?? []).some(isHighlightFormula);

function noteText(note: ExcelJS.Cell["note"]): string {
  return typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A sample with the standard defects, plus what a user adds by hand: a fill, a format, notes. */
async function userWorkbook(name: string): Promise<string> {
  const { values } = sampleValues(spec, layout, { seed: 11, defects: "some" });
  const wb = await renderWorkbook(layout);
  writeValues(wb, layout, values);
  const tasks = wb.getWorksheet("任务清单")!;
  tasks.getCell("B30").value = "处内备注：第四季度数据待补";
  tasks.getCell("B30").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
  tasks.addConditionalFormatting({
    ref: "B30",
    rules: [
      {
        type: "containsText",
        operator: "containsText",
        text: "待补",
        priority: 99,
        style: { font: { bold: true } },
      },
    ],
  });
  tasks.getCell(field("task.2.progress").cell).note = "处长批注：请补充量化成果";
  wb.getWorksheet("主要目标")!.getCell("B4").note = "统计口径见附件";
  const file = join(dir, name);
  writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
  return file;
}

async function issuesOf(file: string): Promise<Issue[]> {
  const v = await validateFile(file);
  if (!v.ok) throw new Error(v.message.en);
  return v.issues;
}

let input: string;
let once: string;
let twice: string;
let inputBytes: Buffer;

beforeAll(async () => {
  input = await userWorkbook("filled.xlsx");
  inputBytes = readFileSync(input);
  once = join(dir, "once.xlsx");
  twice = join(dir, "twice.xlsx");
  expect((await runCli(["validate", input, "--annotate", once])).code).toBe(1);
  expect((await runCli(["validate", once, "--annotate", twice])).code).toBe(1);
});

describe("validate --annotate writes a marked copy", () => {
  test("the input is never written; a copy over the input is refused (exit 2)", async () => {
    expect(readFileSync(input).equals(inputBytes)).toBe(true);
    const r = await runCli(["validate", input, "--annotate", input]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("会覆盖输入文件");
    expect(readFileSync(input).equals(inputBytes)).toBe(true);
  });

  test("the copy opens as the same report and validates to the same issues, twice over", async () => {
    const original = await issuesOf(input);
    expect(original.length).toBeGreaterThan(0);
    expect(await issuesOf(once)).toEqual(original);
    expect(await issuesOf(twice)).toEqual(original);
  });

  test("each issue cell has exactly one highlight rule, in its severity's colour, after annotating twice", async () => {
    const plan = highlightPlan(await issuesOf(input), "zh");
    const wb = await load(twice);
    const painted: string[] = [];
    for (const ws of wb.worksheets) {
      for (const cf of formatsOf(ws)) {
        for (const rule of cf.rules.filter(isHighlight)) {
          painted.push(`${ws.name}!${cf.ref}`);
          const entry = plan.find((e) => e.sheetName === ws.name && e.cell === cf.ref);
          expect(rule.style?.fill?.bgColor?.argb).toBe(HIGHLIGHT[entry!.severity].fill);
        }
      }
    }
    expect(painted.sort()).toEqual(plan.map((e) => `${e.sheetName}!${e.cell}`).sort());
  });

  test("highlights come first in priority; the template's and the user's own formats all stay", async () => {
    const before = await load(input);
    const after = await load(twice);
    for (const ws of before.worksheets) {
      const own = (w: ExcelJS.Worksheet) =>
        formatsOf(w)
          .flatMap((cf) =>
            cf.rules.filter((r) => !isHighlight(r)).map((r) => `${cf.ref} ${r.type} ${r.formulae ?? ""}`),
          )
          .sort();
      const copy = after.getWorksheet(ws.name)!;
      expect(own(copy)).toEqual(own(ws));
      const rules = formatsOf(copy).flatMap((cf) => cf.rules);
      const highlights = rules.filter(isHighlight).map((r) => r.priority);
      const others = rules.filter((r) => !isHighlight(r)).map((r) => r.priority);
      if (highlights.length && others.length)
        expect(Math.max(...highlights)).toBeLessThan(Math.min(...others));
      expect(new Set(rules.map((r) => r.priority)).size).toBe(rules.length);
    }
    expect(formatsOf(after.getWorksheet("任务清单")!).some((cf) => cf.ref === "B30")).toBe(true);
  });

  test("the user's values and fills are untouched", async () => {
    const after = await load(twice);
    const tasks = after.getWorksheet("任务清单")!;
    expect(tasks.getCell("B30").value).toBe("处内备注：第四季度数据待补");
    expect(tasks.getCell("B30").fill).toMatchObject({ fgColor: { argb: "FF00B0F0" } });
    const v1 = await validateFile(input);
    const v2 = await validateFile(twice);
    expect(v1.ok && v2.ok && v2.report.reading.values).toEqual(v1.ok && v1.report.reading.values);
  });

  test("notes: ours replaced on each run, the user's own notes kept once", async () => {
    const wb = await load(twice);
    const plan = highlightPlan(await issuesOf(input), "zh");
    for (const entry of plan) {
      const text = noteText(wb.getWorksheet(entry.sheetName)!.getCell(entry.cell).note);
      expect(text.startsWith(NOTE_MARKERS.zh.start)).toBe(true);
      expect(text.split(NOTE_MARKERS.zh.start)).toHaveLength(2);
      expect(text).toContain(entry.note);
    }
    expect(noteText(wb.getWorksheet("主要目标")!.getCell("B4").note)).toBe("统计口径见附件");
    const progress = field("task.2.progress");
    const text = noteText(wb.getWorksheet(progress.sheetName)!.getCell(progress.cell).note);
    expect(text.split("处长批注：请补充量化成果")).toHaveLength(2);
  });

  test("once an issue is fixed, our note goes: the user's text under it stays, an only-ours note is removed", async () => {
    const wb = await load(once);
    const clues = field("task.13.clues-reported");
    const recovered = field("task.12.recovered");
    const cluesCell = wb.getWorksheet(clues.sheetName)!.getCell(clues.cell);
    const recoveredCell = wb.getWorksheet(recovered.sheetName)!.getCell(recovered.cell);
    expect(noteText(cluesCell.note)).toContain(NOTE_MARKERS.zh.start);
    expect(noteText(recoveredCell.note)).toContain(NOTE_MARKERS.zh.start);
    // The user adds a line under our message, then fixes both values.
    cluesCell.note = {
      texts: [...((cluesCell.note as ExcelJS.Comment).texts ?? []), { text: "\n用户补充：已核实为51条" }],
    } as ExcelJS.Comment;
    cluesCell.value = 51;
    const due = wb.getWorksheet(recovered.sheetName)!.getCell(field("task.12.recovery-due").cell).value;
    recoveredCell.value = due;
    const edited = join(dir, "user-edited.xlsx");
    writeFileSync(edited, new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = join(dir, "user-edited-annotated.xlsx");
    await runCli(["validate", edited, "--annotate", out]);
    const issues = await issuesOf(edited);
    expect(issues.some((i) => i.fieldId === clues.id || i.fieldId === recovered.id)).toBe(false);
    const again = await load(out);
    expect(noteText(again.getWorksheet(clues.sheetName)!.getCell(clues.cell).note)).toBe(
      "用户补充：已核实为51条",
    );
    expect(again.getWorksheet(recovered.sheetName)!.getCell(recovered.cell).note).toBeUndefined();
    const painted = formatsOf(again.getWorksheet(clues.sheetName)!)
      .filter((cf) => cf.rules.some(isHighlight))
      .map((cf) => cf.ref);
    expect(painted).not.toContain(clues.cell);
    expect(painted).not.toContain(recovered.cell);
  });

  test("one results sheet, replaced on each run (in the run's language)", async () => {
    const issues = await issuesOf(input);
    const zh = await load(twice);
    const results = zh.getWorksheet("校验结果")!;
    expect(results).toBeDefined();
    expect(results.getCell(4 + issues.length - 1, 1).value).toBe(issues.length);
    const english = join(dir, "english.xlsx");
    expect((await runCli(["validate", twice, "--annotate", english, "--lang", "en"])).code).toBe(1);
    const en = await load(english);
    expect(en.getWorksheet("校验结果")).toBeUndefined();
    expect(en.worksheets.filter((ws) => ws.name === "Validation results")).toHaveLength(1);
    // Notes written in Chinese are replaced by the English ones, not added to.
    for (const entry of highlightPlan(issues, "en")) {
      const text = noteText(en.getWorksheet(entry.sheetName)!.getCell(entry.cell).note);
      expect(text.startsWith(NOTE_MARKERS.en.start)).toBe(true);
      expect(text).not.toContain(NOTE_MARKERS.zh.start);
      expect(text).toContain(entry.note);
    }
  });
});

describe("note drawings (ExcelJS PR #3070: notes on two or more sheets)", () => {
  async function drawings(bytes: Uint8Array): Promise<{ idmap: string; shapes: string[] }[]> {
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((n) => /^xl\/drawings\/vmlDrawing\d+\.vml$/.test(n));
    return Promise.all(
      names.map(async (n) => {
        const vml = await zip.file(n)!.async("string");
        return {
          idmap: /<o:idmap[^>]*data="([^"]*)"/.exec(vml)?.[1] ?? "",
          shapes: [...vml.matchAll(/<v:shape\s[^>]*id="(_x0000_s\d+)"/g)].map((m) => m[1]),
        };
      }),
    );
  }

  test("ExcelJS alone gives every drawing the same idmap and shape ids (why the fix exists)", async () => {
    const wb = await load(twice);
    const raw = await drawings(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(raw.length).toBeGreaterThanOrEqual(2);
    expect(new Set(raw.map((d) => d.idmap)).size).toBe(1);
  });

  test("every vmlDrawingN.vml of an annotated copy has its own idmap and its own shape ids", async () => {
    const fixed = await drawings(readFileSync(twice));
    expect(fixed.length).toBeGreaterThanOrEqual(2);
    expect(new Set(fixed.map((d) => d.idmap)).size).toBe(fixed.length);
    const shapes = fixed.flatMap((d) => d.shapes);
    expect(new Set(shapes).size).toBe(shapes.length);
    for (const d of fixed) {
      const block = Number(d.idmap);
      for (const id of d.shapes) expect(Math.floor(Number(id.slice(8)) / 1024)).toBe(block);
    }
  });

  test("a drawing of more than 1,023 notes claims as many id blocks as it needs", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("a");
    for (let r = 1; r <= 1100; r++) a.getCell(r, 1).note = `n${r}`;
    wb.addWorksheet("b").getCell("A1").note = "b";
    const fixed = await drawings(await fixNoteDrawings(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(fixed.map((d) => d.idmap).sort()).toEqual(["1,2", "3"]);
    const shapes = fixed.flatMap((d) => d.shapes);
    expect(new Set(shapes).size).toBe(1101);
  });

  test("openpyxl reads the annotated copy: notes where the plan put them, links in the results sheet", async () => {
    const plan = highlightPlan(await issuesOf(input), "zh");
    const result = runPython(
      `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
notes = sorted(f"{ws.title}!{c.coordinate}" for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.comment and c.comment.text.startswith("${NOTE_MARKERS.zh.start}"))
links = [r[5] for r in wb["校验结果"].iter_rows(min_row=4, values_only=True)]
print(json.dumps({"notes": notes, "links": links}))
`,
      [twice],
    ) as { notes: string[]; links: string[] };
    expect(result.notes).toEqual(plan.map((e) => `${e.sheetName}!${e.cell}`).sort());
    expect(result.links.every((l) => typeof l === "string" && l.startsWith("=HYPERLINK("))).toBe(true);
  });
});
