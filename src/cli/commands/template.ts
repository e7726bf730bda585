import { join } from "node:path";
import type { Lang } from "../../i18n";
import { buildLayout } from "../../layout/build";
import { resolveProfile } from "../../layout/obligation";
import type { Spec } from "../../spec/schema";
import { renderXlsx } from "../../xlsx/render";
import { packageForName } from "../../xlsx/package";
import { say, UsageError, type CommandContext } from "../output";
import { specFrom } from "../spec-source";
import { defineCommand, splitList } from "../command";
import { makeDirectory, writeFileAtomic } from "../files";

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

async function writeTemplate(
  spec: Spec,
  province: string,
  categories: string[],
  out: string,
  lang: Lang,
  force: boolean,
): Promise<string> {
  const profile = resolveProfile(spec, province, categories);
  const bytes = await renderXlsx(buildLayout(spec, profile, lang));
  await writeFileAtomic(out, packageForName(bytes, out), force);
  return spec.units.find((u) => u.id === profile.unitId)?.name ?? province;
}

export async function templateCommand(ctx: CommandContext, options: TemplateOptions): Promise<number> {
  const spec = specFrom(options.spec);
  const categories = splitList(options.profile);
  if (options.all) {
    if (!options.outDir)
      throw new UsageError({ zh: "--all 需要 --out-dir 目录", en: "--all needs --out-dir DIR" });
    await makeDirectory(options.outDir);
    for (const unit of spec.units) {
      const out = join(options.outDir, `${unit.short}.xlsx`);
      await writeTemplate(spec, unit.id, categories, out, ctx.lang, options.force === true);
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
  const name = await writeTemplate(spec, options.province, categories, out, ctx.lang, options.force === true);
  say(ctx, { zh: `已生成 ${name} 填报模板：${out}`, en: `wrote the template for ${name}: ${out}` });
  return 0;
}

export const template = defineCommand({
  name: "template",
  usage: {
    zh: "template --province 江苏 [--profile 类别,...] [--out 江苏.xlsx] [--force]\ntemplate --all --out-dir 目录 [--profile 类别,...] [--force]",
    en: "template --province Jiangsu [--profile category,...] [--out Jiangsu.xlsx] [--force]\ntemplate --all --out-dir DIR [--profile category,...] [--force]",
  },
  summary: {
    zh: "生成省份的填报模板（已有同名文件时不覆盖，除非加 --force）",
    en: "writes a province's reporting template (an existing file is kept unless --force)",
  },
  options: {
    province: { type: "string" },
    profile: { type: "string" },
    out: { type: "string" },
    "out-dir": { type: "string" },
    all: { type: "boolean" },
    spec: { type: "string" },
    force: { type: "boolean" },
  },
  run: (ctx, v) =>
    templateCommand(ctx, {
      province: v.province,
      all: v.all,
      profile: v.profile,
      out: v.out,
      outDir: v["out-dir"],
      spec: v.spec,
      force: v.force,
    }),
});
