/**
 * The code that writes workbooks (ExcelJS and the .xlsx adapter), loaded only when the person asks for a
 * download: the page's first scripts never carry it. The same functions the command line uses (validate
 * --annotate, refresh, template), so a copy made here is the copy the command line makes.
 */
import type { Lang } from "../i18n";
import { buildLayout } from "../layout/build";
import type { Profile } from "../layout/types";
import { latestSpec } from "../spec";
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

/** The report moved onto the newest bundled template, every entered value kept, as `refresh` does. */
export async function refreshedCopy(checked: CheckedWorkbook): Promise<Uint8Array> {
  const source = await loadWorkbook(checked.bytes, checked.fileName);
  const { workbook } = await refreshWorkbook(source, {}, checked.fileName);
  return workbookBytes(workbook);
}

/** A province's blank template at the newest bundled guideline, as `template` makes it. */
export async function blankTemplate(profile: Profile): Promise<Uint8Array> {
  const workbook = await renderWorkbook(buildLayout(latestSpec(), profile));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
