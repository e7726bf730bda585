import { buildLayout } from "../layout/build";
import { resolveProfile } from "../layout/obligation";
import type { WorkbookReading } from "../layout/reading";
import type { RecognizedReport } from "../layout/recognize";
import type { CellValue, FieldId, Profile, WorkbookLayout } from "../layout/types";
import type { WorkbookLanguage } from "../layout/vocabulary";
import type { Spec } from "../spec/schema";
import { isEmpty, planRefresh, type RefreshPlan, type RetiredValue } from "./plan";
import { migrationPath, targetSpec } from "./versions";

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
  /** Old field id → new field id, for what travels with a value (a note, a fill). */
  idMap: Map<FieldId, FieldId>;
  from: VersionSide;
  to: VersionSide;
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
  const idMap = new Map<FieldId, FieldId>([
    ...plan.kept.map((id) => [id, id] as [FieldId, FieldId]),
    ...plan.moved.map((m) => [m.from, m.to] as [FieldId, FieldId]),
  ]);
  return {
    spec: toSpec,
    layout,
    plan,
    values,
    idMap,
    from: {
      specVersion: report.spec.specVersion,
      templateVersion: report.reading.metadata?.templateVersion ?? "",
      profile: report.profile,
    },
    to: { specVersion: toSpec.specVersion, templateVersion: layout.metadata.templateVersion, profile },
  };
}
