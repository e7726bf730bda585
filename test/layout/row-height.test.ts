import { buildLayout, resolveProfile } from "../../src/layout";
import {
  charEms,
  fitRowHeights,
  lineCount,
  lineHeight,
  MAX_ROW_HEIGHT,
  rowHeight,
} from "../../src/layout/row-height";
import { layoutWithValues } from "../../src/layout/with-values";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const layout = buildLayout(spec, resolveProfile(spec, "江苏", []));
const sheet = (key: string) => layout.sheets.find((s) => s.key === key)!;

describe("row height estimate", () => {
  test("a full-width character is counted as two narrow ones (CJK, full-width punctuation, “”)", () => {
    for (const ch of ["知", "，", "（", "“"]) expect(charEms(ch)).toBe(1);
    for (const ch of ["a", "1", "%"]) expect(charEms(ch)).toBeLessThan(0.7);
  });

  test("lines: explicit line breaks each start a line; CJK wraps anywhere; a Latin word moves whole", () => {
    expect(lineCount("第一行\n第二行\n第三行", 40, 11, true)).toBe(3);
    // 20 units at 11 pt hold about 8.9 full-width characters: 40 characters take 5 lines.
    expect(lineCount("知".repeat(40), 20, 11, true)).toBe(5);
    expect(lineCount("知".repeat(40), 20, 11, false)).toBe(1);
    expect(lineCount("aaaa bbbb", 6.5, 11, true)).toBe(2);
    // A larger font takes more lines.
    expect(lineCount("知".repeat(40), 20, 16, true)).toBeGreaterThan(5);
  });

  test("a row is never lower than laid out, grows with its text, and stops at Excel's 409 pt", () => {
    const cell = (text: string) => ({ text, width: 42, size: 11, wrap: true });
    expect(rowHeight([cell("短")], 60)).toBe(60);
    expect(rowHeight([cell("短")])).toBeUndefined();
    const long = "我局围绕任务要求建立联动机制。".repeat(10);
    const lines = lineCount(long, 42, 11, true);
    expect(rowHeight([cell("短"), cell(long)], 60)).toBe(Math.ceil(lines * lineHeight(11) + 4));
    expect(rowHeight([cell(long.repeat(10))], 60)).toBe(MAX_ROW_HEIGHT);
  });

  test.each(["zh", "en"] as const)("the template (%s): every header fits its column", (lang) => {
    const laidOut = buildLayout(spec, resolveProfile(spec, "江苏", []), lang);
    for (const key of ["tasks", "targets", "metrics", "guideline"]) {
      const s = laidOut.sheets.find((x) => x.key === key)!;
      for (const cell of s.cells.filter((c) => c.row === 3 && typeof c.value === "string")) {
        const lines = lineCount(cell.value as string, s.columns[cell.col - 1].width, 11, true);
        expect([key, cell.value, s.rowHeights[3]! >= lines * lineHeight(11)]).toEqual([
          key,
          cell.value,
          true,
        ]);
      }
    }
  });

  test("the collapsed guideline column is not measured: its long text would make every task row huge", () => {
    const tasks = sheet("tasks");
    const hidden = tasks.columns.findIndex((c) => c.hidden) + 1;
    expect(hidden).toBeGreaterThan(0);
    const withoutIt = { ...tasks, cells: tasks.cells.filter((c) => c.col !== hidden) };
    expect(fitRowHeights(withoutIt, layout.styles)).toEqual(tasks.rowHeights);
  });

  test("values make rows grow (layoutWithValues, as the Office.js adapter renders a refresh)", () => {
    const progress = layout.fields.find((f) => f.id === "task.2.progress")!;
    const before = sheet("tasks").rowHeights[progress.row]!;
    const filled = layoutWithValues(layout, { [progress.id]: "我局围绕任务要求建立联动机制。".repeat(12) });
    const after = filled.sheets.find((s) => s.key === "tasks")!.rowHeights[progress.row]!;
    expect(after).toBeGreaterThan(before);
    expect(after).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
  });
});
