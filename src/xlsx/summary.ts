import type ExcelJS from "exceljs";
import { newWorkbook } from "./exceljs";
import { a1 } from "../layout/address";
import type { ResubmissionDiff } from "../round/diff";
import type {
  NationalTargetResult,
  ProvincialTargetTable,
  RoundResult,
  TargetVerdict,
  UnitStatus,
} from "../round/types";
import { SUMMARY_TEXT as T, sheetNameFor, verdictZh } from "./summary-text";

const FONT = "等线";
const thin = { style: "thin" as const, color: { argb: "FFBFBFBF" } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const FILL = {
  header: "FFDDEBF7",
  met: "FFC6EFCE",
  missed: "FFFFC7CE",
  missing: "FFFCE4D6",
  total: "FFF2F2F2",
};

type Value = ExcelJS.CellValue;

/** Where each unit's annotated copy went, relative to the summary workbook, for the issue links. */
export type AnnotatedCopies = Map<string, string>;

function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  widths: number[],
  headers: string[],
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", xSplit: 1, ySplit: 2 }] });
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.mergeCells(1, 1, 1, headers.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: FONT, size: 14, bold: true };
  t.alignment = { vertical: "middle" };
  ws.getRow(1).height = 26;
  headers.forEach((h, i) => {
    const c = ws.getCell(2, i + 1);
    c.value = h;
    c.font = { name: FONT, bold: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL.header } };
    c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    c.border = border;
  });
  ws.getRow(2).height = 32;
  // Prints whole: A4 landscape, one page wide, the header row on every page.
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: "2:2",
  };
  ws.headerFooter = { oddFooter: `&L${name}&R第 &P 页，共 &N 页` };
  return ws;
}

function row(
  ws: ExcelJS.Worksheet,
  r: number,
  values: Value[],
  fill?: string,
  formats: Record<number, string> = {},
): void {
  values.forEach((v, i) => {
    const c = ws.getCell(r, i + 1);
    c.value = v;
    c.font = { name: FONT };
    c.alignment = { wrapText: true, vertical: "top" };
    c.border = border;
    if (fill) c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    const format = formats[i + 1];
    if (format) c.numFmt = format;
  });
}

const n = (x: number | undefined): Value => (x === undefined ? null : x);
const f = (formula: string, result: number | string | undefined): Value =>
  ({ formula, result: result ?? "" }) as ExcelJS.CellFormulaValue;
const verdictFill = (v: TargetVerdict | boolean | undefined) =>
  v === "met" || v === true ? FILL.met : v === "missed" || v === false ? FILL.missed : undefined;

