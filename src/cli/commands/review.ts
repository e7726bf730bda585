import { readFile } from "node:fs/promises";
import { reviewItemsOf } from "../../round/review";
import type { ReviewVerdict } from "../../round/types";
import { workbookPackage } from "../../xlsx/package";
import { loadWorkbookFile } from "../../xlsx/read";
import { openReport } from "../../xlsx/report";
import { REVIEW_KEY, REVIEW_SHEET, REVIEW_VERDICTS } from "../../round/review-sheet";
import { readReviewMarks, writeReviewMarks } from "../../xlsx/review";
import { say, UsageError, warn, type CommandContext } from "../output";
import { dropBackup, writeBackup, writeFileAtomic, writeWorkbookFile } from "../files";
import { defineCommand } from "../command";

export interface ReviewOptions {
  file?: string;
  item?: string;
  verdict?: string;
  comment?: string;
  out?: string;
  inPlace?: boolean;
}

/** Marks one task, target or guideline item 通过 or 退回修改 on the workbook's 审核意见 sheet; without --item, lists the marks. */
export async function reviewCommand(ctx: CommandContext, options: ReviewOptions): Promise<number> {
  if (!options.file) throw new UsageError({ zh: "请指定要审核的工作簿", en: "name the workbook to review" });
  const wb = await loadWorkbookFile(options.file);
  const report = openReport(wb, options.file);
  const items = reviewItemsOf(report.spec);
  if (options.item === undefined) {
    const marks = readReviewMarks(wb);
    if (marks.length === 0) say(ctx, { zh: "尚无审核意见", en: "no review marks yet" });
    for (const m of marks) ctx.console.out(`${m.key}\t${m.verdict}\t${m.comment}`);
    return 0;
  }
  if (!REVIEW_KEY.test(options.item) || !items.some((i) => i.key === options.item)) {
    throw new UsageError({
      zh: `未知的审核项：${options.item}（如 task.3、target.ip-insurance-growth、guideline.2）`,
      en: `unknown review item: ${options.item} (e.g. task.3, target.ip-insurance-growth, guideline.2)`,
    });
  }
  const verdict = options.verdict as ReviewVerdict;
  if (!REVIEW_VERDICTS.includes(verdict))
    throw new UsageError({
      zh: "--verdict 只能是 通过 或 退回修改",
      en: "--verdict must be 通过 or 退回修改",
    });
  if (verdict === "退回修改" && !options.comment?.trim())
    throw new UsageError({ zh: "退回修改须附 --comment 审核意见", en: "退回修改 needs a --comment" });
  if (!options.out && !options.inPlace)
    throw new UsageError({
      zh: "请用 --out 指定输出文件，或用 --in-place",
      en: "name the output with --out, or use --in-place",
    });
  const labels = new Map(items.map((i) => [i.key, i.label]));
  writeReviewMarks(
    wb,
    [{ key: options.item, verdict, comment: options.comment?.trim() ?? "" }],
    (k) => labels.get(k) ?? k,
  );
  const out = options.inPlace ? options.file : (options.out ?? "");
  const { bytes, macrosDropped } = await workbookPackage(wb, out);
  if (options.inPlace) {
    // As refresh does: the exact bytes read are kept under a name no other run takes, then the file is replaced.
    const backup = await writeBackup(options.file, await readFile(options.file));
    try {
      await writeWorkbookFile(options.file, bytes, { overwrite: true });
    } catch (err) {
      await dropBackup(backup);
      throw err;
    }
  } else {
    await writeFileAtomic(out, bytes);
  }
  if (macrosDropped) warn(ctx, { zh: `${out}：${macrosDropped.zh}`, en: `${out}: ${macrosDropped.en}` });
  say(ctx, {
    zh: `已在“${REVIEW_SHEET}”工作表记录：${options.item} ${verdict}`,
    en: `recorded on the ${REVIEW_SHEET} sheet: ${options.item} ${verdict}`,
  });
  return 0;
}

export const review = defineCommand({
  name: "review",
  usage: {
    zh: "review 文件.xlsx [--item task.3 --verdict 通过|退回修改 --comment 意见 (--out 新文件.xlsx | --in-place)]",
    en: "review FILE.xlsx [--item task.3 --verdict 通过|退回修改 --comment TEXT (--out NEW.xlsx | --in-place)]",
  },
  summary: {
    zh: "查看或写入审核意见（审核意见表，按字段编号，随工作簿流转）",
    en: "reads or writes review marks (the 审核意见 sheet, keyed by field id, travels with the workbook)",
  },
  options: {
    item: { type: "string" },
    verdict: { type: "string" },
    comment: { type: "string" },
    out: { type: "string" },
    "in-place": { type: "boolean" },
  },
  run: (ctx, v, positionals) =>
    reviewCommand(ctx, {
      file: positionals[0],
      item: v.item,
      verdict: v.verdict,
      comment: v.comment,
      out: v.out,
      inPlace: v["in-place"],
    }),
});
