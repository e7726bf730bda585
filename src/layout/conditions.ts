import type { LocalizedText } from "../spec/schema";
import { quoteSheet } from "./address";
import { shownValue } from "./choices";
import type { Condition, FieldDef, FieldId } from "./types";
import { CHOICE_LABEL } from "./vocabulary";

/** The required-condition of a field in words, for the dictionary and input prompts. */
export function describeCondition(
  condition: Condition,
  labelOf: (id: FieldId) => LocalizedText,
): LocalizedText {
  switch (condition.kind) {
    case "always":
      return { zh: "必填", en: "always" };
    case "never":
      return { zh: "选填", en: "optional" };
    case "field-in": {
      const label = labelOf(condition.field);
      return {
        zh: `当“${label.zh}”为${condition.values.map((v) => `“${v}”`).join("或")}时必填`,
        en: `when "${label.en}" is ${condition.values.map((v) => CHOICE_LABEL[v]?.en ?? v).join(" or ")}`,
      };
    }
    case "any-filled":
      return {
        zh: `填写${condition.fields.map((f) => `“${labelOf(f).zh}”`).join("或")}后必填`,
        en: `once ${condition.fields.map((f) => `"${labelOf(f).en}"`).join(" or ")} is filled`,
      };
  }
}

function refTo(target: FieldDef, from: FieldDef): string {
  const ref = `$${target.cell.replace(/(\d+)$/, "$$$1")}`;
  return target.sheet === from.sheet ? ref : `${quoteSheet(target.sheetName)}!${ref}`;
}

/** A conditional-format expression that is TRUE when `field` is required and empty. */
export function missingExpression(field: FieldDef, byId: Map<FieldId, FieldDef>): string | undefined {
  const self = field.cell;
  const empty = `LEN(${self})=0`;
  const c = field.required;
  switch (c.kind) {
    case "never":
      return undefined;
    case "always":
      return empty;
    case "field-in": {
      const other = byId.get(c.field);
      if (!other) return undefined;
      const ref = refTo(other, field);
      // The other cell holds what its dropdown shows, in the workbook's language.
      return `AND(OR(${c.values.map((v) => `${ref}="${String(shownValue(other, v))}"`).join(",")}),${empty})`;
    }
    case "any-filled": {
      const refs = c.fields.flatMap((id) => {
        const other = byId.get(id);
        return other ? [`LEN(${refTo(other, field)})>0`] : [];
      });
      if (refs.length === 0) return undefined;
      return `AND(OR(${refs.join(",")}),${empty})`;
    }
  }
}

/** The field that names where a figure comes from (数出有据): the source whose requirement the figure triggers. */
export function sourceFieldOf(fields: readonly FieldDef[], figure: FieldId): FieldId | undefined {
  return fields.find(
    (f) => f.role === "source" && f.required.kind === "any-filled" && f.required.fields.includes(figure),
  )?.id;
}
