import { pick } from "../../i18n";
import { compareVersions, newestOf } from "../../refresh/versions";
import { bundledSpecs } from "../../spec";
import type { LocalizedText } from "../../spec/schema";
import { exposedSheetNames, readReport } from "../../reader/report";
import { readWorkbookFile } from "../../xlsx/file";
import { defineCommand } from "../command";
import type { CommandContext } from "../output";
import { specsWith } from "../spec-source";

export interface InfoOptions {
  file?: string;
  json?: boolean;
  spec?: string;
}

/** Says which version a workbook is, whether its structure is intact, and whether a newer version is bundled. */
export async function infoCommand(ctx: CommandContext, options: InfoOptions): Promise<number> {
  if (!options.file) {
    ctx.console.err(pick({ zh: "错误: 请给出工作簿文件", en: "error: name a workbook file" }, ctx.lang));
    return 2;
  }
  const specs = specsWith(options.spec, bundledSpecs());
  const report = readReport(await readWorkbookFile(options.file), specs, options.file);
  const exposed = exposedSheetNames(report);
  const meta = report.reading.metadata ?? {};
  const newest = newestOf(specs, report.spec.specId);
  const newer =
    newest && compareVersions(newest.specVersion, report.spec.specVersion) > 0
      ? newest.specVersion
      : undefined;
  // The one finding every command shares (src/layout/integrity.ts), made when the workbook was read.
  const mismatch = report.reading.metadataMismatch;
  const misplaced = report.reading.misplacedNames ?? [];
  const intact =
    !mismatch &&
    misplaced.length === 0 &&
    report.reading.missingNames.length === 0 &&
    report.reading.missingSheets.length === 0;
  const categories = report.profile.categories.map(
    (id) => report.spec.categories.find((c) => c.id === id)?.label ?? { zh: id, en: id },
  );
  const info = {
    file: options.file,
    province: report.layout.metadata.unitName,
    unitId: report.profile.unitId,
    categories: report.profile.categories,
    specId: report.spec.specId,
    specVersion: report.spec.specVersion,
    templateVersion: meta.templateVersion ?? "",
    language: report.layout.metadata.language,
    fingerprint: meta.fingerprint ?? "",
    structureIntact: intact,
    missingNames: report.reading.missingNames,
    missingSheets: report.reading.missingSheets,
    /** Why the metadata does not describe this workbook (a blanked profile, another province), or null. */
    metadataMismatch: mismatch?.message ?? null,
    /** Fields whose defined name points elsewhere than the layout says: where it points, where the field is. */
    misplacedNames: misplaced.map((m) => ({
      fieldId: m.fieldId,
      pointsAt: `${m.pointsAt.sheetName}!${m.pointsAt.cell}`,
      cell: `${report.reading.cells[m.fieldId]?.sheetName}!${report.reading.cells[m.fieldId]?.cell}`,
    })),
    /** Sheets the template keeps very hidden that are now only hidden or visible (a LibreOffice save does that). */
    exposedSheets: exposed,
    newerSpecVersion: newer ?? null,
  };
  if (options.json) {
    ctx.console.out(JSON.stringify(info, null, 2));
    return 0;
  }
  const zh = ctx.lang === "zh";
  ctx.console.out(`${info.file}`);
  ctx.console.out(`  ${zh ? "省份" : "Province"}: ${info.province}`);
  ctx.console.out(
    `  ${zh ? "概况" : "Profile"}: ${categories.map((c) => pick(c, ctx.lang)).join(zh ? "；" : "; ") || (zh ? "（无）" : "(none)")}`,
  );
  ctx.console.out(
    `  ${zh ? "规范" : "Spec"}: ${info.specId} ${info.specVersion} · ${zh ? "模板" : "template"} ${info.templateVersion} · ${
      info.language === "en" ? (zh ? "英文" : "English") : zh ? "中文" : "Chinese"
    }`,
  );
  ctx.console.out(`  ${zh ? "结构" : "Structure"}: ${pick(structureWords(info, intact), ctx.lang)}`);
  if (exposed.length) {
    ctx.console.out(
      zh
        ? `  隐藏工作表: ${exposed.join("、")} 应为“深度隐藏”，现在只是隐藏或可见（LibreOffice 保存后常见）：ip-report refresh 或 validate --annotate 会恢复`
        : `  Hidden sheets: ${exposed.join(", ")} should be very hidden and are now only hidden or visible (as after a LibreOffice save): ip-report refresh or validate --annotate restores them`,
    );
  }
  ctx.console.out(
    `  ${zh ? "版本" : "Version"}: ${
      newer
        ? zh
          ? `有更新的规范 ${newer}，可用 ip-report refresh 升级`
          : `a newer spec ${newer} is bundled: ip-report refresh upgrades`
        : zh
          ? "已是最新"
          : "up to date"
    }`,
  );
  return 0;
}

/** The structure line: intact, or each thing that differs, in one line. */
function structureWords(
  info: {
    metadataMismatch: LocalizedText | null;
    misplacedNames: unknown[];
    missingNames: unknown[];
    missingSheets: unknown[];
  },
  intact: boolean,
): LocalizedText {
  if (intact) return { zh: "完好", en: "intact" };
  // Metadata that describes another workbook cannot be repaired from itself: its own remedy, not refresh.
  if (info.metadataMismatch) return info.metadataMismatch;
  const misplaced = info.misplacedNames.length;
  const parts = {
    zh: `缺少 ${info.missingNames.length} 个定义名称、${info.missingSheets.length} 个工作表${misplaced ? `，${misplaced} 个定义名称指向别处` : ""}`,
    en: `${info.missingNames.length} names, ${info.missingSheets.length} sheets missing${misplaced ? `, ${misplaced} names pointing elsewhere` : ""}`,
  };
  return {
    zh: `与模板不符（${parts.zh}）：可用 ip-report refresh 修复`,
    en: `differs from the template (${parts.en}): ip-report refresh repairs it`,
  };
}

export const info = defineCommand({
  name: "info",
  usage: { zh: "info 文件.xlsx [--json]", en: "info FILE.xlsx [--json]" },
  summary: {
    zh: "说明工作簿的省份、概况、规范与模板版本、结构是否完好、有无更新版本",
    en: "says a workbook's province, profile, spec and template version, whether it is intact, whether a newer version exists",
  },
  options: { json: { type: "boolean" }, spec: { type: "string" } },
  run: (ctx, v, positionals) => infoCommand(ctx, { file: positionals[0], json: v.json, spec: v.spec }),
});
