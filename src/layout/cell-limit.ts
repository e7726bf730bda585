import type { LocalizedText } from "../spec/schema";

/**
 * Excel's limit on the characters of one cell. Excel "repairs" a file with a longer string by cutting it, so
 * one rule says it everywhere: the template's own text-length check, `validate`, and a refresh that refuses to
 * write such a text.
 */
export const EXCEL_CELL_MAX_CHARS = 32_767;

const LIMIT_SHOWN = EXCEL_CELL_MAX_CHARS.toLocaleString("en-US");

export function isOverCellLimit(value: unknown): value is string {
  return typeof value === "string" && value.length > EXCEL_CELL_MAX_CHARS;
}

/** The limit in the template's words (its data validation's alert), before anything is typed. */
export const CELL_LIMIT_ALERT: LocalizedText = {
  zh: `单元格最多容纳 ${LIMIT_SHOWN} 个字符，请精简或改为附件。`,
  en: `A cell holds at most ${LIMIT_SHOWN} characters: shorten the text or attach it separately.`,
};

/** The one wording for a text over the limit, wherever it is found (validate's issue, refresh's refusal). */
export function overCellLimit(label: LocalizedText, length: number): LocalizedText {
  const n = length.toLocaleString("en-US");
  return {
    zh: `“${label.zh}”的内容有 ${n} 个字符，超过 Excel 单元格上限 ${LIMIT_SHOWN} 个字符，请精简或改为附件`,
    en: `"${label.en}" has ${n} characters, over Excel's limit of ${LIMIT_SHOWN} per cell; shorten it or attach it separately`,
  };
}
