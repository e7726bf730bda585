import { MESSAGE_MARK } from "../../src/excel/highlight";
import { HIGHLIGHT } from "../../src/layout/styles";
import { highlightPlan, isHighlightFormula } from "../../src/rules/present";
import type { SheetSnapshot } from "../fake-excel";
import { fillThroughOffice, insertedThroughOffice, templateLayout, typicalValues } from "./scenario";

/** Validation paints conditional formats and writes notes; clearing removes exactly those. */

const layout = templateLayout();
const values = typicalValues(layout);
const hex = (argb: string) => `#${argb.slice(-6)}`;

const highlightsOf = (s: SheetSnapshot) =>
  s.conditionalFormats.filter((cf) => isHighlightFormula(cf.formula ?? ""));
const templateRulesOf = (s: SheetSnapshot) =>
  s.conditionalFormats.filter((cf) => !isHighlightFormula(cf.formula ?? ""));
const ourNotes = (s: SheetSnapshot) =>
  Object.entries(s.notes).filter(([, n]) => n.content.startsWith(MESSAGE_MARK));

async function validated(options = {}) {
  const { fake, workbook } = await insertedThroughOffice(layout, options);
  await fillThroughOffice(fake, layout, values);
  const before = fake.snapshot();
  const outcome = await workbook.validate("zh");
  return { fake, workbook, before, outcome, plan: highlightPlan(outcome.issues, "zh") };
}

describe("validate on Excel with notes (ExcelApi 1.18)", () => {
  test("paints one rule per planned cell, with the severity's colours, on top of the template's rules", async () => {
    const { fake, plan } = await validated();
    expect(plan.length).toBeGreaterThan(5);
    const sheets = fake.snapshot().sheets;
    for (const entry of plan) {
      const sheet = sheets.find((s) => s.name === entry.sheetName)!;
      const rules = sheet.conditionalFormats.filter((cf) => cf.ref === entry.cell);
      expect(rules[0]).toMatchObject({
        type: "Custom",
        fill: hex(HIGHLIGHT[entry.severity].fill),
        fontColor: hex(HIGHLIGHT[entry.severity].fontColor),
      });
      expect(isHighlightFormula(rules[0].formula!)).toBe(true);
      expect(rules.slice(1).every((r) => !isHighlightFormula(r.formula ?? ""))).toBe(true);
    }
    expect(sheets.reduce((n, s) => n + highlightsOf(s).length, 0)).toBe(plan.length);
  });

  test("writes each cell's messages as a marked note, in the pane's language", async () => {
    const { fake, plan, outcome } = await validated();
    expect(outcome.messagesOn).toBe("notes");
    expect(outcome.degraded).toEqual([]);
    const sheets = fake.snapshot().sheets;
    for (const entry of plan) {
      expect(sheets.find((s) => s.name === entry.sheetName)!.notes[entry.cell].content).toBe(
        `${MESSAGE_MARK}\n${entry.note}`,
      );
    }
  });

  test("validating again replaces the highlights instead of piling them up", async () => {
    const { fake, workbook, plan } = await validated();
    await workbook.validate("en");
    const sheets = fake.snapshot().sheets;
    expect(sheets.reduce((n, s) => n + highlightsOf(s).length, 0)).toBe(plan.length);
    expect(sheets.reduce((n, s) => n + ourNotes(s).length, 0)).toBe(plan.length);
    const english = highlightPlan((await workbook.validate("en")).issues, "en")[0];
    expect(sheets.find((s) => s.name === english.sheetName)!.notes[english.cell].content).toContain(
      english.note,
    );
  });

  test("leaves every sheet protected as it was, with the same options", async () => {
    const { fake, before } = await validated();
    expect(fake.snapshot().sheets.map((s) => [s.name, s.protection])).toEqual(
      before.sheets.map((s) => [s.name, s.protection]),
    );
  });

  test("does not write over a note the user put on a cell with an issue", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    await fillThroughOffice(fake, layout, values);
    const entry = highlightPlan((await workbook.validate("zh")).issues, "zh")[0];
    await workbook.clearHighlights();
    fake.user.addNote(entry.sheetName, entry.cell, "已与处室核实，年底前补报");
    await workbook.validate("zh");
    const sheet = fake.snapshot().sheets.find((s) => s.name === entry.sheetName)!;
    expect(sheet.notes[entry.cell].content).toBe("已与处室核实，年底前补报");
    expect(highlightsOf(sheet).some((cf) => cf.ref === entry.cell)).toBe(true);
  });

  test("works on a sheet that also has rules of other types (office-js #2180)", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    fake.user.unprotect("主要目标");
    fake.user.addConditionalFormat("主要目标", "H4:H24", { type: "DataBar" });
    fake.user.protect("主要目标", { allowFormatColumns: true, allowFormatRows: true });
    await fillThroughOffice(fake, layout, values);
    await workbook.validate("zh");
    await workbook.clearHighlights();
    const targets = fake.snapshot().sheets.find((s) => s.name === "主要目标")!;
    expect(targets.conditionalFormats.filter((cf) => cf.type === "DataBar")).toHaveLength(1);
    expect(highlightsOf(targets)).toEqual([]);
  });

  test("a sheet with a password is left alone and said; the other sheets and the issues are not lost", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    await fillThroughOffice(fake, layout, values);
    fake.user.unprotect("主要目标");
    fake.user.protect("主要目标", {}, "secret");
    const outcome = await workbook.validate("zh");
    const plan = highlightPlan(outcome.issues, "zh");
    expect(plan.some((e) => e.sheetName === "主要目标")).toBe(true);
    expect(outcome.degraded.map((d) => d.zh).join()).toContain("密码");
    const sheets = fake.snapshot().sheets;
    const targets = sheets.find((s) => s.name === "主要目标")!;
    expect(highlightsOf(targets)).toEqual([]);
    expect(targets.protection).toMatchObject({ protected: true });
    // The sheet before it was finished whole, its protection restored.
    const tasks = sheets.find((s) => s.name === "任务清单")!;
    const tasksPlanned = plan.filter((e) => e.sheetName === "任务清单").length;
    expect(tasksPlanned).toBeGreaterThan(0);
    expect(highlightsOf(tasks)).toHaveLength(tasksPlanned);
    expect(tasks.protection.protected).toBe(true);
  });
});

