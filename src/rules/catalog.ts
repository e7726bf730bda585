import type { LocalizedText } from "../spec/schema";
import type { IssueKind, Severity } from "./types";

export interface RuleInfo {
  id: string;
  kind: IssueKind;
  severity: Severity;
  description: LocalizedText;
}

/**
 * Every rule the engine applies. An issue takes its kind and severity from here, so the catalogue
 * printed in the docs cannot drift from what the engine reports.
 */
export const RULES = [
  // Structure: the workbook must still be the template it was made from.
  {
    id: "structure.sheet-missing",
    kind: "structure-error",
    severity: "error",
    description: { zh: "模板的工作表被删除或改名", en: "A sheet of the template was deleted or renamed" },
  },
  {
    id: "structure.name-missing",
    kind: "structure-error",
    severity: "error",
    description: {
      zh: "填报项的定义名称丢失，无法读取该项",
      en: "A field's defined name is missing, so the field cannot be read",
    },
  },
  {
    id: "structure.name-tampered",
    kind: "structure-error",
    severity: "error",
    description: {
      zh: "填报项的定义名称指向别处（标签、元数据、其他工作表），已按模板位置读取",
      en: "A field's defined name points elsewhere (a label, the metadata, another sheet); the field is read where the template puts it",
    },
  },
  {
    id: "structure.metadata-mismatch",
    kind: "structure-error",
    severity: "error",
    description: {
      zh: "工作簿的结构与其元数据（省份、概况、结构指纹）不符",
      en: "The workbook's structure does not match its metadata (province, profile, fingerprint)",
    },
  },
  {
    id: "structure.metadata-incomplete",
    kind: "structure-error",
    severity: "error",
    description: {
      zh: "元数据工作表缺失或缺少省份、报送单位",
      en: "The metadata sheet is missing, or lacks the province or unit name",
    },
  },
  {
    id: "structure.formula-in-input",
    kind: "structure-error",
    severity: "warning",
    description: {
      zh: "填报单元格中是公式：公式不是填报值",
      en: "An input cell holds a formula, not a value",
    },
  },
  {
    id: "structure.error-value",
    kind: "structure-error",
    severity: "error",
    description: {
      zh: "填报单元格的值是 Excel 错误（如 #REF!）",
      en: "An input cell holds an Excel error (#REF! and the like)",
    },
  },
  {
    id: "cover.province.matches-template",
    kind: "inconsistent",
    severity: "error",
    description: {
      zh: "封面的报送单位与模板所属省份不一致",
      en: "The cover's reporting unit differs from the province the template was made for",
    },
  },
  // Obligations: what the guideline asks each province to report.
  {
    id: "cover.required",
    kind: "missing-value",
    severity: "error",
    description: {
      zh: "封面的报送单位、填报处室、联系人、联系电话、数据截止日期必填",
      en: "Cover: unit, department, contact, phone and data date are required",
    },
  },
  {
    id: "task.status.required",
    kind: "missing-value",
    severity: "error",
    description: { zh: "必做任务须填写状态", en: "A required task needs its status" },
  },
  {
    id: "task.progress.required",
    kind: "missing-value",
    severity: "error",
    description: { zh: "必做任务须填写工作进展", en: "A required task needs its progress" },
  },
  {
    id: "task.progress.required-when-active",
    kind: "missing-value",
    severity: "error",
    description: {
      zh: "选做任务状态为“已完成”或“推进中”时须填写工作进展",
      en: "An optional task marked done or in progress needs its progress",
    },
  },
  {
    id: "task.evidence.required-when-done",
    kind: "missing-value",
    severity: "error",
    description: { zh: "状态为“已完成”的任务须注明佐证材料", en: "A task marked done needs its evidence" },
  },
  {
    id: "task.progress.substantive",
    kind: "missing-value",
    severity: "warning",
    description: {
      zh: "工作进展须具体说明，不能只写“无”“见附件”“略”等",
      en: "Progress must be described, not just 'none', 'see attachment' or '-'",
    },
  },
  {
    id: "task.metric.required",
    kind: "missing-value",
    severity: "error",
    description: {
      zh: "任务量化指标在本省须填报时必填",
      en: "A task's indicator is required when the task is required (or active)",
    },
  },
  {
    id: "target.figure.required",
    kind: "missing-value",
    severity: "error",
    description: {
      zh: "本省考核的主要目标须填写基数和实际值",
      en: "A target judged for this province needs its baseline and actual",
    },
  },
  {
    id: "guideline.progress.required",
    kind: "missing-value",
    severity: "error",
    description: {
      zh: "工作指引中要求各地落实的条目须报告落实情况",
      en: "A guideline item addressed to the provinces needs a report",
    },
  },
  {
    id: "field.required",
    kind: "missing-value",
    severity: "error",
    description: { zh: "其他必填项未填写", en: "Any other required field is empty" },
  },
  {
    id: "figure.source.required",
    kind: "missing-source",
    severity: "error",
    description: {
      zh: "数出有据：填写了数字就须注明数据来源",
      en: "Every figure entered needs its data source",
    },
  },
  {
    id: "task.status.not-applicable-on-required",
    kind: "constraint-error",
    severity: "error",
    description: {
      zh: "必做任务的状态不能为“不适用”",
      en: "A required task's status cannot be 'not applicable'",
    },
  },
  {
    id: "task.not-applicable-filled",
    kind: "not-applicable-filled",
    severity: "warning",
    description: {
      zh: "对本省不适用的任务应留空",
      en: "A task that does not apply to this province should be left empty",
    },
  },
  // Values: types and ranges.
  {
    id: "value.number.type",
    kind: "type-error",
    severity: "error",
    description: { zh: "数值项须为数值，不能是文本", en: "A numeric field must hold a number, not text" },
  },
  {
    id: "value.integer.whole",
    kind: "type-error",
    severity: "error",
    description: { zh: "整数项须为整数", en: "An integer field must hold a whole number" },
  },
  {
    id: "value.number.range",
    kind: "constraint-error",
    severity: "error",
    description: {
      zh: "数值不能小于下限（多为 0）",
      en: "A number must not be below its minimum (mostly 0)",
    },
  },
  {
    id: "value.percent.range",
    kind: "constraint-error",
    severity: "error",
    description: { zh: "百分比须在允许范围内", en: "A percentage must lie within its range" },
  },
  {
    id: "value.percent.suspicious",
    kind: "constraint-error",
    severity: "warning",
    description: {
      zh: "百分比超过 1000%，可能把 12% 输成了 12",
      en: "A percentage over 1000%: probably 12 typed for 12%",
    },
  },
  {
    id: "value.enum.allowed",
    kind: "constraint-error",
    severity: "error",
    description: { zh: "须从下拉列表中选择", en: "A value must come from the drop-down list" },
  },
  {
    id: "value.boolean.type",
    kind: "type-error",
    severity: "error",
    description: { zh: "是否项须为“是”或“否”", en: "A yes/no field must hold yes or no" },
  },
  {
    id: "value.date.type",
    kind: "type-error",
    severity: "error",
    description: { zh: "日期项须为日期，不能是文本", en: "A date field must hold a date, not text" },
  },
  {
    id: "value.date.in-year",
    kind: "constraint-error",
    severity: "error",
    description: { zh: "日期须在报告年度内", en: "A date must lie within the reporting year" },
  },
  {
    id: "value.phone.format",
    kind: "constraint-error",
    severity: "error",
    description: {
      zh: "联系电话须为固定电话（如 025-12345678）或 11 位手机号码",
      en: "The phone must be a landline (025-12345678) or an 11-digit mobile number",
    },
  },
  {
    id: "value.text.cell-limit",
    kind: "constraint-error",
    severity: "error",
    description: {
      zh: "单元格内容不能超过 Excel 上限 32,767 个字符（超出部分 Excel 打开时会被截去）",
      en: "A cell's text must not pass Excel's limit of 32,767 characters (Excel cuts the rest on opening)",
    },
  },
  {
    id: "value.magnitude.plausible",
    kind: "constraint-error",
    severity: "warning",
    description: {
      zh: "数值超出合理范围，可能填错了单位（如把万元数填入亿元栏）",
      en: "A figure beyond the plausible range: probably the wrong unit (10k yuan typed for 100m yuan)",
    },
  },
  // Targets of 主要目标.
  {
    id: "target.goal.met",
    kind: "target-missed",
    severity: "error",
    description: {
      zh: "本省考核的量化目标未达到指引目标值",
      en: "A quantitative target judged for this province falls short of the goal",
    },
  },
  {
    id: "target.baseline.positive",
    kind: "constraint-error",
    severity: "error",
    description: {
      zh: "基数为 0 时无法计算增长率或压减率",
      en: "A baseline of 0 leaves the change uncomputable",
    },
  },
  {
    id: "target.growth.consistent",
    kind: "inconsistent",
    severity: "error",
    description: {
      zh: "填报增长率须与基数和实际值计算所得一致（容差 0.1 个百分点）",
      en: "A reported growth must match the one computed from baseline and actual (0.1 point tolerance)",
    },
  },
  {
    id: "spec.consistency",
    kind: "inconsistent",
    severity: "error",
    description: {
      zh: "指引文字要求的数字间一致性（如任务12：全额收回已发放的资助奖励资金）",
      en: "Consistency between figures the guideline's words demand (task 12: subsidies recovered in full)",
    },
  },
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]["id"];

const BY_ID = new Map<string, RuleInfo>(RULES.map((r) => [r.id, r]));

export function ruleInfo(id: RuleId): RuleInfo {
  const info = BY_ID.get(id);
  if (!info) throw new Error(`unknown rule ${id}`);
  return info;
}
