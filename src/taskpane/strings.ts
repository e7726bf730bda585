import { format, pick, type Lang } from "../i18n";
import type { LocalizedText } from "../spec/schema";

/** Every word the pane itself says, Simplified Chinese first. The core's messages come localized already. */
export const UI = {
  appTitle: { zh: "知识产权高质量发展任务填报", en: "IP high-quality development report" },
  switchLanguage: { zh: "English", en: "中文" },
  switchLanguageLabel: { zh: "切换为英文界面", en: "Switch to Chinese" },
  connecting: { zh: "正在连接 Excel…", en: "Connecting to Excel…" },

  outsideTitle: { zh: "请在 Excel 中使用本加载项", en: "Please use this add-in inside Excel" },
  outsideBody: {
    zh: "此页面是 Excel 加载项的任务窗格，需要在 Excel（2019 或更新版本、Microsoft 365 或网页版）中打开。没有 Excel 时，可使用命令行工具 ip-report 生成和校验填报文件。",
    en: "This page is the task pane of an Excel add-in and must be opened inside Excel (2019 or newer, Microsoft 365 or Excel on the web). Without Excel, the ip-report command line makes and checks report files.",
  },
  otherHostBody: {
    zh: "当前打开的是 {host}。本加载项只用于 Excel 工作簿。",
    en: "This is {host}. The add-in works with Excel workbooks only.",
  },
  hostTooOld: {
    zh: "此 Excel 版本过旧：本加载项需要 ExcelApi 1.7（Excel 2019 或更新版本）。仍可使用命令行工具 ip-report。",
    en: "This Excel is too old: the add-in needs ExcelApi 1.7 (Excel 2019 or newer). The ip-report command line still works.",
  },

  loadingReport: { zh: "正在读取工作簿…", en: "Reading the workbook…" },
  inserting: { zh: "正在插入填报模板…", en: "Inserting the report template…" },
  validating: { zh: "正在校验…", en: "Checking…" },
  writingResults: { zh: "正在生成校验结果表…", en: "Writing the results sheet…" },
  clearingHighlights: { zh: "正在清除标注…", en: "Clearing the marks…" },

  fillerTitle: { zh: "插入填报模板", en: "Insert the report template" },
  fillerIntro: {
    zh: "本工作簿还没有填报模板。请选择省份并勾选符合本省情况的类别，然后插入模板：模板只包含本省需要填报的内容。",
    en: "This workbook has no report template yet. Pick the province, tick the categories that describe it, then insert the template: it holds only what this province reports.",
  },
  province: { zh: "省份", en: "Province" },
  provincePlaceholder: { zh: "输入或选择省份", en: "Type or pick a province" },
  provinceRequired: { zh: "请先选择省份", en: "Pick a province first" },
  noProvinceMatch: { zh: "没有匹配的省份", en: "No province matches" },
  categories: { zh: "本省概况（决定哪些任务为必做）", en: "Profile (decides which tasks are required)" },
  insertTemplate: { zh: "插入模板", en: "Insert template" },
  refreshTemplate: { zh: "刷新模板", en: "Refresh template" },
  refreshHint: {
    zh: "按最新版本重建模板并修复损坏之处，已填写的内容全部保留。",
    en: "Rebuilds the template at the newest version and repairs damage; everything filled in is kept.",
  },
  exists: {
    zh: "本工作簿已有填报模板（{unit}，{spec} {version}），为避免覆盖已填写的内容，未插入新模板。",
    en: "This workbook already holds a report template ({unit}, {spec} {version}); no new template was inserted, so nothing filled in is overwritten.",
  },
  existsUnreadable: {
    zh: "本工作簿中已有填报模板的元数据工作表，但读不出它属于哪个省份和版本。为避免覆盖已填写的内容，未插入新模板；请在新的空白工作簿中插入。",
    en: "This workbook already has a report template's metadata sheet, but which province and version it is for cannot be read. No new template was inserted, so nothing filled in is overwritten; insert into a new blank workbook.",
  },
  inserted: { zh: "模板已插入。", en: "Template inserted." },
  validateNeedsTemplate: {
    zh: "本工作簿还没有填报模板，无法校验。请先插入模板。",
    en: "This workbook has no report template to check yet. Insert the template first.",
  },

  refreshing: { zh: "正在刷新模板…", en: "Refreshing the template…" },
  refreshed: {
    zh: "模板已刷新，已填写的内容均已保留。",
    en: "The template is refreshed; everything filled in is kept.",
  },
  refreshTitle: { zh: "刷新结果", en: "What the refresh did" },
  versionChange: { zh: "{from} → {to}", en: "{from} → {to}" },
  movedTitle: { zh: "改了编号的填报项（原 → 新）", en: "Fields with a new id (old → new)" },
  retiredTitle: {
    zh: "新版本中没有位置的值（已移入“{sheet}”工作表，保留原编号）",
    en: "Values with no place in the new version (kept with their old id on the “{sheet}” sheet)",
  },
  retiredValue: { zh: "{label}：{value}（{version} 版）", en: "{label}: {value} (version {version})" },
  stoppedApplyingTitle: {
    zh: "所在任务已不适用本省的值（已保留并标出，可自行删除）",
    en: "Values in tasks that no longer apply to the province (kept and flagged; delete them if you wish)",
  },
  restoredPrefilledTitle: {
    zh: "已恢复的预填项（报送单位等不随填报改变；如不对，请用对应省份的模板）",
    en: "Pre-filled values set back (the reporting unit does not change by typing; for another one, use its template)",
  },
  restoredValue: { zh: "“{value}” → “{restored}”", en: "“{value}” → “{restored}”" },
  recoveredTitle: {
    zh: "找回的单元格名称（曾被删除，已按元数据恢复）",
    en: "Cell names found again (they had been deleted; restored from the metadata)",
  },
  refreshLimits: { zh: "此 Excel 版本下刷新的限制", en: "What this Excel could not carry over" },
  undoRefresh: { zh: "撤销刷新", en: "Undo refresh" },
  undoExplained: {
    zh: "Excel 自带的“撤销”（Ctrl+Z）不包括加载项所做的修改；此按钮把工作簿恢复到刷新前的样子。",
    en: "Excel's own Undo (Ctrl+Z) does not cover changes made by add-ins; this button puts the workbook back as it was before the refresh.",
  },
  undoing: { zh: "正在恢复到刷新前…", en: "Putting the workbook back…" },
  undone: {
    zh: "已撤销刷新，工作簿已恢复到刷新前的状态。",
    en: "The refresh is undone; the workbook is as it was before.",
  },
  editedSinceRefresh: {
    zh: "刷新之后又修改了 {count} 个填报项：{fields}。撤销会恢复刷新前的内容，这些修改将会丢失。",
    en: "{count} fields were changed since the refresh: {fields}. Undoing puts back what was there before the refresh, and these changes are lost.",
  },
  undoAnyway: { zh: "仍然撤销", en: "Undo anyway" },
  keepEdits: { zh: "保留修改，不撤销", en: "Keep the changes" },
  changeProfile: { zh: "更改本省概况", en: "Change profile" },
  changeProfileIntro: {
    zh: "按新的概况重建模板（哪些任务为必做随之改变）。已填写的内容全部保留；不再适用的任务中的值会保留并标出。",
    en: "Rebuilds the template for the new profile (which tasks are required changes with it). Everything filled in is kept; values in tasks that no longer apply are kept and flagged.",
  },
  applyProfile: { zh: "应用并刷新", en: "Apply and refresh" },
  profileUnchanged: { zh: "概况未改变。", en: "The profile is unchanged." },
  cancel: { zh: "取消", en: "Cancel" },

  reportTitle: { zh: "填报情况", en: "Report overview" },
  unit: { zh: "省份", en: "Province" },
  profile: { zh: "本省概况", en: "Profile" },
  noCategories: { zh: "无（按通用要求填报）", en: "None (general obligations only)" },
  specVersion: { zh: "任务清单版本", en: "Guideline version" },
  newerSpec: {
    zh: "有新版本 {version}，点“刷新模板”升级",
    en: "version {version} is available: Refresh template upgrades",
  },
  latestSpec: { zh: "已是最新", en: "up to date" },
  templateVersion: { zh: "模板版本", en: "Template version" },
  completion: { zh: "必填项完成度", en: "Required fields filled" },
  completionValue: {
    zh: "已填 {filled} / 必填 {required}（{percent}%）",
    en: "{filled} of {required} filled ({percent}%)",
  },
  validate: { zh: "校验", en: "Check" },
  revalidate: { zh: "重新校验", en: "Check again" },
  writeResults: { zh: "生成校验结果表", en: "Write results sheet" },
  resultsWritten: { zh: "校验结果表已生成。", en: "The results sheet is written." },
  clearHighlights: { zh: "清除标注", en: "Clear marks" },
  notValidated: {
    zh: "尚未校验。点击“校验”检查全部填报内容。",
    en: "Not checked yet. Choose Check to check everything.",
  },
  errors: { zh: "错误", en: "Errors" },
  warnings: { zh: "警告", en: "Warnings" },
  infos: { zh: "提示", en: "Notes" },
  noIssues: { zh: "未发现问题。", en: "No problems found." },
  messagesOnNotes: { zh: "问题说明已写入单元格批注。", en: "Each problem is also noted on its cell." },
  messagesOnComments: { zh: "问题说明已写入单元格评论。", en: "Each problem is also commented on its cell." },
  messagesOnNone: {
    zh: "此 Excel 版本不支持在单元格上写说明，问题仅列在下方。",
    en: "This Excel cannot put notes on cells; the problems are listed below only.",
  },
  hostLimits: { zh: "此 Excel 版本的限制", en: "Limits of this Excel" },

  issues: { zh: "问题清单", en: "Problems" },
  workbookLevel: { zh: "工作簿", en: "Workbook" },
  goToCell: { zh: "转到 {cell}", en: "Go to {cell}" },
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Note" },
  failed: { zh: "操作未完成", en: "That did not work" },
  unexpected: {
    zh: "发生意外错误：{message}。请重试；如仍失败，请保存工作簿后重新打开加载项。",
    en: "Something unexpected went wrong: {message}. Try again; if it keeps failing, save the workbook and reopen the add-in.",
  },
  dismiss: { zh: "关闭", en: "Dismiss" },
} satisfies Record<string, LocalizedText>;

export type UiKey = keyof typeof UI;

/** The text of a UI string (or any LocalizedText) in a language, with `{name}` placeholders filled. */
export function say(text: LocalizedText, lang: Lang, params: Record<string, string | number> = {}): string {
  return format(pick(text, lang), params);
}