function overview(wb: ExcelJS.Workbook, r: RoundResult): void {
  const ws = sheet(
    wb,
    T.overview,
    `${T.title} · ${T.overview}（${r.specId} ${r.specVersion}）`,
    [6, 16, 9, 26, 10, 9, 26, 11, 9, 7, 7, 7, 7, 7, 11, 24],
    [
      "序号\nNo.",
      "单位\nUnit",
      "报送\nReceived",
      "文件\nFile",
      "规范版本\nSpec",
      "模板版本\nTemplate",
      "概况\nProfile",
      "完成度\nFilled/required",
      "完成率\nCompletion",
      "错误\nErrors",
      "警告\nWarnings",
      "达标\nMet",
      "未达标\nMissed",
      "未填报\nNot reported",
      "审核状态\nReview",
      "其他文件（未计入）\nOther files, not counted",
    ],
  );
  r.units.forEach((u: UnitStatus, i) => {
    const at = 3 + i;
    row(
      ws,
      at,
      [
        i + 1,
        u.name,
        u.received ? "已报送" : "未报送",
        u.file ?? null,
        u.specVersion ?? null,
        u.templateVersion ?? null,
        u.categories.join("、") || null,
        u.completion ? `${u.completion.filled}/${u.completion.required}` : null,
        u.completion ? u.completion.ratio : null,
        u.received ? u.errors : null,
        u.received ? u.warnings : null,
        u.received ? u.targets.met : null,
        u.received ? u.targets.missed : null,
        u.received ? u.targets.notReported : null,
        u.received ? T.review[u.review.state] : null,
        u.superseded.join("\n") || null,
      ],
      u.received ? undefined : FILL.missing,
      { 9: "0.0%" },
    );
    if (u.received && u.errors > 0)
      ws.getCell(at, 10).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL.missed } };
  });
  const last = 2 + r.units.length;
  const total = last + 1;
  const col = (c: number) => a1(3, c).replace(/\d+$/, "");
  row(
    ws,
    total,
    [
      null,
      "合计 Total",
      f(`COUNTIF(${col(3)}3:${col(3)}${last},"已报送")`, r.totals.received),
      null,
      null,
      null,
      null,
      null,
      null,
      f(`SUM(${col(10)}3:${col(10)}${last})`, r.totals.errors),
      f(`SUM(${col(11)}3:${col(11)}${last})`, r.totals.warnings),
      f(
        `SUM(${col(12)}3:${col(12)}${last})`,
        r.units.reduce((s, u) => s + u.targets.met, 0),
      ),
      f(
        `SUM(${col(13)}3:${col(13)}${last})`,
        r.units.reduce((s, u) => s + u.targets.missed, 0),
      ),
      f(
        `SUM(${col(14)}3:${col(14)}${last})`,
        r.units.reduce((s, u) => s + u.targets.notReported, 0),
      ),
      null,
      null,
    ],
    FILL.total,
  );
}

function nationalTargets(wb: ExcelJS.Workbook, r: RoundResult): void {
  const ws = sheet(
    wb,
    T.national,
    `${T.title} · ${T.national}`,
    [20, 30, 14, 14, 13, 8, 13, 13, 12, 22, 14, 9, 36],
    [
      "目标\nTarget",
      "指引原文\nAs worded",
      "全国数如何得出\nHow made",
      "填报主体\nReported by",
      "目标值\nGoal",
      "单位\nUnit",
      "全国基数\nBaseline",
      "全国实际值\nValue",
      "全国数\nNational figure",
      "结论\nVerdict",
      "对照数\nCross-check",
      "报送单位数\nUnits",
      "依据\nBasis",
    ],
  );
  r.nationalTargets.forEach((t: NationalTargetResult, i) => {
    const entered = t.national.figure === "entered";
    const baseline = entered ? t.entered?.baseline : t.sum.baseline;
    const actual = entered ? t.entered?.actual : t.sum.actual;
    const crossCheck = entered
      ? t.sum.units > 0
        ? t.measuredAs === "level"
          ? t.sum.actual
          : t.sum.change
        : undefined
      : t.entered?.actual;
    row(
      ws,
      3 + i,
      [
        t.label.zh,
        t.phrase,
        entered ? "国家局填报" : "各省合计",
        t.national.reporter === "national-office" ? "国家知识产权局" : "各省",
        t.goal.zh,
        t.valueUnit.zh,
        n(baseline),
        n(actual),
        n(t.figure),
        t.verdictText.zh,
        n(crossCheck),
        entered ? null : t.sum.units,
        `${t.national.basis}\n${t.national.note.zh}`,
      ],
      undefined,
      t.measuredAs === "level" ? { 9: "#,##0.##" } : { 9: "0.0%" },
    );
    const fill = verdictFill(t.met);
    if (fill) ws.getCell(3 + i, 10).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  });
  contributions(ws, r, 4 + r.nationalTargets.length);
}

