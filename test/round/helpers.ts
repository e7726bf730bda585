import type { CellValue, FieldId } from "../../src/layout/types";
import { completion } from "../../src/rules/completion";
import { checkReport } from "../../src/rules";
import type { NationalInput, ReviewMark, RoundInput, UnitSubmission } from "../../src/round";
import { bundledSpecs, latestSpec, type Spec } from "../../src/spec";
import { inputFor, reportFor, validValues } from "../rules/helpers";

export const round: Spec = latestSpec();

/**
 * A unit's returned workbook as an adapter hands it to the round: every field filled validly unless
 * changed, validated by the real rules engine against its own spec version.
 */
export function submission(
  province: string,
  changes: Record<FieldId, CellValue> = {},
  options: {
    categories?: string[];
    spec?: Spec;
    file?: string;
    modified?: number;
    review?: ReviewMark[];
  } = {},
): UnitSubmission {
  const report = reportFor(province, options.categories ?? [], options.spec ?? round);
  const values = { ...validValues(report), ...changes };
  const input = inputFor(report, values);
  return {
    file: options.file ?? `${province}.xlsx`,
    modified: options.modified ?? 1,
    unitId: report.profile.unitId,
    spec: report.spec,
    templateVersion: report.layout.metadata.templateVersion,
    categories: report.profile.categories,
    values: input.reading.values,
    issues: checkReport(input),
    completion: completion(report.layout, input.reading),
    review: options.review ?? [],
  };
}

/** Every figure of the provinces' targets cleared: a test then sets only the ones it speaks about. */
export function noFigures(spec: Spec = round): Record<FieldId, CellValue> {
  const out: Record<FieldId, CellValue> = {};
  for (const t of spec.targets) {
    if (t.kind !== "quantitative") continue;
    for (const part of ["baseline", "actual", "growth", "source"]) out[`target.${t.id}.${part}`] = null;
  }
  return out;
}

export function nationalInput(
  values: Record<FieldId, CellValue>,
  file = "国家局.xlsx",
  modified = 1,
): NationalInput {
  return { file, modified, specVersion: round.specVersion, values, cells: {} };
}

export function roundOf(parts: Partial<RoundInput>): RoundInput {
  return {
    spec: round,
    specs: bundledSpecs(),
    submissions: [],
    national: [],
    unreadable: [],
    ignored: [],
    ...parts,
  };
}
