import type { LocalizedText, ReportingUnit, Spec } from "../spec/schema";
import { OBLIGATION_LABEL, obligationOf } from "./obligation";
import { SheetDraft } from "./sheet";
import { PALETTE } from "./styles";
import type { Obligation, Profile, StyleKey } from "./types";
import { periodSerials, sheetNamesIn, TEMPLATE_VERSION, type WorkbookLanguage } from "./vocabulary";
import { fieldId, type CoverPart } from "./field-ids";

type Words = LocalizedText;

/** What a clerk reads on the cover: in the workbook's one language, with no command-line words in it. */
function instructions(spec: Spec): Words[] {
  return [
    {
      zh: "1. 只有浅黄色单元格可以填写（必填而尚未填写的显示为浅橙色，填写后恢复浅黄色），其余单元格已锁定（工作表保护未设密码，如需调整版式可撤销保护）。",
      en: "1. Only the pale-yellow cells take input (a required one still empty shows pale orange until it is filled); the others are locked (sheet protection has no password: unprotect the sheet to change the layout).",
    },
    {
      zh: "2. 选中单元格即可看到填报提示和指引原文要求；“任务清单”“工作指引”最右侧的折叠列（点击列标上方的“+”展开）收录完整原文。",
      en: "2. Select a cell to see what to enter and what the guideline asks; the collapsed column at the right of Tasks and Guideline (click the “+” above the column letters) holds the full text.",
    },
    {
      zh: "3. “本省要求”按本省概况自动判定：必做任务须填写状态和工作进展；选做任务在“已完成”或“推进中”时须填写进展；不适用的任务请留空。",
      en: "3. “For this province” follows from the province's profile: a required task needs a status and its progress; an optional task needs its progress once Done or In progress; leave tasks that do not apply empty.",
    },
    {
      zh: "4. 状态为“已完成”的任务须注明佐证材料；所有数字须注明数据来源（数出有据）。",
      en: "4. A task marked Done needs its evidence; every figure needs its data source.",
    },
    {
      zh: `5. “主要目标”表会根据${spec.baselineYear}年基数和${spec.year}年实际值自动计算增长率并判断是否达标；全国性目标只计入全国汇总，不逐省评判。`,
      en: `5. The Targets sheet computes the growth from the ${spec.baselineYear} baseline to the ${spec.year} value and whether each goal is met; national goals count only towards the national total and are not judged per province.`,
    },
    {
      zh: "6. 请勿改动隐藏工作表、定义名称和表格结构：校验与模板刷新依靠它们找到每一个填报项。",
      en: "6. Do not change the hidden sheets, the defined names or the structure of the tables: checking and updating the workbook find every entry through them.",
    },
  ];
}

/** An English workbook quotes the guideline verbatim, so it says why some text is in Chinese. */
const QUOTATION_NOTE =
  "7. Text in Chinese is the guideline's own wording, quoted verbatim (each task's province line, the guideline's text, each goal as worded, department names and section headings); it stays in Chinese.";

const LEGEND: { style: StyleKey; text: Words }[] = [
  { style: "legendInput", text: { zh: "浅黄色：待填写的单元格", en: "Pale yellow: a cell to fill in" } },
  {
    style: "legendMissing",
    text: {
      zh: "浅橙色：必填但尚未填写，请补填",
      en: "Pale orange: required but still empty, please fill it in",
    },
  },
  { style: "legendMissed", text: { zh: "未达到指引目标值", en: "Below the guideline's goal" } },
  { style: "legendMet", text: { zh: "已达到指引目标值", en: "The guideline's goal is met" } },
  {
    style: "legendNotApplicable",
    text: {
      zh: "本省不适用的任务，请留空",
      en: "A task that does not apply to this province: leave it empty",
    },
  },
  {
    style: "legendError",
    text: {
      zh: "校验发现的错误：请按单元格批注中的说明改正",
      en: "An error found by the check: correct it as the cell's note says",
    },
  },
  {
    style: "legendWarning",
    text: {
      zh: "校验发现的警告：请核对，确属实情可保留",
      en: "A warning from the check: verify it; keep the entry if it is true",
    },
  },
];

const HEADINGS = {
  basic: { zh: "基本信息", en: "Basic information" },
  obligations: { zh: "本省任务要求", en: "Obligations for this province" },
  instructions: { zh: "填报说明", en: "Instructions" },
  legend: { zh: "颜色图例", en: "Colour legend" },
  unit: { zh: "报送单位", en: "Reporting unit" },
  profile: { zh: "省份概况", en: "Profile" },
  noCategory: {
    zh: "（未勾选任何类别：只适用各省份必做任务）",
    en: "(no category ticked: only the tasks every province must do apply)",
  },
  period: { zh: "数据截止日期", en: "Data as of" },
  none: { zh: "无", en: "none" },
} satisfies Record<string, Words>;

