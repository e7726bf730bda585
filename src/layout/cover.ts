import type { ReportingUnit, Spec } from "../spec/schema";
import { OBLIGATION_LABEL, obligationOf } from "./obligation";
import { SheetDraft } from "./sheet";
import { PALETTE } from "./styles";
import type { Obligation, Profile } from "./types";
import { SHEET_NAMES, TEMPLATE_VERSION, excelSerial } from "./vocabulary";

const INSTRUCTIONS = [
  "1. 只有浅黄色单元格可以填写（必填而尚未填写的显示为浅橙色，填写后恢复浅黄色），其余单元格已锁定（工作表保护未设密码，如需调整版式可撤销保护）。",
  "2. 选中单元格即可看到填报提示和指引原文要求；“任务清单”“工作指引”最右侧的折叠列（点击列标上方的“+”展开）收录完整原文。",
  "3. “本省要求”按本省概况自动判定：必做任务须填写状态和工作进展；选做任务在“已完成”或“推进中”时须填写进展；不适用的任务请留空。",
  "4. 状态为“已完成”的任务须注明佐证材料；所有数字须注明数据来源（数出有据）。",
  "5. “主要目标”表会根据2018年基数和2019年实际值自动计算增长率并判断是否达标；全国性目标只计入全国汇总，不逐省评判。",
  "6. 请勿改动隐藏工作表、定义名称和表格结构：校验与模板刷新依靠它们找到每一个填报项。",
];

const LEGEND: {
  style:
    | "legendInput"
    | "legendMissing"
    | "legendMissed"
    | "legendMet"
    | "legendError"
    | "legendWarning"
    | "legendNotApplicable";
  text: string;
}[] = [
  { style: "legendInput", text: "浅黄色：待填写的单元格（可编辑）" },
  { style: "legendMissing", text: "浅橙色：必填但尚未填写（模板自带，Excel、WPS、LibreOffice 均显示）" },
  { style: "legendMissed", text: "未达到指引目标值（模板自带）" },
  { style: "legendMet", text: "已达到指引目标值（模板自带）" },
  { style: "legendNotApplicable", text: "本省不适用的任务，应留空" },
  {
    style: "legendError",
    text: "校验发现的错误（由加载项或 ip-report validate --annotate 标注，批注中有说明）",
  },
  { style: "legendWarning", text: "校验发现的警告（同上）" },
];

export function buildCover(spec: Spec, unit: ReportingUnit, profile: Profile): SheetDraft {
  const sheet = new SheetDraft("cover", SHEET_NAMES.cover, [22, 46, 22, 30]);
  sheet.layout.tabColor = PALETTE.header;
  sheet.band(1, 1, 4, `${spec.title.zh}落实情况报告`, "title", 32);
  sheet.band(
    2,
    1,
    4,
    `依据：${spec.issuer.zh}《${spec.title.zh}》《${spec.guidelineTitle}》`,
    "subtitle",
    18,
  );

  let row = 4;
  sheet.band(row++, 1, 4, "基本信息 Basic information", "header");
  const label = (text: string) => {
    sheet.put(row, 1, text, "label");
  };
  label("报送单位 Reporting unit");
  sheet.input(
    row,
    2,
    {
      id: "cover.province",
      label: { zh: "报送单位", en: "Reporting unit" },
      type: "enum",
      allowed: spec.units.map((u) => u.name),
      required: { kind: "always" },
      prefilled: true,
    },
    "computed",
    { value: unit.name },
  );
  sheet.merge(row, 2, row, 4);
  row++;

  label("省份概况 Profile");
  const byId = new Map(spec.categories.map((c) => [c.id, c]));
  const profileText = profile.categories.length
    ? profile.categories.map((c) => byId.get(c)?.label.zh ?? c).join("；")
    : "（未勾选任何类别：只适用各省份必做任务）";
  sheet.band(row, 2, 4, profileText, "text");
  sheet.layout.rowHeights[row] = 30;
  row++;

  const text = (id: string, zh: string, en: string, format?: "phone") => {
    label(`${zh} ${en}`);
    sheet.input(
      row,
      2,
      { id, label: { zh, en }, type: "text", required: { kind: "always" }, format },
      "input",
    );
    sheet.merge(row, 2, row, 4);
    row++;
  };
  text("cover.department", "填报处室", "Department");
  text("cover.contact", "联系人", "Contact person");
  text("cover.phone", "联系电话", "Phone", "phone");
  label("数据截止日期 Data as of");
  sheet.input(
    row,
    2,
    {
      id: "cover.period",
      label: { zh: "数据截止日期", en: "Data as of" },
      type: "date",
      required: { kind: "always" },
      min: excelSerial(spec.year, 1, 1),
      max: excelSerial(spec.year, 12, 31),
    },
    "inputDate",
    { prompt: `${spec.year}年内的日期，例如 ${spec.year}-12-31。` },
  );
  sheet.merge(row, 2, row, 4);
  row += 2;

  sheet.band(row++, 1, 4, "本省任务要求 Obligations for this province", "header");
  const counts: Record<Obligation, number[]> = {
    required: [],
    optional: [],
    "not-applicable": [],
    "national-only": [],
  };
  for (const task of spec.tasks) counts[obligationOf(task, profile)].push(task.number);
  for (const ob of ["required", "optional", "not-applicable", "national-only"] as const) {
    sheet.put(row, 1, `${OBLIGATION_LABEL[ob].zh} ${OBLIGATION_LABEL[ob].en}`, "label");
    const list = counts[ob];
    sheet.band(row, 2, 4, list.length ? `${list.length} 项：任务 ${list.join("、")}` : "无", "text");
    row++;
  }
  row++;

  sheet.band(row++, 1, 4, "填报说明 Instructions", "header");
  for (const line of INSTRUCTIONS) sheet.band(row++, 1, 4, line, "note", 30);
  row++;

  sheet.band(row++, 1, 4, "颜色图例 Colour legend", "header");
  for (const item of LEGEND) {
    sheet.put(row, 1, "", item.style);
    sheet.band(row, 2, 4, item.text, "text");
    row++;
  }
  row++;
  sheet.band(
    row,
    1,
    4,
    `规范 ${spec.specId} ${spec.specVersion} · 模板版本 ${TEMPLATE_VERSION} · ${unit.name}（${unit.code}）`,
    "subtitle",
  );
  sheet.layout.print = { landscape: false };
  return sheet;
}