describe("clearHighlights", () => {
  test("removes the highlights and the add-in's notes, and nothing the user or the template made", async () => {
    const { fake, workbook, plan } = await validated();
    const entry = plan.find((e) => e.sheetName === "任务清单")!;
    fake.user.unprotect("任务清单");
    fake.user.setFill("任务清单", entry.cell, "#00B0F0");
    fake.user.addConditionalFormat("任务清单", "G6:G9", {
      type: "Custom",
      formula: '=G6="待定"',
      fill: "#FFFF00",
    });
    fake.user.protect("任务清单", { allowFormatColumns: true, allowFormatRows: true });
    fake.user.addNote("任务清单", "K6", "下周补充");
    const templateRules = fake.snapshot().sheets.map((s) => [s.name, templateRulesOf(s)]);

    await workbook.clearHighlights();
    const sheets = fake.snapshot().sheets;
    expect(sheets.flatMap(highlightsOf)).toEqual([]);
    expect(sheets.flatMap(ourNotes)).toEqual([]);
    expect(sheets.map((s) => [s.name, templateRulesOf(s)])).toEqual(templateRules);
    const tasks = sheets.find((s) => s.name === "任务清单")!;
    expect(tasks.cells[entry.cell].fill).toBe("#00B0F0");
    expect(tasks.conditionalFormats.filter((cf) => cf.origin === "user")).toHaveLength(1);
    expect(tasks.notes.K6.content).toBe("下周补充");
  });

  test("on a workbook with nothing to clear makes no changes at all", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    const before = fake.snapshot();
    const { syncs } = await fake.measure(() => workbook.clearHighlights());
    expect(fake.snapshot()).toEqual(before);
    expect(syncs.length).toBe(2);
  });
});

describe("where messages go on older Excel", () => {
  test("ExcelApi 1.10 to 1.17: comments, marked, and cleared again", async () => {
    const { fake, workbook, plan, outcome } = await validated({ apiVersion: "1.14" });
    expect(outcome.messagesOn).toBe("comments");
    const sheets = fake.snapshot().sheets;
    for (const entry of plan) {
      expect(sheets.find((s) => s.name === entry.sheetName)!.comments[entry.cell].content).toContain(
        entry.note,
      );
    }
    expect(sheets.flatMap((s) => Object.keys(s.notes))).toEqual([]);
    await workbook.clearHighlights();
    expect(fake.snapshot().sheets.flatMap((s) => Object.keys(s.comments))).toEqual([]);
  });

  test("ExcelApi 1.7: colours only, and the pane is told the messages stay in its list", async () => {
    const { fake, plan, outcome } = await validated({ apiVersion: "1.7" });
    expect(outcome.messagesOn).toBe("none");
    expect(outcome.degraded).toHaveLength(1);
    expect(outcome.degraded[0].zh).toMatch(/批注/);
    expect(outcome.degraded[0].en).toMatch(/notes on cells/);
    const sheets = fake.snapshot().sheets;
    expect(sheets.reduce((n, s) => n + highlightsOf(s).length, 0)).toBe(plan.length);
    expect(fake.calls.filter((c) => /^(notes|comments)\./.test(c))).toEqual([]);
  });
});

describe("selectCell", () => {
  test("activates the sheet, then selects the cell", async () => {
    const { fake, workbook } = await insertedThroughOffice(layout);
    await workbook.selectCell("主要目标", "H5");
    const snapshot = fake.snapshot();
    expect(snapshot.sheets.find((s) => s.active)?.name).toBe("主要目标");
    expect(snapshot.selection).toEqual({ sheet: "主要目标", address: "H5" });
    expect(fake.calls.slice(-2)).toEqual(["Worksheet.activate", "Range.select"]);
  });
});
