import { pick } from "../../i18n";
import { diffSubmissions, type ResubmissionDiff } from "../../round";
import { quoteValue } from "../../rules/values";
import { bundledSpecs } from "../../spec";
import { ReportFileError } from "../../xlsx/errors";
import { readRoundFile } from "../../xlsx/round-file";
import { say, UsageError, type CommandContext } from "../output";
import { defineCommand } from "../command";

async function submissionOf(file: string) {
  const read = await readRoundFile(file, bundledSpecs());
  if (read.kind === "unreadable") throw new ReportFileError("not-a-report", read.unreadable.message, file);
  if (read.kind !== "unit")
    throw new ReportFileError(
      "not-a-report",
      {
        zh: "这是国家局填报工作簿，不是单位报告",
        en: "this is the national office's input, not a unit's report",
      },
      file,
    );
  return read.submission;
}

export function printDiff(ctx: CommandContext, d: ResubmissionDiff, indent = ""): void {
  say(ctx, {
    zh: `${indent}${d.oldFile} → ${d.newFile}：改动 ${d.changed.length} 项，已改正问题 ${d.fixed.length} 个，新问题 ${d.added.length} 个，仍存在 ${d.remaining} 个`,
    en: `${indent}${d.oldFile} → ${d.newFile}: ${d.changed.length} changed, ${d.fixed.length} issues fixed, ${d.added.length} new, ${d.remaining} remaining`,
  });
  for (const c of d.changed)
    ctx.console.out(`${indent}  ~ ${c.fieldId}: ${quoteValue(c.before)} → ${quoteValue(c.after)}`);
  for (const i of d.fixed)
    ctx.console.out(`${indent}  ✓ ${i.code} ${i.fieldId ?? ""} ${pick(i.message, ctx.lang)}`);
  for (const i of d.added)
    ctx.console.out(`${indent}  + ${i.code} ${i.fieldId ?? ""} ${pick(i.message, ctx.lang)}`);
}

/** `ip-report diff OLD.xlsx NEW.xlsx`: what a resubmission changed, by field id. Exit 1 if the new file has errors. */
export async function diffCommand(
  ctx: CommandContext,
  options: { files: string[]; json?: boolean },
): Promise<number> {
  if (options.files.length !== 2)
    throw new UsageError({ zh: "请指定两个文件：旧文件 新文件", en: "name two files: OLD.xlsx NEW.xlsx" });
  const before = await submissionOf(options.files[0]);
  const after = await submissionOf(options.files[1]);
  if (before.unitId !== after.unitId) {
    throw new UsageError({
      zh: `两个文件属于不同单位（${before.unitId}、${after.unitId}）`,
      en: `the files are of different units (${before.unitId}, ${after.unitId})`,
    });
  }
  const d = diffSubmissions(before, after);
  if (options.json) ctx.console.out(JSON.stringify(d, null, 2));
  else printDiff(ctx, d);
  return after.issues.some((i) => i.severity === "error") ? 1 : 0;
}

export const diff = defineCommand({
  name: "diff",
  usage: { zh: "diff 旧文件.xlsx 新文件.xlsx [--json]", en: "diff OLD.xlsx NEW.xlsx [--json]" },
  summary: {
    zh: "按字段编号列出重报前后的变化：改动的值和状态、已改正的问题、新出现的问题",
    en: "lists by field id what a resubmission changed: values and statuses, issues fixed, new issues",
  },
  options: { json: { type: "boolean" } },
  run: (ctx, v, positionals) => diffCommand(ctx, { files: positionals, json: v.json }),
});
