import { buildNationalInput } from "../../layout/national";
import { renderWorkbook } from "../../xlsx/render";
import { workbookBytes } from "../../xlsx/package";
import { say, UsageError, type CommandContext } from "../output";
import { specFrom } from "../spec-source";
import { writeFileAtomic } from "../files";
import { defineCommand } from "../command";

/** The national office's input workbook: the figures only it has, and its own statistics to cross-check sums. */
export async function nationalTemplateCommand(
  ctx: CommandContext,
  options: { out?: string; spec?: string; force?: boolean },
): Promise<number> {
  if (!options.out)
    throw new UsageError({ zh: "请用 --out 指定输出文件", en: "name the output file with --out" });
  const spec = specFrom(options.spec);
  const wb = await renderWorkbook(buildNationalInput(spec));
  // Like template: an existing file (perhaps the office's filled figures) is replaced only when asked.
  await writeFileAtomic(options.out, await workbookBytes(wb), options.force === true);
  say(ctx, {
    zh: `已生成国家局填报工作簿：${options.out}（${spec.specId} ${spec.specVersion}）；填好后与各省文件一起交给 ip-report consolidate`,
    en: `national office input written: ${options.out} (${spec.specId} ${spec.specVersion}); fill it and pass it to ip-report consolidate with the provinces' files`,
  });
  return 0;
}

export const nationalTemplate = defineCommand({
  name: "national-template",
  usage: {
    zh: "national-template --out 国家局填报.xlsx [--force]",
    en: "national-template --out NATIONAL.xlsx [--force]",
  },
  summary: {
    zh: "生成国家局自填数字的录入工作簿（审查周期、积压等只有国家局能报的目标）",
    en: "writes the national office's input workbook (targets only it can report: pendency, backlog)",
  },
  options: { out: { type: "string" }, spec: { type: "string" }, force: { type: "boolean" } },
  run: (ctx, v) => nationalTemplateCommand(ctx, { out: v.out, spec: v.spec, force: v.force }),
});
