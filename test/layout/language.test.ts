import {
  buildLayout,
  canonicalValue,
  resolveProfile,
  shownValue,
  type WorkbookLayout,
} from "../../src/layout";
import type { WorkbookLanguage } from "../../src/layout/vocabulary";
import { foreignScript } from "../helpers/language";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const PROFILES: [string, string[]][] = [
  ["江苏", ["trademark-review-center", "ip-protection-center", "ip-operation", "belt-and-road", "tisc-host"]],
  ["西藏", []],
];
const layoutIn = (lang: WorkbookLanguage, [province, categories]: [string, string[]] = PROFILES[0]) =>
  buildLayout(spec, resolveProfile(spec, province, categories), lang);

/** Everything a person can see in the workbook: sheet tabs, cells, formulas' words, prompts and error alerts. */
function shownTexts(layout: WorkbookLayout): string[] {
  const texts: string[] = [];
  // _meta holds ids and defined names (the contract), never shown; _lists holds what dropdowns show.
  for (const sheet of layout.sheets.filter((s) => s.key !== "meta")) {
    if (sheet.visibility === "visible") texts.push(sheet.name);
    for (const cell of sheet.cells) {
      if (typeof cell.value === "string") texts.push(cell.value);
      if (typeof cell.result === "string") texts.push(cell.result);
      if (cell.formula) texts.push(...(cell.formula.match(/"[^"]+"/g) ?? []).map((s) => s.slice(1, -1)));
    }
    for (const v of sheet.validations)
      texts.push(v.prompt?.title ?? "", v.prompt?.text ?? "", v.error?.title ?? "", v.error?.text ?? "");
    for (const cf of sheet.conditionalFormats)
      texts.push(...(cf.formula.match(/"[^"]+"/g) ?? []).map((s) => s.slice(1, -1)));
  }
  return texts.filter(Boolean);
}

describe("one language per workbook", () => {
  test.each(PROFILES)(
    "a Chinese workbook (%s) has no English glosses: Latin only in the spec id and TISC",
    (p, c) => {
      const texts = shownTexts(layoutIn("zh", [p, c]));
      expect(foreignScript(texts, "zh", spec)).toEqual([]);
      expect(texts).not.toContain("For us");
      expect(texts.some((t) => t.includes("What we did"))).toBe(false);
    },
  );

  test.each(PROFILES)(
    "an English workbook (%s) has no Chinese but the guideline's verbatim words",
    (p, c) => {
      expect(foreignScript(shownTexts(layoutIn("en", [p, c])), "en", spec)).toEqual([]);
    },
  );

  test("the checks catch a gloss: a header with English in a Chinese workbook, Chinese in an English one", () => {
    expect(foreignScript(["状态\nStatus"], "zh", spec)).toEqual(["状态\nStatus"]);
    expect(foreignScript(["Status 状态"], "en", spec)).toEqual(["Status 状态"]);
    expect(foreignScript([`Required. ${spec.tasks[1].provincialWork[0].slice(0, 40)}…`], "en", spec)).toEqual(
      [],
    );
  });

  test("an English workbook says its Chinese text is the guideline's, quoted verbatim", () => {
    expect(shownTexts(layoutIn("en")).some((t) => /quoted verbatim/.test(t))).toBe(true);
  });

  test("the legend and instructions say what to do in plain words, naming no command", () => {
    for (const lang of ["zh", "en"] as const) {
      const cover = layoutIn(lang).sheets.find((s) => s.key === "cover")!;
      const text = cover.cells.map((c) => String(c.value ?? "")).join("\n");
      expect(text).not.toMatch(/ip-report|--annotate|validate/);
    }
  });

  test("field ids, defined names and cells do not change with the language; sheet names do", () => {
    const zh = layoutIn("zh");
    const en = layoutIn("en");
    const contract = (l: WorkbookLayout) => l.fields.map((f) => [f.id, f.name, f.sheet, f.cell, f.allowed]);
    expect(contract(en)).toEqual(contract(zh));
    expect(en.sheets.map((s) => s.name)).toEqual([
      "Cover",
      "Tasks",
      "Targets",
      "Task figures",
      "Guideline",
      "_lists",
      "_meta",
    ]);
    expect(en.metadata.language).toBe("en");
    expect(zh.metadata.language).toBe("zh");
  });

  test("dropdowns show the workbook's words; the rules read the stored value from either", () => {
    const en = layoutIn("en");
    const status = en.fields.find((f) => f.id === "task.2.status")!;
    expect(status.allowed).toEqual(["已完成", "推进中", "未启动", "不适用"]);
    expect(status.shown).toEqual(["Done", "In progress", "Not started", "Not applicable"]);
    expect(canonicalValue(status, "Done")).toBe("已完成");
    expect(canonicalValue(status, "已完成")).toBe("已完成");
    expect(shownValue(status, "推进中")).toBe("In progress");
    const lists = en.sheets.find((s) => s.key === "lists")!;
    expect(lists.cells.map((c) => c.value)).toEqual(expect.arrayContaining(["Done", "Yes", "No"]));
    // The required-cell highlight compares with what the status cell shows: "Done" in English.
    const evidence = en.sheets
      .flatMap((s) => s.conditionalFormats)
      .find(
        (cf) =>
          cf.ref === en.fields.find((f) => f.id === "task.2.evidence")!.cell && cf.style === "cfMissing",
      );
    expect(evidence?.formula).toContain('="Done"');
  });

  test("the targets' status formula speaks the workbook's language", () => {
    const formulas = (l: WorkbookLayout) =>
      l.sheets.find((s) => s.key === "targets")!.cells.flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas(layoutIn("zh")).join()).toContain('"达标"');
    expect(formulas(layoutIn("en")).join()).toContain('"Met"');
    expect(formulas(layoutIn("en")).join()).not.toMatch(/\p{Script=Han}/u);
  });
});
