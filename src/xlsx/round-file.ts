import { stat } from "node:fs/promises";
import type { Lang } from "../i18n";
import { buildNationalInput, NATIONAL_OFFICE } from "../layout/national";
import { readNamedFields } from "../reader/fields";
import { openReportWorkbook, readMetaSheet, readOpenedReport, type MetaSheet } from "../reader/report";
import { readReviewMarks } from "../reader/review";
import type { ReportWorkbook } from "../reader/workbook";
import { completion } from "../rules/completion";
import { checkReport } from "../rules";
import type { NationalInput, UnitSubmission, UnreadableFile } from "../round/types";
import type { LocalizedText, Spec } from "../spec/schema";
import { annotateWorkbook } from "./annotate";
import { ReportFileError } from "./errors";
import { readWorkbookFile } from "./file";
import { workbookPackage } from "./package";
import { loadWorkbook } from "./read";
import type { ReadReport } from "../reader/report";
import type { Issue } from "../rules";

export type RoundFile =
  | {
      kind: "unit";
      submission: UnitSubmission;
      annotated?: Uint8Array;
      annotateError?: LocalizedText;
      /** Set when the file had macros its annotated copy cannot hold. */
      macrosDropped?: LocalizedText;
    }
  | { kind: "national"; input: NationalInput }
  | { kind: "unreadable"; unreadable: UnreadableFile };

/**
 * Reads one returned file for the round: a unit's report, validated against its own spec version, or
 * the national office's input workbook. Read by the report reader (src/reader), as validate reads: only
 * the parts and cells a report needs. ExcelJS loads the file only to write the annotated copy of a unit
 * with issues (问题清单 links into it; a copy without issues would mark nothing). Nothing of the workbook
 * is kept once this returns, so the round holds one workbook at a time.
 */
export async function readRoundFile(
  file: string,
  specs: Spec[],
  options: { annotate?: Lang } = {},
): Promise<RoundFile> {
  try {
    const modified = (await stat(file)).mtimeMs;
    const bytes = await readWorkbookFile(file);
    const wb = openReportWorkbook(bytes, file);
    const meta = readMetaSheet(wb);
    if (meta?.metadata.unitId === NATIONAL_OFFICE.id)
      return { kind: "national", input: nationalInput(wb, file, modified, meta, specs) };
    const report = readOpenedReport(wb, specs, file, { meta });
    const issues = checkReport({
      spec: report.spec,
      profile: report.profile,
      layout: report.layout,
      reading: report.reading,
    });
    const submission: UnitSubmission = {
      file,
      modified,
      unitId: report.profile.unitId,
      spec: report.spec,
      templateVersion: report.reading.metadata?.templateVersion ?? report.layout.metadata.templateVersion,
      categories: report.profile.categories,
      values: report.reading.values,
      issues,
      completion: completion(report.layout, report.reading),
      review: readReviewMarks(wb),
    };
    if (options.annotate === undefined || issues.length === 0) return { kind: "unit", submission };
    return {
      kind: "unit",
      submission,
      ...(await annotatedCopy(bytes, file, report, issues, options.annotate)),
    };
  } catch (err) {
    return { kind: "unreadable", unreadable: unreadableFile(file, err) };
  }
}

/** The annotated copy's bytes; a file ExcelJS cannot load keeps its issues, with why it has no copy. */
async function annotatedCopy(
  bytes: Uint8Array,
  file: string,
  report: ReadReport,
  issues: Issue[],
  lang: Lang,
): Promise<{ annotated?: Uint8Array; annotateError?: LocalizedText; macrosDropped?: LocalizedText }> {
  try {
    const workbook = await loadWorkbook(bytes, file);
    annotateWorkbook(workbook, report, issues, lang);
    // The copy is named as the file (copyName keeps the extension): an .xlsm keeps its macros.
    const { bytes: annotated, macrosDropped } = await workbookPackage(workbook, file);
    return { annotated, macrosDropped };
  } catch (err) {
    return { annotateError: unreadableFile(file, err).message };
  }
}

function unreadableFile(file: string, err: unknown): UnreadableFile {
  if (err instanceof ReportFileError) return { file, problem: err.problem, message: err.detail };
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT")
    return { file, problem: "not-found", message: { zh: "文件不存在", en: "file not found" } };
  const detail = err instanceof Error ? err.message : String(err);
  return {
    file,
    problem: "internal-error",
    message: { zh: `内部错误：${detail}`, en: `internal error: ${detail}` },
  };
}

function nationalInput(
  wb: ReportWorkbook,
  file: string,
  modified: number,
  { metadata: meta }: MetaSheet,
  specs: Spec[],
): NationalInput {
  const spec = specs.find((s) => s.specId === meta.specId && s.specVersion === meta.specVersion);
  if (!spec) {
    throw new ReportFileError(
      "unknown-spec",
      {
        zh: `国家局填报工作簿使用的规范 ${meta.specId ?? "?"} ${meta.specVersion ?? "?"} 不在本程序中`,
        en: `the national office's input uses spec ${meta.specId ?? "?"} ${meta.specVersion ?? "?"}, which this program does not bundle`,
      },
      file,
    );
  }
  const { values, cells } = readNamedFields(wb, buildNationalInput(spec).fields);
  return { file, modified, specVersion: spec.specVersion, values, cells };
}
