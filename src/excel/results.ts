import type { Lang } from "../i18n";
import { CONDITIONAL_STYLES, STYLES } from "../layout/styles";
import type { WorkbookLayout } from "../layout/types";
import { RESULTS_SHEET_NAME, resultsSheetLayout } from "../rules/present";
import type { Issue } from "../rules/types";
import type { WorkbookProbe } from "./read";
import { queueSheet, type RenderFeatures } from "./render";

/**
 * Queues the 校验结果 sheet, rendered by the same renderer as the template: an earlier results sheet (in
 * either language) is deleted first, so the sheet always shows the latest validation.
 */
export function queueResultsSheet(
  ctx: Excel.RequestContext,
  probe: WorkbookProbe,
  issues: Issue[],
  report: Pick<WorkbookLayout, "metadata" | "fields">,
  lang: Lang,
  features: RenderFeatures,
): Excel.Worksheet {
  const layout = resultsSheetLayout(issues, report.metadata, lang, report.fields);
  const earlier = new Set([RESULTS_SHEET_NAME.zh, RESULTS_SHEET_NAME.en]);
  for (const sheet of probe.sheets)
    if (earlier.has(sheet.name)) ctx.workbook.worksheets.getItem(sheet.name).delete();
  const ws = ctx.workbook.worksheets.add(layout.name);
  queueSheet(ws, layout, { styles: STYLES, conditionalStyles: CONDITIONAL_STYLES }, features);
  return ws;
}