/** Each unit's contribution to every summed national target, with the sums as formulas (results stored). */
function contributions(ws: ExcelJS.Worksheet, r: RoundResult, start: number): void {
  const summed = r.nationalTargets.filter((t) => t.national.figure === "sum-of-units");
  if (summed.length === 0) return;
  ws.getCell(start, 1).value = "各单位贡献（实际值） Contributions by unit";
  ws.getCell(start, 1).font = { name: FONT, bold: true };
  const header = start + 1;
  row(ws, header, ["单位 Unit", ...summed.map((t) => `${t.label.zh}（${t.valueUnit.zh}）`)], FILL.header);
  r.units.forEach((u, i) => {
    row(
      ws,
      header + 1 + i,
      [u.name, ...summed.map((t) => n(t.contributions.find((c) => c.unitId === u.unitId)?.actual))],
      u.received ? undefined : FILL.missing,
    );
  });
  const first = header + 1;
  const last = header + r.units.length;
  row(
    ws,
    last + 1,
    [
      "合计 Sum",
      ...summed.map((t, i) => {
        const c = a1(1, i + 2).replace(/\d+$/, "");
        return f(`SUM(${c}${first}:${c}${last})`, t.sum.actual ?? 0);
      }),
    ],
    FILL.total,
  );
}

