import type { FieldDef } from "../layout/types";
import { STATUS, STATUS_LABEL, STATUS_VALUES } from "../layout/vocabulary";
import type { LocalizedText } from "../spec/schema";
import type { RuleId } from "./catalog";
import type { Evaluation } from "./context";
import { quoteValue, textOf } from "./values";
import { fieldId } from "../layout/field-ids";

function taskName(ev: Evaluation, n: number): LocalizedText {
  const task = ev.task(n);
  return task
    ? { zh: `任务${n}（${task.title}）`, en: `Task ${n} (${task.titleEn})` }
    : { zh: `任务${n}`, en: `Task ${n}` };
}

function statusOf(ev: Evaluation, n: number): LocalizedText {
  const status = textOf(ev.value(fieldId.task(n, "status")));
  return STATUS_LABEL[status] ?? { zh: status, en: status };
}

/** The rule and the words for a required field left empty, by what the field is for. */
function missingValue(ev: Evaluation, field: FieldDef): { ruleId: RuleId; message: LocalizedText } {
  const label = field.label;
  const n = field.task ?? 0;
  switch (ev.role(field)) {
    case "cover":
      return {
        ruleId: "cover.required",
        message: { zh: `封面“${label.zh}”未填写`, en: `Cover: ${label.en} is empty` },
      };
    case "task-status": {
      const name = taskName(ev, n);
      return {
        ruleId: "task.status.required",
        message: {
          zh: `${name.zh}为本省必做任务，请填写状态（已完成/推进中/未启动）`,
          en: `${name.en} is required for this province: fill in its status (done / in progress / not started)`,
        },
      };
    }
    case "task-progress": {
      const name = taskName(ev, n);
      if (field.required.kind === "always") {
        return {
          ruleId: "task.progress.required",
          message: {
            zh: `${name.zh}为本省必做任务，请填写工作进展`,
            en: `${name.en} is required for this province: describe the progress`,
          },
        };
      }
      const status = statusOf(ev, n);
      return {
        ruleId: "task.progress.required-when-active",
        message: {
          zh: `${name.zh}（选做）状态为“${status.zh}”，请填写工作进展`,
          en: `${name.en} (optional) is marked "${status.en}": describe the progress`,
        },
      };
    }
    case "task-evidence": {
      const name = taskName(ev, n);
      return {
        ruleId: "task.evidence.required-when-done",
        message: {
          zh: `${name.zh}状态为“已完成”，须注明佐证材料`,
          en: `${name.en} is marked done: name the supporting evidence`,
        },
      };
    }
    case "task-metric":
      return {
        ruleId: "task.metric.required",
        message: {
          zh: `“${label.zh}”未填写（${field.requiredText.zh}）`,
          en: `"${label.en}" is empty (required ${field.requiredText.en})`,
        },
      };
    case "target-figure":
      return {
        ruleId: "target.figure.required",
        message: {
          zh: `“${label.zh}”未填写：该目标对本省考核，须填报数据`,
          en: `"${label.en}" is empty: the target is judged for this province, so its figures are required`,
        },
      };
    case "guideline":
      return {
        ruleId: "guideline.progress.required",
        message: {
          zh: `“${label.zh}”未填写：该条目要求各地落实，须报告本省落实情况`,
          en: `"${label.en}" is empty: the item is addressed to the provinces, so report what was done`,
        },
      };
    default:
      return {
        ruleId: "field.required",
        message: {
          zh: `“${label.zh}”未填写（${field.requiredText.zh}）`,
          en: `"${label.en}" is empty (required ${field.requiredText.en})`,
        },
      };
  }
}

/**
 * The obligation rules (cover.required, task.status.required, task.progress.required,
 * task.progress.required-when-active, task.evidence.required-when-done, task.metric.required,
 * target.figure.required, guideline.progress.required, field.required): a required field left empty,
 * where "required" is the field's own Condition, already worked out from the province's profile.
 */
export function checkRequired(ev: Evaluation): void {
  for (const field of ev.fields) {
    if (ev.role(field) === "source" || !ev.readable(field.id) || ev.filled(field.id)) continue;
    if (!ev.requires(field.required)) continue;
    const { ruleId, message } = missingValue(ev, field);
    ev.report(ruleId, field, {
      message,
      expected: "non-empty",
      expectedText: field.requiredText,
    });
  }
}

