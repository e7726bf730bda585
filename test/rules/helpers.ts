import { buildLayout } from "../../src/layout/build";
import { obligationOf, resolveProfile } from "../../src/layout/obligation";
import type { WorkbookReading } from "../../src/layout/reading";
import type { CellValue, FieldDef, FieldId, Profile, WorkbookLayout } from "../../src/layout/types";
import { STATUS } from "../../src/layout/vocabulary";
import { checkReport, type Issue, type RuleInput } from "../../src/rules";
import { bundledSpec, type Spec } from "../../src/spec";
import { spec2019 } from "../helpers/specs";

export const spec: Spec = spec2019();
/** The first published version: its templates asked provinces with a review centre for 商标注册审查周期. */
export const spec2019v1: Spec = bundledSpec("cnipa-ip-hqd-2019", "2019.1.0");

export interface Report {
  spec: Spec;
  profile: Profile;
  layout: WorkbookLayout;
}

const reports = new Map<string, Report>();

/** A province's template (built once per profile: the tests make hundreds of readings of the same few). */
export function reportFor(province = "江苏", categories: string[] = [], of: Spec = spec): Report {
  const key = `${of.specVersion}|${province}|${categories.join(",")}`;
  let report = reports.get(key);
  if (!report) {
    const profile = resolveProfile(of, province, categories);
    report = { spec: of, profile, layout: buildLayout(of, profile) };
    reports.set(key, report);
  }
  return report;
}

/** What an adapter would read from a workbook holding these values, every field found where laid out. */
export function readingFrom(layout: WorkbookLayout, values: Record<FieldId, CellValue>): WorkbookReading {
  const m = layout.metadata;
  return {
    metadata: {
      specId: m.specId,
      specVersion: m.specVersion,
      templateVersion: m.templateVersion,
      unitId: m.unitId,
      unitName: m.unitName,
      categories: m.categories.join(","),
    },
    values: Object.fromEntries(layout.fields.map((f) => [f.id, values[f.id] ?? null])),
    formulas: {},
    cells: Object.fromEntries(layout.fields.map((f) => [f.id, { sheetName: f.sheetName, cell: f.cell }])),
    missingNames: [],
    missingSheets: [],
  };
}

export const NARRATIVE = "组织开展专项工作，完成年度任务并形成书面总结报告。";
export const SOURCE = "省知识产权局2019年统计年报";

function targetFigure(field: FieldDef): number {
  const target = spec.targets.find((t) => t.id === field.target);
  if (!target || target.kind !== "quantitative") throw new Error(`no quantitative target for ${field.id}`);
  const part = field.id.split(".").pop();
  if (target.measuredAs === "growth") return part === "baseline" ? 100 : part === "actual" ? 200 : 1;
  if (target.measuredAs === "reduction") return part === "baseline" ? 10 : 5;
  // A level goal: comfortably met (≤ goal) or at a plausible level (≥ goal; national ones are not judged).
  return target.comparator === "<=" ? target.goal * 0.8 : Math.min(200, target.plausibleMax ?? 200);
}

function validValue(field: FieldDef, report: Report): CellValue {
  if (field.task !== undefined) {
    const task = spec.tasks.find((t) => t.number === field.task);
    const obligation = task ? obligationOf(task, report.profile) : "not-applicable";
    if (obligation === "not-applicable" || obligation === "national-only") return null;
  }
  if (field.prefilled) return report.layout.metadata.unitName;
  if (field.format === "phone") return "025-12345678";
  if (field.target !== undefined && field.type !== "text") return targetFigure(field);
  switch (field.type) {
    case "text":
      return field.id.endsWith(".source") ? SOURCE : NARRATIVE;
    case "enum":
      return field.id.endsWith(".status") ? STATUS.done : (field.allowed?.[0] ?? null);
    case "integer":
      return 5;
    case "number":
      return 12.5;
    case "percent":
      return 0.125;
    case "date":
      return field.max ?? null;
    case "boolean":
      return true;
  }
}

/** Every field filled with a valid value of its type, the guideline's goals met, the province's own fields only. */
export function validValues(report: Report): Record<FieldId, CellValue> {
  return Object.fromEntries(report.layout.fields.map((f) => [f.id, validValue(f, report)]));
}

export function inputFor(
  report: Report,
  values: Record<FieldId, CellValue>,
  patch: Partial<WorkbookReading> = {},
): RuleInput {
  const reading = { ...readingFrom(report.layout, values), ...patch };
  return { spec: report.spec, profile: report.profile, layout: report.layout, reading };
}

/** A fully and correctly filled report, with these changes. */
export function checkChanged(
  changes: Record<FieldId, CellValue>,
  report: Report = reportFor(),
  patch: Partial<WorkbookReading> = {},
): Issue[] {
  return checkReport(inputFor(report, { ...validValues(report), ...changes }, patch));
}

export function withRule(issues: Issue[], ruleId: string): Issue[] {
  return issues.filter((i) => i.ruleId === ruleId);
}

export function field(report: Report, id: FieldId): FieldDef {
  const f = report.layout.fields.find((x) => x.id === id);
  if (!f) throw new Error(`no field ${id}`);
  return f;
}
