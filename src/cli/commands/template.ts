import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Lang } from "../../i18n";
import { buildLayout } from "../../layout/build";
import { resolveProfile } from "../../layout/obligation";
import type { Spec } from "../../spec/schema";
import { renderXlsx } from "../../xlsx/render";
import { ReportFileError } from "../../xlsx/errors";
import { say, UsageError, type CommandContext } from "../output";
import { specFrom } from "../spec-source";

export interface TemplateOptions {
  province?: string;
  all?: boolean;
  profile?: string;
  out?: string;
  outDir?: string;
  spec?: string;
}

export function splitList(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Writes next to the target and renames, so a failed write never leaves half a workbook. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? "";
    throw new ReportFileError(
      "unwritable",
      { zh: `无法写入 ${file}（${code}）`, en: `cannot write ${file} (${code})` },
      file,
    );
  }
}

async function writeTemplate(
  spec: Spec,
  province: string,
  categories: string[],
  out: string,
  lang: Lang,
): Promise<string> {
  const profile = resolveProfile(spec, province, categories);
  const bytes = await renderXlsx(buildLayout(spec, profile, lang));
  await writeFileAtomic(out, bytes);
  return spec.units.find((u) => u.id === profile.unitId)?.name ?? province;
}

export async function templateCommand(ctx: CommandContext, options: TemplateOptions): Promise<number> {
  const spec = specFrom(options.spec);
  const categories = splitList(options.profile);
  if (options.all) {
    if (!options.outDir)
      throw new UsageError({ zh: "--all 需要 --out-dir 目录", en: "--all needs --out-dir DIR" });
    try {
      await mkdir(options.outDir, { recursive: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? "";
      throw new ReportFileError("unwritable", {
        zh: `无法创建目录 ${options.outDir}（${code}）`,
        en: `cannot create ${options.outDir} (${code})`,
      });
    }
    for (const unit of spec.units) {
      const out = join(options.outDir, `${unit.short}.xlsx`);
      await writeTemplate(spec, unit.id, categories, out, ctx.lang);
      say(ctx, { zh: `已生成 ${unit.name}：${out}`, en: `wrote ${unit.en}: ${out}` });
    }
    return 0;
  }
  if (!options.province) {
    throw new UsageError({
      zh: "请用 --province 指定省份（或用 --all 生成全部）",
      en: "name a province with --province (or --all)",
    });
  }
  const out = options.out ?? `${options.province}.xlsx`;
  const name = await writeTemplate(spec, options.province, categories, out, ctx.lang);
  say(ctx, { zh: `已生成 ${name} 填报模板：${out}`, en: `wrote the template for ${name}: ${out}` });
  return 0;
}
