import { provincesReport } from "../spec/national";
import type { QuantitativeTarget, Spec, Target } from "../spec/schema";
import { a1 } from "./address";
import { obligationOf } from "./obligation";
import { SheetDraft } from "./sheet";
import type { Condition, FieldId, Profile } from "./types";
import { SHEET_NAMES, TARGET_STATUS } from "./vocabulary";

export const TARGET_COLUMNS = {
  number: 1,
  label: 2,
  phrase: 3,
  scope: 4,
  goal: 5,
  unit: 6,
  baseline: 7,
  actual: 8,
  growth: 9,
  computed: 10,
  status: 11,
  source: 12,
  progress: 13,
} as const;

const HEADERS: [string, number][] = [
  ["序号\nNo.", 6],
  ["目标\nTarget", 22],
  ["指引原文\nAs worded in the guideline", 34],
  ["评判范围\nJudged", 12],
  ["目标值\nGoal", 11],
  ["计量单位\nUnit", 10],
  ["2018年基数\n2018 baseline", 13],
  ["2019年实际值\n2019 value", 13],
  ["填报增长率\nReported growth", 12],
  ["计算增长率\nComputed change", 12],
  ["完成情况\nStatus", 12],
  ["数据来源\nData source", 26],
  ["进展说明\nNotes", 36],
];

const COMPARATOR_TEXT = { ">=": "≥", ">": ">", "<=": "≤" } as const;

export function goalText(t: QuantitativeTarget): string {
  const verb = t.measuredAs === "growth" ? "增长" : t.measuredAs === "reduction" ? "压减" : "";
  return `${verb}${COMPARATOR_TEXT[t.comparator]} ${t.approximate ? "约" : ""}${t.goal.toLocaleString("en-US")}${t.goalUnit.zh}`;
}

/** Whether this province must report the target's figures. */
export function targetRequired(spec: Spec, t: QuantitativeTarget, profile: Profile): boolean {
  if (t.scope !== "provincial" || t.requiredWhen === undefined) return false;
  if (t.requiredWhen === "always") return true;
  const taskNumber = t.requiredWhen.taskRequired;
  const task = spec.tasks.find((x) => x.number === taskNumber);
  return task !== undefined && obligationOf(task, profile) === "required";
}

/** The comparison the status formula makes, on a fraction for % goals and on the figure otherwise. */
function comparison(t: QuantitativeTarget, ref: string): string {
  const goal = t.goalUnit.zh === "%" ? t.goal / 100 : t.goal;
  return `ROUND(${ref},6)${t.comparator}${goal}`;
}

export function buildTargets(spec: Spec, profile: Profile): SheetDraft {
  const sheet = new SheetDraft(
    "targets",
    SHEET_NAMES.targets,
    HEADERS.map(([, w]) => w),
  );
  const last = HEADERS.length;
  sheet.band(1, 1, last, `${spec.guidelineTitle} · 主要目标完成情况`, "title", 30);
  sheet.band(
    2,
    1,
    last,
    "填写2018年基数和2019年实际值，增长率与完成情况自动计算。百分比可直接输入如 12%。每个数字都须注明数据来源（数出有据）。",
    "subtitle",
  );
  HEADERS.forEach(([text], i) => sheet.put(3, i + 1, text, "header"));
  sheet.layout.rowHeights[3] = 34;
  sheet.layout.freeze = { rows: 3, cols: 2 };
  sheet.layout.print = { landscape: true, titleRows: [3, 3] };

  spec.targets.forEach((target, i) => {
    const row = 4 + i;
    sheet.put(row, TARGET_COLUMNS.number, i + 1, "textCenter");
    sheet.put(row, TARGET_COLUMNS.label, target.label.zh, "text");
    sheet.put(row, TARGET_COLUMNS.phrase, target.phrase + sourceNote(target), "note");
    sheet.layout.rowHeights[row] = 45;
    if (target.kind === "qualitative") addQualitative(sheet, target, row);
    else if (!provincesReport(target)) addNationalOfficeOnly(sheet, target, row);
    else addQuantitative(sheet, spec, target, profile, row);
  });
  return sheet;
}

function sourceNote(t: Target): string {
  return t.source === "main-goals" ? "" : `（任务${t.source.task}）`;
}

function addQualitative(sheet: SheetDraft, t: Target, row: number): void {
  sheet.put(row, TARGET_COLUMNS.scope, "定性目标", "textCenter");
  sheet.band(
    row,
    TARGET_COLUMNS.goal,
    TARGET_COLUMNS.computed,
    "定性目标，请在“进展说明”中填写本省进展",
    "note",
  );
  const progress = a1(row, TARGET_COLUMNS.progress);
  sheet.formula(
    row,
    TARGET_COLUMNS.status,
    `IF(LEN(${progress})>0,"${TARGET_STATUS.reported}","${TARGET_STATUS.pending}")`,
    TARGET_STATUS.pending,
    "status",
  );
  const base = { target: t.id, required: { kind: "never" } as Condition };
  const progressId = `target.${t.id}.progress`;
  sheet.input(
    row,
    TARGET_COLUMNS.progress,
    {
      ...base,
      id: progressId,
      label: { zh: `${t.label.zh}进展说明`, en: `${t.label.en}: notes` },
      type: "text",
    },
    "input",
    { prompt: t.phrase },
  );
  sheet.input(
    row,
    TARGET_COLUMNS.source,
    {
      ...base,
      id: `target.${t.id}.source`,
      label: { zh: `${t.label.zh}数据来源`, en: `${t.label.en}: data source` },
      type: "text",
    },
    "input",
  );
}

