import type { LocalizedText } from "../spec/schema";
import type { Condition, WorkbookLayout } from "./types";

export interface FieldEntry {
  id: string;
  name: string;
  sheet: string;
  cell: string;
  label: LocalizedText;
  type: string;
  allowed?: string[];
  unit?: LocalizedText;
  /** "always", "never", or the condition with its wording. */
  required: "always" | "never" | (Condition & { text: LocalizedText });
  task?: number;
  target?: string;
  guideline?: string;
  /** Of a workbook: where the field's defined name points when that is not the field's cell (an altered name). */
  namePointsAt?: string;
}

export interface FieldDictionary {
  specId: string;
  specVersion: string;
  templateVersion: string;
  unitId: string;
  categories: string[];
  fields: FieldEntry[];
}

/** The public contract of a workbook: what `ip-report fields --json` prints. */
export function fieldDictionary(layout: WorkbookLayout): FieldDictionary {
  const { metadata } = layout;
  return {
    specId: metadata.specId,
    specVersion: metadata.specVersion,
    templateVersion: metadata.templateVersion,
    unitId: metadata.unitId,
    categories: metadata.categories,
    fields: layout.fields.map((f) => ({
      id: f.id,
      name: f.name,
      sheet: f.sheetName,
      cell: f.cell,
      label: f.label,
      type: f.type,
      ...(f.allowed ? { allowed: f.allowed } : {}),
      ...(f.unit ? { unit: f.unit } : {}),
      required:
        f.required.kind === "always" || f.required.kind === "never"
          ? f.required.kind
          : { ...f.required, text: f.requiredText },
      ...(f.task !== undefined ? { task: f.task } : {}),
      ...(f.target !== undefined ? { target: f.target } : {}),
      ...(f.guideline !== undefined ? { guideline: f.guideline } : {}),
    })),
  };
}
