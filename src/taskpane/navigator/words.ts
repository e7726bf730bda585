import type { Severity } from "../../rules/types";
import type { LocalizedText } from "../../spec/schema";
import type { ProblemKind } from "./problems";

/**
 * The words of the overview and the issue navigator: shared by the task pane and the browser checker, so
 * both say the same. Clerk-facing: no field ids, rule codes, API versions or commands (a test scans them).
 */
export const KIND_WORDS: Record<ProblemKind, LocalizedText> = {
  missing: { zh: "缺漏", en: "Missing" },
  format: { zh: "格式", en: "Format" },
  goal: { zh: "未达标", en: "Goal missed" },
  inconsistent: { zh: "不一致", en: "Inconsistent" },
  source: { zh: "缺来源", en: "No source" },
  other: { zh: "其他", en: "Other" },
};

export const SEVERITY_WORDS: Record<Severity, LocalizedText> = {
  error: { zh: "错误", en: "Errors" },
  warning: { zh: "警告", en: "Warnings" },
  info: { zh: "提示", en: "Notes" },
};

export const SEVERITY_ONE: Record<Severity, LocalizedText> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Note" },
};

export const NAV = {
  title: { zh: "问题", en: "Problems" },
  summary: {
    zh: "共 {total} 个问题：错误 {error}，警告 {warning}",
    en: "{total} problems: errors {error}, warnings {warning}",
  },
  none: { zh: "未发现问题。", en: "No problems found." },
  noneShown: { zh: "没有符合筛选条件的问题。", en: "No problem matches the filter." },
  byKind: { zh: "按类别筛选", en: "Filter by kind" },
  bySeverity: { zh: "按严重程度筛选", en: "Filter by severity" },
  all: { zh: "全部", en: "All" },
  kindCount: { zh: "{kind} {count}", en: "{kind} {count}" },
  list: {
    zh: "问题列表（上下方向键移动，回车转到单元格）",
    en: "Problem list (arrow keys move, Enter goes to the cell)",
  },
  where: { zh: "{sheet}工作表 {cell}", en: "sheet {sheet}, {cell}" },
  whereWorkbook: { zh: "整个工作簿", en: "the whole workbook" },
  current: { zh: "当前问题", en: "Current problem" },
  position: { zh: "第 {n} 个，共 {total} 个", en: "{n} of {total}" },
  details: { zh: "审核细节", en: "Reviewer details" },
  detailsRule: { zh: "规则 {rule}，代码 {code}", en: "rule {rule}, code {code}" },
  fixed: { zh: "已改好。", en: "Fixed." },
  fixedNext: { zh: "点“下一个问题”继续。", en: "Choose Next problem to go on." },

  overviewTitle: { zh: "填报概况", en: "Report overview" },
  unit: { zh: "省份", en: "Province" },
  profile: { zh: "本省概况", en: "Profile" },
  noCategories: { zh: "无（按通用要求填报）", en: "None (general obligations only)" },
  guideline: { zh: "任务清单", en: "Guideline" },
  latest: { zh: "已是最新", en: "up to date" },
  newer: { zh: "有新版，可在“更多”中刷新模板", en: "a newer version is out: Refresh template is under More" },
  required: { zh: "必填项", en: "Required fields" },
  requiredValue: {
    zh: "已填 {filled} / 共 {required} 项（{percent}%）",
    en: "{filled} of {required} filled ({percent}%)",
  },
  conditional: {
    zh: "另有 {total} 项视填报内容而定（如状态为“已完成”时须注明佐证材料），现需填写 {due} 项，已填 {filled} 项。",
    en: "{total} more depend on what is entered (evidence once a task is done, for one); {due} are needed now, {filled} filled.",
  },
} satisfies Record<string, LocalizedText>;
