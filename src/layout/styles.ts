import type { CellStyle, ConditionalStyleKey, StyleKey } from "./types";

/**
 * The template's font, on every styled cell, in both adapters. 宋体 (SimSun) is on every Windows that runs Excel
 * 2010 or later and is WPS's and Excel 2010–2013's own default for Chinese; 等线 (DengXian) comes only with
 * Office 2016+, so older Excel and WPS substituted it with other metrics (wrapped text then overflows its row).
 * On Kylin/UOS, LibreOffice's font replacement table and fontconfig map 宋体 to the installed CJK serif (Noto
 * Serif CJK SC / 思源宋体). 微软雅黑 reads well on screen but its taller line would need taller rows everywhere.
 */
export const TEMPLATE_FONT = "宋体";
/** The GB2312 character set: tells Excel and LibreOffice which script the font is for when it must substitute. */
export const TEMPLATE_FONT_CHARSET = 134;

/** The template's palette. Input cells are pale yellow; everything the user cannot type in is white or grey.
 * Highlight fills differ clearly from each other and from the input fill (legend on the cover). */
export const PALETTE = {
  input: "FFFFF8DC",
  notApplicable: "FFE7E6E6",
  header: "FF1F4E79",
  headerText: "FFFFFFFF",
  measure: "FFDDEBF7",
  computed: "FFF2F2F2",
  missing: "FFFCE4D6",
  missingText: "FF833C0B",
  missed: "FFFFC7CE",
  missedText: "FF9C0006",
  met: "FFC6EFCE",
  metText: "FF006100",
  error: "FFFF5B5B",
  errorText: "FF000000",
  warning: "FFFFC000",
  warningText: "FF000000",
} as const;

const base: CellStyle = { locked: true, vertical: "top", wrap: true };
const input: CellStyle = { ...base, locked: false, fill: PALETTE.input, border: true, numberFormat: "@" };

export const STYLES: Record<StyleKey, CellStyle> = {
  title: { ...base, bold: true, size: 16, horizontal: "center", vertical: "middle", wrap: false },
  subtitle: { ...base, italic: true, size: 10, horizontal: "center", fontColor: "FF595959" },
  header: {
    ...base,
    bold: true,
    fill: PALETTE.header,
    fontColor: PALETTE.headerText,
    horizontal: "center",
    vertical: "middle",
    border: true,
  },
  measure: { ...base, bold: true, fill: PALETTE.measure, border: true, vertical: "middle" },
  label: { ...base, bold: true, border: true },
  text: { ...base, border: true },
  textCenter: { ...base, border: true, horizontal: "center" },
  note: { ...base, size: 10, fontColor: "FF404040" },
  // Text inputs are formatted as text ("@") so that user text starting with "=" stays text.
  input,
  inputNumber: { ...input, numberFormat: "#,##0.00" },
  inputInteger: { ...input, numberFormat: "#,##0" },
  inputPercent: { ...input, numberFormat: "0.0%" },
  inputDate: { ...input, numberFormat: "yyyy-mm-dd" },
  inputNotApplicable: { ...input, fill: PALETTE.notApplicable },
  computed: { ...base, fill: PALETTE.computed, border: true, horizontal: "center" },
  computedPercent: {
    ...base,
    fill: PALETTE.computed,
    border: true,
    horizontal: "center",
    numberFormat: "0.0%",
  },
  status: { ...base, bold: true, fill: PALETTE.computed, border: true, horizontal: "center" },
  legendInput: { ...base, fill: PALETTE.input, border: true },
  legendMissing: { ...base, fill: PALETTE.missing, fontColor: PALETTE.missingText, border: true },
  legendMissed: { ...base, fill: PALETTE.missed, fontColor: PALETTE.missedText, border: true },
  legendMet: { ...base, fill: PALETTE.met, fontColor: PALETTE.metText, border: true },
  legendError: { ...base, fill: PALETTE.error, border: true },
  legendWarning: { ...base, fill: PALETTE.warning, border: true },
  legendNotApplicable: { ...base, fill: PALETTE.notApplicable, border: true },
  meta: { locked: true },
};

export const CONDITIONAL_STYLES: Record<ConditionalStyleKey, { fill: string; fontColor: string }> = {
  cfMissing: { fill: PALETTE.missing, fontColor: PALETTE.missingText },
  cfMissed: { fill: PALETTE.missed, fontColor: PALETTE.missedText },
  cfMet: { fill: PALETTE.met, fontColor: PALETTE.metText },
  cfNotApplicableFilled: { fill: PALETTE.warning, fontColor: PALETTE.warningText },
};

/** Fills the add-in and `validate --annotate` paint on cells with issues. */
export const HIGHLIGHT = {
  error: { fill: PALETTE.error, fontColor: PALETTE.errorText },
  warning: { fill: PALETTE.warning, fontColor: PALETTE.warningText },
} as const;
