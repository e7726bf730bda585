import { buildLayout } from "../layout/build";
import { resolveProfile } from "../layout/obligation";
import type { WorkbookReading } from "../layout/reading";
import type { RecognizedReport } from "../layout/recognize";
import type { CellValue, FieldId, Profile, WorkbookLayout } from "../layout/types";
import type { WorkbookLanguage } from "../layout/vocabulary";
import type { LocalizedText, Spec } from "../spec/schema";
import { isOverCellLimit, overCellLimit } from "../layout/cell-limit";
import { findAdditions, placeAdditions, type ReadSheetCells, type SheetAddition } from "./additions";
import { isEmpty, planRefresh, type RefreshPlan, type RetiredValue } from "./plan";
import { migrationPath, RefreshError, targetSpec } from "./versions";

/** A recognised report with every value read from it: what either adapter has before a refresh. */
export interface ReportForRefresh extends RecognizedReport {
  reading: WorkbookReading;
}

export interface RefreshChoice {
  /** The specs a refresh may move to (bundled, plus any the user names). */
  specs: Spec[];
  /** Target spec version (default: the newest of the workbook's spec id). */
  toVersion?: string;
  /** New profile categories (default: the workbook's own). */
  categories?: string[];
  /** The language of the new workbook (default: the one the workbook was made in). */
  language?: WorkbookLanguage;
  /** Values already on the workbook's retired-fields sheet: they stay there. */
  previouslyRetired: RetiredValue[];
  /** Every non-empty cell of the report's sheets, as read: what the layout did not write is the person's. */
  sheetCells?: ReadSheetCells[];
  /** What an earlier refresh put on the kept-additions sheet: it stays there, once. */
  previouslyKept?: SheetAddition[];
}

export interface VersionSide {
  specVersion: string;
  /** Empty when the workbook's metadata does not say. */
  templateVersion: string;
  profile: Profile;
}

/** Everything a refresh decides before an adapter touches the workbook. */
export interface PreparedRefresh {
  /** The spec version the report moves to. */
  spec: Spec;
  /** The layout to rebuild the report as. */
  layout: WorkbookLayout;
  plan: RefreshPlan;
  /** The values read before the rebuild (the empty ones left out): what an undo puts back. */
  values: Record<FieldId, CellValue>;
  /** What the person added on the report's sheets, where they had it: what an undo puts back. */
  sheetAdditions: SheetAddition[];
  /** Old field id → new field id, for what travels with a value (a note, a fill). */
  idMap: Map<FieldId, FieldId>;
  from: VersionSide;
  to: VersionSide;
}

/**
 * Refuses, before anything is written, a text no cell can hold: Excel would cut it when opening the file. In
 * validate's words (value.text.cell-limit), so the clerk meets one rule wherever the text is.
 */
function refuseOverLimit(layout: WorkbookLayout, plan: RefreshPlan): void {
  const labels = new Map(layout.fields.map((f) => [f.id, f.label]));
  const texts: [LocalizedText, CellValue][] = [
    ...Object.entries(plan.writes).map(([id, v]): [LocalizedText, CellValue] => [
      labels.get(id) ?? { zh: id, en: id },
      v,
    ]),
    ...plan.retired.map((r): [LocalizedText, CellValue] => [r.label, r.value]),
    ...[...plan.additions.inPlace, ...plan.additions.kept].map((a): [LocalizedText, CellValue] => {
      const where = `${a.sheetName}!${a.cell}`;
      return [{ zh: where, en: where }, a.formula ?? a.value];
    }),
  ];
  const over = texts.find(([, v]) => isOverCellLimit(v));
  if (over) throw new RefreshError("cell-too-long", overCellLimit(over[0], String(over[1]).length));
}

/**
 * The adapter-independent half of a refresh, one home for both adapters: choose the target spec and profile,
 * build the new layout and plan where every value goes. Pure; refuses (RefreshError, ProfileError) before
 * anything is written.
 */
export function prepareRefresh(report: ReportForRefresh, choice: RefreshChoice): PreparedRefresh {
  const toSpec = targetSpec(choice.specs, report.spec, choice.toVersion);
  const path = migrationPath(choice.specs, report.spec, toSpec);
  const profile = choice.categories
    ? resolveProfile(toSpec, report.profile.unitId, choice.categories)
    : { ...report.profile };
  const layout = buildLayout(toSpec, profile, choice.language ?? report.layout.metadata.language);
  const values: Record<FieldId, CellValue> = {};
  for (const [id, value] of Object.entries(report.reading.values)) if (!isEmpty(value)) values[id] = value;
  const plan = planRefresh({
    from: { spec: report.spec, layout: report.layout },
    to: { spec: toSpec, layout, profile },
    path,
    values,
    previouslyRetired: choice.previouslyRetired,
  });
  const sheetAdditions = findAdditions(report.layout, choice.sheetCells ?? [], report.reading.cells);
  plan.additions = placeAdditions(layout, sheetAdditions, choice.previouslyKept ?? []);
  refuseOverLimit(layout, plan);
  const idMap = new Map<FieldId, FieldId>([
    ...plan.kept.map((id) => [id, id] as [FieldId, FieldId]),
    ...plan.moved.map((m) => [m.from, m.to] as [FieldId, FieldId]),
  ]);
  return {
    spec: toSpec,
    layout,
    plan,
    values,
    sheetAdditions,
    idMap,
    from: {
      specVersion: report.spec.specVersion,
      templateVersion: report.reading.metadata?.templateVersion ?? "",
      profile: report.profile,
    },
    to: { specVersion: toSpec.specVersion, templateVersion: layout.metadata.templateVersion, profile },
  };
}
