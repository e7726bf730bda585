import { formatArea, type Area } from "./address";
import { peekCell } from "./cells";
import type { FakeContext, FakeHost } from "./context";
import { FakeExcelError } from "./errors";
import type { SheetModel, StoredValue } from "./model";

/**
 * Worksheet change events as Excel raises them: `worksheet.onChanged` (ExcelApi 1.7) and
 * `worksheets.onChanged` (1.9). A handler is registered by the sync after add() (as in Office.js, where
 * add() is queued) and called asynchronously after each edit, by the user or through the API, with
 * WorksheetChangedEventArgs. Properties of a newer set than the host has throw when read, as an unloaded
 * property does: the add-in must not rely on them.
 */

export type ChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

/** Where handlers live: per sheet (by id) and for the whole workbook. */
export interface EventRegistry {
  sheet: Map<string, Set<ChangedHandler>>;
  workbook: Set<ChangedHandler>;
}

export function newEventRegistry(): EventRegistry {
  return { sheet: new Map(), workbook: new Set() };
}

/** One edit: which cells, on which sheet, who made it, and the single cell's value before (for details). */
export interface ChangeRecord {
  sheet: SheetModel;
  area: Area;
  byAddin: boolean;
  before?: StoredValue;
}

function valueType(value: StoredValue | undefined): string {
  if (value === null || value === undefined || value === "") return "Empty";
  if (typeof value === "number") return "Double";
  if (typeof value === "boolean") return "Boolean";
  return "String";
}

export class FakeWorksheetChangedEventArgs {
  readonly type = "WorksheetChanged" as const;
  readonly changeType = "RangeEdited" as const;
  readonly source = "Local" as const;
  readonly address: string;
  readonly worksheetId: string;

  constructor(
    private readonly host: FakeHost,
    private readonly change: ChangeRecord,
  ) {
    this.address = formatArea(change.area);
    this.worksheetId = change.sheet.id;
  }

  private need(api: string, what: string): void {
    if (!this.host.supports(api))
      throw new FakeExcelError("ApiNotFound", `WorksheetChangedEventArgs.${what} needs ExcelApi ${api}`);
  }

  get details(): Excel.ChangedEventDetail {
    this.need("1.9", "details");
    const { area, sheet, before } = this.change;
    if (area.r0 !== area.r1 || area.c0 !== area.c1) {
      // Excel gives details for a single cell only.
      throw new FakeExcelError("NotImplementedInFake", `details of a multi-cell change ${this.address}`);
    }
    const after = peekCell(sheet, area.r0, area.c0)?.value ?? null;
    return {
      valueBefore: before ?? "",
      valueAfter: after ?? "",
      valueTypeBefore: valueType(before),
      valueTypeAfter: valueType(after),
    } as Excel.ChangedEventDetail;
  }

  get triggerSource(): Excel.WorksheetChangedEventArgs["triggerSource"] {
    this.need("1.14", "triggerSource");
    return this.change.byAddin ? "ThisLocalAddin" : "Unknown";
  }

  getRange(ctx: Excel.RequestContext): Excel.Range {
    this.need("1.8", "getRange");
    return ctx.workbook.worksheets.getItem(this.worksheetId).getRange(this.address);
  }
}

/** Calls every handler registered for the sheet and the workbook, after the edit's own turn has ended. */
export function raiseChanged(host: FakeHost, change: ChangeRecord): void {
  const handlers = [...(host.events.sheet.get(change.sheet.id) ?? []), ...host.events.workbook];
  if (handlers.length === 0) return;
  const args = new FakeWorksheetChangedEventArgs(host, change) as unknown as Excel.WorksheetChangedEventArgs;
  setTimeout(() => {
    for (const handler of handlers) {
      host.raised.push({ sheet: change.sheet.name, address: args.address });
      void handler(args).catch((error: unknown) => host.handlerErrors.push(error));
    }
  }, 0);
}

/** A single cell's value before an edit, for the event's details. */
export function valueBefore(sheet: SheetModel, area: Area): StoredValue | undefined {
  if (area.r0 !== area.r1 || area.c0 !== area.c1) return undefined;
  return peekCell(sheet, area.r0, area.c0)?.value ?? null;
}

/**
 * `onChanged` of a worksheet or of the collection: add() and remove() are queued and take effect at the
 * next sync, within the set the event needs.
 */
export class FakeChangedEventHandlers {
  constructor(
    private readonly ctx: FakeContext,
    private readonly path: string,
    private readonly api: string,
    private readonly handlers: () => Set<ChangedHandler>,
  ) {}

  add(handler: ChangedHandler): { context: FakeContext; remove(): void } {
    this.ctx.enqueue({
      name: `${this.path}.onChanged.add`,
      api: this.api,
      describe: { p: this.path, event: "onChanged", call: "add" },
      apply: () => {
        this.handlers().add(handler);
      },
    });
    return { context: this.ctx, remove: () => this.remove(handler) };
  }

  remove(handler: ChangedHandler): void {
    this.ctx.enqueue({
      name: `${this.path}.onChanged.remove`,
      api: this.api,
      describe: { p: this.path, event: "onChanged", call: "remove" },
      apply: () => {
        this.handlers().delete(handler);
      },
    });
  }
}
