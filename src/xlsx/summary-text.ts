import type { RoundProblemKind, ReviewState, TargetVerdict } from "../round/types";
import type { Severity } from "../rules/types";

/** The summary's fixed words, Chinese first as the office reads them. */
export const SUMMARY_TEXT = {
  title: "知识产权高质量发展任务清单 全国汇总",
  overview: "总览",
  national: "全国目标",
  issues: "问题清单",
  resubmissions: "重报变化",
  review: {
    "not-reviewed": "未审核",
    passed: "通过",
    returned: "退回修改",
  } satisfies Record<ReviewState["state"], string>,
  severity: { error: "错误", warning: "警告", info: "提示" } satisfies Record<Severity, string>,
  problem: {
    "missing-unit": "未报送",
    "superseded-file": "重复报送（未计入）",
    "unreadable-file": "无法读取",
    "ignored-file": "已忽略",
    "other-version": "其他版本",
    "not-compared": "未能比较",
    "national-figure-missing": "国家局数据缺失",
    "superseded-national-input": "国家局重复填报（未计入）",
  } satisfies Record<RoundProblemKind, string>,
};

export function verdictZh(v: TargetVerdict): string {
  return v === "met" ? "达标" : v === "missed" ? "未达标" : "未填报";
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\) and not yet used. */
export function sheetNameFor(label: string, used: Set<string>): string {
  const base = label.replace(/[[\]:*?/\\]/g, "").slice(0, 28);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  used.add(name);
  return name;
}
