import type { LocalizedText, Spec } from "../spec/schema";
import { a1 } from "./address";
import { OBLIGATION_LABEL, obligationOf } from "./obligation";
import { tableSheet, type SheetDraft } from "./sheet";
import type { Condition, Obligation, Profile } from "./types";
import { ACTIVE_STATUSES, BOOLEAN_VALUES, sheetNamesIn, type WorkbookLanguage } from "./vocabulary";
import { fieldId, isTaskField } from "./field-ids";

export const METRIC_COLUMNS = {
  task: 1,
  title: 2,
  metric: 3,
  unit: 4,
  obligation: 5,
  value: 6,
  source: 7,
  rule: 8,
};

const HEADERS: [LocalizedText, number][] = [
  [{ zh: "任务", en: "Task" }, 6],
  [{ zh: "任务名称", en: "Task title" }, 22],
  [{ zh: "指标", en: "Indicator" }, 34],
  [{ zh: "单位", en: "Unit" }, 8],
  [{ zh: "本省要求", en: "For this province" }, 10],
  [{ zh: "数值", en: "Value" }, 14],
  [{ zh: "数据来源", en: "Data source" }, 28],
  [{ zh: "指引要求", en: "Guideline rule (verbatim)" }, 40],
];

const SUBTITLE: LocalizedText = {
  zh: "任务原文要求可核对的数字。每个数字须注明数据来源。",
  en: "Figures the tasks' own words make checkable. Every figure needs its data source.",
};

function valueCondition(task: number, obligation: Obligation): Condition {
  if (obligation === "required") return { kind: "always" };
  if (obligation === "optional")
    return { kind: "field-in", field: fieldId.task(task, "status"), values: ACTIVE_STATUSES };
  return { kind: "never" };
}

export function buildMetrics(spec: Spec, profile: Profile, lang: WorkbookLanguage): SheetDraft {
  const title = { zh: `${spec.title.zh} · 任务量化指标`, en: `${spec.title.en} · task figures` };
  const sheet = tableSheet({
    key: "metrics",
    name: sheetNamesIn(lang).metrics,
    headers: HEADERS.map(([text, width]) => [text[lang], width]),
    title: title[lang],
    subtitle: SUBTITLE[lang],
    span: HEADERS.length,
    frozenColumns: 3,
  });

  let row = 4;
  for (const task of spec.tasks) {
    const obligation = obligationOf(task, profile);
    const rules = spec.consistency.filter((r) => isTaskField(r.left, task.number));
    for (const metric of task.metrics) {
      const id = fieldId.taskMetric(task.number, metric.id);
      const notApplicable = obligation === "not-applicable" || obligation === "national-only";
      sheet.put(row, METRIC_COLUMNS.task, task.number, "textCenter");
      sheet.put(row, METRIC_COLUMNS.title, lang === "en" ? task.titleEn : task.title, "text");
      sheet.put(row, METRIC_COLUMNS.metric, metric.label[lang], "text");
      sheet.put(row, METRIC_COLUMNS.unit, metric.unit?.[lang] ?? "", "textCenter");
      sheet.put(row, METRIC_COLUMNS.obligation, OBLIGATION_LABEL[obligation][lang], "textCenter");
      const rule = rules.find((r) => r.left === id || r.right === id);
      sheet.put(row, METRIC_COLUMNS.rule, rule ? rule.phrase : "", "note");
      const isBoolean = metric.type === "boolean";
      sheet.input(
        row,
        METRIC_COLUMNS.value,
        {
          id,
          role: "task-metric",
          label: {
            zh: `任务${task.number}：${metric.label.zh}`,
            en: `Task ${task.number}: ${metric.label.en}`,
          },
          type: isBoolean ? "enum" : metric.type,
          allowed: isBoolean ? BOOLEAN_VALUES : undefined,
          unit: metric.unit,
          min: isBoolean ? undefined : 0,
          plausibleMax: metric.plausibleMax,
          required: valueCondition(task.number, obligation),
          task: task.number,
        },
        notApplicable
          ? "inputNotApplicable"
          : isBoolean
            ? "input"
            : metric.type === "integer"
              ? "inputInteger"
              : "inputNumber",
        { prompt: rule?.phrase },
      );
      if (!isBoolean) {
        sheet.input(
          row,
          METRIC_COLUMNS.source,
          {
            id: fieldId.sourceOf(id),
            role: "source",
            label: {
              zh: `任务${task.number}：${metric.label.zh}数据来源`,
              en: `Task ${task.number}: ${metric.label.en}: data source`,
            },
            type: "text",
            required: { kind: "any-filled", fields: [id] },
            task: task.number,
          },
          notApplicable ? "inputNotApplicable" : "input",
        );
      } else {
        sheet.put(row, METRIC_COLUMNS.source, "—", "computed");
      }
      if (notApplicable) {
        const ref = a1(row, METRIC_COLUMNS.value);
        sheet.conditional({ ref, formula: `LEN(${ref})>0`, style: "cfNotApplicableFilled" });
      }
      sheet.layout.rowHeights[row] = 32;
      row++;
    }
  }
  return sheet;
}
