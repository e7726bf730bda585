import { layoutWithValues } from "../layout/with-values";
import type { CellValue, FieldId, WorkbookLayout } from "../layout/types";
import { TEMPLATE_SHEET_NAMES } from "../layout/vocabulary";
import type { RetiredValue } from "../refresh/plan";
import { RETIRED_SHEET_NAME, retiredSheetRows } from "../refresh/retired";
import type { PlacedAdditions } from "../refresh/additions";
import { KEPT_SHEET_NAMES, KEPT_SHEET_WIDTHS, keptSheetRows } from "../refresh/kept-sheet";
import { RESULTS_SHEET_NAME } from "../rules/present";
import type { OfficeAdditions } from "./types";
import type { WorkbookProbe } from "./read";
import {
  listNameSteps,
  POINTS_PER_CHARACTER,
  sheetSteps,
  type RenderFeatures,
  type RenderStep,
} from "./render";
import { columnLetter } from "../layout/address";
import { entryFor } from "./sheet-plan";

/** Sheets a report consists of, now or in an earlier version: a refresh replaces them; all others are the user's. */
export const MANAGED_SHEETS = new Set<string>([
  ...TEMPLATE_SHEET_NAMES,
  RETIRED_SHEET_NAME,
  ...KEPT_SHEET_NAMES,
  RESULTS_SHEET_NAME.zh,
  RESULTS_SHEET_NAME.en,
]);

/** A workbook must keep a visible sheet: while ours are replaced, this one stands in if the user has none. */
const PLACEHOLDER = "ip-report 刷新中";
const NAME_BYTES = 220;

export interface Rebuild {
  layout: WorkbookLayout;
  values: Record<FieldId, CellValue>;
  retired: RetiredValue[];
  additions: OfficeAdditions;
  /** What the person typed on the report's sheets: back at its address, or on the kept-additions sheet. */
  placed: PlacedAdditions;
}

/**
 * Queues the replacement of the report's sheets and names by a new layout holding the values, the retired
 * values and the user's own notes, fills and widths; the user's other sheets are never touched. The deletions
 * and the new, empty sheets are queued at once; the returned steps fill them (the caller syncs between steps
 * so that no request grows too big), and `activate` gives the sheet to show once they are synced.
 */
export function queueRebuild(
  ctx: Excel.RequestContext,
  probe: WorkbookProbe,
  rebuild: Rebuild,
  features: RenderFeatures,
  messagesOn: "notes" | "comments" | "none",
): { steps: RenderStep[]; activate: Excel.Worksheet } {
  const { layout, values, retired, additions, placed } = rebuild;
  const ours = probe.sheets.filter((s) => MANAGED_SHEETS.has(s.name));
  const userVisible = probe.sheets.some((s) => !MANAGED_SHEETS.has(s.name) && s.visibility === "Visible");
  const placeholder = userVisible ? undefined : ctx.workbook.worksheets.add(PLACEHOLDER);
  for (const name of [...probe.names.keys(), ...probe.listNames]) ctx.workbook.names.getItem(name).delete();
  for (const s of ours) {
    const ws = ctx.workbook.worksheets.getItem(s.name);
    if (s.visibility !== "Visible") ws.visibility = "Visible";
    ws.delete();
  }
  const added = new Map<string, Excel.Worksheet>();
  layout.sheets.forEach((sheet, position) => {
    const ws = ctx.workbook.worksheets.add(sheet.name);
    ws.position = position;
    added.set(sheet.name, ws);
  });
  const sheetOf = (name: string) => {
    const ws = added.get(name);
    if (!ws) throw new Error(`sheet ${name} was not added`);
    return ws;
  };

  const filled = layoutWithValues(layout, values);
  // Protection last, after the user's own formats are back on the input cells.
  // The dropdowns' list names first: a list validation names them.
  const steps: RenderStep[] = [
    ...listNameSteps(ctx, layout, sheetOf),
    ...filled.sheets.flatMap((sheet) =>
      sheetSteps(sheetOf(sheet.name), { ...sheet, protect: false }, filled, features),
    ),
  ];
  for (const field of layout.fields) {
    const ws = sheetOf(field.sheetName);
    steps.push({
      bytes: NAME_BYTES,
      queue: () => ctx.workbook.names.add(field.name, ws.getRange(field.cell)),
    });
  }
  if (retired.length > 0) steps.push(retiredSheetStep(ctx, retired, layout.sheets.length));
  steps.push(...additionSteps(layout, additions, sheetOf, messagesOn));
  steps.push(...inPlaceSteps(layout, placed, sheetOf));
  if (placed.kept.length > 0)
    steps.push(keptSheetStep(ctx, placed, layout, layout.sheets.length + (retired.length > 0 ? 1 : 0)));
  for (const sheet of layout.sheets.filter((s) => s.protect)) {
    const ws = sheetOf(sheet.name);
    steps.push({
      bytes: 200,
      queue: () => ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true }),
    });
  }
  if (placeholder) steps.push({ bytes: 100, queue: () => placeholder.delete() });
  const first = layout.sheets.find((s) => s.visibility === "visible") ?? layout.sheets[0];
  return { steps, activate: sheetOf(first.name) };
}

