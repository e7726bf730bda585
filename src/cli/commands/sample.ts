import { buildLayout } from "../../layout/build";
import { resolveProfile } from "../../layout/obligation";
import { sampleValues } from "../../sample";
import { renderWorkbook } from "../../xlsx/render";
import { packageForName } from "../../xlsx/package";
import { settleReport } from "../../xlsx/settle";
import { CellWriteError, writeValues } from "../../xlsx/write";
import { pick } from "../../i18n";
import { say, UsageError, type CommandContext } from "../output";
import { specFrom } from "../spec-source";
import { defineCommand, splitList } from "../command";
import { writeFileAtomic } from "../files";

export interface SampleCommandOptions {
  province?: string;
  profile?: string;
  seed?: string;
  defects?: string;
  out?: string;
  /** Replace an existing file. */
  force?: boolean;
  spec?: string;
}

/** A seed, not a year: the same default sample whatever guideline is in use. */
export const DEFAULT_SEED = 2019;

function seedOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SEED;
  if (!/^\d{1,10}$/.test(text.trim()) || Number(text) > 0xffffffff) {
    throw new UsageError({
      zh: `--seed 须为 0 到 4294967295 之间的整数（收到“${text}”）`,
      en: `--seed must be a whole number from 0 to 4294967295 (got "${text}")`,
    });
  }
  return Number(text);
}

function defectsOf(text: string | undefined): "none" | "some" {
  if (text === undefined || text === "none" || text === "some") return text ?? "none";
  throw new UsageError({
    zh: `--defects 只能是 none 或 some（收到“${text}”）`,
    en: `--defects must be none or some (got "${text}")`,
  });
}

/** A filled template for trying validation: the same seed gives the same workbook. */
export async function sampleCommand(ctx: CommandContext, options: SampleCommandOptions): Promise<number> {
  if (!options.province) {
    throw new UsageError({ zh: "请用 --province 指定省份", en: "name a province with --province" });
  }
  const seed = seedOf(options.seed);
  const defects = defectsOf(options.defects);
  const spec = specFrom(options.spec);
  const profile = resolveProfile(spec, options.province, splitList(options.profile));
  const layout = buildLayout(spec, profile, ctx.lang);
  const sample = sampleValues(spec, layout, { seed, defects });
  const wb = await renderWorkbook(layout);
  try {
    writeValues(wb, layout, sample.values);
  } catch (err) {
    // Sample values come from the layout itself, so this is a defect; say which field all the same.
    if (err instanceof CellWriteError) throw new UsageError(err.detail);
    throw err;
  }
  settleReport(wb, spec, layout);
  const out = options.out ?? `${options.province}-sample.xlsx`;
  const bytes = packageForName(Buffer.from(await wb.xlsx.writeBuffer()), out);
  await writeFileAtomic(out, bytes, options.force === true);
  say(ctx, {
    zh: `已生成 ${layout.metadata.unitName} 示例填报（种子 ${seed}，注入缺陷 ${sample.defects.length} 处）：${out}`,
    en: `wrote a sample report for ${layout.metadata.unitName} (seed ${seed}, ${sample.defects.length} defects injected): ${out}`,
  });
  const cells = new Map(layout.fields.map((f) => [f.id, `${f.sheetName}!${f.cell}`]));
  for (const defect of sample.defects) {
    ctx.console.out(
      `  ${(cells.get(defect.fieldId) ?? "").padEnd(12)} ${defect.fieldId.padEnd(44)} ${pick(defect.description, ctx.lang)}`,
    );
  }
  return 0;
}

export const sample = defineCommand({
  name: "sample",
  usage: {
    zh: "sample --province 江苏 [--profile 类别,...] [--seed N] [--defects none|some] --out 示例.xlsx [--force]",
    en: "sample --province Jiangsu [--profile category,...] [--seed N] [--defects none|some] --out SAMPLE.xlsx [--force]",
  },
  summary: {
    zh: "生成填好示例数据的工作簿（可注入常见缺陷），用于试用校验",
    en: "writes a template filled with seeded sample values (optionally with typical defects) to try validation",
  },
  options: {
    province: { type: "string" },
    profile: { type: "string" },
    seed: { type: "string" },
    defects: { type: "string" },
    out: { type: "string" },
    spec: { type: "string" },
    force: { type: "boolean" },
  },
  run: (ctx, v) =>
    sampleCommand(ctx, {
      province: v.province,
      profile: v.profile,
      seed: v.seed,
      defects: v.defects,
      out: v.out,
      spec: v.spec,
      force: v.force,
    }),
});
