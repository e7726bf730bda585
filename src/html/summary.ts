import type { RoundResult, TargetVerdict } from "../round/types";
import { countBars, percentBars } from "./charts";
import { esc, STRICT_CSP } from "./escape";

const KIND_ZH: Record<string, string> = {
  "missing-value": "漏填",
  "type-error": "类型错误",
  "constraint-error": "取值超限",
  "target-missed": "目标未达",
  inconsistent: "前后不一致",
  "missing-source": "缺数据来源",
  "not-applicable-filled": "不适用却填写",
  "structure-error": "结构损坏",
};
const VERDICT: Record<TargetVerdict, [string, string]> = {
  met: ["达标", "met"],
  missed: ["未达标", "missed"],
  "not-reported": ["—", "none"],
};
const REVIEW = { "not-reviewed": "未审核", passed: "通过", returned: "退回修改" } as const;
const pct = (x: number | undefined) => (x === undefined ? "—" : `${(x * 100).toFixed(1)}%`);

function figure(svg: string, caption: string): string {
  return `<figure><div role="img" aria-label="${esc(caption)}">${svg}</div><figcaption>${esc(caption)}</figcaption></figure>`;
}

function statusBoard(r: RoundResult): string {
  const rows = r.units
    .map(
      (u) =>
        `<tr class="${u.received ? "" : "missing"}"><th scope="row">${esc(u.short)}</th><td>${u.received ? "已报送" : "未报送"}</td><td>${esc(u.specVersion ?? "—")}</td><td>${u.completion ? `${pct(u.completion.ratio)}（${u.completion.filled}/${u.completion.required}）` : "—"}</td><td class="${u.errors > 0 ? "missed" : ""}">${u.received ? u.errors : "—"}</td><td>${u.received ? u.warnings : "—"}</td><td>${u.received ? `${u.targets.met} / ${u.targets.missed} / ${u.targets.notReported}` : "—"}</td><td>${u.received ? REVIEW[u.review.state] : "—"}</td></tr>`,
    )
    .join("\n");
  return `<section><h2>报送情况 Status board</h2>
<p>应报 ${r.totals.units} 个单位，已报送 ${r.totals.received} 个，未报送 ${r.totals.missing} 个；有错误的 ${r.totals.withErrors} 个（错误 ${r.totals.errors} 项，警告 ${r.totals.warnings} 项）。</p>
<table><thead><tr><th scope="col">单位</th><th scope="col">报送</th><th scope="col">版本</th><th scope="col">完成率</th><th scope="col">错误</th><th scope="col">警告</th><th scope="col">省级目标 达标/未达标/未填报</th><th scope="col">审核</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

function nationalTargets(r: RoundResult): string {
  const rows = r.nationalTargets
    .map(
      (t) =>
        `<tr><th scope="row">${esc(t.label.zh)}</th><td>${t.national.figure === "entered" ? "国家局填报" : "各省合计"}</td><td>${esc(t.goal.zh)}</td><td class="${t.met === undefined ? "" : t.met ? "met" : "missed"}">${esc(t.verdictText.zh)}</td><td class="basis">${esc(t.phrase)}</td></tr>`,
    )
    .join("\n");
  // Progress toward each goal: figure / goal (for a ≤ goal, goal / figure), capped for the chart at 150%.
  const progress = r.nationalTargets.map((t) => {
    if (t.figure === undefined || t.figure <= 0) return null;
    const ratio = t.comparator === "<=" ? t.goalValue / t.figure : t.figure / t.goalValue;
    return Math.min(Math.max(ratio, 0), 1.5);
  });
  const colors = r.nationalTargets.map((t) => (t.met ? "#2e7d32" : t.met === false ? "#c62828" : "#9e9e9e"));
  const chart = percentBars(
    r.nationalTargets.map((t) => t.label.zh),
    progress,
    680,
    colors,
  );
  return `<section><h2>全国目标 National targets</h2>
${figure(chart, "全国数相对目标的完成程度（100% 为目标；绿色达标，红色未达标，灰色无数据）")}
<table><thead><tr><th scope="col">目标</th><th scope="col">全国数</th><th scope="col">目标值</th><th scope="col">结论</th><th scope="col">指引原文</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function attainmentGrid(r: RoundResult): string {
  const head = r.provincialTargets
    .map((t) => `<th scope="col">${esc(t.label.zh)}<br><span class="goal">${esc(t.goal.zh)}</span></th>`)
    .join("");
  const rows = r.units
    .map((u) => {
      const cells = r.provincialTargets
        .map((t) => {
          const row = t.rows.find((x) => x.unitId === u.unitId);
          const [zh, cls] = VERDICT[row?.verdict ?? "not-reported"];
          const change =
            row?.change === undefined ? "" : ` ${t.measuredAs === "level" ? row.change : pct(row.change)}`;
          return `<td class="${cls}">${zh}${esc(change)}</td>`;
        })
        .join("");
      return `<tr><th scope="row">${esc(u.short)}</th>${cells}</tr>`;
    })
    .join("\n");
  const national = r.provincialTargets
    .map(
      (t) =>
        `<td class="${t.aggregate.met === undefined ? "" : t.aggregate.met ? "met" : "missed"}">${t.aggregate.change === undefined ? `达标 ${t.met}` : `${pct(t.aggregate.change)}（合计之比）`}</td>`,
    )
    .join("");
  return `<section class="page"><h2>单位 × 省级目标 达成情况 Attainment grid</h2>
<table class="grid"><thead><tr><th scope="col">单位</th>${head}</tr></thead><tbody>${rows}
<tr class="total"><th scope="row">全国</th>${national}</tr></tbody></table>
<p class="note">全国增长按各单位基数之和与实际值之和计算（合计之比），不是各单位增长率的平均。</p></section>`;
}

function completionRanking(r: RoundResult): string {
  const ranked = r.units
    .filter((u) => u.completion)
    .sort((a, b) => (b.completion?.ratio ?? 0) - (a.completion?.ratio ?? 0));
  if (ranked.length === 0) return "";
  const chart = percentBars(
    ranked.map((u) => u.short),
    ranked.map((u) => u.completion?.ratio ?? 0),
    680,
    ranked.map((u) => (u.errors > 0 ? "#ef6c00" : "#2e7d32")),
  );
  return `<section class="page"><h2>完成率排名 Completion ranking</h2>${figure(chart, "已报送单位的必填项完成率，由高到低（橙色为有错误的单位）")}</section>`;
}

function issuesByKind(r: RoundResult): string {
  const counts = new Map<string, number>();
  for (const i of r.issues) counts.set(i.kind, (counts.get(i.kind) ?? 0) + 1);
  const kinds = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const chart =
    kinds.length > 0
      ? figure(
          countBars(
            kinds.map(([k]) => KIND_ZH[k] ?? k),
            kinds.map(([, n]) => n),
            680,
            260,
          ),
          "各类问题的数量",
        )
      : "<p>各单位均未发现问题。</p>";
  const problems = r.problems
    .filter((p) => p.kind !== "missing-unit")
    .map((p) => `<li>${esc(p.file ? `${p.file.split(/[\\/]/).pop()}：` : "")}${esc(p.message.zh)}</li>`)
    .join("\n");
  return `<section><h2>问题分类 Issues by kind</h2>${chart}
<table><thead><tr><th scope="col">类别</th><th scope="col">数量</th></tr></thead><tbody>${kinds.map(([k, n]) => `<tr><th scope="row">${esc(KIND_ZH[k] ?? k)}（${esc(k)}）</th><td>${n}</td></tr>`).join("")}</tbody></table>
<h3>报送问题</h3><ul>${problems || "<li>无</li>"}</ul></section>`;
}

/** The round as one self-contained page: no script, nothing fetched, charts inline as SVG, printable on A4. */
export function summaryHtml(r: RoundResult): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>全国汇总 · ${esc(r.specId)} ${esc(r.specVersion)}</title>
<style>
@page { size: A4 portrait; margin: 12mm; }
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; color: #1a1a1a; max-width: 190mm; margin: 0 auto; padding: 8px; font-size: 10.5pt; }
h1 { font-size: 17pt; margin: 0 0 4px; }
h2 { font-size: 13pt; border-bottom: 2px solid #1f4e79; padding-bottom: 2px; margin-top: 18px; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 6px 0; }
th, td { border: 1px solid #999; padding: 2px 4px; text-align: left; vertical-align: top; }
thead th { background: #dde8f3; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.grid td { text-align: center; white-space: nowrap; }
.met { background: #d7f0db; }
.missed { background: #fbd5d5; }
.missing { background: #fde9d9; }
.total { font-weight: bold; background: #f2f2f2; }
.goal { font-weight: normal; font-size: 8pt; }
.basis { font-size: 8pt; color: #333; }
.note { font-size: 9pt; color: #333; }
figure { margin: 6px 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 9pt; color: #333; }
.page { break-before: page; }
@media print { body { max-width: none; } }
</style>
</head>
<body>
<header><h1>知识产权高质量发展任务清单 · 全国汇总</h1>
<p>${esc(r.specId)} ${esc(r.specVersion)}${r.comparison.versions.length > 1 ? `（本轮含 ${esc(r.comparison.versions.join("、"))} 版文件，按共有的填报项比较）` : ""}</p></header>
<main>
${statusBoard(r)}
${nationalTargets(r)}
${attainmentGrid(r)}
${completionRanking(r)}
${issuesByKind(r)}
</main>
</body>
</html>
`;
}
