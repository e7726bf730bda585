import type { LocalizedText, Spec } from "../spec/schema";
import { CELL_LIMIT_ALERT, EXCEL_CELL_MAX_CHARS } from "./cell-limit";
import { absolute } from "./address";
import { describeCondition, missingExpression } from "./conditions";
import { buildCover } from "./cover";
import { buildGuideline } from "./guideline";
import { buildMetrics } from "./metrics";
import { checkProfileCategories, ProfileError } from "./obligation";
import { SheetDraft, clip } from "./sheet";
import { CONDITIONAL_STYLES, STYLES } from "./styles";
import { fitRowHeights } from "./row-height";
import { buildTargets } from "./targets";
import { buildTasks } from "./tasks";
import type {
  ListName,
  DataValidationLayout,
  FieldDef,
  FieldId,
  Profile,
  TemplateMetadata,
  WorkbookLayout,
} from "./types";
import { CHOICE_LABEL, SHEET_NAMES, TEMPLATE_VERSION, type WorkbookLanguage } from "./vocabulary";

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
  "language",
] as const;
export type MetaKey = (typeof META_KEYS)[number];
/** The row where the metadata sheet's field table (id, name, sheet, cell) starts, after its header. */
export const META_FIELD_TABLE_HEADER = "fieldId";

/**
 * The one function the product is built around: a year's spec and a province's profile make a workbook,
 * in one language (Chinese unless asked: the form goes to 国家知识产权局).
 */