/** A figure only the national office has (an examination pendency): the province is asked for nothing. */
function addNationalOfficeOnly(sheet: SheetDraft, t: QuantitativeTarget, row: number): void {
  sheet.put(row, TARGET_COLUMNS.scope, "国家局填报", "textCenter");
  sheet.put(row, TARGET_COLUMNS.goal, goalText(t), "textCenter");
  sheet.put(row, TARGET_COLUMNS.unit, t.valueUnit.zh, "textCenter");
  sheet.band(
    row,
    TARGET_COLUMNS.baseline,
    TARGET_COLUMNS.computed,
    "由国家知识产权局填报，省份无需填写",
    "note",
  );
  sheet.put(row, TARGET_COLUMNS.status, "—", "computed");
}

function addQuantitative(
  sheet: SheetDraft,
  spec: Spec,
  t: QuantitativeTarget,
  profile: Profile,
  row: number,
): void {
  const required = targetRequired(spec, t, profile);
  sheet.put(row, TARGET_COLUMNS.scope, t.scope === "provincial" ? "本省考核" : "全国汇总", "textCenter");
  sheet.put(row, TARGET_COLUMNS.goal, goalText(t), "textCenter");
  sheet.put(row, TARGET_COLUMNS.unit, t.valueUnit.zh, "textCenter");
  const id = (part: string): FieldId => `target.${t.id}.${part}`;
  const valueStyle = t.valueType === "integer" ? "inputInteger" : "inputNumber";
  const figure = (part: "baseline" | "actual", zh: string, en: string, needed: boolean) =>
    sheet.input(
      row,
      TARGET_COLUMNS[part],
      {
        id: id(part),
        label: { zh: `${t.label.zh}${zh}`, en: `${t.label.en}: ${en}` },
        type: t.valueType,
        unit: t.valueUnit,
        min: 0,
        plausibleMax: t.plausibleMax,
        required: needed ? { kind: "always" } : { kind: "never" },
        target: t.id,
      },
      valueStyle,
      { prompt: `${t.phrase}（单位：${t.valueUnit.zh}）` },
    );

  const changeMeasured = t.measuredAs !== "level";
  const figures: FieldId[] = [];
  figure(
    "baseline",
    `${spec.baselineYear}年基数`,
    `${spec.baselineYear} baseline`,
    required && changeMeasured,
  );
  figures.push(id("baseline"));
  figure("actual", `${spec.year}年实际值`, `${spec.year} value`, required);
  figures.push(id("actual"));

  const g = a1(row, TARGET_COLUMNS.baseline);
  const h = a1(row, TARGET_COLUMNS.actual);
  const j = a1(row, TARGET_COLUMNS.computed);
  if (t.measuredAs === "growth") {
    sheet.input(
      row,
      TARGET_COLUMNS.growth,
      {
        id: id("growth"),
        label: { zh: `${t.label.zh}填报增长率`, en: `${t.label.en}: reported growth` },
        type: "percent",
        min: -1,
        max: 100,
        required: { kind: "never" },
        target: t.id,
      },
      "inputPercent",
      { prompt: "可选：如另行填报增长率，须与基数和实际值计算所得一致。" },
    );
    figures.push(id("growth"));
  } else {
    sheet.put(row, TARGET_COLUMNS.growth, "—", "computed");
  }

  if (changeMeasured) {
    const change = t.measuredAs === "growth" ? `(${h}-${g})/${g}` : `(${g}-${h})/${g}`;
    sheet.formula(
      row,
      TARGET_COLUMNS.computed,
      `IF(AND(ISNUMBER(${g}),ISNUMBER(${h})),IF(${g}>0,${change},""),"")`,
      "",
      "computedPercent",
    );
  } else {
    sheet.put(row, TARGET_COLUMNS.computed, "—", "computed");
  }

  const status =
    t.scope === "national"
      ? `IF(ISNUMBER(${h}),"${TARGET_STATUS.national}","${TARGET_STATUS.optional}")`
      : changeMeasured
        ? `IF(ISNUMBER(${j}),IF(${comparison(t, j)},"${TARGET_STATUS.met}","${TARGET_STATUS.missed}"),"${TARGET_STATUS.pending}")`
        : `IF(ISNUMBER(${h}),IF(${comparison(t, h)},"${TARGET_STATUS.met}","${TARGET_STATUS.missed}"),"${TARGET_STATUS.pending}")`;
  const initial = t.scope === "national" ? TARGET_STATUS.optional : TARGET_STATUS.pending;
  sheet.formula(row, TARGET_COLUMNS.status, status, initial, "status");

  sheet.input(
    row,
    TARGET_COLUMNS.source,
    {
      id: id("source"),
      label: { zh: `${t.label.zh}数据来源`, en: `${t.label.en}: data source` },
      type: "text",
      required: { kind: "any-filled", fields: figures },
      target: t.id,
    },
    "input",
    { prompt: "数出有据：注明统计口径和出处（如统计报表、主管部门数据、监测系统）。" },
  );
  sheet.input(
    row,
    TARGET_COLUMNS.progress,
    {
      id: id("progress"),
      label: { zh: `${t.label.zh}进展说明`, en: `${t.label.en}: notes` },
      type: "text",
      required: { kind: "never" },
      target: t.id,
    },
    "input",
  );

  const k = a1(row, TARGET_COLUMNS.status);
  sheet.conditional({ ref: k, formula: `${k}="${TARGET_STATUS.missed}"`, style: "cfMissed" });
  sheet.conditional({ ref: k, formula: `${k}="${TARGET_STATUS.met}"`, style: "cfMet" });
  sheet.conditional({ ref: h, formula: `${k}="${TARGET_STATUS.missed}"`, style: "cfMissed" });
}