/** figure.source.required: 数出有据 — every figure entered names where it comes from. */
export function checkSources(ev: Evaluation): void {
  for (const field of ev.fields) {
    if (ev.role(field) !== "source" || field.required.kind !== "any-filled") continue;
    if (!ev.readable(field.id) || ev.filled(field.id) || !ev.requires(field.required)) continue;
    const figures = field.required.fields
      .filter((id) => ev.filled(id))
      .map((id) => ev.field(id)?.label ?? { zh: id, en: id });
    ev.report("figure.source.required", field, {
      message: {
        zh: `数出有据：已填写${figures.map((l) => `“${l.zh}”`).join("、")}，请注明数据来源（统计口径和出处）`,
        en: `Every figure needs its source: ${figures.map((l) => `"${l.en}"`).join(", ")} filled, name the data source`,
      },
      expected: "non-empty",
      expectedText: { zh: "数据来源（统计口径和出处）", en: "the data source" },
    });
  }
}

const PLACEHOLDERS = new Set([
  "无",
  "暂无",
  "没有",
  "无进展",
  "见附件",
  "详见附件",
  "见附表",
  "略",
  "同上",
  "待定",
  "-",
  "--",
  "—",
  "——",
  "/",
  "n/a",
  "na",
  "none",
  "nil",
  "tbd",
]);
/** Fewer characters than this cannot say what was done (a 必做 task's progress is the heart of the report). */
export const SUBSTANTIVE_MIN_LENGTH = 10;

/** task.progress.substantive: a required progress filled with a placeholder or a few characters. */
export function checkSubstantiveProgress(ev: Evaluation): void {
  for (const field of ev.fields) {
    if (ev.role(field) !== "task-progress" || !ev.filled(field.id) || !ev.requires(field.required)) continue;
    const text = textOf(ev.value(field.id));
    const normalized = text.toLowerCase().replace(/[。.，,；;！!\s]+$/u, "");
    const placeholder = PLACEHOLDERS.has(normalized);
    if (!placeholder && [...text].length >= SUBSTANTIVE_MIN_LENGTH) continue;
    const name = taskName(ev, field.task ?? 0);
    ev.report("task.progress.substantive", field, {
      message: placeholder
        ? {
            zh: `${name.zh}工作进展只写了“${quoteValue(text)}”：请具体说明采取的措施和取得的成效`,
            en: `${name.en} progress says only "${quoteValue(text)}": describe the measures taken and their results`,
          }
        : {
            zh: `${name.zh}工作进展“${quoteValue(text)}”过于简略：请具体说明采取的措施和取得的成效`,
            en: `${name.en} progress "${quoteValue(text)}" is too brief: describe the measures taken and their results`,
          },
      expected: `>= ${SUBSTANTIVE_MIN_LENGTH}`,
      expectedText: {
        zh: `具体的工作进展（不少于 ${SUBSTANTIVE_MIN_LENGTH} 个字）`,
        en: `a description of the work (${SUBSTANTIVE_MIN_LENGTH} characters or more)`,
      },
    });
  }
}

/** task.status.not-applicable-on-required: 各省份必做 leaves no room for 不适用. */
export function checkNotApplicableStatus(ev: Evaluation): void {
  for (const field of ev.fields) {
    if (ev.role(field) !== "task-status" || field.task === undefined || !ev.readable(field.id)) continue;
    if (ev.obligation(field.task) !== "required" || textOf(ev.value(field.id)) !== STATUS.notApplicable)
      continue;
    const name = taskName(ev, field.task);
    const allowed = STATUS_VALUES.filter((s) => s !== STATUS.notApplicable);
    ev.report("task.status.not-applicable-on-required", field, {
      message: {
        zh: `${name.zh}为本省必做任务，状态不能为“不适用”：请填写${allowed.map((s) => `“${s}”`).join("、")}之一`,
        en: `${name.en} is required for this province; its status cannot be "not applicable": choose done, in progress or not started`,
      },
      expected: allowed.join("/"),
    });
  }
}

/** task.not-applicable-filled: a task that does not apply here (or is the national office's own) has entries. */
export function checkNotApplicableFilled(ev: Evaluation): void {
  for (const field of ev.fields) {
    if (field.task === undefined || !ev.filled(field.id)) continue;
    // Saying 不适用 about a task that does not apply is true, not an entry to take back.
    if (field.role === "task-status" && ev.value(field.id) === STATUS.notApplicable) continue;
    const obligation = ev.obligation(field.task);
    if (obligation !== "not-applicable" && obligation !== "national-only") continue;
    const name = taskName(ev, field.task);
    const why =
      obligation === "national-only"
        ? { zh: "为国家知识产权局任务，省份无需填报", en: "is the national office's own work" }
        : { zh: "对本省不适用", en: "does not apply to this province" };
    ev.report("task.not-applicable-filled", field, {
      message: {
        zh: `${name.zh}${why.zh}，“${field.label.zh}”应留空`,
        en: `${name.en} ${why.en}: leave "${field.label.en}" empty`,
      },
      expected: null,
      expectedText: { zh: "留空", en: "empty" },
    });
  }
}
