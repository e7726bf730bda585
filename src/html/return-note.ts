import type { ReturnNote } from "../round/review";
import { esc, STRICT_CSP } from "./escape";

/**
 * A return note as one printable A4 page (HTML, self-contained, no script): what to correct, where,
 * why in the guideline's words, and the reviewer's comments. `date` is the caller's: the core keeps no clock.
 */
export function returnNoteHtml(note: ReturnNote, date: string): string {
  const rows = note.items
    .map(
      (item, i) => `<tr>
<td class="n">${i + 1}</td>
<td>${esc(item.where ?? "—")}${item.field ? `<div class="id">${esc(item.field)}</div>` : ""}</td>
<td>${esc(item.what)}</td>
<td class="why">${esc(item.why ?? "")}</td>
<td>${esc(item.comment ?? "")}</td>
</tr>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">
<title>退回修改通知 · ${esc(note.unitName)}</title>
<style>
@page { size: A4 portrait; margin: 18mm 15mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 11pt; color: #000; margin: 0 auto; max-width: 180mm; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 6mm; }
p { line-height: 1.6; margin: 2mm 0; }
table { width: 100%; border-collapse: collapse; margin-top: 4mm; font-size: 9.5pt; }
th, td { border: 1px solid #444; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
th { background: #eee; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.n { width: 7mm; text-align: center; }
td.why { font-size: 8.5pt; color: #333; }
.id { font-family: monospace; font-size: 8pt; color: #555; }
.sign { margin-top: 10mm; text-align: right; }
</style>
</head>
<body>
<main>
<h1>退回修改通知</h1>
<p>${esc(note.unitName)}知识产权局：</p>
<p>你单位报送的《推动知识产权高质量发展任务清单》填报工作簿（${esc(note.file.split(/[\\/]/).pop())}，规范版本 ${esc(note.specVersion)}）经审核，有以下 ${note.items.length} 处需要修改。请按“位置”找到单元格（标注副本中已用颜色和批注标出），按指引原文和审核意见修改后重新报送。</p>
<table>
<thead><tr><th>序号</th><th>位置（工作表!单元格）</th><th>需修改的内容</th><th>依据（指引原文）</th><th>审核意见</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<p class="sign">国家知识产权局<br>${esc(date)}</p>
</main>
</body>
</html>
`;
}
