import { provincesReport } from "../spec/national";
import type { LocalizedText, QuantitativeTarget, Spec, Target } from "../spec/schema";
import { a1 } from "./address";
import { obligationOf } from "./obligation";
import { tableSheet, type SheetDraft } from "./sheet";
import type { Condition, FieldId, Profile } from "./types";
import { COMPARATOR_SYMBOL, sheetNamesIn, targetStatusWords, type WorkbookLanguage } from "./vocabulary";
import { fieldId, type TargetPart } from "./field-ids";

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

/** The column headers; the two figures' years come from the spec. */
function headers(spec: Spec): [LocalizedText, number][] {
  return [
    [{ zh: "序号", en: "No." }, 6],
    [{ zh: "目标", en: "Target" }, 22],
    [{ zh: "指引原文", en: "As worded in the guideline" }, 34],
    [{ zh: "评判范围", en: "Judged" }, 12],
    [{ zh: "目标值", en: "Goal" }, 11],
    [{ zh: "计量单位", en: "Unit" }, 10],
    [{ zh: `${spec.baselineYear}年基数`, en: `${spec.baselineYear} baseline` }, 13],
    [{ zh: `${spec.year}年实际值`, en: `${spec.year} value` }, 13],
    [{ zh: "填报增长率", en: "Reported growth" }, 12],
    [{ zh: "计算增长率", en: "Computed change" }, 12],
    [{ zh: "完成情况", en: "Status" }, 12],
    [{ zh: "数据来源", en: "Data source" }, 26],
    [{ zh: "进展说明", en: "Notes" }, 36],
  ];
}

const WORDS = {
  qualitative: { zh: "定性目标", en: "Qualitative" },
  qualitativeBand: {
    zh: "定性目标，请在“进展说明”中填写本省进展",
    en: "A qualitative goal: describe the province's progress under Notes",
  },
  provincial: { zh: "本省考核", en: "This province" },
  national: { zh: "全国汇总", en: "National total" },
  growthPrompt: {
    zh: "可选：如另行填报增长率，须与基数和实际值计算所得一致。",
    en: "Optional: a growth rate entered here must agree with the one the baseline and the value give.",
  },
  sourcePrompt: {
    zh: "数出有据：注明统计口径和出处（如统计报表、主管部门数据、监测系统）。",
    en: "Every figure needs its source: say where it comes from and how it is counted (statistical reports, the competent department's data, a monitoring system).",
  },
} satisfies Record<string, LocalizedText>;