export function buildLayout(spec: Spec, profile: Profile, lang: WorkbookLanguage = "zh"): WorkbookLayout {
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
    buildCover(spec, unit, profile, lang),
    buildTasks(spec, profile, lang),
    buildTargets(spec, profile, lang),
    buildMetrics(spec, profile, lang),
    buildGuideline(spec, lang),
  ];
  return finishLayout(
    spec,
    {
      language: lang,
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
export function finishLayout(spec: Spec, metadata: TemplateMetadata, drafts: SheetDraft[]): WorkbookLayout {
  const lang = metadata.language;
  const fields = drafts.flatMap((d) => d.fields);
  assertUniqueNames(fields);
  const byId = new Map(fields.map((f) => [f.id, f]));
  const labelOf = (id: FieldId): LocalizedText => byId.get(id)?.label ?? { zh: id, en: id };
  const unitNames = new Map(spec.units.map((u) => [u.name, { zh: u.name, en: u.en }]));
  for (const f of fields) {
    f.requiredText = describeCondition(f.required, labelOf);
    if (f.allowed)
      f.shown = f.allowed.map((v) => (CHOICE_LABEL[v] ?? unitNames.get(v) ?? { zh: v, en: v })[lang]);
  }

  const lists = buildLists(fields);
  const period = { start: spec.period.start, end: spec.period.end };
  for (const draft of drafts) finishInputs(draft, byId, lists.sourceOf, lang, period);

  const meta = buildMeta(metadata, fields);
  for (const { layout } of drafts) layout.rowHeights = fitRowHeights(layout, STYLES);
  return {
    metadata,
    sheets: [...drafts.map((d) => d.layout), lists.draft.layout, meta.layout],
    fields,
    listNames: lists.names,
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

/**
 * Dropdown values live on a hidden sheet (a literal list over 255 characters corrupts the file), each list under a
 * defined name that the validations name: L_ and the field part that first uses it (L_status). The lists hold what
 * the workbook shows (its language); the rules read the values back as the stored ones.
 */
function buildLists(fields: FieldDef[]): {
  draft: SheetDraft;
  names: ListName[];
  sourceOf: (shown: string[]) => string;
} {
  const draft = new SheetDraft("lists", SHEET_NAMES.lists, [], "veryHidden");
  const byValues = new Map<string, ListName>();
  const taken = new Set<string>();
  for (const f of fields) {
    const shown = f.shown ?? f.allowed;
    if (!shown || f.prefilled) continue;
    const key = shown.join("\u0000");
    if (byValues.has(key)) continue;
    const col = byValues.size + 1;
    draft.layout.columns.push({ width: 12 });
    shown.forEach((value, i) => draft.put(i + 1, col, value, "meta"));
    const part = f.id.split(".").pop() ?? "list";
    const base = `L_${part.replace(/[^A-Za-z0-9]+/g, "_")}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    byValues.set(key, {
      name,
      sheetName: SHEET_NAMES.lists,
      ref: `${absolute(1, col)}:${absolute(shown.length, col)}`,
    });
  }
  return {
    draft,
    names: [...byValues.values()],
    sourceOf: (shown) => {
      const list = byValues.get(shown.join("\u0000"));
      if (!list) throw new Error(`no list for ${shown.join(",")}`);
      return list.name;
    },
  };
}

function numberText(n: number): string {
  return n.toLocaleString("en-US");
}

/** The input prompt's first sentence: when the field is required, and its unit. */
function promptHead(field: FieldDef, lang: WorkbookLanguage): string {
  if (lang === "zh") return `${field.requiredText.zh}${field.unit ? `（单位：${field.unit.zh}）` : ""}。`;
  const kind = field.required.kind;
  const when =
    kind === "always" ? "Required" : kind === "never" ? "Optional" : `Required ${field.requiredText.en}`;
  return `${when}${field.unit ? ` (unit: ${field.unit.en})` : ""}. `;
}

/** Native data validation and conditional formats: what the template checks with no add-in at all. */
function finishInputs(
  draft: SheetDraft,
  byId: Map<FieldId, FieldDef>,
  sourceOf: (shown: string[]) => string,
  lang: WorkbookLanguage,
  period: { start: string; end: string },
): void {
  for (const field of draft.fields) {
    const missing = missingExpression(field, byId);
    if (missing) draft.conditional({ ref: field.cell, formula: missing, style: "cfMissing" });
    if (field.prefilled) continue;
    const hint = draft.prompts.get(field.id);
    const prompt = {
      title: clip(field.label[lang], 32),
      text: clip(`${promptHead(field, lang)}${hint ?? ""}`, 255),
    };
    const v = validationFor(field, sourceOf, lang, period);
    draft.validate({ ...v, ref: field.cell, prompt });
  }
}

function validationFor(
  field: FieldDef,
  sourceOf: (shown: string[]) => string,
  lang: WorkbookLanguage,
  period: { start: string; end: string },
): Omit<DataValidationLayout, "ref"> {
  const min = field.min ?? 0;
  const en = lang === "en";
  const say = (zh: string, english: string) => (en ? english : zh);
  switch (field.type) {
    case "enum":
    case "boolean": {
      const shown = field.shown ?? field.allowed ?? [];
      return {
        type: "list",
        formulae: [sourceOf(shown)],
        allowBlank: true,
        errorStyle: "stop",
        error: {
          title: say("请从下拉列表中选择", "Choose from the list"),
          text: say(`可选值：${shown.join("、")}`, `Values: ${shown.join(", ")}`),
        },
      };
    }
    case "integer":
      return {
        type: "whole",
        operator: "greaterThanOrEqual",
        formulae: [min],
        allowBlank: true,
        errorStyle: "stop",
        error: {
          title: say("请输入整数", "Enter a whole number"),
          text: say(
            `请输入不小于 ${numberText(min)} 的整数。`,
            `Enter a whole number of at least ${numberText(min)}.`,
          ),
        },
      };
    case "number":
      return {
        type: "decimal",
        operator: "greaterThanOrEqual",
        formulae: [min],
        allowBlank: true,
        errorStyle: "stop",
        error: {
          title: say("请输入数字", "Enter a number"),
          text: say(
            `请输入不小于 ${numberText(min)} 的数字，不要带单位。`,
            `Enter a number of at least ${numberText(min)}, without its unit.`,
          ),
        },
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
          title: say("请核对百分比", "Check the percentage"),
          text: say(
            "增长率超过 1000%。如要填 12%，请输入 12% 或 0.12；确属实情可点“是”保留。",
            "The growth is above 1000%. For 12%, type 12% or 0.12; if the figure is true, click Yes to keep it.",
          ),
        },
      };
    case "date":
      return {
        type: "date",
        operator: "between",
        formulae: [field.min ?? 1, field.max ?? 2958465],
        allowBlank: true,
        errorStyle: "stop",
        error: {
          title: say("请输入日期", "Enter a date"),
          text: say(
            `请输入报告期内的日期（${period.start} 至 ${period.end}），格式如 ${period.end}。`,
            `Enter a date within the reporting period (${period.start} to ${period.end}), such as ${period.end}.`,
          ),
        },
      };
    case "text":
      return field.format === "phone"
        ? {
            type: "textLength",
            operator: "between",
            formulae: [7, 20],
            allowBlank: true,
            errorStyle: "warning",
            error: {
              title: say("电话号码格式", "Phone number"),
              text: say(
                "请填写固定电话（如 025-12345678）或手机号码。",
                "Enter a landline (such as 025-12345678) or a mobile number.",
              ),
            },
          }
        : {
            type: "textLength",
            operator: "lessThanOrEqual",
            formulae: [EXCEL_CELL_MAX_CHARS],
            allowBlank: true,
            errorStyle: "warning",
            error: {
              title: say("内容过长", "Text too long"),
              text: say(CELL_LIMIT_ALERT.zh, CELL_LIMIT_ALERT.en),
            },
          };
  }
}

/** FNV-1a over the workbook's structure: which fields sit where. Not security, just change detection. */
export function fingerprintOf(
  metadata: Omit<TemplateMetadata, "unitName" | "language">,
  fields: FieldDef[],
): string {
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
    language: metadata.language,
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
