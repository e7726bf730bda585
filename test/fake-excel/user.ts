import { cellKey, parseAddress, type Area } from "./address";
import { parseEntry } from "./cell-input";
import { a1Of, assertEditable, assertUnprotected, cellAt, forEachCell } from "./cells";
import type { FakeHost } from "./context";
import { FakeExcelError } from "./errors";
import { raiseChanged, valueBefore } from "./events";
import { checkColor } from "./format";
import { liveSheets, type SheetModel } from "./model";

/**
 * What a person does in Excel between the add-in's calls: typing, their own formatting and rules, notes,
 * renaming and deleting. It bypasses the API but obeys what Excel's UI obeys (protection, text cells).
 */
export class FakeUser {
  constructor(private readonly host: FakeHost) {}

  private sheet(name: string): SheetModel {
    const sheet = liveSheets(this.host.model).find((s) => s.name === name);
    if (!sheet) throw new FakeExcelError("ItemNotFound", `no sheet "${name}"`);
    return sheet;
  }

  private area(address: string): Area {
    const area = parseAddress(address);
    if (!area) throw new FakeExcelError("InvalidArgument", `address ${address}`);
    return area;
  }

  /** Types into one cell, as at the keyboard: "=..." becomes a formula unless the cell is formatted as text. */
  type(sheetName: string, address: string, input: string | number | boolean): void {
    const sheet = this.sheet(sheetName);
    const { r0, c0 } = this.area(address);
    const cell = cellAt(sheet, r0, c0);
    assertEditable(sheet, cell, r0, c0);
    const before = valueBefore(sheet, { r0, c0, r1: r0, c1: c0 });
    const entry = parseEntry(input, cell.numberFormat);
    delete cell.formula;
    cell.quotePrefix = false;
    if (entry.kind === "empty") cell.value = null;
    else if (entry.kind === "formula") {
      cell.formula = entry.formula;
      cell.value = this.host.evaluate(entry.formula);
    } else {
      cell.value = entry.value;
      cell.quotePrefix = entry.quotePrefix;
      if (entry.format && cell.numberFormat === "General") cell.numberFormat = entry.format;
    }
    if (entry.kind !== "empty" && entry.became) {
      this.host.coercions.push({
        sheet: sheetName,
        cell: a1Of(r0, c0),
        input: String(input),
        became: entry.became,
      });
    }
    raiseChanged(this.host, { sheet, area: { r0, c0, r1: r0, c1: c0 }, byAddin: false, before });
  }

  unprotect(sheetName: string): void {
    const sheet = this.sheet(sheetName);
    if (sheet.protection.password) throw new FakeExcelError("AccessDenied", "the sheet has a password");
    sheet.protection = { protected: false, options: sheet.protection.options };
  }

  protect(sheetName: string, options: Excel.WorksheetProtectionOptions = {}, password?: string): void {
    this.sheet(sheetName).protection = { protected: true, options: { ...options }, password };
  }

  setFill(sheetName: string, address: string, color: string): void {
    const sheet = this.sheet(sheetName);
    assertUnprotected(sheet, "a fill (unprotect the sheet first, as the user would)");
    forEachCell({ sheet, area: this.area(address) }, (cell) => {
      cell.fill = checkColor(color, "fill");
    });
  }

  addConditionalFormat(
    sheetName: string,
    address: string,
    rule: { type: string; formula?: string; fill?: string; fontColor?: string },
  ): void {
    const sheet = this.sheet(sheetName);
    assertUnprotected(sheet, "a conditional format");
    sheet.conditionalFormats.unshift({
      id: `{cf-${this.host.model.nextId++}}`,
      area: this.area(address),
      origin: "user",
      ...rule,
    });
  }

  addNote(sheetName: string, address: string, content: string): void {
    const sheet = this.sheet(sheetName);
    const { r0, c0 } = this.area(address);
    sheet.notes.set(cellKey(r0, c0), { content, author: this.host.userName });
  }

  addComment(sheetName: string, address: string, content: string): void {
    const sheet = this.sheet(sheetName);
    const { r0, c0 } = this.area(address);
    sheet.comments.set(cellKey(r0, c0), {
      id: `{comment-${this.host.model.nextId++}}`,
      content,
      author: this.host.userName,
    });
  }

  renameSheet(from: string, to: string): void {
    this.sheet(from).name = to;
  }

  deleteSheet(name: string): void {
    const sheet = this.sheet(name);
    sheet.deleted = true;
    for (const n of this.host.model.names) if (n.target?.sheet === sheet) n.target = undefined;
    if (this.host.model.activeSheetId === sheet.id) {
      const next = liveSheets(this.host.model).find((s) => s.visibility === "Visible");
      if (next) this.host.model.activeSheetId = next.id;
    }
  }

  deleteName(name: string): void {
    this.host.model.names = this.host.model.names.filter((n) => n.name !== name);
  }

  activate(sheetName: string): void {
    this.host.model.activeSheetId = this.sheet(sheetName).id;
  }
}
