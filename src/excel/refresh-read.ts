import { META_FIELD_TABLE_HEADER } from "../layout/build";
import { parseCellRef } from "../layout/reading";
import type { RecognizedReport } from "../layout/recognize";
import type { CellValue, FieldId, SheetKey } from "../layout/types";
import { SHEET_NAMES, TEMPLATE_SHEET_NAMES } from "../layout/vocabulary";
import { parseRetiredRows, RETIRED_SHEET_NAME } from "../refresh/retired";
import type { ReadSheetCells, SheetAddition } from "../refresh/additions";
import { KEPT_SHEET_NAMES, parseKeptRows } from "../refresh/kept-sheet";
import type { RetiredValue } from "../refresh/plan";
import { MESSAGE_MARK, type MessageItems } from "./highlight";
import { officeCellValue, type WorkbookProbe } from "./read";
import { POINTS_PER_CHARACTER } from "./render";
import { officeColor } from "./sheet-plan";
import type { OfficeAdditions } from "./types";

/** Rows of the metadata sheet read for its field table: far more than any template has fields. */
const META_TABLE_ROWS = 2_000;
/** Columns whose width a user may have changed on a template sheet. */
const WIDTH_COLUMNS = 16;
/**
 * How much of a report sheet a refresh reads for the person's own additions, in one bounded request: far
 * beyond any report's tables (tens of rows, a dozen columns). Content past it is refused, never dropped.
 */
export const ADDITIONS_WINDOW = { rows: 1_000, columns: 64 };

export interface RefreshExtras {
  /** The metadata's field table: where each field was laid out (for names that were deleted). */
  fieldTable: Map<FieldId, { sheet: SheetKey; cell: string }>;
  retired: RetiredValue[];
  fills: Map<string, string>;
  messages: { sheetName: string; cell: string; text: string }[];
  widths: Map<string, number[]>;
  /** Every non-empty cell of the report's visible sheets, within ADDITIONS_WINDOW. */
  sheetCells: ReadSheetCells[];
  /** Report sheets with content past ADDITIONS_WINDOW: a refresh refuses them rather than lose it. */
  beyondWindow: string[];
  /** What an earlier refresh put on the kept-additions sheet. */
  kept: SheetAddition[];
}

/** Sync 2 of a refresh, beside the field cells: the metadata's field table, retired values, fills, notes, widths. */
export function queueRefreshExtras(
  ctx: Excel.RequestContext,
  probe: WorkbookProbe,
  messages: MessageItems,
): () => RefreshExtras {
  const present = new Set(probe.sheets.map((s) => s.name));
  const sheet = (name: string) => ctx.workbook.worksheets.getItem(name);
  const table = present.has(SHEET_NAMES.meta)
    ? sheet(SHEET_NAMES.meta).getRange(`A1:D${META_TABLE_ROWS}`).load("values")
    : undefined;
  const retired = present.has(RETIRED_SHEET_NAME)
    ? sheet(RETIRED_SHEET_NAME).getRange(`A1:E${META_TABLE_ROWS}`).load("values")
    : undefined;
  const fills = [...probe.names]
    .filter(([, ref]) => ref !== undefined && present.has(ref.sheetName))
    .map(([name]) => [name, ctx.workbook.names.getItem(name).getRange().format.fill.load("color")] as const);
  const places = messages.items.map((item) => ({ item, location: item.getLocation().load("address") }));
  const templateSheets = TEMPLATE_SHEET_NAMES.filter((n) => present.has(n));
  const widths = templateSheets.map((name) => ({
    name,
    columns: Array.from({ length: WIDTH_COLUMNS }, (_, i) =>
      sheet(name).getRangeByIndexes(0, i, 1, 1).format.load("columnWidth"),
    ),
  }));
  const cellsOf = queueSheetCells(ctx, probe);
  const keptName = KEPT_SHEET_NAMES.find((n) => present.has(n));
  const kept = keptName ? sheet(keptName).getUsedRangeOrNullObject(true).load("values") : undefined;
  return () => {
    const fieldTable = new Map<FieldId, { sheet: SheetKey; cell: string }>();
    if (table) {
      const start = table.values.findIndex((row) => row[0] === META_FIELD_TABLE_HEADER);
      for (const row of start < 0 ? [] : table.values.slice(start + 1)) {
        const [id, , sheetKey, cell] = row;
        if (typeof id === "string" && id && typeof sheetKey === "string" && typeof cell === "string")
          fieldTable.set(id, { sheet: sheetKey as SheetKey, cell });
      }
    }
    const messagesOut: RefreshExtras["messages"] = [];
    for (const { item, location } of places) {
      const at = parseCellRef(location.address);
      const own = item.content.startsWith(MESSAGE_MARK) ? "" : item.content.trim();
      if (at && own) messagesOut.push({ ...at, text: own });
    }
    return {
      fieldTable,
      retired: retired ? parseRetiredRows(retired.values.map((row) => row.map(cellValueOf))) : [],
      fills: new Map(fills.map(([name, fill]) => [name, fill.color])),
      messages: messagesOut,
      widths: new Map(widths.map((w) => [w.name, w.columns.map((c) => c.columnWidth)])),
      ...cellsOf(),
      kept: kept && !kept.isNullObject ? parseKeptRows(kept.values.map((row) => row.map(cellValueOf))) : [],
    };
  };
}

