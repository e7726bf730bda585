import { resolve } from "node:path";
import { pick, type Lang } from "../../i18n";
import type { PlacedAdditions } from "../../refresh/additions";
import { summarizePlan } from "../../refresh/plan";
import { bundledSpecs } from "../../spec";
import { readWorkbookFile } from "../../xlsx/file";
import type { LocalizedText } from "../../spec/schema";
import { ReportFileError } from "../../xlsx/errors";
import { loadWorkbook } from "../../xlsx/read";
import { refreshWorkbook } from "../../xlsx/refresh";
import { workbookPackage } from "../../xlsx/package";
import { UsageError, warn, type CommandContext } from "../output";
import { specsWith } from "../spec-source";
import { defineCommand, splitList } from "../command";
import { dropBackup, writeBackup, writeWorkbookFile } from "../files";

export interface RefreshCommandOptions {
  file?: string;
  out?: string;
  inPlace?: boolean;
  to?: string;
  profile?: string;
  json?: boolean;
  spec?: string;
  /** The new workbook's language; default: the workbook's own. */
  language?: Lang;
  /** Rebuild even a workbook whose metadata does not match its structure (the person's explicit word). */
  force?: boolean;
}

/** Where the command line can be told to go on: said only here, the pane and the checker have no such word. */
function withForceHint(detail: LocalizedText): LocalizedText {
  return {
    zh: `${detail.zh}（确需按现有元数据重建时，加 --force）`,
    en: `${detail.en} (to rebuild it from the metadata as it stands, add --force)`,
  };
}

