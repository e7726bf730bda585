import type { LocalizedText } from "../spec/schema";

/**
 * What the checker page says beyond the task pane's words (the overview's and the navigator's come from
 * src/taskpane/navigator/words.ts, the language switch and the brand from src/taskpane/strings.ts).
 * Clerk-facing: no field ids, rule codes or commands.
 */
export const CHECKER = {
  title: { zh: "填报文件检查", en: "Report checker" },
  intro: {
    zh: "打开各单位报回的填报工作簿，查看填报概况和问题清单，并下载标注了问题的副本。文件只在本机浏览器中处理，不会上传。",
    en: "Open a returned report workbook to see where it stands and what is wrong, and download a copy with the problems marked. The file is handled in this browser only; it is never uploaded.",
  },
  openTitle: { zh: "打开填报文件", en: "Open a report" },
  choose: { zh: "选择 .xlsx 文件", en: "Choose an .xlsx file" },
  drop: { zh: "或将文件拖放到此处", en: "or drop the file here" },
  dropNow: { zh: "松开鼠标即可打开", en: "Release to open" },
  reading: { zh: "正在读取 {file}…", en: "Reading {file}…" },
  opened: { zh: "已打开：{file}", en: "Opened: {file}" },
  unreadable: { zh: "无法打开 {file}：{reason}", en: "Cannot open {file}: {reason}" },
  notXlsx: {
    zh: "请选择 Excel 工作簿（.xlsx 文件）",
    en: "choose an Excel workbook (an .xlsx file)",
  },

  internal: {
    zh: "出现意外错误：{detail}。请重试；如仍不行，请把文件交给负责报送的技术支持人员。",
    en: "something unexpected went wrong: {detail}. Try again; if it keeps failing, give the file to the people who support the reporting.",
  },

  downloadsTitle: { zh: "下载", en: "Downloads" },
  annotated: { zh: "下载标注副本", en: "Download the marked copy" },
  annotatedHint: {
    zh: "问题单元格加注批注并着色，另附“校验结果”工作表；原文件不变。",
    en: "Problem cells get a note and a colour, plus a results sheet; the original file is not changed.",
  },
  refreshed: { zh: "下载新版模板副本", en: "Download the copy on the new template" },
  // Says both versions: the clerk compares them with the version on the report's cover and in the notice.
  refreshedHint: {
    zh: "本文件按任务清单 {from} 版填写，本页带有新版 {to}：副本换用新版模板，已填写的内容全部搬入；原文件不变。",
    en: "This file was filled in on guideline version {from}; this page carries the newer {to}: the copy is on the new template, with everything entered moved into it; the original file is not changed.",
  },
  // Said where the refreshed copy would be offered, so no one looks for a button that is not there.
  current: {
    zh: "本文件已是本页所带的最新版任务清单（{version}），无需换用新版模板。",
    en: "This file is on the newest guideline version this page carries ({version}): there is no newer template to move it to.",
  },
  // The page never says 刷新: the clerk asked for a copy, so its summary is named after the copy.
  refreshedSummary: { zh: "新版模板副本说明", en: "About the copy on the new template" },
  preparing: { zh: "正在生成文件…", en: "Making the file…" },
  saved: { zh: "已下载：{file}", en: "Downloaded: {file}" },
  failed: { zh: "无法生成文件：{reason}", en: "Cannot make the file: {reason}" },
  guideline: { zh: "{title} {version}（{state}）", en: "{title} {version} ({state})" },
  newer: { zh: "本页有新版 {version}", en: "version {version} is available here" },
  latest: { zh: "已是最新", en: "up to date" },

  templateTitle: { zh: "生成空白填报模板", en: "Make a blank report template" },
  templateIntro: {
    zh: "供各单位填报：选择省份和本省概况，下载对应的空白模板（.xlsx），可用 Excel、WPS 或 LibreOffice 填写。",
    en: "For a province to fill in: choose it and its profile, then download its blank template (.xlsx), which Excel, WPS or LibreOffice can fill.",
  },
  templateButton: { zh: "下载空白模板", en: "Download the blank template" },
  templateName: { zh: "{unit}-填报模板.xlsx", en: "{unit}-report-template.xlsx" },
  annotatedName: { zh: "{base}-标注.xlsx", en: "{base}-marked.xlsx" },
  refreshedName: { zh: "{base}-新版.xlsx", en: "{base}-new-template.xlsx" },

  problemShown: {
    zh: "（网页中无法跳转到单元格：请在工作簿中找到上面所示位置。）",
    en: "(A page cannot go to the cell: find the place shown above in the workbook.)",
  },
  privacy: {
    zh: "本页不联网：文件不离开本机。",
    en: "This page works offline: files never leave this computer.",
  },
} satisfies Record<string, LocalizedText>;
