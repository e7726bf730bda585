import type { LocalizedText, Spec } from "../spec/schema";
import { absolute, quoteSheet } from "./address";
import { describeCondition, missingExpression } from "./conditions";
import { buildCover } from "./cover";
import { buildGuideline } from "./guideline";
import { buildMetrics } from "./metrics";
import { checkProfileCategories, ProfileError } from "./obligation";
import { SheetDraft, clip } from "./sheet";
import { CONDITIONAL_STYLES, STYLES } from "./styles";
import { buildTargets } from "./targets";
import { buildTasks } from "./tasks";
import type {
  DataValidationLayout,
  FieldDef,
  FieldId,
  Profile,
  TemplateMetadata,
  WorkbookLayout,
} from "./types";
import { SHEET_NAMES, TEMPLATE_VERSION } from "./vocabulary";

/** Keys of the metadata sheet, in column A; values in column B. Readers look keys up, never rows. */
export const META_KEYS = [
  "specId",
  "specVersion",
  "templateVersion",
  "unitId",
  "unitName",
  "categories",
  "fieldCount",
  "fingerprint",
] as const;
export type MetaKey = (typeof META_KEYS)[number];
/** The row where the metadata sheet's field table (id, name, sheet, cell) starts, after its header. */
export const META_FIELD_TABLE_HEADER = "fieldId";

/** The one function the product is built around: a year's spec and a province's profile make a workbook. */
export function buildLayout(spec: Spec, profile: Profile): WorkbookLayout {
  const unit = spec.units.find((u) => u.id === profile.unitId);
  if (!unit) {
    throw new ProfileError(
      "unknown-unit",
      { zh: `未知的省份：“${profile.unitId}”`, en: `Unknown province: "${profile.unitId}"` },
      spec.units.map((u) => u.short),
    );
  }
  checkProfileCategories(spec, profile.categories);

  const drafts = [
    buildCover(spec, unit, profile),
    buildTasks(spec, profile),
    buildTargets(spec, profile),
    buildMetrics(spec, profile),
    buildGuideline(spec),
  ];
  return finishLayout(
    {
      specId: spec.specId,
      specVersion: spec.specVersion,
      templateVersion: TEMPLATE_VERSION,
      unitId: unit.id,
      unitName: unit.name,
      categories: [...profile.categories],
    },
    drafts,
  );
}

/**
 * What every workbook we make shares, whoever it is for (a province, the national office): required
 * conditions in words, dropdown lists, native validation and formats, and the metadata sheet.
 */
export function finishLayout(metadata: TemplateMetadata, drafts: SheetDraft[]): WorkbookLayout {
  const fields = drafts.flatMap((d) => d.fields);
  assertUniqueNames(fields);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const labelOf = (id: FieldId): LocalizedText => byId.get(id)?.label ?? { zh: id, en: id };
  for (const f of fields) f.requiredText = describeCondition(f.required, labelOf);

  const lists = buildLists(fields);
  for (const draft of drafts) finishInputs(draft, byId, lists.sourceOf);

  const meta = buildMeta(metadata, fields);
  return {
    metadata,
    sheets: [...drafts.map((d) => d.layout), lists.draft.layout, meta.layout],
    fields,
    styles: STYLES,
    conditionalStyles: CONDITIONAL_STYLES,
  };
}

function assertUniqueNames(fields: FieldDef[]): void {
  const seen = new Map<string, string>();
  for (const f of fields) {
    const other = seen.get(f.name);
    if (other) throw new Error(`field ids ${other} and ${f.id} map to the same defined name ${f.name}`);
    seen.set(f.name, f.id);
  }
}

/** Dropdown values live on a hidden sheet: a literal list over 255 characters corrupts the file. */
function buildLists(fields: FieldDef[]): { draft: SheetDraft; sourceOf: (allowed: string[]) => string } {
  const draft = new SheetDraft("lists", SHEET_NAMES.lists, [], "veryHidden");
  const columns = new Map<string, string>();
  for (const f of fields) {
    if (!f.allowed || f.prefilled) continue;
    const key = f.allowed.join("\u0000");
    if (columns.has(key)) continue;
    const col = columns.size + 1;
    draft.layout.columns.push({ width: 12 });
    f.allowed.forEach((value, i) => draft.put(i + 1, col, value, "meta"));
    columns.set(
      key,
      `${quoteSheet(SHEET_NAMES.lists)}!${absolute(1, col)}:${absolute(f.allowed.length, col)}`,
    );
  }
  return {
    draft,
    sourceOf: (allowed) => {
      const source = columns.get(allowed.join("\u0000"));
      if (!source) throw new Error(`no list for ${allowed.join(",")}`);
      return source;
    },
  };
}

function numberText(n: number): string {
  return n.toLocaleString("en-US");
}

