import type { LocalizedText, Spec } from "../spec/schema";
import { fingerprintOf, type MetaKey } from "./build";
import type { SheetKey, WorkbookLayout } from "./types";

/** The metadata's field table: where the workbook's fields were laid out when it was made. */
export type FieldTable = ReadonlyMap<string, { sheet: SheetKey; cell: string }>;

/** The metadata describes another workbook than this one: what does not match, in words. */
export interface MetadataMismatch {
  /** The fingerprint the metadata records, and the one the structure it describes has. */
  stored: string;
  expected: string;
  /** One line: what does not match and what to do. */
  message: LocalizedText;
}

/** The remedy, the same wherever the finding is shown: the metadata cannot be repaired from itself. */
const REMEDY: LocalizedText = {
  zh: "元数据可能被改动，请使用原始文件或审核方保存的副本",
  en: "the metadata may have been altered: use the original file or the reviewer's copy",
};

function profileWords(spec: Spec, layout: WorkbookLayout): LocalizedText {
  const labels = layout.metadata.categories.map(
    (id) => spec.categories.find((c) => c.id === id)?.label ?? { zh: id, en: id },
  );
  return labels.length === 0
    ? { zh: "（无）", en: "(none)" }
    : { zh: labels.map((l) => l.zh).join("、"), en: labels.map((l) => l.en).join(", ") };
}

/**
 * Whether a workbook's structure is the one its metadata describes: the fingerprint recorded when it was made
 * against the layout its province and profile make now, the unit's name against its id, and the metadata's
 * field table against that layout (each where the metadata records it). A blanked profile or another province fails here, so no reader, rule or
 * refresh takes the metadata's word for it. Undefined when everything matches.
 */
export function metadataMismatchOf(
  spec: Spec,
  layout: WorkbookLayout,
  meta: Partial<Record<MetaKey, string>> | undefined,
  fieldTable?: FieldTable,
): MetadataMismatch | undefined {
  if (!meta) return undefined;
  const expected = fingerprintOf(layout.metadata, layout.fields);
  // Metadata that records no fingerprint at all (a _meta sheet written by hand to recover a report whose
  // sheets were deleted) cannot be held against one; a recorded one that differs, blank included, can.
  const stored = meta.fingerprint ?? expected;
  const unit = spec.units.find((u) => u.id === layout.metadata.unitId);
  const nameDiffers = !!meta.unitName && !!unit && meta.unitName !== unit.name && meta.unitName !== unit.en;
  const moved =
    fieldTable && fieldTable.size > 0
      ? layout.fields.filter((f) => {
          const at = fieldTable.get(f.id);
          return !at || at.sheet !== f.sheet || at.cell !== f.cell;
        }).length + [...fieldTable.keys()].filter((id) => !layout.fields.some((f) => f.id === id)).length
      : 0;
  if (stored === expected && !nameDiffers && moved === 0) return undefined;
  const parts: LocalizedText[] = [];
  if (stored !== expected) {
    const profile = profileWords(spec, layout);
    parts.push({
      zh: `元数据所记省份“${unit?.name ?? layout.metadata.unitId}”、概况“${profile.zh}”对应的结构指纹应为 ${expected}，工作簿记录的是 ${stored || "空"}`,
      en: `the province "${unit?.en ?? layout.metadata.unitId}" and profile "${profile.en}" in the metadata make the structural fingerprint ${expected}, but the workbook records ${stored || "none"}`,
    });
  }
  if (nameDiffers)
    parts.push({
      zh: `省份代码“${layout.metadata.unitId}”与单位名称“${meta.unitName}”不是同一省份`,
      en: `the province id "${layout.metadata.unitId}" and the unit name "${meta.unitName}" are different provinces`,
    });
  if (moved > 0)
    parts.push({
      zh: `字段表中有 ${moved} 项与该省份、概况的模板位置不同`,
      en: `${moved} entries of the field table differ from that province's and profile's template`,
    });
  return {
    stored,
    expected,
    message: {
      zh: `工作簿的结构与其元数据不符：${parts.map((p) => p.zh).join("；")}。${REMEDY.zh}`,
      en: `The workbook's structure does not match its metadata: ${parts.map((p) => p.en).join("; ")}; ${REMEDY.en}`,
    },
  };
}