export function goalText(t: QuantitativeTarget, lang: WorkbookLanguage = "zh"): string {
  const goal = t.goal.toLocaleString("en-US");
  if (lang === "en") {
    const verb = t.measuredAs === "growth" ? "growth " : t.measuredAs === "reduction" ? "cut " : "";
    const unit = t.goalUnit.en === "%" ? "%" : ` ${t.goalUnit.en}`;
    return `${verb}${COMPARATOR_SYMBOL[t.comparator]} ${t.approximate ? "about " : ""}${goal}${unit}`;
  }
  const verb = t.measuredAs === "growth" ? "增长" : t.measuredAs === "reduction" ? "压减" : "";
  return `${verb}${COMPARATOR_SYMBOL[t.comparator]} ${t.approximate ? "约" : ""}${goal}${t.goalUnit.zh}`;
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

export function buildTargets(spec: Spec, profile: Profile, lang: WorkbookLanguage): SheetDraft {
  const HEADERS = headers(spec);
  const title = {
    zh: `${spec.guidelineTitle} · 主要目标完成情况`,
    en: `${spec.guidelineTitleEn} · main goals`,
  };
  const subtitle = {
    zh: `填写${spec.baselineYear}年基数和${spec.year}年实际值，增长率与完成情况自动计算。百分比可直接输入如 12%。每个数字都须注明数据来源（数出有据）。`,
    en: `Enter the ${spec.baselineYear} baseline and the ${spec.year} value; the growth and the status are computed. Percentages can be typed as 12%. Every figure needs its data source.`,
  };
  const sheet = tableSheet({
    key: "targets",
    name: sheetNamesIn(lang).targets,
    headers: HEADERS.map(([text, width]) => [text[lang], width]),
    title: title[lang],
    subtitle: subtitle[lang],
    span: HEADERS.length,
    frozenColumns: 2,
  });

  spec.targets.forEach((target, i) => {
    const row = 4 + i;
    sheet.put(row, TARGET_COLUMNS.number, i + 1, "textCenter");
    sheet.put(row, TARGET_COLUMNS.label, target.label[lang], "text");
    sheet.put(row, TARGET_COLUMNS.phrase, target.phrase + sourceNote(target, lang), "note");
    sheet.layout.rowHeights[row] = 45;
    if (target.kind === "qualitative") addQualitative(sheet, target, row, lang);
    else if (!provincesReport(target)) addNationalOfficeOnly(sheet, target, row, lang);
    else addQuantitative(sheet, spec, target, profile, row, lang);
  });
  return sheet;
}

function sourceNote(t: Target, lang: WorkbookLanguage): string {
  if (t.source === "main-goals") return "";
  return lang === "en" ? ` (task ${t.source.task})` : `（任务${t.source.task}）`;
}

function addQualitative(sheet: SheetDraft, t: Target, row: number, lang: WorkbookLanguage): void {
  const statusWords = targetStatusWords(lang);
  sheet.put(row, TARGET_COLUMNS.scope, WORDS.qualitative[lang], "textCenter");
  sheet.band(row, TARGET_COLUMNS.goal, TARGET_COLUMNS.computed, WORDS.qualitativeBand[lang], "note");
  const progress = a1(row, TARGET_COLUMNS.progress);
  sheet.formula(
    row,
    TARGET_COLUMNS.status,
    `IF(LEN(${progress})>0,"${statusWords.reported}","${statusWords.pending}")`,
    statusWords.pending,
    "status",
    { kind: "target-status", target: t.id },
  );
  const base = { target: t.id, required: { kind: "never" } as Condition };
  const progressId = fieldId.target(t.id, "progress");
  sheet.input(
    row,
    TARGET_COLUMNS.progress,
    {
      ...base,
      id: progressId,
      role: "target-text",
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
      id: fieldId.target(t.id, "source"),
      role: "source",
      label: { zh: `${t.label.zh}数据来源`, en: `${t.label.en}: data source` },
      type: "text",
    },
    "input",
  );
}

/** A figure only the national office has (an examination pendency): the province is asked for nothing. */
/** A target only the national office reports: the row says so and asks the province for nothing. */
function addNationalOfficeOnly(
  sheet: SheetDraft,
  t: QuantitativeTarget,
  row: number,
  lang: WorkbookLanguage,
): void {
  const words = {
    scope: { zh: "国家局填报", en: "National office" },
    note: {
      zh: "由国家知识产权局填报，省份无需填写",
      en: "Reported by the national office: nothing to fill in here",
    },
  };
  sheet.put(row, TARGET_COLUMNS.scope, words.scope[lang], "textCenter");
  sheet.put(row, TARGET_COLUMNS.goal, goalText(t, lang), "textCenter");
  sheet.put(row, TARGET_COLUMNS.unit, t.valueUnit[lang], "textCenter");
  sheet.band(row, TARGET_COLUMNS.baseline, TARGET_COLUMNS.computed, words.note[lang], "note");
  sheet.put(row, TARGET_COLUMNS.status, "—", "computed");
}

function addQuantitative(
  sheet: SheetDraft,
  spec: Spec,
  t: QuantitativeTarget,
  profile: Profile,
  row: number,
  lang: WorkbookLanguage,
): void {
  const statusWords = targetStatusWords(lang);
  const required = targetRequired(spec, t, profile);
  sheet.put(row, TARGET_COLUMNS.scope, WORDS[t.scope][lang], "textCenter");
  sheet.put(row, TARGET_COLUMNS.goal, goalText(t, lang), "textCenter");
  sheet.put(row, TARGET_COLUMNS.unit, t.valueUnit[lang], "textCenter");
  const id = (part: TargetPart): FieldId => fieldId.target(t.id, part);
  const valueStyle = t.valueType === "integer" ? "inputInteger" : "inputNumber";
  const figure = (part: "baseline" | "actual", zh: string, en: string, needed: boolean) =>
    sheet.input(
      row,
      TARGET_COLUMNS[part],
      {
        id: id(part),
        role: "target-figure",
        label: { zh: `${t.label.zh}${zh}`, en: `${t.label.en}: ${en}` },
        type: t.valueType,
        unit: t.valueUnit,
        min: 0,
        plausibleMax: t.plausibleMax,
        required: needed ? { kind: "always" } : { kind: "never" },
        target: t.id,
      },
      valueStyle,
      {
        prompt:
          lang === "en" ? `${t.phrase} (unit: ${t.valueUnit.en})` : `${t.phrase}（单位：${t.valueUnit.zh}）`,
      },
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
        role: "target-figure",
        label: { zh: `${t.label.zh}填报增长率`, en: `${t.label.en}: reported growth` },
        type: "percent",
        min: -1,
        max: 100,
        required: { kind: "never" },
        target: t.id,
      },
      "inputPercent",
      { prompt: WORDS.growthPrompt[lang] },
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
      { kind: "target-change", target: t.id },
    );
  } else {
    sheet.put(row, TARGET_COLUMNS.computed, "—", "computed");
  }

  const status =
    t.scope === "national"
      ? `IF(ISNUMBER(${h}),"${statusWords.national}","${statusWords.optional}")`
      : changeMeasured
        ? `IF(ISNUMBER(${j}),IF(${comparison(t, j)},"${statusWords.met}","${statusWords.missed}"),"${statusWords.pending}")`
        : `IF(ISNUMBER(${h}),IF(${comparison(t, h)},"${statusWords.met}","${statusWords.missed}"),"${statusWords.pending}")`;
  const initial = t.scope === "national" ? statusWords.optional : statusWords.pending;
  sheet.formula(row, TARGET_COLUMNS.status, status, initial, "status", {
    kind: "target-status",
    target: t.id,
  });

  sheet.input(
    row,
    TARGET_COLUMNS.source,
    {
      id: id("source"),
      role: "source",
      label: { zh: `${t.label.zh}数据来源`, en: `${t.label.en}: data source` },
      type: "text",
      required: { kind: "any-filled", fields: figures },
      target: t.id,
    },
    "input",
    { prompt: WORDS.sourcePrompt[lang] },
  );
  sheet.input(
    row,
    TARGET_COLUMNS.progress,
    {
      id: id("progress"),
      role: "target-text",
      label: { zh: `${t.label.zh}进展说明`, en: `${t.label.en}: notes` },
      type: "text",
      required: { kind: "never" },
      target: t.id,
    },
    "input",
  );

  const k = a1(row, TARGET_COLUMNS.status);
  sheet.conditional({ ref: k, formula: `${k}="${statusWords.missed}"`, style: "cfMissed" });
  sheet.conditional({ ref: k, formula: `${k}="${statusWords.met}"`, style: "cfMet" });
  sheet.conditional({ ref: h, formula: `${k}="${statusWords.missed}"`, style: "cfMissed" });
}
