import { LocalizedError } from "../i18n/errors";
import type { LocalizedText, Spec } from "../spec/schema";
import type { MetaKey } from "./build";
import { cachedLayout } from "./cache";
import { checkProfileCategories } from "./obligation";
import type { Profile, WorkbookLayout } from "./types";
import type { WorkbookLanguage } from "./vocabulary";

export type ReportProblem = "not-a-report" | "unknown-spec" | "tampered-metadata";

/** A workbook that is not one of our reports, or one we cannot interpret. Adapter-neutral. */
export class ReportError extends LocalizedError {
  constructor(
    readonly problem: ReportProblem,
    detail: LocalizedText,
  ) {
    super(detail, "ReportError");
  }
}

export interface RecognizedReport {
  spec: Spec;
  profile: Profile;
  /** The layout the workbook was made from, rebuilt from its metadata. */
  layout: WorkbookLayout;
}

/** Recognises a report from its metadata sheet's key/value pairs, among the specs this program knows. */
export function recognizeReport(
  meta: Partial<Record<MetaKey, string>> | undefined,
  specs: Spec[],
): RecognizedReport {
  if (!meta || !meta.specId) {
    throw new ReportError("not-a-report", {
      zh: "不是本系统生成的填报工作簿（缺少元数据工作表），请用 ip-report template 生成模板",
      en: "not a report workbook made by this product (metadata sheet missing); make one with ip-report template",
    });
  }
  const spec = specs.find((s) => s.specId === meta.specId && s.specVersion === meta.specVersion);
  if (!spec) {
    const known = specs.map((s) => `${s.specId} ${s.specVersion}`).join(", ");
    throw new ReportError("unknown-spec", {
      zh: `工作簿使用的规范 ${meta.specId} ${meta.specVersion ?? "?"} 不在本程序中（已内置：${known}），请升级 ip-report`,
      en: `the workbook uses spec ${meta.specId} ${meta.specVersion ?? "?"}, which this program does not bundle (bundled: ${known}); upgrade ip-report`,
    });
  }
  const unit = spec.units.find((u) => u.id === meta.unitId);
  const categories = (meta.categories ?? "").split(",").filter(Boolean);
  let valid = unit !== undefined;
  try {
    checkProfileCategories(spec, categories);
  } catch {
    valid = false;
  }
  if (!unit || !valid) {
    throw new ReportError("tampered-metadata", {
      zh: `工作簿元数据已被改动（省份“${meta.unitId ?? ""}”或概况“${meta.categories ?? ""}”无法识别）`,
      en: `the workbook's metadata was tampered with (province "${meta.unitId ?? ""}" or profile "${meta.categories ?? ""}" not recognised)`,
    });
  }
  const profile: Profile = { unitId: unit.id, categories };
  return { spec, profile, layout: cachedLayout(spec, profile, languageOf(meta)) };
}

/** The language a report was made in (a workbook from before languages were recorded is Chinese). */
export function languageOf(meta: Partial<Record<MetaKey, string>>): WorkbookLanguage {
  return meta.language === "en" ? "en" : "zh";
}

export function sheetNamesOf(layout: WorkbookLayout): Record<string, string> {
  return Object.fromEntries(layout.sheets.map((s) => [s.key, s.name]));
}
