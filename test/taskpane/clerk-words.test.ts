import {
  highlightDegradations,
  insertDegradations,
  messageTarget,
  refreshDegradations,
  reviewSheetDegradations,
} from "../../src/excel/capabilities";
import { reviewItemsOf } from "../../src/round/review";
import { buildLayout } from "../../src/layout/build";
import { resolveProfile } from "../../src/layout/obligation";
import type { WorkbookReading } from "../../src/layout/reading";
import { checkReport } from "../../src/rules";
import { sampleValues } from "../../src/sample";
import { latestSpec } from "../../src/spec";
import type { LocalizedText } from "../../src/spec/schema";
import { KIND_WORDS, NAV, SEVERITY_ONE, SEVERITY_WORDS } from "../../src/taskpane/navigator/words";
import { problemsOf } from "../../src/taskpane/navigator/problems";
import { planSentence } from "../../src/taskpane/refresh-summary";
import { UI } from "../../src/taskpane/strings";
import { jargonIn } from "../helpers/clerk-words";

/**
 * No clerk-visible string carries a field id, a rule code, an API version or a command. Every string the
 * pane has, every message an older Excel gets, and every message the engine gives on sample reports (the
 * navigator shows them). The browser walk (test/e2e) scans the rendered pane at every step as well.
 */
const both = (text: LocalizedText) => [text.zh, text.en];
const scan = (texts: string[]) => texts.flatMap(jargonIn);

describe("clerk-facing words", () => {
  test("the scan itself catches each kind of jargon", () => {
    expect(jargonIn("task.4.progress 已修改")).toHaveLength(1);
    expect(jargonIn("F_task_4_progress")).toHaveLength(1);
    expect(jargonIn("[E101] 未填写")).toHaveLength(1);
    expect(jargonIn("需要 ExcelApi 1.8")).toHaveLength(1);
    expect(jargonIn("运行 ip-report template --province 江苏")).not.toHaveLength(0);
    expect(jargonIn("任务4（完善知识产权保护制度）为本省必做任务")).toEqual([]);
  });

  test("every string of the pane and of the shared navigator", () => {
    const texts = [UI, NAV, KIND_WORDS, SEVERITY_WORDS, SEVERITY_ONE].flatMap((table) =>
      Object.values(table as Record<string, LocalizedText>).flatMap(both),
    );
    expect(scan(texts)).toEqual([]);
  });

  test("what an older Excel lacks, on every mix of capabilities", () => {
    const texts: string[] = [];
    for (const bits of Array.from({ length: 16 }, (_, i) => i)) {
      const caps = {
        dataValidation: (bits & 1) > 0,
        conditionalFormats: (bits & 2) > 0,
        comments: (bits & 4) > 0,
        notes: (bits & 8) > 0,
      };
      for (const groups of [true, false]) {
        for (const page of [true, false]) {
          texts.push(...insertDegradations(caps, groups, page).flatMap(both));
          texts.push(...refreshDegradations(caps, groups, page).flatMap(both));
        }
      }
      texts.push(...highlightDegradations(caps).flatMap(both), ...messageTarget(caps).degraded.flatMap(both));
    }
    texts.push(...reviewSheetDegradations(false).flatMap(both));
    expect(texts.length).toBeGreaterThan(0);
    expect(scan(texts)).toEqual([]);
  });

  test("the items a reviewer marks, as the pane names them (never by their keys)", () => {
    const items = reviewItemsOf(latestSpec());
    expect(items.length).toBeGreaterThan(40);
    expect(scan(items.flatMap((i) => both(i.text)))).toEqual([]);
  });

  test("a refresh told in words", () => {
    const plan = {
      kept: ["a"],
      moved: [{ from: "b", to: "c" }],
      added: ["d"],
      retired: [],
      stoppedApplying: ["e"],
      writes: {},
      additions: {
        sheetName: "保留的补充内容",
        inPlace: [{ sheet: "tasks", sheetName: "任务清单", cell: "A31", value: "补充说明" }],
        kept: [{ sheetName: "任务指标", cell: "D4", value: "另有 3 期" }],
      },
    } as unknown as Parameters<typeof planSentence>[0];
    expect(scan(both(planSentence(plan)))).toEqual([]);
    expect(planSentence(plan).zh).not.toMatch(/ 0 个/);
  });

  test("every problem the navigator shows on sample reports with defects, in both languages", () => {
    const spec = latestSpec();
    const texts: string[] = [];
    for (const [province, categories] of [
      ["江苏", ["ip-protection-center", "ip-operation", "strong-ip-province-pilot", "pilot-type-leading"]],
      ["西藏", []],
      ["广东", ["trademark-review-center", "belt-and-road", "tisc-host"]],
    ] as const) {
      const profile = resolveProfile(spec, province, [...categories]);
      const layout = buildLayout(spec, profile);
      for (const seed of [1, 2, 3]) {
        const { values } = sampleValues(spec, layout, { seed, defects: "some" });
        const cells: WorkbookReading["cells"] = {};
        for (const f of layout.fields) cells[f.id] = { sheetName: f.sheetName, cell: f.cell };
        const reading: WorkbookReading = {
          metadata: {
            specId: layout.metadata.specId,
            specVersion: layout.metadata.specVersion,
            templateVersion: layout.metadata.templateVersion,
            unitId: layout.metadata.unitId,
            unitName: "江苏省",
            categories: layout.metadata.categories.join(","),
          },
          values,
          formulas: {},
          cells,
          missingNames: [],
          missingSheets: [],
        };
        for (const empty of [false, true]) {
          const r = empty ? { ...reading, values: {} } : reading;
          texts.push(
            ...problemsOf(checkReport({ spec, profile, layout, reading: r })).flatMap((p) => both(p.message)),
          );
        }
      }
    }
    expect(texts.length).toBeGreaterThan(50);
    expect(scan(texts)).toEqual([]);
  });
});