function retiredSheetStep(ctx: Excel.RequestContext, retired: RetiredValue[], position: number): RenderStep {
  const rows = retiredSheetRows(retired);
  return {
    bytes: JSON.stringify(rows).length + 400,
    queue: () => {
      const ws = ctx.workbook.worksheets.add(RETIRED_SHEET_NAME);
      ws.position = position;
      const range = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
      // Text first: a retired value such as "=1+1" must come back as the text it was.
      range.numberFormat = rows.map((row) => row.map(() => "@"));
      range.values = rows.map((row) => row.map((v) => entryFor(v, "@") ?? "")) as (
        string | number | boolean
      )[][];
      range.format.wrapText = true;
      ws.getRange("A1:E1").format.font.bold = true;
      ws.freezePanes.freezeRows(1);
    },
  };
}

/**
 * The person's additions back at their own addresses, unlocked as they had them to type: text as text (a
 * note "=see below" stays a note), a formula as a formula.
 */
function inPlaceSteps(
  layout: WorkbookLayout,
  placed: PlacedAdditions,
  sheetOf: (name: string) => Excel.Worksheet,
): RenderStep[] {
  return placed.inPlace.flatMap((a) => {
    const sheet = layout.sheets.find((s) => s.key === a.sheet);
    if (!sheet) return [];
    const text = a.formula === undefined ? (a.value ?? "") : `=${a.formula}`;
    return [
      {
        bytes: 300 + String(text).length * 3,
        queue: () => {
          const range = sheetOf(sheet.name).getRange(a.cell);
          if (a.formula !== undefined) range.formulas = [[text]];
          else {
            if (typeof a.value === "string") range.numberFormat = [["@"]];
            range.values = [[text as string | number | boolean]];
          }
          range.format.protection.locked = false;
        },
      },
    ];
  });
}

function keptSheetStep(
  ctx: Excel.RequestContext,
  placed: PlacedAdditions,
  layout: WorkbookLayout,
  position: number,
): RenderStep {
  const rows = keptSheetRows(placed.kept, layout.metadata.language);
  return {
    bytes: JSON.stringify(rows).length + 400,
    queue: () => {
      const ws = ctx.workbook.worksheets.add(placed.sheetName);
      ws.position = position;
      const range = ws.getRangeByIndexes(0, 0, rows.length, rows[0].length);
      // Text as text, so that a kept formula shows as the text it was ("=C31*2"), never run where it no
      // longer points; a number stays a number.
      range.numberFormat = rows.map((row) => row.map((v) => (typeof v === "string" ? "@" : "General")));
      range.values = rows.map((row) => row.map((v) => entryFor(v, "@") ?? "")) as (
        string | number | boolean
      )[][];
      range.format.wrapText = true;
      ws.getRange("A1:D1").format.font.bold = true;
      KEPT_SHEET_WIDTHS.forEach(
        (w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHARACTER),
      );
      ws.freezePanes.freezeRows(1);
    },
  };
}

function additionSteps(
  layout: WorkbookLayout,
  additions: OfficeAdditions,
  sheetOf: (name: string) => Excel.Worksheet,
  messagesOn: "notes" | "comments" | "none",
): RenderStep[] {
  const byId = new Map(layout.fields.map((f) => [f.id, f]));
  const steps: RenderStep[] = [];
  for (const [id, color] of Object.entries(additions.fills)) {
    const f = byId.get(id);
    if (f)
      steps.push({
        bytes: 200,
        queue: () => (sheetOf(f.sheetName).getRange(f.cell).format.fill.color = color),
      });
  }
  for (const w of additions.widths) {
    const sheet = layout.sheets.find((s) => s.key === w.sheet);
    if (!sheet) continue;
    const letter = columnLetter(w.col);
    steps.push({
      bytes: 200,
      queue: () => (sheetOf(sheet.name).getRange(`${letter}:${letter}`).format.columnWidth = w.points),
    });
  }
  if (messagesOn === "none") return steps;
  for (const note of additions.notes) {
    const f = byId.get(note.fieldId);
    if (!f) continue;
    steps.push({
      bytes: 200 + note.text.length * 3,
      queue: () => {
        const ws = sheetOf(f.sheetName);
        if (messagesOn === "notes") ws.notes.add(ws.getRange(f.cell), note.text);
        else ws.comments.add(ws.getRange(f.cell), note.text);
      },
    });
  }
  return steps;
}

/** Queues steps, syncing between them only when a request would pass the payload target, within a budget. */
export async function syncInSteps(
  ctx: Excel.RequestContext,
  steps: RenderStep[],
  maxSyncs: number,
  payloadTarget: number,
): Promise<void> {
  let pending = 0;
  let syncs = 1;
  for (const step of steps) {
    if (pending > 0 && pending + step.bytes > payloadTarget && syncs < maxSyncs) {
      await ctx.sync();
      syncs++;
      pending = 0;
    }
    step.queue();
    pending += step.bytes;
  }
  await ctx.sync();
}

/** The user's additions, moved to the field ids they have after a refresh. */
export function additionsUnder(additions: OfficeAdditions, idMap: Map<FieldId, FieldId>): OfficeAdditions {
  return {
    notes: additions.notes.flatMap((n) => {
      const id = idMap.get(n.fieldId);
      return id ? [{ fieldId: id, text: n.text }] : [];
    }),
    fills: Object.fromEntries(
      Object.entries(additions.fills).flatMap(([id, color]) => {
        const to = idMap.get(id);
        return to ? [[to, color]] : [];
      }),
    ),
    widths: additions.widths,
  };
}
