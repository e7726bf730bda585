import { parseCellRef } from "../layout/reading";
import { HIGHLIGHT } from "../layout/styles";
import { highlightFormula, isHighlightFormula, type HighlightEntry } from "../rules/present";
import type { LocalizedText } from "../spec/schema";
import type { WorkbookProbe } from "./read";
import { officeColor } from "./sheet-plan";
import type { Capabilities } from "./types";

/**
 * Highlights are conditional formats over the issue cells, so the cell's own format is never touched;
 * messages are notes (ExcelApi 1.18) or comments (1.10). Both are found again by a mark (the formula's
 * token, the message's prefix), so clearing removes what the add-in made and nothing else.
 */

/** Starts every note or comment the add-in writes. */
export const MESSAGE_MARK = "【ip-report 校验】";

export type MessagesOn = "notes" | "comments" | "none";

type Message = Excel.Note | Excel.Comment;

export interface MessageItems {
  items: Message[];
}

export interface SheetHighlightState {
  name: string;
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  /** The add-in's highlight rules on the sheet, loaded and ready to delete. */
  highlights: Excel.ConditionalFormat[];
}

export interface HighlightState {
  sheets: Map<string, SheetHighlightState>;
  /** The add-in's own notes and comments, by sheet. */
  ours: { item: Message; sheetName: string }[];
  /** "Sheet\0A1" of cells holding a user's note or comment: the add-in does not write over them. */
  occupied: Set<string>;
}

const key = (sheetName: string, cell: string) => `${sheetName}\u0000${cell}`;

/** Sync 1: the workbook's notes and comments (their places come in sync 2). */
export function queueMessageItems(ctx: Excel.RequestContext, caps: Capabilities): () => MessageItems {
  const notes = caps.notes ? ctx.workbook.notes.load("items/content") : undefined;
  const comments = caps.comments ? ctx.workbook.comments.load("items/content") : undefined;
  return () => ({ items: [...(notes?.items ?? []), ...(comments?.items ?? [])] });
}

/**
 * Sync 2: each sheet's protection and highlight rules, and where each note and comment sits. Rules are read
 * through customOrNullObject: loading custom/rule/formula fails the batch when a sheet also has rules of
 * another type (office-js #2180).
 */
export function queueHighlightState(
  ctx: Excel.RequestContext,
  probe: WorkbookProbe,
  messages: MessageItems,
  caps: Capabilities,
): () => HighlightState {
  const sheets = probe.sheets.map((s) => {
    const ws = ctx.workbook.worksheets.getItem(s.name);
    const protection = ws.protection.load("protected,options");
    const rules = caps.conditionalFormats
      ? ws.getRange().conditionalFormats.load("items/type,items/customOrNullObject/rule/formula")
      : undefined;
    return { name: s.name, protection, rules };
  });
  const places = messages.items.map((item) => ({ item, location: item.getLocation().load("address") }));
  return () => {
    const state: HighlightState = { sheets: new Map(), ours: [], occupied: new Set() };
    for (const { name, protection, rules } of sheets) {
      const highlights = (rules?.items ?? []).filter((cf) => {
        const custom = cf.customOrNullObject;
        return cf.type === "Custom" && !custom.isNullObject && isHighlightFormula(custom.rule.formula);
      });
      state.sheets.set(name, {
        name,
        protected: protection.protected,
        options: protection.options,
        highlights,
      });
    }
    for (const { item, location } of places) {
      const at = parseCellRef(location.address);
      if (!at) continue;
      if (item.content.startsWith(MESSAGE_MARK)) state.ours.push({ item, sheetName: at.sheetName });
      else state.occupied.add(key(at.sheetName, at.cell));
    }
    return state;
  };
}

/**
 * Sync 3: per sheet, unprotect if needed, remove the old highlights and messages, add the new, protect
 * again with the same options. Per sheet, so a sheet that refuses (a password) leaves the others whole.
 * Returns whether anything was queued.
 */
export function queueHighlightChanges(
  ctx: Excel.RequestContext,
  state: HighlightState,
  plan: HighlightEntry[],
  messagesOn: MessagesOn,
  caps: Capabilities,
): boolean {
  let queued = false;
  for (const sheet of state.sheets.values()) {
    const entries = plan.filter((e) => e.sheetName === sheet.name);
    const ours = state.ours.filter((m) => m.sheetName === sheet.name);
    if (sheet.highlights.length === 0 && ours.length === 0 && entries.length === 0) continue;
    queued = true;
    const ws = ctx.workbook.worksheets.getItem(sheet.name);
    if (sheet.protected) ws.protection.unprotect();
    for (const rule of sheet.highlights) rule.delete();
    for (const { item } of ours) item.delete();
    for (const entry of entries) {
      const range = ws.getRange(entry.cell);
      if (caps.conditionalFormats) {
        const colors = HIGHLIGHT[entry.severity];
        const rule = range.conditionalFormats.add("Custom");
        rule.custom.rule.formula = `=${highlightFormula(entry.severity)}`;
        rule.custom.format.fill.color = officeColor(colors.fill);
        rule.custom.format.font.color = officeColor(colors.fontColor);
      }
      if (messagesOn === "none" || state.occupied.has(key(sheet.name, entry.cell))) continue;
      const text = `${MESSAGE_MARK}\n${entry.note}`;
      if (messagesOn === "notes") ws.notes.add(range, text);
      else ws.comments.add(range, text);
    }
    if (sheet.protected) ws.protection.protect(sheet.options);
  }
  return queued;
}

export const HIGHLIGHT_FAILED: LocalizedText = {
  zh: "部分工作表未能标注问题单元格（工作表可能设有密码保护）：问题仍完整列在任务窗格中。",
  en: "Some sheets could not be marked (a sheet may be protected with a password): every issue is still listed in the task pane.",
};
