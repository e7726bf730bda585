import type { LocalizedText } from "../spec/schema";
import type { Capabilities } from "./types";

/** Office.context.requirements.isSetSupported, injected so that tests can stand in for any Excel version. */
export type RequirementCheck = (set: string, version: string) => boolean;

/** The manifest's minimum: ExcelApi 1.7 is what Excel 2019 volume licence has. */
export const MINIMUM_EXCEL_API = "1.7";

const NEEDS = { dataValidation: "1.8", conditionalFormats: "1.6", comments: "1.10", notes: "1.18" } as const;
/** Range.group (outline) came with 1.10, with comments. */
const OUTLINE = "1.10";

export function detectCapabilities(isSetSupported: RequirementCheck): Capabilities {
  const has = (version: string) => isSetSupported("ExcelApi", version);
  return {
    dataValidation: has(NEEDS.dataValidation),
    conditionalFormats: has(NEEDS.conditionalFormats),
    comments: has(NEEDS.comments),
    notes: has(NEEDS.notes),
  };
}

export function canGroupColumns(isSetSupported: RequirementCheck): boolean {
  return isSetSupported("ExcelApi", OUTLINE);
}

/** Print setup (page layout) needs ExcelApi 1.9: Excel 2019 volume licence stops at 1.7. */
export const PAGE_LAYOUT = "1.9";

export function canSetPageLayout(isSetSupported: RequirementCheck): boolean {
  return isSetSupported("ExcelApi", PAGE_LAYOUT);
}

/**
 * What an older Excel lacks, said in a clerk's words: what they will not see and what to do instead. No
 * requirement-set numbers and no commands (the clerk's view has none); the sets are named in NEEDS above.
 */
const OLDER_EXCEL = {
  zh: "此版本 Excel（如 Excel 2019 批量许可版）",
  en: "This Excel (Excel 2019 volume licence, for one)",
};
const ALTERNATIVE = {
  zh: "如需完整模板，可请负责报送的技术支持人员另行生成模板文件，或升级到 Excel 2021 / Microsoft 365。",
  en: "For the complete template, ask the people who support the reporting for a template file, or upgrade to Excel 2021 / Microsoft 365.",
};

/** What an inserted template lacks on this Excel, and why. */
export function insertDegradations(
  caps: Capabilities,
  groupColumns: boolean,
  pageLayout = true,
): LocalizedText[] {
  const out: LocalizedText[] = [];
  if (!caps.dataValidation) {
    out.push({
      zh: `${OLDER_EXCEL.zh}不能设置下拉列表：插入的模板没有下拉选项、输入提示和输入限制，请按填报说明填写，并用“校验”检查。${ALTERNATIVE.zh}`,
      en: `${OLDER_EXCEL.en} cannot make drop-down lists: the inserted template has no drop-down choices, input prompts or input limits. Follow the instructions and use Check. ${ALTERNATIVE.en}`,
    });
  }
  if (!caps.conditionalFormats) {
    out.push({
      zh: `${OLDER_EXCEL.zh}不能设置自动变色：必填未填、目标达标与否不会自动变色。${ALTERNATIVE.zh}`,
      en: `${OLDER_EXCEL.en} cannot colour cells by rule: missing required cells and met or missed targets are not coloured. ${ALTERNATIVE.en}`,
    });
  }
  if (!pageLayout) {
    out.push({
      zh: `${OLDER_EXCEL.zh}不能设置打印格式：打印前请在“页面布局”中选 A4 横向、调整为一页宽，并把第 3 行设为打印标题。`,
      en: `${OLDER_EXCEL.en} cannot set up printing: before printing, choose A4 landscape, fit to one page wide, and repeat row 3 as print titles in Page Layout.`,
    });
  }
  if (!groupColumns) {
    out.push({
      zh: `${OLDER_EXCEL.zh}不能折叠列：指引原文列已隐藏，但没有“+”折叠按钮；需要时请选中两侧的列，右键“取消隐藏”。`,
      en: `${OLDER_EXCEL.en} cannot fold columns: the guideline-text column is hidden without a "+" button; to see it, select the columns on both sides and choose Unhide.`,
    });
  }
  return out;
}

/** The 审核意见 sheet the pane makes: without print setup, the reviewer is told how to print it. */
export function reviewSheetDegradations(pageLayout: boolean): LocalizedText[] {
  if (pageLayout) return [];
  return [
    {
      zh: `${OLDER_EXCEL.zh}不能设置审核意见表的打印格式：打印前请在“页面布局”中选 A4 横向、调整为一页宽。`,
      en: `${OLDER_EXCEL.en} cannot set up printing for the review sheet: before printing it, choose A4 landscape and fit to one page wide in Page Layout.`,
    },
  ];
}

/** Where validation messages can go on this Excel; when nowhere on the sheet, say so. */
export function messageTarget(caps: Capabilities): {
  messagesOn: "notes" | "comments" | "none";
  degraded: LocalizedText[];
} {
  if (caps.notes) return { messagesOn: "notes", degraded: [] };
  if (caps.comments) return { messagesOn: "comments", degraded: [] };
  return {
    messagesOn: "none",
    degraded: [
      {
        zh: `${OLDER_EXCEL.zh}不能在单元格上写批注：问题说明只显示在任务窗格的列表中，单元格上只有颜色标记。`,
        en: `${OLDER_EXCEL.en} cannot put notes on cells: the messages appear only in the task pane's list; cells are only coloured.`,
      },
    ],
  };
}

/** Highlights are conditional formats: without them the cells cannot be marked at all. */
export function highlightDegradations(caps: Capabilities): LocalizedText[] {
  if (caps.conditionalFormats) return [];
  return [
    {
      zh: `${OLDER_EXCEL.zh}不能给单元格标色：问题单元格不会标色，请按任务窗格的列表逐一定位。`,
      en: `${OLDER_EXCEL.en} cannot colour cells: cells with problems are not coloured; use the task pane's list to go to each one.`,
    },
  ];
}

/**
 * What a refresh cannot carry on this Excel: the rebuilt template lacks what insert would lack, and notes
 * the add-in cannot read (notes need ExcelApi 1.18) do not survive the rebuilt sheets.
 */
export function refreshDegradations(
  caps: Capabilities,
  groupColumns: boolean,
  pageLayout = true,
): LocalizedText[] {
  const out = insertDegradations(caps, groupColumns, pageLayout);
  if (!caps.notes) {
    out.push({
      zh: `加载项在此 Excel 中不能读取单元格批注：报表工作表上的批注在刷新后不会保留${caps.comments ? "（新式“注释”会保留）" : ""}。如需保留批注，请撤销刷新，并请负责报送的技术支持人员在文件上刷新。`,
      en: `In this Excel, add-ins cannot read cell notes: notes on the report's sheets are not kept by the refresh${caps.comments ? " (threaded comments are)" : ""}. To keep them, undo the refresh and ask the people who support the reporting to refresh the file.`,
    });
  }
  return out;
}
