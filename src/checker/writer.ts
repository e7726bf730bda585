/**
 * The code that writes workbooks (ExcelJS and the .xlsx adapter), loaded only when the person asks for a
 * download: the page's first scripts never carry it. The same functions the command line uses (validate
 * --annotate, refresh, template), so a copy made here is the copy the command line makes.
 */
import type { Lang } from "../i18n";
import { buildLayout } from "../layout/build";
import type { Profile } from "../layout/types";
import { bundledSpec, latestSpec } from "../spec";
import { describeRefresh, type RefreshSummary } from "../taskpane/refresh-summary";
import { NAV } from "../taskpane/navigator/words";
import { annotateWorkbook } from "../xlsx/annotate";
import { workbookBytes } from "../xlsx/package";
import { loadWorkbook } from "../xlsx/read";
import { refreshWorkbook } from "../xlsx/refresh";
import { renderWorkbook } from "../xlsx/render";
import type { CheckedWorkbook } from "./host";

/** The workbook with each problem's cell marked and a results sheet, as `validate --annotate` writes it. */
export async function annotatedCopy(checked: CheckedWorkbook, lang: Lang): Promise<Uint8Array> {
  const workbook = await loadWorkbook(checked.bytes, checked.fileName);
  annotateWorkbook(workbook, checked.report, checked.issues, lang);
  return workbookBytes(workbook);
}

export interface RefreshedCopy {
  bytes: Uint8Array;
  /** What the refresh did with what the clerk entered, in the pane's words (values moved aside above all). */
  summary: RefreshSummary;
}

/** The report moved onto the newest bundled template, every entered value kept, as `refresh` does. */
export async function refreshedCopy(checked: CheckedWorkbook): Promise<RefreshedCopy> {
  const source = await loadWorkbook(checked.bytes, checked.fileName);
  const result = await refreshWorkbook(source, {}, checked.fileName);
  const bytes = await workbookBytes(result.workbook);
  // The summary names fields by the new version's labels, as the pane's does after a refresh in Excel.
  const spec = bundledSpec(checked.report.spec.specId, result.to.specVersion);
  const layout = buildLayout(spec, result.to.profile, checked.report.layout.metadata.language);
  // Nothing is degraded here: ExcelJS keeps notes and fills, which Excel's older APIs cannot.
  const { plan, from, to, recovered } = result;
  const summary = describeRefresh(
    { plan, from, to, recovered, degraded: [] },
    { spec, layout },
    NAV.noCategories,
  );
  return { bytes, summary };
}

/** A province's blank template at the newest bundled guideline, as `template` makes it. */
export async function blankTemplate(profile: Profile): Promise<Uint8Array> {
  const workbook = await renderWorkbook(buildLayout(latestSpec(), profile));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
