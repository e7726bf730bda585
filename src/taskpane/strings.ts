import { format, pick, type Lang } from "../i18n";
import type { LocalizedText } from "../spec/schema";

/**
 * Every word the pane itself says, Simplified Chinese first. The core's messages come localized already.
 * Clerk-facing: no field ids, rule codes, API versions or commands (test/taskpane/clerk-words.test.ts).
 * The overview's and the navigator's words are in navigator/words.ts, shared with the browser checker.
 */
export const UI = {
  appTitle: { zh: "知识产权高质量发展任务填报", en: "IP high-quality development report" },
  switchLanguage: { zh: "English", en: "中文" },
  switchLanguageLabel: { zh: "切换为英文界面", en: "Switch to Chinese" },
  connecting: { zh: "正在连接 Excel…", en: "Connecting to Excel…" },
  brand: {
    zh: "知识产权高质量发展任务填报助手 · 依据国家知识产权局 2019 年任务清单",
    en: "IP report helper · after CNIPA's 2019 task list",
  },

  outsideTitle: { zh: "请在 Excel 中使用本加载项", en: "Please use this add-in inside Excel" },
  outsideBody: {
    zh: "此页面是 Excel 加载项的任务窗格，需要在 Excel（2019 或更新版本、Microsoft 365 或网页版）中打开。没有这些 Excel 时，请联系负责报送的技术支持人员代为生成和检查填报文件。",
    en: "This page is the task pane of an Excel add-in and must be opened inside Excel (2019 or newer, Microsoft 365 or Excel on the web). Without one of these, ask the people who support the reporting to make and check the report file for you.",
  },
  otherHostBody: {
    zh: "当前打开的是 {host}。本加载项只用于 Excel 工作簿。",
    en: "This is {host}. The add-in works with Excel workbooks only.",
  },
  hostTooOld: {
    zh: "此 Excel 版本过旧，无法运行本加载项（需要 Excel 2019 或更新版本）。请联系负责报送的技术支持人员代为生成和检查填报文件。",
    en: "This Excel is too old for the add-in (it needs Excel 2019 or newer). Ask the people who support the reporting to make and check the report file for you.",
  },

  loadingReport: { zh: "正在读取工作簿…", en: "Reading the workbook…" },
  inserting: { zh: "正在插入填报模板…", en: "Inserting the report template…" },
  validating: { zh: "正在校验…", en: "Checking…" },
  writingResults: { zh: "正在生成校验结果表…", en: "Writing the results sheet…" },
  clearingHighlights: { zh: "正在清除标注…", en: "Clearing the marks…" },

  steps: { zh: "三步完成填报", en: "Three steps to a report" },
  step1: { zh: "选择省份和本省概况，插入模板", en: "Pick the province and its profile, insert the template" },
  step2: { zh: "在淡黄色单元格中填写", en: "Fill in the pale-yellow cells" },
  step3: { zh: "点“校验”，逐个改好问题", en: "Choose Check and fix the problems one by one" },
  stepDone: { zh: "已完成", en: "done" },
  stepNow: { zh: "当前步骤", en: "current step" },

  fillerTitle: { zh: "插入填报模板", en: "Insert the report template" },
  fillerIntro: {
    zh: "请选择省份并勾选符合本省情况的类别，然后插入模板：模板只包含本省需要填报的内容。",
    en: "Pick the province, tick the categories that describe it, then insert the template: it holds only what this province reports.",
  },
  province: { zh: "省份", en: "Province" },
  provincePlaceholder: { zh: "输入或选择省份", en: "Type or pick a province" },
  provinceRequired: { zh: "请先选择省份", en: "Pick a province first" },
  openProvinceList: { zh: "展开省份列表", en: "Show the provinces" },
  noProvinceMatch: { zh: "没有匹配的省份", en: "No province matches" },
  categories: { zh: "本省概况（决定哪些任务为必做）", en: "Profile (decides which tasks are required)" },
  pilotTypeNone: { zh: "暂不选择类型", en: "No type yet" },
  pilotTypeNeedsPilot: {
    zh: "勾选“{pilot}”后可选择试点类型。",
    en: "Tick “{pilot}” to choose a pilot type.",
  },
  insertTemplate: { zh: "插入模板", en: "Insert template" },
  refreshTemplate: { zh: "刷新模板", en: "Refresh template" },
  refreshHint: {
    zh: "按最新版本重建各工作表并修复损坏之处，已填写的内容全部保留。",
    en: "Rebuilds every sheet at the newest version and repairs damage; everything filled in is kept.",
  },
  exists: {
    zh: "本工作簿已有{unit}的填报模板，为避免覆盖已填写的内容，未插入新模板。",
    en: "This workbook already holds {unit}'s report template; no new template was inserted, so nothing filled in is overwritten.",
  },
  existsUnreadable: {
    zh: "本工作簿中已有填报模板的痕迹，但读不出它属于哪个省份。为避免覆盖已填写的内容，未插入新模板；请在新的空白工作簿中插入。",
    en: "This workbook has traces of a report template, but not which province it is for. No new template was inserted, so nothing filled in is overwritten; insert into a new blank workbook.",
  },
  inserted: { zh: "模板已插入。", en: "Template inserted." },
  nextAfterInsert: {
    zh: "下一步：在淡黄色单元格中填写，填完一部分后点“校验”。",
    en: "Next: fill in the pale-yellow cells, then choose Check.",
  },
  validateNeedsTemplate: {
    zh: "本工作簿还没有填报模板，无法校验。请先插入模板。",
    en: "This workbook has no report template to check yet. Insert the template first.",
  },

  refreshing: { zh: "正在刷新模板…", en: "Refreshing the template…" },
  refreshed: {
    zh: "模板已刷新，已填写的内容均已保留。",
    en: "The template is refreshed; everything filled in is kept.",
  },
  nextAfterRefresh: {
    zh: "下一步：点“校验”检查刷新后的报表。",
    en: "Next: choose Check to check the refreshed report.",
  },
  refreshTitle: { zh: "刷新结果", en: "What the refresh did" },
  versionChange: { zh: "{from} → {to}", en: "{from} → {to}" },
  specVersion: { zh: "任务清单版本", en: "Guideline version" },
  movedTitle: { zh: "换了位置的填报项", en: "Items now in a new place" },
  retiredTitle: {
    zh: "新版本中没有位置的值（已移入“{sheet}”工作表）",
    en: "Values with no place in the new version (moved to the “{sheet}” sheet)",
  },
  retiredValue: { zh: "{label}：{value}", en: "{label}: {value}" },
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
    zh: "被误删后已找回的填报项",
    en: "Items whose link had been deleted, found again",
  },
  refreshLimits: {
    zh: "此 Excel 版本下刷新的限制（如 Excel 2019 批量许可版）",
    en: "What this Excel could not carry over (Excel 2019 volume licence, for one)",
  },
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
    en: "{count} items were changed since the refresh: {fields}. Undoing puts back what was there before the refresh, and these changes are lost.",
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

  commands: { zh: "操作", en: "Actions" },
  validate: { zh: "校验", en: "Check" },
  previous: { zh: "上一个问题", en: "Previous problem" },
  next: { zh: "下一个问题", en: "Next problem" },
  more: { zh: "更多操作", en: "More actions" },
  moreShort: { zh: "更多", en: "More" },
  writeResults: { zh: "生成校验结果表", en: "Write results sheet" },
  writeResultsNeedsCheck: { zh: "先校验后才能生成", en: "Check first" },
  reviewerView: {
    zh: "审核视图（逐项审核，显示规则代码）",
    en: "Reviewer view (mark items, see rule codes)",
  },
  validated: {
    zh: "校验完成，问题已在单元格上标出。",
    en: "Checked; the problems are marked on their cells.",
  },
  validatedClean: { zh: "校验完成，未发现问题。", en: "Checked; no problems found." },
  nextAfterValidate: {
    zh: "下一步：点 ↓（下一个问题）逐个转到问题单元格，改好后列表会随之更新。",
    en: "Next: choose ↓ (Next problem) to go to each problem's cell; the list updates as you fix them.",
  },
  nextAfterClean: {
    zh: "下一步：如需留档，可在“更多”中生成校验结果表，然后保存并报送工作簿。",
    en: "Next: for the record, write the results sheet under More, then save and send the workbook.",
  },
  resultsWritten: { zh: "校验结果表已生成。", en: "The results sheet is written." },
  nextAfterResults: {
    zh: "下一步：保存工作簿并按要求报送。",
    en: "Next: save the workbook and send it as instructed.",
  },
  clearHighlights: { zh: "清除标注", en: "Clear marks" },
  cleared: { zh: "单元格上的问题标注和说明已清除。", en: "The marks and messages on the cells are cleared." },
  nextAfterClear: {
    zh: "下一步：需要时再点“校验”重新标注。",
    en: "Next: choose Check when you want the marks back.",
  },
  notValidated: {
    zh: "尚未校验。填写后点“校验”检查全部填报内容。",
    en: "Not checked yet. After filling in, choose Check to check everything.",
  },
  messagesOnNotes: { zh: "问题说明也写在了单元格批注中。", en: "Each problem is also noted on its cell." },
  messagesOnComments: {
    zh: "问题说明也写在了单元格注释中。",
    en: "Each problem is also commented on its cell.",
  },
  messagesOnNone: {
    zh: "此 Excel 版本不能在单元格上写说明，问题只列在这里。",
    en: "This Excel cannot put notes on cells; the problems are listed here only.",
  },
  marksCleared: {
    zh: "单元格上的标注已清除，问题仍列在这里。",
    en: "The marks on the cells are cleared; the problems are still listed here.",
  },
  liveNote: {
    zh: "列表随填写实时更新；单元格上的颜色标注是上次校验时的，点“校验”可更新。",
    en: "The list follows your typing; the colours on the cells are from the last check — choose Check to update them.",
  },
  hostLimits: {
    zh: "此 Excel 版本的限制（如 Excel 2019 批量许可版）",
    en: "Limits of this Excel (Excel 2019 volume licence, for one)",
  },
  reviewMarksSlot: { zh: "审核意见", en: "Review marks" },

  // The reviewer's marks (issue 12): 通过 / 退回修改 per item, kept on the workbook's 审核意见 sheet.
  reviewTitle: { zh: "逐项审核", en: "Review item by item" },
  reviewIntro: {
    zh: "对每项任务、目标和工作指引给出审核结论：通过，或退回修改并写明意见。结论记在工作簿的“审核意见”工作表上，随文件报送。",
    en: "Give each task, target and guideline item a verdict: approve it, or send it back with a comment. Verdicts are kept on the workbook's 审核意见 sheet and travel with the file.",
  },
  reviewProgress: {
    zh: "已审核 {done} / 共 {total} 项，其中退回修改 {returned} 项",
    en: "{done} of {total} reviewed, {returned} sent back",
  },
  reviewGroupTask: { zh: "任务", en: "Tasks" },
  reviewGroupTarget: { zh: "主要目标", en: "Targets" },
  reviewGroupGuideline: { zh: "工作指引", en: "Guideline items" },
  reviewGroupRequirement: { zh: "工作要求", en: "Work requirements" },
  reviewNone: { zh: "未审核", en: "Not reviewed" },
  reviewPass: { zh: "通过", en: "Approved" },
  reviewReturn: { zh: "退回修改", en: "Send back for changes" },
  reviewVerdict: { zh: "审核结论", en: "Verdict" },
  reviewComment: { zh: "审核意见", en: "Comment" },
  reviewCommentOptional: { zh: "通过时可不填。", en: "Optional when approved." },
  reviewCommentNeeded: {
    zh: "退回修改时请写明需要修改的内容。",
    en: "When sending back, say what needs changing.",
  },
  reviewChooseVerdict: { zh: "请选择通过或退回修改。", en: "Choose Approved or Send back for changes." },
  reviewMark: { zh: "审核", en: "Review" },
  reviewChange: { zh: "修改结论", en: "Change" },
  reviewMarkItem: { zh: "审核：{item}", en: "Review: {item}" },
  reviewChangeItem: { zh: "修改结论：{item}", en: "Change: {item}" },
  reviewSave: { zh: "保存结论", en: "Save verdict" },
  reviewCancel: { zh: "取消", en: "Cancel" },
  reviewEditor: { zh: "审核 {item}", en: "Review {item}" },
  reviewSaving: { zh: "正在记录审核意见…", en: "Recording the verdict…" },
  reviewSaved: { zh: "已记录：{item}，{verdict}。", en: "Recorded: {item}, {verdict}." },
  reviewSavedNext: {
    zh: "结论已写入“审核意见”工作表；保存工作簿后随文件报送。",
    en: "It is on the 审核意见 sheet; save the workbook to send it with the file.",
  },
  reviewCommentShown: { zh: "审核意见：{comment}", en: "Comment: {comment}" },
  reviewItemOf: { zh: "审核项：{item}", en: "Review item: {item}" },
  reviewUnreadable: {
    zh: "未能读取工作簿中的审核意见，可稍后重新打开任务窗格再试。",
    en: "The review marks in the workbook could not be read; reopen the task pane to try again.",
  },
  returnedTitle: { zh: "审核人员退回修改 {count} 项", en: "The reviewer sent back {count} items" },
  returnedItem: { zh: "{item}：{comment}", en: "{item}: {comment}" },
  returnedIntro: {
    zh: "请按审核意见修改以下内容，改好后重新校验：",
    en: "Change the following as the reviewer says, then check again:",
  },

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