export function buildCover(
  spec: Spec,
  unit: ReportingUnit,
  profile: Profile,
  lang: WorkbookLanguage,
): SheetDraft {
  const say = (text: Words) => text[lang];
  const sheet = new SheetDraft("cover", sheetNamesIn(lang).cover, [22, 46, 22, 30]);
  sheet.layout.tabColor = PALETTE.header;
  sheet.band(
    1,
    1,
    4,
    say({ zh: `${spec.title.zh}落实情况报告`, en: `${spec.title.en}: implementation report` }),
    "title",
    32,
  );
  sheet.band(
    2,
    1,
    4,
    say({
      zh: `依据：${spec.issuer.zh}《${spec.title.zh}》《${spec.guidelineTitle}》`,
      en: `Basis: ${spec.issuer.en}, “${spec.title.en}” and “${spec.guidelineTitleEn}”`,
    }),
    "subtitle",
    18,
  );

  let row = 4;
  sheet.band(row++, 1, 4, say(HEADINGS.basic), "header");
  const label = (text: Words) => {
    sheet.put(row, 1, say(text), "label");
  };
  label(HEADINGS.unit);
  sheet.input(
    row,
    2,
    {
      id: fieldId.cover("province"),
      role: "cover",
      label: HEADINGS.unit,
      type: "enum",
      allowed: spec.units.map((u) => u.name),
      required: { kind: "always" },
      prefilled: true,
    },
    "computed",
    { value: lang === "en" ? unit.en : unit.name },
  );
  sheet.merge(row, 2, row, 4);
  row++;

  label(HEADINGS.profile);
  const byId = new Map(spec.categories.map((c) => [c.id, c]));
  const profileText = profile.categories.length
    ? profile.categories.map((c) => byId.get(c)?.label[lang] ?? c).join(lang === "en" ? "; " : "；")
    : say(HEADINGS.noCategory);
  sheet.band(row, 2, 4, profileText, "text");
  sheet.layout.rowHeights[row] = 30;
  row++;

  const text = (part: CoverPart, words: Words, format?: "phone") => {
    label(words);
    sheet.input(
      row,
      2,
      {
        id: fieldId.cover(part),
        role: "cover",
        label: words,
        type: "text",
        required: { kind: "always" },
        format,
      },
      "input",
    );
    sheet.merge(row, 2, row, 4);
    row++;
  };
  text("department", { zh: "填报处室", en: "Department" });
  text("contact", { zh: "联系人", en: "Contact person" });
  text("phone", { zh: "联系电话", en: "Phone" }, "phone");
  label(HEADINGS.period);
  const { start, end } = spec.period;
  sheet.input(
    row,
    2,
    {
      id: fieldId.cover("period"),
      role: "cover",
      label: HEADINGS.period,
      type: "date",
      required: { kind: "always" },
      ...periodSerials(spec.period),
    },
    "inputDate",
    {
      prompt: say({
        zh: `报告期内的日期（${start} 至 ${end}），例如 ${end}。`,
        en: `A date within the reporting period (${start} to ${end}), e.g. ${end}.`,
      }),
    },
  );
  sheet.merge(row, 2, row, 4);
  row += 2;

  sheet.band(row++, 1, 4, say(HEADINGS.obligations), "header");
  const counts: Record<Obligation, number[]> = {
    required: [],
    optional: [],
    "not-applicable": [],
    "national-only": [],
  };
  for (const task of spec.tasks) counts[obligationOf(task, profile)].push(task.number);
  for (const ob of ["required", "optional", "not-applicable", "national-only"] as const) {
    sheet.put(row, 1, say(OBLIGATION_LABEL[ob]), "label");
    const list = counts[ob];
    const listed = say({
      zh: `${list.length} 项：任务 ${list.join("、")}`,
      en: `${list.length} task${list.length === 1 ? "" : "s"}: ${list.join(", ")}`,
    });
    sheet.band(row, 2, 4, list.length ? listed : say(HEADINGS.none), "text");
    row++;
  }
  row++;

  sheet.band(row++, 1, 4, say(HEADINGS.instructions), "header");
  const lines = instructions(spec).map(say);
  if (lang === "en") lines.push(QUOTATION_NOTE);
  for (const line of lines) sheet.band(row++, 1, 4, line, "note", 30);
  row++;

  sheet.band(row++, 1, 4, say(HEADINGS.legend), "header");
  for (const item of LEGEND) {
    sheet.put(row, 1, "", item.style);
    sheet.band(row, 2, 4, say(item.text), "text");
    row++;
  }
  row++;
  sheet.band(
    row,
    1,
    4,
    say({
      zh: `规范 ${spec.specId} ${spec.specVersion} · 模板版本 ${TEMPLATE_VERSION} · ${unit.name}（${unit.code}）`,
      en: `Spec ${spec.specId} ${spec.specVersion} · template ${TEMPLATE_VERSION} · ${unit.en} (${unit.code})`,
    }),
    "subtitle",
  );
  sheet.layout.print = { landscape: false };
  return sheet;
}
