import type ExcelJS from "exceljs";
import type { Lang } from "../i18n";
import { HIGHLIGHT } from "../layout/styles";
import type { Issue } from "../rules";
import {
  highlightFormula,
  highlightPlan,
  isHighlightFormula,
  RESULTS_SHEET_NAME,
  resultsSheetLayout,
  type HighlightEntry,
} from "../rules/present";
import { settleReport } from "./settle";
import { composeNote, isOurs, removeNote, userRuns } from "./notes";
import { renderSheet } from "./render";
import { exposedSheets, type OpenedReport } from "./report";

interface LoadedRule {
  type?: string;
  priority?: number;
  formulae?: unknown[];
}

function isHighlightRule(rule: LoadedRule): boolean {
  return (
    rule.type === "expression" &&
    (rule.formulae ?? []).some((f) => typeof f === "string" && isHighlightFormula(f))
  );
}

/**
 * Removes every highlight an earlier validation painted and nothing else, then paints the new ones first in
 * priority and first in the file, so an issue's colour wins over the template's own formats on the same cell:
 * Excel goes by priority, LibreOffice and WPS take the first matching rule in document order.
 */
function paintHighlights(wb: ExcelJS.Workbook, plan: HighlightEntry[]): void {
  for (const ws of wb.worksheets) {
    const kept: LoadedRule[] = [];
    // Excel groups rules by range when it saves: filter rule by rule, not block by block.
    ws.removeConditionalFormatting((cf: { rules: LoadedRule[] }) => {
      cf.rules = cf.rules.filter((rule) => !isHighlightRule(rule));
      kept.push(...cf.rules);
      return cf.rules.length > 0;
    });
    const mine = plan.filter((entry) => entry.sheetName === ws.name);
    kept
      .sort((a, b) => (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER))
      .forEach((rule, i) => (rule.priority = mine.length + i + 1));
    mine.forEach((entry, i) => {
      const colours = HIGHLIGHT[entry.severity];
      ws.addConditionalFormatting({
        ref: entry.cell,
        rules: [
          {
            type: "expression",
            priority: i + 1,
            formulae: [highlightFormula(entry.severity)],
            style: {
              fill: { type: "pattern", pattern: "solid", bgColor: { argb: colours.fill } },
              font: { color: { argb: colours.fontColor } },
            },
          },
        ],
      });
    });
    const all = (ws as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings;
    all.unshift(...all.splice(all.length - mine.length, mine.length));
  }
}

/** Every cell of a sheet that carries a note, found without creating cells. */
function notedCells(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (cell?.note !== undefined) cells.push(cell);
    }
  }
  return cells;
}

/** Our text in each issue cell's note, replacing the last validation's and keeping the user's own. */
function writeNotes(wb: ExcelJS.Workbook, plan: HighlightEntry[], lang: Lang): void {
  for (const ws of wb.worksheets) {
    for (const cell of notedCells(ws)) {
      if (!isOurs(cell.note)) continue;
      const kept = userRuns(cell.note);
      if (kept.length) cell.note = { texts: kept } as ExcelJS.Comment;
      else removeNote(cell);
    }
  }
  for (const entry of plan) {
    const cell = wb.getWorksheet(entry.sheetName)?.getCell(entry.cell);
    if (cell) cell.note = composeNote(entry.note, lang, userRuns(cell.note));
  }
}

function replaceResultsSheet(wb: ExcelJS.Workbook, report: OpenedReport, issues: Issue[], lang: Lang): void {
  for (const name of Object.values(RESULTS_SHEET_NAME)) {
    const old = wb.getWorksheet(name);
    if (old) wb.removeWorksheet(old.id);
  }
  const { metadata } = report.layout;
  renderSheet(wb, report.layout, resultsSheetLayout(issues, metadata, lang, report.layout.fields));
}

/**
 * Marks a report's issues in the workbook itself: highlights as conditional formats, the messages as
 * notes, and a results sheet linking to each cell. Earlier marks are replaced, the user's own kept; the
 * template's very hidden sheets are made very hidden again (after a LibreOffice save they are only hidden).
 */
export function annotateWorkbook(
  wb: ExcelJS.Workbook,
  report: OpenedReport,
  issues: Issue[],
  lang: Lang,
): void {
  const plan = highlightPlan(issues, lang);
  for (const ws of exposedSheets(wb, report)) ws.state = "veryHidden";
  paintHighlights(wb, plan);
  writeNotes(wb, plan, lang);
  replaceResultsSheet(wb, report, issues, lang);
  // Whatever program saved the report may have stored no results, or stale ones, and fixed row heights:
  // the copy stores its own results and grows its rows to their text.
  settleReport(wb, report.spec, report.layout, report.reading);
}