function short(value: unknown): string {
  const text = String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Upgrades or repairs a report file; never overwrites its input unless asked, and then keeps a .bak first. */
export async function refreshCommand(ctx: CommandContext, options: RefreshCommandOptions): Promise<number> {
  const { file } = options;
  if (!file) throw new UsageError({ zh: "请给出要刷新的工作簿文件", en: "name the workbook to refresh" });
  if (!options.out && !options.inPlace) {
    throw new UsageError({
      zh: "请用 --out 指定新文件，或用 --in-place 覆盖原文件（会先备份为 .bak）",
      en: "give --out NEW.xlsx, or --in-place (a .bak copy is kept first)",
    });
  }
  if (options.out && !options.inPlace && resolve(options.out) === resolve(file)) {
    throw new UsageError({
      zh: "--out 与输入文件相同：如确需覆盖，请用 --in-place",
      en: "--out is the input file: use --in-place to overwrite it",
    });
  }
  const specs = specsWith(options.spec, bundledSpecs());
  // Read once: the backup is exactly what this run read, whatever another run does to the file meanwhile.
  const original = await readWorkbookFile(file);
  const source = await loadWorkbook(original, file);
  const result = await refreshWorkbook(
    source,
    {
      specs,
      toVersion: options.to,
      categories: options.profile === undefined ? undefined : splitList(options.profile),
      language: options.language,
      despiteMetadataMismatch: options.force === true,
    },
    file,
  ).catch((err: unknown) => {
    if (err instanceof ReportFileError && err.problem === "metadata-mismatch")
      throw new ReportFileError(err.problem, withForceHint(err.detail), file);
    throw err;
  });
  const out = options.inPlace ? file : options.out!;
  const { bytes, macrosDropped } = await workbookPackage(result.workbook, out, source);
  const backup = options.inPlace ? await writeBackup(file, original) : null;
  try {
    await writeWorkbookFile(out, bytes, { overwrite: true });
  } catch (err) {
    // Nothing was changed: a backup of an unchanged file would only mislead.
    if (backup) await dropBackup(backup);
    throw err;
  }
  if (macrosDropped) warn(ctx, { zh: `${out}：${macrosDropped.zh}`, en: `${out}: ${macrosDropped.en}` });

  const { plan } = result;
  if (options.json) {
    ctx.console.out(
      JSON.stringify(
        {
          file,
          out,
          backup,
          from: result.from,
          to: result.to,
          kept: plan.kept.length,
          moved: plan.moved,
          added: plan.added,
          retired: plan.retired,
          stoppedApplying: plan.stoppedApplying,
          restoredPrefilled: plan.restoredPrefilled,
          recovered: result.recovered,
          additions: plan.additions,
          relocated: result.relocated,
          metadataMismatch: result.metadataMismatch?.message ?? null,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const zh = ctx.lang === "zh";
  if (result.metadataMismatch)
    ctx.console.err(
      pick(
        {
          zh: `警告: 已按 --force 依现有元数据重建：${result.metadataMismatch.message.zh}`,
          en: `warning: rebuilt from the metadata as it stands (--force): ${result.metadataMismatch.message.en}`,
        },
        ctx.lang,
      ),
    );
  ctx.console.out(
    `${file} → ${out}${backup ? (zh ? `（原文件已备份为 ${backup}）` : ` (backup: ${backup})`) : ""}`,
  );
  ctx.console.out(
    `  ${zh ? "版本" : "Version"}: ${result.from.specVersion} → ${result.to.specVersion} · ${zh ? "模板" : "template"} ${result.from.templateVersion || (zh ? "未知" : "unknown")} → ${result.to.templateVersion}`,
  );
  ctx.console.out(`  ${pick(summarizePlan(plan), ctx.lang)}`);
  for (const m of plan.moved) ctx.console.out(`  ${zh ? "迁移" : "moved"}: ${m.from} → ${m.to}`);
  for (const r of plan.retired)
    ctx.console.out(
      `  ${zh ? "已停用" : "retired"}: ${r.id}（${pick(r.label, ctx.lang)}）= ${short(r.value)}`,
    );
  for (const id of plan.stoppedApplying)
    ctx.console.out(`  ${zh ? "已不适用，值已保留" : "no longer applies, value kept"}: ${id}`);
  for (const r of plan.restoredPrefilled)
    ctx.console.out(
      zh
        ? `  已恢复预填项: ${r.id}（${r.label.zh}）“${short(r.value)}” → “${short(r.restored)}”（报送单位不对时，请用对应省份的模板）`
        : `  pre-filled value restored: ${r.id} (${r.label.en}) "${short(r.value)}" → "${short(r.restored)}" (for another reporting unit, use its own template)`,
    );
  listAdditions(ctx, plan.additions);
  for (const id of result.recovered)
    ctx.console.out(`  ${zh ? "已修复定义名称" : "defined name restored"}: ${id}`);
  for (const id of result.relocated)
    ctx.console.out(
      `  ${zh ? "定义名称指向别处，已按模板位置取值并修复名称" : "defined name pointed elsewhere: value taken from the template's cell, name restored"}: ${id}`,
    );
  return 0;
}

/** Lines a person can check against their sheet; a long list is cut (the sheet itself holds them all). */
const ADDITIONS_LISTED = 10;

function listAdditions(ctx: CommandContext, additions: PlacedAdditions): void {
  const zh = ctx.lang === "zh";
  const lines = [
    ...additions.inPlace.map((a) =>
      zh
        ? `  补充内容: ${a.sheetName}!${a.cell} 保留在原位置`
        : `  addition: ${a.sheetName}!${a.cell} kept in place`,
    ),
    ...additions.kept.map((a) =>
      zh
        ? `  补充内容: ${a.sheetName}!${a.cell} 见“${additions.sheetName}”表`
        : `  addition: ${a.sheetName}!${a.cell} on the sheet "${additions.sheetName}"`,
    ),
  ];
  for (const line of lines.slice(0, ADDITIONS_LISTED)) ctx.console.out(line);
  const more = lines.length - ADDITIONS_LISTED;
  if (more > 0) ctx.console.out(zh ? `  ……另有 ${more} 处补充内容` : `  … and ${more} more additions`);
}

export const refresh = defineCommand({
  name: "refresh",
  usage: {
    zh: "refresh 文件.xlsx (--out 新文件.xlsx | --in-place) [--to 版本] [--profile 类别,...] [--json] [--force]",
    en: "refresh FILE.xlsx (--out NEW.xlsx | --in-place) [--to VERSION] [--profile category,...] [--json] [--force]",
  },
  summary: {
    zh: "按最新（或指定）版本重建工作簿，保留每一个填报值",
    en: "rebuilds a workbook at the newest (or a given) version, keeping every entered value",
  },
  options: {
    out: { type: "string" },
    "in-place": { type: "boolean" },
    to: { type: "string" },
    profile: { type: "string" },
    json: { type: "boolean" },
    spec: { type: "string" },
    force: { type: "boolean" },
  },
  run: (ctx, v, positionals) =>
    refreshCommand(ctx, {
      file: positionals[0],
      out: v.out,
      inPlace: v["in-place"],
      to: v.to,
      profile: v.profile,
      json: v.json,
      spec: v.spec,
      language: ctx.explicitLang,
      force: v.force,
    }),
});