/**
 * The report's visible sheets, cell by cell within ADDITIONS_WINDOW, and whether anything lies past it (its
 * used range's extent only, not its content: a sheet of junk costs nothing to find).
 */
function queueSheetCells(
  ctx: Excel.RequestContext,
  probe: WorkbookProbe,
): () => Pick<RefreshExtras, "sheetCells" | "beyondWindow"> {
  const { rows, columns } = ADDITIONS_WINDOW;
  const reads = probe.sheets
    .filter((s) => s.visibility === "Visible" && TEMPLATE_SHEET_NAMES.includes(s.name))
    .map((s) => {
      const ws = ctx.workbook.worksheets.getItem(s.name);
      return {
        name: s.name,
        window: ws
          .getRangeByIndexes(0, 0, rows, columns)
          .getUsedRangeOrNullObject(true)
          .load("values,formulas,rowIndex,columnIndex"),
        whole: ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"),
      };
    });
  return () => ({
    beyondWindow: reads
      .filter(
        ({ whole }) =>
          !whole.isNullObject &&
          (whole.rowIndex + whole.rowCount > rows || whole.columnIndex + whole.columnCount > columns),
      )
      .map((r) => r.name),
    sheetCells: reads.map(({ name, window }) => ({
      sheetName: name,
      cells: window.isNullObject
        ? []
        : window.values.flatMap((row, i) =>
            row.flatMap((raw, j) => {
              const { value, formula } = officeCellValue(raw, window.formulas[i][j]);
              if (value === null && formula === undefined) return [];
              const cell = { row: window.rowIndex + i + 1, col: window.columnIndex + j + 1, value };
              return [formula === undefined ? cell : { ...cell, formula }];
            }),
          ),
    })),
  });
}

function cellValueOf(value: unknown): CellValue {
  return officeCellValue(value, undefined).value;
}

/** Sync 3, only when defined names were deleted: the cells the metadata says those fields had. */
export function queueRecovery(
  ctx: Excel.RequestContext,
  report: RecognizedReport & { reading: { missingNames: FieldId[] } },
  extras: RefreshExtras,
  probe: WorkbookProbe,
): (() => Map<FieldId, { sheetName: string; cell: string; value: CellValue }>) | undefined {
  const present = new Set(probe.sheets.map((s) => s.name));
  const names = new Map(report.layout.sheets.map((s) => [s.key, s.name]));
  const wanted = report.reading.missingNames.flatMap((id) => {
    const at = extras.fieldTable.get(id);
    const sheetName = at ? names.get(at.sheet) : undefined;
    return at && sheetName && present.has(sheetName) ? [{ id, sheetName, cell: at.cell }] : [];
  });
  if (wanted.length === 0) return undefined;
  const ranges = wanted.map((w) => ({
    ...w,
    range: ctx.workbook.worksheets.getItem(w.sheetName).getRange(w.cell).load("values,formulas"),
  }));
  return () =>
    new Map(
      ranges.map((r) => [
        r.id,
        {
          sheetName: r.sheetName,
          cell: r.cell,
          value: officeCellValue(r.range.values[0][0], r.range.formulas[0][0]).value,
        },
      ]),
    );
}

/** The user's own notes, fills and widths on the report as it was, by field id and sheet key. */
export function additionsOf(
  report: RecognizedReport & { reading: { cells: Record<FieldId, { sheetName: string; cell: string }> } },
  extras: RefreshExtras,
): OfficeAdditions {
  const additions: OfficeAdditions = { notes: [], fills: {}, widths: [] };
  const byCell = new Map<string, FieldId>();
  for (const [id, at] of Object.entries(report.reading.cells)) byCell.set(`${at.sheetName}!${at.cell}`, id);
  for (const m of extras.messages) {
    const id = byCell.get(`${m.sheetName}!${m.cell}`);
    if (id) additions.notes.push({ fieldId: id, text: m.text });
  }
  const styleFill = new Map(
    report.layout.sheets.flatMap((s) =>
      s.cells.filter((c) => c.fieldId).map((c) => [c.fieldId!, report.layout.styles[c.style].fill] as const),
    ),
  );
  for (const field of report.layout.fields) {
    const color = extras.fills.get(field.name);
    const template = styleFill.get(field.id);
    const expected = template ? officeColor(template) : undefined;
    if (
      color &&
      expected &&
      color.toUpperCase() !== expected.toUpperCase() &&
      color.toUpperCase() !== "#FFFFFF"
    )
      additions.fills[field.id] = color;
  }
  for (const sheet of report.layout.sheets) {
    const points = extras.widths.get(sheet.name);
    if (!points) continue;
    sheet.columns.forEach((c, i) => {
      const width = points[i];
      // A collapsed column reads 0 wide: that is the template's outline, not the user's choice.
      if (c.hidden) return;
      if (typeof width === "number" && Math.abs(width - c.width * POINTS_PER_CHARACTER) > 1)
        additions.widths.push({ sheet: sheet.key, col: i + 1, points: width });
    });
  }
  return additions;
}