/** Native data validation and conditional formats: what the template checks with no add-in at all. */
function finishInputs(
  draft: SheetDraft,
  byId: Map<FieldId, FieldDef>,
  sourceOf: (allowed: string[]) => string,
): void {
  for (const field of draft.fields) {
    const missing = missingExpression(field, byId);
    if (missing) draft.conditional({ ref: field.cell, formula: missing, style: "cfMissing" });
    if (field.prefilled) continue;
    const hint = draft.prompts.get(field.id);
    const unit = field.unit ? `（单位：${field.unit.zh}）` : "";
    const prompt = {
      title: clip(field.label.zh, 32),
      text: clip(`${field.requiredText.zh}${unit}。${hint ?? ""}`, 255),
    };
    const v = validationFor(field, sourceOf);
    draft.validate({ ...v, ref: field.cell, prompt });
  }
}

function validationFor(
  field: FieldDef,
  sourceOf: (allowed: string[]) => string,
): Omit<DataValidationLayout, "ref"> {
  const min = field.min ?? 0;
  switch (field.type) {
    case "enum":
    case "boolean":
      return {
        type: "list",
        formulae: [sourceOf(field.allowed ?? [])],
        allowBlank: true,
        errorStyle: "stop",
        error: { title: "请从下拉列表中选择", text: `可选值：${(field.allowed ?? []).join("、")}` },
      };
    case "integer":
      return {
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [min],
        allowBlank: true,
        errorStyle: "stop",
        error: { title: "请输入整数", text: `请输入不小于 ${numberText(min)} 的整数。` },
      };
    case "number":
      return {
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [min],
        allowBlank: true,
        errorStyle: "stop",
        error: { title: "请输入数字", text: `请输入不小于 ${numberText(min)} 的数字，不要带单位。` },
      };
    case "percent":
      // Above 1000% is almost always "12" typed for 12% (stored as 1200%): the template asks, and lets a
      // true figure stand; the rules engine warns likewise and errs only past the field's hard maximum.
      return {
        type: "decimal",
        operator: "between",
        formulae: [field.min ?? -1, Math.min(field.max ?? 10, 10)],
        allowBlank: true,
        errorStyle: "warning",
        error: {
          title: "请核对百分比",
          text: "增长率超过 1000%。如要填 12%，请输入 12% 或 0.12；确属实情可点“是”保留。",
        },
      };
    case "date":
      return {
        type: "date",
        operator: "between",
        formulae: [field.min ?? 1, field.max ?? 2958465],
        allowBlank: true,
        errorStyle: "stop",
        error: { title: "请输入日期", text: "请输入报告年度内的日期，格式如 2019-12-31。" },
      };
    case "text":
      return field.format === "phone"
        ? {
            type: "textLength",
            operator: "between",
            formulae: [7, 20],
            allowBlank: true,
            errorStyle: "warning",
            error: { title: "电话号码格式", text: "请填写固定电话（如 025-12345678）或手机号码。" },
          }
        : {
            type: "textLength",
            operator: "lessThanOrEqual",
            formulae: [32767],
            allowBlank: true,
            errorStyle: "warning",
            error: { title: "内容过长", text: "单元格最多容纳 32,767 个字符，请精简或改为附件。" },
          };
  }
}

/** FNV-1a over the workbook's structure: which fields sit where. Not security, just change detection. */
export function fingerprintOf(metadata: Omit<TemplateMetadata, "unitName">, fields: FieldDef[]): string {
  const canonical = [
    metadata.specId,
    metadata.specVersion,
    metadata.templateVersion,
    metadata.unitId,
    metadata.categories.join(","),
    ...fields.map((f) => `${f.id}@${f.sheet}!${f.cell}`),
  ].join("\n");
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash ^= canonical.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function buildMeta(metadata: TemplateMetadata, fields: FieldDef[]): SheetDraft {
  const draft = new SheetDraft("meta", SHEET_NAMES.meta, [18, 40, 12, 10], "veryHidden");
  const values: Record<MetaKey, string> = {
    specId: metadata.specId,
    specVersion: metadata.specVersion,
    templateVersion: metadata.templateVersion,
    unitId: metadata.unitId,
    unitName: metadata.unitName,
    categories: metadata.categories.join(","),
    fieldCount: String(fields.length),
    fingerprint: fingerprintOf(metadata, fields),
  };
  META_KEYS.forEach((key, i) => {
    draft.put(i + 1, 1, key, "meta");
    draft.put(i + 1, 2, values[key], "meta");
  });
  // The field table lets refresh recognise a cell whose defined name was deleted.
  const start = META_KEYS.length + 2;
  [META_FIELD_TABLE_HEADER, "name", "sheet", "cell"].forEach((h, i) => draft.put(start, i + 1, h, "meta"));
  fields.forEach((f, i) => {
    draft.put(start + 1 + i, 1, f.id, "meta");
    draft.put(start + 1 + i, 2, f.name, "meta");
    draft.put(start + 1 + i, 3, f.sheet, "meta");
    draft.put(start + 1 + i, 4, f.cell, "meta");
  });
  return draft;
}
