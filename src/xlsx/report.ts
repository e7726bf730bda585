import type ExcelJS from "exceljs";
import { buildLayout } from "../layout/build";
import { checkProfileCategories } from "../layout/obligation";
import type { WorkbookReading } from "../layout/reading";
import type { Profile, SheetKey, WorkbookLayout } from "../layout/types";
import { bundledSpecs, findSpec } from "../spec";
import type { Spec } from "../spec/schema";
import { ReportFileError } from "./errors";
import { readFields, readMetadata } from "./read";

export interface OpenedReport {
  spec: Spec;
  profile: Profile;
  /** The layout the workbook was made from, rebuilt from its metadata. */
  layout: WorkbookLayout;
  reading: WorkbookReading;
}

/** Recognises a workbook as one of our reports from its metadata sheet, and reads every field. */
export function openReport(wb: ExcelJS.Workbook, file?: string, specs: Spec[] = bundledSpecs()): OpenedReport {
  const meta = readMetadata(wb);
  if (!meta || !meta.specId) {
    throw new ReportFileError(
      "not-a-report",
      {
        zh: "不是本系统生成的填报工作簿（缺少元数据工作表），请用 ip-report template 生成模板",
        en: "not a report workbook made by this product (metadata sheet missing); make one with ip-report template",
      },
      file,
    );
  }
  const spec =
    specs.find((s) => s.specId === meta.specId && s.specVersion === meta.specVersion) ??
    findSpec(meta.specId, meta.specVersion ?? "");
  if (!spec) {
    const known = specs.map((s) => `${s.specId} ${s.specVersion}`).join(", ");
    throw new ReportFileError(
      "unknown-spec",
      {
        zh: `工作簿使用的规范 ${meta.specId} ${meta.specVersion ?? "?"} 不在本程序中（已内置：${known}），请升级 ip-report`,
        en: `the workbook uses spec ${meta.specId} ${meta.specVersion ?? "?"}, which this program does not bundle (bundled: ${known}); upgrade ip-report`,
      },
      file,
    );
  }
  const unit = spec.units.find((u) => u.id === meta.unitId);
  const categories = (meta.categories ?? "").split(",").filter(Boolean);
  try {
    if (!unit) throw new Error("unit");
    checkProfileCategories(spec, categories);
  } catch {
    throw new ReportFileError(
      "not-a-report",
      {
        zh: `工作簿元数据已被改动（省份“${meta.unitId ?? ""}”或概况“${meta.categories ?? ""}”无法识别）`,
        en: `the workbook's metadata was tampered with (province "${meta.unitId ?? ""}" or profile "${meta.categories ?? ""}" not recognised)`,
      },
      file,
    );
  }
  const profile: Profile = { unitId: unit.id, categories };
  const layout = buildLayout(spec, profile);
  const sheetNames = Object.fromEntries(layout.sheets.map((s) => [s.key, s.name])) as Record<SheetKey, string>;
  return { spec, profile, layout, reading: readFields(wb, layout.fields, sheetNames) };
}
