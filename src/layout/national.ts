import { nationalFigureOf } from "../spec/national";
import type { QuantitativeTarget, Spec } from "../spec/schema";
import { finishLayout } from "./build";
import { tableSheet, type SheetDraft } from "./sheet";
import { goalText } from "./targets";
import type { FieldId, WorkbookLayout } from "./types";
import { TEMPLATE_VERSION } from "./vocabulary";
import { fieldId } from "./field-ids";

/** The unit id in the metadata of the national office's own input workbook; no province has it. */
export const NATIONAL_OFFICE = { id: "national-office", name: "国家知识产权局" } as const;

export const NATIONAL_SHEET_NAME = "全国数据";

const HEADERS: [string, number][] = [
  ["序号\nNo.", 6],
  ["目标\nTarget", 22],
  ["指引原文\nAs worded in the guideline", 34],
  ["全国数如何得出\nHow the national figure is made", 22],
  ["目标值\nGoal", 12],
  ["计量单位\nUnit", 10],
  ["基数\nBaseline", 13],
  ["实际值\nValue", 13],
  ["数据来源\nData source", 26],
  ["依据\nBasis in the guideline", 40],
];

export const NATIONAL_COLUMNS = { baseline: 7, actual: 8, source: 9 } as const;

/** The national office's field ids: `national.<targetId>.baseline|actual|source`. */
export function nationalFieldId(targetId: string, part: "baseline" | "actual" | "source"): FieldId {
  return fieldId.national(targetId, part);
}

/**
 * The national office's input workbook, made by the same machinery as a province's template: one row per
 * quantitative target. Where the national figure is entered (a pendency), the figures are required; where
 * it is a sum of the units', the office may enter its own statistic beside it, and the roll-up shows both.
 */
export function buildNationalInput(spec: Spec): WorkbookLayout {
  const sheet = tableSheet({
    key: "targets",
    name: NATIONAL_SHEET_NAME,
    headers: HEADERS.map(([text, width]) => [text, width]),
    title: `${spec.guidelineTitle} · 国家知识产权局填报的全国数据`,
    subtitle: `“国家局填报”的目标须填写${spec.year}年实际值（按增长或压减评判的，另填${spec.baselineYear}年基数）；“各省合计”的目标由汇总计算，此处可选填国家局掌握的统计数，汇总表将并列显示两者。`,
    span: HEADERS.length,
    frozenColumns: 2,
  });
  const quantitative = spec.targets.filter((t): t is QuantitativeTarget => t.kind === "quantitative");
  quantitative.forEach((t, i) => addRow(sheet, spec, t, 4 + i, i + 1));
  return finishLayout(
    spec,
    {
      language: "zh",
      specId: spec.specId,
      specVersion: spec.specVersion,
      templateVersion: TEMPLATE_VERSION,
      unitId: NATIONAL_OFFICE.id,
      unitName: NATIONAL_OFFICE.name,
      categories: [],
    },
    [sheet],
  );
}

function addRow(sheet: SheetDraft, spec: Spec, t: QuantitativeTarget, row: number, n: number): void {
  const national = nationalFigureOf(t);
  const entered = national.figure === "entered";
  sheet.put(row, 1, n, "textCenter");
  sheet.put(row, 2, t.label.zh, "text");
  sheet.put(row, 3, t.phrase, "note");
  sheet.put(row, 4, entered ? "国家局填报（必填）" : "各省合计（可选填核对数）", "textCenter");
  sheet.put(row, 5, goalText(t), "textCenter");
  sheet.put(row, 6, t.valueUnit.zh, "textCenter");
  sheet.put(row, 10, `${national.basis}\n${national.note.zh}`, "note");
  sheet.layout.rowHeights[row] = 60;
  const style = t.valueType === "integer" ? "inputInteger" : "inputNumber";
  const figure = (part: "baseline" | "actual", zh: string, en: string, required: boolean) =>
    sheet.input(
      row,
      NATIONAL_COLUMNS[part],
      {
        id: nationalFieldId(t.id, part),
        role: "target-figure",
        label: { zh: `全国${t.label.zh}${zh}`, en: `National ${t.label.en}: ${en}` },
        type: t.valueType,
        unit: t.valueUnit,
        min: 0,
        required: required ? { kind: "always" } : { kind: "never" },
        target: t.id,
      },
      style,
      { prompt: `${t.phrase}（单位：${t.valueUnit.zh}）` },
    );
  const figures: FieldId[] = [];
  if (t.measuredAs !== "level") {
    figure("baseline", `${spec.baselineYear}年基数`, `${spec.baselineYear} baseline`, entered);
    figures.push(nationalFieldId(t.id, "baseline"));
  } else {
    sheet.put(row, NATIONAL_COLUMNS.baseline, "—", "computed");
  }
  figure("actual", `${spec.year}年实际值`, `${spec.year} value`, entered);
  figures.push(nationalFieldId(t.id, "actual"));
  sheet.input(
    row,
    NATIONAL_COLUMNS.source,
    {
      id: nationalFieldId(t.id, "source"),
      role: "source",
      label: { zh: `全国${t.label.zh}数据来源`, en: `National ${t.label.en}: data source` },
      type: "text",
      required: { kind: "any-filled", fields: figures },
      target: t.id,
    },
    "input",
    { prompt: "数出有据：注明统计口径和出处。" },
  );
}
