import type { Spec } from "../spec/schema";
import { a1 } from "./address";
import { OBLIGATION_LABEL, obligationOf } from "./obligation";
import { SheetDraft } from "./sheet";
import type { Condition, Obligation, Profile } from "./types";
import { ACTIVE_STATUSES, BOOLEAN_VALUES, SHEET_NAMES } from "./vocabulary";
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

const HEADERS: [string, number][] = [
  ["任务\nTask", 6],
  ["任务名称\nTask title", 22],
  ["指标\nIndicator", 34],
  ["单位\nUnit", 8],
  ["本省要求\nFor us", 10],
  ["数值\nValue", 14],
  ["数据来源\nData source", 28],
  ["指引要求\nGuideline rule", 40],
];

function valueCondition(task: number, obligation: Obligation): Condition {
  if (obligation === "required") return { kind: "always" };
  if (obligation === "optional")
    return { kind: "field-in", field: fieldId.task(task, "status"), values: ACTIVE_STATUSES };
  return { kind: "never" };
}

export function buildMetrics(spec: Spec, profile: Profile): SheetDraft {
  const sheet = new SheetDraft(
    "metrics",
    SHEET_NAMES.metrics,
    HEADERS.map(([, w]) => w),
  );
  const last = HEADERS.length;
  sheet.band(1, 1, last, `${spec.title.zh} · 任务量化指标`, "title", 30);
  sheet.band(2, 1, last, "任务原文要求可核对的数字。每个数字须注明数据来源。", "subtitle");
  HEADERS.forEach(([text], i) => sheet.put(3, i + 1, text, "header"));
  sheet.layout.rowHeights[3] = 34;
  sheet.layout.freeze = { rows: 3, cols: 3 };
  sheet.layout.print = { landscape: true, titleRows: [3, 3] };

  let row = 4;
  for (const task of spec.tasks) {
    const obligation = obligationOf(task, profile);
    const rules = spec.consistency.filter((r) => isTaskField(r.left, task.number));
    for (const metric of task.metrics) {
      const id = fieldId.taskMetric(task.number, metric.id);
      const notApplicable = obligation === "not-applicable" || obligation === "national-only";
      sheet.put(row, METRIC_COLUMNS.task, task.number, "textCenter");
      sheet.put(row, METRIC_COLUMNS.title, task.title, "text");
      sheet.put(row, METRIC_COLUMNS.metric, metric.label.zh, "text");
      sheet.put(row, METRIC_COLUMNS.unit, metric.unit?.zh ?? "", "textCenter");
      sheet.put(row, METRIC_COLUMNS.obligation, OBLIGATION_LABEL[obligation].zh, "textCenter");
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
