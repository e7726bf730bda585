import type { Evaluation } from "./context";
import { isExcelError, quoteValue, textOf } from "./values";
import { fieldId } from "../layout/field-ids";

/** structure.sheet-missing: a sheet of the template is gone, so every field on it is unreadable. */
export function checkMissingSheets(ev: Evaluation): void {
  const { layout, reading } = ev.input;
  for (const key of reading.missingSheets) {
    const name = layout.sheets.find((s) => s.key === key)?.name ?? key;
    ev.report("structure.sheet-missing", undefined, {
      message: {
        zh: `缺少工作表“${name}”：请勿删除或改名模板的工作表，请在原模板中填报`,
        en: `The sheet "${name}" is missing: do not delete or rename the template's sheets; report in the original template`,
      },
      expected: name,
      actual: null,
    });
  }
}

/**
 * structure.name-missing: the field's defined name is gone. Said once here; the field is then judged
 * by no other rule (a missing value there would be a guess). Fields of a missing sheet are covered by
 * the sheet's issue.
 */
export function checkMissingNames(ev: Evaluation): void {
  const missingSheets = new Set(ev.input.reading.missingSheets);
  for (const id of ev.input.reading.missingNames) {
    const field = ev.field(id);
    if (!field || missingSheets.has(field.sheet)) continue;
    ev.report("structure.name-missing", field, {
      message: {
        zh: `找不到“${field.label.zh}”的定义名称 ${field.name}（可能删除了行、列或名称），无法读取该项`,
        en: `The defined name ${field.name} of "${field.label.en}" is missing (a deleted row, column or name): the field cannot be read`,
      },
      expected: field.name,
      actual: null,
    });
  }
}

/**
 * structure.name-tampered: a name moved onto a label, the metadata or another sheet would have the rules
 * read the wrong cell (a label passes any required check). The field is read where its layout puts it, and
 * judged there; the name itself is the finding.
 */
export function checkMisplacedNames(ev: Evaluation): void {
  for (const { fieldId, pointsAt } of ev.input.reading.misplacedNames ?? []) {
    const field = ev.field(fieldId);
    if (!field) continue;
    const read = ev.input.reading.cells[fieldId] ?? { sheetName: field.sheetName, cell: field.cell };
    const now = `${pointsAt.sheetName}!${pointsAt.cell}`;
    const there = `${read.sheetName}!${read.cell}`;
    ev.report("structure.name-tampered", field, {
      message: {
        zh: `“${field.label.zh}”的定义名称 ${field.name} 指向 ${now}，而不是该项的填报单元格 ${there}：已按模板位置读取，名称可能被改动，请勿修改定义名称`,
        en: `The defined name ${field.name} of "${field.label.en}" points at ${now}, not at the field's input cell ${there}: the field was read where the template puts it; the name may have been altered, do not change defined names`,
      },
      expected: there,
    });
  }
}

/** structure.metadata-mismatch: the metadata describes another workbook, so nothing it says can be trusted. */
export function checkMetadataMatches(ev: Evaluation): void {
  const mismatch = ev.input.reading.metadataMismatch;
  if (!mismatch) return;
  ev.report("structure.metadata-mismatch", undefined, {
    message: mismatch.message,
    expected: mismatch.expected,
    actual: mismatch.stored,
  });
}

/** structure.metadata-incomplete: without the province in the metadata a report cannot be placed in a round. */
export function checkMetadata(ev: Evaluation): void {
  const meta = ev.input.reading.metadata;
  if (!meta) {
    ev.report("structure.metadata-incomplete", undefined, {
      message: {
        zh: "缺少元数据工作表：无法确认报送省份和模板版本，请在原模板中填报",
        en: "The metadata sheet is missing: the province and template version cannot be confirmed; report in the original template",
      },
      expected: "_meta",
      actual: null,
    });
    return;
  }
  const missing: { key: "unitId" | "unitName"; zh: string; en: string }[] = [
    { key: "unitId", zh: "省份代码", en: "province id" },
    { key: "unitName", zh: "报送单位名称", en: "unit name" },
  ];
  for (const m of missing) {
    if (textOf(meta[m.key]) !== "") continue;
    ev.report("structure.metadata-incomplete", undefined, {
      message: {
        zh: `元数据缺少${m.zh}（${m.key}）：工作簿可能被改动过，请在原模板中填报`,
        en: `The metadata lacks the ${m.en} (${m.key}): the workbook may have been altered; report in the original template`,
      },
      expected: m.key,
      actual: null,
    });
  }
}

/** structure.formula-in-input: a formula is not a reported figure, and breaks once copied elsewhere. */
export function checkFormulas(ev: Evaluation): void {
  for (const [id, formula] of Object.entries(ev.input.reading.formulas)) {
    const field = ev.field(id);
    if (!field || !ev.readable(id)) continue;
    const shown = formula.replace(/^=/, "");
    ev.report("structure.formula-in-input", field, {
      message: {
        zh: `“${field.label.zh}”中是公式“=${quoteValue(shown)}”：公式不是填报值，请填写数值本身`,
        en: `"${field.label.en}" holds the formula "=${quoteValue(shown)}": a formula is not a reported value; enter the value itself`,
      },
      expected: "value",
      expectedText: { zh: "填报值（非公式）", en: "a value, not a formula" },
    });
  }
}

/** structure.error-value: #REF! and the like, usually from a deleted row or a broken paste. */
export function checkErrorValues(ev: Evaluation): void {
  const missing = new Set(ev.input.reading.missingNames);
  for (const field of ev.fields) {
    const value = ev.value(field.id);
    if (missing.has(field.id) || !isExcelError(value)) continue;
    ev.report("structure.error-value", field, {
      message: {
        zh: `“${field.label.zh}”的值是 Excel 错误“${value.trim()}”：请重新填写`,
        en: `"${field.label.en}" holds the Excel error "${value.trim()}": enter it again`,
      },
      expected: "value",
      expectedText: { zh: "有效的填报值", en: "a valid value" },
    });
  }
}

/** cover.province.matches-template: a province reporting in another province's template. */
export function checkProvince(ev: Evaluation): void {
  const field = ev.field(fieldId.cover("province"));
  if (!field || !ev.filled(field.id)) return;
  const expected = ev.input.layout.metadata.unitName;
  const actual = textOf(ev.value(field.id));
  if (actual === expected) return;
  ev.report("cover.province.matches-template", field, {
    message: {
      zh: `报送单位“${quoteValue(actual)}”与模板所属省份“${expected}”不一致：请使用本省的模板`,
      en: `The reporting unit "${quoteValue(actual)}" differs from "${expected}", for which the template was made: use your own province's template`,
    },
    expected,
  });
}
