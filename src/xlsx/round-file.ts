import { stat } from "node:fs/promises";
import type ExcelJS from "exceljs";
import type { Lang } from "../i18n";
import { sheetNamesOf } from "../layout/recognize";
import { buildNationalInput, NATIONAL_OFFICE } from "../layout/national";
import type { SheetKey } from "../layout/types";
import { completion } from "../rules/completion";
import type { NationalInput, UnitSubmission, UnreadableFile } from "../round/types";
import type { LocalizedText, Spec } from "../spec/schema";
import { annotateWorkbook } from "./annotate";
import { ReportFileError } from "./errors";
import { workbookPackage } from "./package";
import { loadWorkbookFile, readFields, readMetadata } from "./read";
import { readReviewMarks } from "./review";
import { validateWorkbook } from "./validation";

export type RoundFile =
  | {
      kind: "unit";
      submission: UnitSubmission;
      annotated?: Uint8Array;
      /** Set when the file had macros its annotated copy cannot hold. */
      macrosDropped?: LocalizedText;
    }
  | { kind: "national"; input: NationalInput }
  | { kind: "unreadable"; unreadable: UnreadableFile };

/**
 * Reads one returned file for the round: a unit's report, validated against its own spec version, or
 * the national office's input workbook. The workbook is dropped before this returns, so the round holds
 * one workbook at a time; with `annotate`, the annotated copy's bytes come back instead. This is the one
 * place the round reads a workbook: a faster read-only reader can take its place.
 */
export async function readRoundFile(
  file: string,
  specs: Spec[],
  options: { annotate?: Lang } = {},
): Promise<RoundFile> {
  try {
    const modified = (await stat(file)).mtimeMs;
    const wb = await loadWorkbookFile(file, { readOnly: options.annotate === undefined });
    const meta = readMetadata(wb);
    if (meta?.unitId === NATIONAL_OFFICE.id)
      return { kind: "national", input: nationalInput(wb, file, modified, meta, specs) };
    const { report, issues } = validateWorkbook(wb, file, specs);
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
    if (options.annotate === undefined) return { kind: "unit", submission };
    annotateWorkbook(wb, report, issues, options.annotate);
    // The copy is named as the file (copyName keeps the extension): an .xlsm keeps its macros.
    const { bytes, macrosDropped } = await workbookPackage(wb, file);
    return { kind: "unit", submission, annotated: bytes, macrosDropped };
  } catch (err) {
    if (err instanceof ReportFileError)
      return { kind: "unreadable", unreadable: { file, problem: err.problem, message: err.detail } };
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      return {
        kind: "unreadable",
        unreadable: { file, problem: "not-found", message: { zh: "文件不存在", en: "file not found" } },
      };
    const detail = err instanceof Error ? err.message : String(err);
    return {
      kind: "unreadable",
      unreadable: {
        file,
        problem: "internal-error",
        message: { zh: `内部错误：${detail}`, en: `internal error: ${detail}` },
      },
    };
  }
}

function nationalInput(
  wb: ExcelJS.Workbook,
  file: string,
  modified: number,
  meta: NonNullable<ReturnType<typeof readMetadata>>,
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
  const layout = buildNationalInput(spec);
  const reading = readFields(wb, layout.fields, sheetNamesOf(layout) as Record<SheetKey, string>);
  return { file, modified, specVersion: spec.specVersion, values: reading.values, cells: reading.cells };
}
