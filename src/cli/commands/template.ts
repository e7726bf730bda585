import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { buildLayout } from "../../layout/build";
import { resolveProfile } from "../../layout/obligation";
import type { Spec } from "../../spec/schema";
import { renderXlsx } from "../../xlsx/render";
import { ReportFileError } from "../../xlsx/errors";
import { writeWorkbookFile } from "../files";
import { say, UsageError, type CommandContext } from "../output";
import { specFrom } from "../spec-source";

export interface TemplateOptions {
  province?: string;
  all?: boolean;
  profile?: string;
  out?: string;
  outDir?: string;
  spec?: string;
  /** Replace existing files. */
  force?: boolean;
}

export function splitList(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Writes a workbook whole or not at all (see writeWorkbookFile). `overwrite` false: an existing file, which
 * may be a clerk's filled report, is never replaced.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, overwrite = true): Promise<void> {
  await writeWorkbookFile(file, bytes, { overwrite });
}

async function writeTemplate(
  spec: Spec,
  province: string,
  categories: string[],
  out: string,
  force: boolean,
): Promise<string> {
  const profile = resolveProfile(spec, province, categories);
  const bytes = await renderXlsx(buildLayout(spec, profile));
  await writeFileAtomic(out, bytes, force);
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
      await writeTemplate(spec, unit.id, categories, out, options.force === true);
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
  const name = await writeTemplate(spec, options.province, categories, out, options.force === true);
  say(ctx, { zh: `已生成 ${name} 填报模板：${out}`, en: `wrote the template for ${name}: ${out}` });
  return 0;
}