function provincialTarget(
  wb: ExcelJS.Workbook,
  r: RoundResult,
  t: ProvincialTargetTable,
  used: Set<string>,
): void {
  const name = sheetNameFor(t.label.zh, used);
  const change = t.measuredAs !== "level";
  const ws = sheet(
    wb,
    name,
    `${t.label.zh}（目标 ${t.goal.zh}）：${t.phrase}`,
    [16, 10, 14, 14, 12, 12, 10],
    [
      "单位\nUnit",
      "报送\nReceived",
      "2018年基数\nBaseline",
      "2019年实际值\nValue",
      change ? "增长率\nChange" : "—",
      "结论\nVerdict",
      "本省必报\nRequired",
    ],
  );
  t.rows.forEach((row_, i) => {
    const at = 3 + i;
    const unit = r.units.find((u) => u.unitId === row_.unitId);
    const C = `C${at}`;
    const D = `D${at}`;
    const formula = t.measuredAs === "growth" ? `(${D}-${C})/${C}` : `(${C}-${D})/${C}`;
    row(
      ws,
      at,
      [
        unit?.name ?? row_.unitId,
        row_.received ? "已报送" : "未报送",
        n(row_.baseline),
        n(row_.actual),
        change ? f(`IF(AND(ISNUMBER(${C}),ISNUMBER(${D})),IF(${C}>0,${formula},""),"")`, row_.change) : null,
        verdictZh(row_.verdict),
        row_.required ? "是" : "否",
      ],
      row_.received ? undefined : FILL.missing,
      { 5: "0.0%" },
    );
    const fill = verdictFill(row_.verdict);
    if (fill) ws.getCell(at, 6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  });
  const first = 3;
  const last = 2 + t.rows.length;
  const both = `ISNUMBER(C${first}:C${last})*ISNUMBER(D${first}:D${last})`;
  const agg = last + 1;
  const a = t.aggregate;
  const aggregateFormula =
    t.measuredAs === "growth" ? `(D${agg}-C${agg})/C${agg}` : `(C${agg}-D${agg})/C${agg}`;
  row(
    ws,
    agg,
    change
      ? [
          "全国合计 National",
          `${a.units} 个单位`,
          f(`SUMPRODUCT(${both},C${first}:C${last})`, a.baseline ?? 0),
          f(`SUMPRODUCT(${both},D${first}:D${last})`, a.actual ?? 0),
          f(`IF(C${agg}>0,${aggregateFormula},"")`, a.change),
          a.met === undefined ? "暂无数据" : a.met ? "达标" : "未达标",
          "合计之比",
        ]
      : ["全国 National", `达标 ${t.met} · 未达标 ${t.missed}`, null, null, null, "按省评判", null],
    FILL.total,
    { 5: "0.0%" },
  );
  if (change && t.meanOfUnitChanges !== undefined) {
    row(
      ws,
      agg + 1,
      ["各省增长率平均（仅供对照，不是全国数）", null, null, null, t.meanOfUnitChanges, null, null],
      undefined,
      { 5: "0.0%" },
    );
  }
}

function issues(wb: ExcelJS.Workbook, r: RoundResult, copies: AnnotatedCopies): void {
  const ws = sheet(
    wb,
    T.issues,
    `${T.title} · ${T.issues}`,
    [12, 9, 8, 16, 22, 50, 40],
    [
      "单位\nUnit",
      "严重程度\nSeverity",
      "代码\nCode",
      "位置（标注副本）\nWhere",
      "填报项\nField",
      "问题\nIssue",
      "指引原文\nThe guideline's words",
    ],
  );
  let at = 3;
  const names = new Map(r.units.map((u) => [u.unitId, u.name]));
  for (const i of r.issues) {
    const where = i.sheetName && i.cell ? `${i.sheetName}!${i.cell}` : "—";
    const copy = copies.get(i.file);
    const link: Value =
      copy && i.sheetName && i.cell
        ? { text: where, hyperlink: `${copy}#'${i.sheetName.replace(/'/g, "''")}'!${i.cell}` }
        : where;
    row(
      ws,
      at,
      [
        names.get(i.unitId) ?? i.unitId,
        T.severity[i.severity],
        i.code,
        link,
        i.fieldId ?? null,
        i.message.zh,
        i.guideline ?? null,
      ],
      i.severity === "error" ? undefined : undefined,
    );
    if (typeof link === "object")
      ws.getCell(at, 4).font = { name: FONT, color: { argb: "FF0563C1" }, underline: true };
    at++;
  }
  // The round's own problems: missing units, files not counted, files that are not reports.
  at++;
  ws.getCell(at, 1).value = "报送问题 Problems of the round";
  ws.getCell(at, 1).font = { name: FONT, bold: true };
  at++;
  row(
    ws,
    at++,
    ["单位 Unit", "严重程度", "类别 Kind", "文件 File", "填报项 Field", "说明 Message", null],
    FILL.header,
  );
  for (const p of r.problems) {
    row(ws, at++, [
      p.unitId ? (names.get(p.unitId) ?? p.unitId) : null,
      T.severity[p.severity],
      T.problem[p.kind],
      p.file ?? null,
      p.fieldId ?? null,
      p.message.zh,
      null,
    ]);
  }
}

function resubmissionSheet(wb: ExcelJS.Workbook, r: RoundResult, diffs: ResubmissionDiff[]): void {
  const ws = sheet(
    wb,
    T.resubmissions,
    `${T.title} · ${T.resubmissions}`,
    [14, 10, 30, 26, 26, 50],
    ["单位\nUnit", "变化\nChange", "填报项\nField", "原值\nBefore", "新值\nAfter", "说明\nMessage"],
  );
  const names = new Map(r.units.map((u) => [u.unitId, u.name]));
  let at = 3;
  for (const d of diffs) {
    const unit = names.get(d.unitId) ?? d.unitId;
    for (const c of d.changed) row(ws, at++, [unit, "改动", c.fieldId, c.before, c.after, null]);
    for (const i of d.fixed)
      row(ws, at++, [unit, "已改正", i.fieldId ?? null, null, null, i.message.zh], FILL.met);
    for (const i of d.added)
      row(ws, at++, [unit, "新问题", i.fieldId ?? null, null, null, i.message.zh], FILL.missed);
  }
}

/** The round's summary workbook: 总览, 全国目标, a sheet per provincial target, 问题清单 (and 重报变化). */
export function summaryWorkbook(
  r: RoundResult,
  copies: AnnotatedCopies,
  diffs: ResubmissionDiff[] = [],
): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.creator = "ip-report";
  wb.title = `${T.title} ${r.specId} ${r.specVersion}`;
  wb.created = new Date(0);
  wb.modified = new Date(0);
  overview(wb, r);
  nationalTargets(wb, r);
  const used = new Set<string>([T.overview, T.national, T.issues]);
  for (const t of r.provincialTargets) provincialTarget(wb, r, t, used);
  issues(wb, r, copies);
  if (diffs.length > 0) resubmissionSheet(wb, r, diffs);
  wb.views = [
    { x: 0, y: 0, width: 28800, height: 17000, firstSheet: 0, activeTab: 0, visibility: "visible" },
  ];
  return wb;
}
