import type { Spec } from "../spec/schema";
import type { RoundIssue, UnitSubmission } from "./types";

/**
 * The guideline's words a field answers to: the 省份 line and the text for the provinces of its task,
 * the phrase of its target, or the text of its guideline item. A return note says why with them.
 */
export function guidelineWordsOf(spec: Spec, fieldId: string | undefined): string | undefined {
  if (!fieldId) return undefined;
  const [kind, key] = fieldId.split(".");
  if (kind === "task") {
    const task = spec.tasks.find((t) => String(t.number) === key);
    if (!task) return undefined;
    const line = task.obligations
      .map((o) => o.line)
      .filter(Boolean)
      .join("；");
    return `任务${task.number}“${task.title}”（${line}）：${task.provincialWork.join("")}`;
  }
  if (kind === "target") {
    const target = spec.targets.find((t) => t.id === key);
    return target ? `主要目标：“${target.phrase}”` : undefined;
  }
  if (kind === "guideline") {
    const req = /^requirement-(\d+)$/.exec(key ?? "");
    if (req) {
      const r = spec.workRequirements.find((w) => String(w.number) === req[1]);
      return r ? `工作要求${r.numeral}“${r.title}”：${r.text}` : undefined;
    }
    const item = spec.guidelineItems.find((g) => String(g.number) === key);
    return item ? `工作指引${item.numeral}“${item.title}”` : undefined;
  }
  return undefined;
}

/** A unit's issues with the unit, its file and the guideline's words beside each. */
export function issuesOf(s: UnitSubmission): RoundIssue[] {
  return s.issues.map((issue) => ({
    unitId: s.unitId,
    file: s.file,
    ruleId: issue.ruleId,
    fieldId: issue.fieldId,
    sheetName: issue.cell?.sheetName,
    cell: issue.cell?.cell,
    severity: issue.severity,
    kind: issue.kind,
    code: issue.code,
    message: issue.message,
    guideline: guidelineWordsOf(s.spec, issue.fieldId),
  }));
}
