import { MAX_COLUMNS, MAX_ROWS, parseAddress, type Area } from "./address";
import { assertLive, type RangeTarget } from "./cells";
import type { FakeContext } from "./context";
import { FakeExcelError } from "./errors";
import { FakeChangedEventHandlers, type ChangedHandler } from "./events";
import { liveSheets, newSheet, type PrintModel, type SheetModel, type WorkbookModel } from "./model";
import { FakeCommentCollection, FakeNoteCollection } from "./notes";
import { FakeCollection, FakeObject, type ScalarDef } from "./proxy";
import { FakeRange } from "./range";

const VISIBILITY = ["Visible", "Hidden", "VeryHidden"];

export function checkSheetName(model: WorkbookModel, name: unknown, except?: SheetModel): string {
  if (
    typeof name !== "string" ||
    name.length < 1 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    /^'|'$/.test(name)
  ) {
    throw new FakeExcelError("InvalidArgument", `sheet name ${JSON.stringify(name)}`);
  }
  const taken = liveSheets(model).some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase());
  if (taken) throw new FakeExcelError("ItemAlreadyExists", `a sheet named "${name}" exists`);
  return name;
}

function findSheet(model: WorkbookModel, key: string): SheetModel | undefined {
  return liveSheets(model).find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
}

export class FakeWorksheetCollection extends FakeCollection<WorkbookModel, FakeWorksheet> {
  protected readonly typeName = "WorksheetCollection";

  constructor(ctx: FakeContext) {
    super(ctx, "worksheets", () => ctx.host.model);
  }

  /** Any sheet's data changed: ExcelApi 1.9 (Excel 2019 has only the per-sheet event, 1.7). */
  get onChanged(): FakeChangedEventHandlers {
    return new FakeChangedEventHandlers(this.ctx, "worksheets", "1.9", () => this.ctx.host.events.workbook);
  }

  protected itemsOf(model: WorkbookModel): FakeWorksheet[] {
    return liveSheets(model).map((s) => new FakeWorksheet(this.ctx, `worksheets[${s.id}]`, () => s));
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | undefined;
    this.ctx.enqueue({
      name: "WorksheetCollection.add",
      api: "1.1",
      describe: { p: this.path, call: "add", a: [name] },
      apply: () => {
        const model = this.ctx.host.model;
        const finalName = name ?? `Sheet${model.sheets.length + 1}`;
        created = newSheet(model, checkSheetName(model, finalName), this.ctx.host.syncNumber);
        model.sheets.push(created);
      },
    });
    return new FakeWorksheet(this.ctx, `worksheets.add(${JSON.stringify(name)})`, () => created);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItem(${JSON.stringify(key)})`, () =>
      findSheet(this.ctx.host.model, key),
    );
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      `worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => findSheet(this.ctx.host.model, key),
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, "worksheets.getActiveWorksheet()", () =>
      liveSheets(this.ctx.host.model).find((s) => s.id === this.ctx.host.model.activeSheetId),
    );
  }
}

export class FakeWorksheet
  extends FakeObject<SheetModel>
  implements Pick<Excel.Worksheet, "name" | "visibility" | "position" | "tabColor" | "id">
{
  protected readonly typeName = "Worksheet";
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeWorksheetFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;

  constructor(ctx: FakeContext, path: string, resolver: () => SheetModel | undefined, orNull = false) {
    super(ctx, path, resolver, orNull);
    const sheet = () => this.resolve();
    this.protection = new FakeWorksheetProtection(ctx, `${path}.protection`, sheet);
    this.freezePanes = new FakeWorksheetFreezePanes(ctx, `${path}.freezePanes`, sheet);
    this.pageLayout = new FakePageLayout(ctx, `${path}.pageLayout`, sheet);
    this.notes = new FakeNoteCollection(ctx, `${path}.notes`, () => [this.target()]);
    this.comments = new FakeCommentCollection(ctx, `${path}.comments`, () => [this.target()]);
  }

  protected override scalars(): Record<string, ScalarDef<SheetModel>> {
    const model = this.ctx.host.model;
    return {
      name: { api: "1.1", read: (s) => s.name },
      id: { api: "1.1", read: (s) => s.id },
      position: { api: "1.1", read: (s) => liveSheets(model).indexOf(s) },
      visibility: { api: "1.1", read: (s) => s.visibility },
      tabColor: { api: "1.7", read: (s) => s.tabColor },
    };
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    if (name === "protection") return this.protection;
    if (name === "notes") return this.notes;
    if (name === "comments") return this.comments;
    return undefined;
  }

  get name(): string {
    return this.read("name");
  }
  set name(name: string) {
    this.write("name", name, "1.1", (s) => {
      assertLive(s);
      s.name = checkSheetName(this.ctx.host.model, name, s);
    });
  }

  get id(): string {
    return this.read("id");
  }

  get position(): number {
    return this.read("position");
  }
  set position(position: number) {
    this.write("position", position, "1.1", (s) => {
      const model = this.ctx.host.model;
      const live = liveSheets(model);
      if (!Number.isInteger(position) || position < 0 || position >= live.length) {
        throw new FakeExcelError("InvalidArgument", `position ${position}`);
      }
      const others = live.filter((x) => x !== s);
      others.splice(position, 0, s);
      model.sheets = [...others, ...model.sheets.filter((x) => x.deleted)];
    });
  }

  get visibility(): Excel.Worksheet["visibility"] {
    return this.read("visibility");
  }
  set visibility(visibility: Excel.Worksheet["visibility"]) {
    this.write("visibility", visibility, "1.2", (s) => {
      assertLive(s);
      if (!VISIBILITY.includes(visibility))
        throw new FakeExcelError("InvalidArgument", `visibility ${visibility}`);
      const model = this.ctx.host.model;
      if (visibility !== "Visible") {
        if (model.activeSheetId === s.id) {
          throw new FakeExcelError("InvalidOperation", `hiding the active sheet "${s.name}"`);
        }
        if (!liveSheets(model).some((x) => x !== s && x.visibility === "Visible")) {
          throw new FakeExcelError("InvalidOperation", "a workbook needs one visible sheet");
        }
      }
      s.visibility = visibility as SheetModel["visibility"];
    });
  }

  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(color: string) {
    this.write("tabColor", color, "1.7", (s) => {
      if (color !== "" && !/^#[0-9A-Fa-f]{6}$/.test(color))
        throw new FakeExcelError("InvalidArgument", `tabColor ${color}`);
      s.tabColor = color.toUpperCase();
    });
  }

  /** This sheet's data changed: ExcelApi 1.7. The handler set is the sheet's, found when the add() is applied. */
  get onChanged(): FakeChangedEventHandlers {
    return new FakeChangedEventHandlers(this.ctx, this.path, "1.7", () => {
      const sheet = this.target();
      let handlers = this.ctx.host.events.sheet.get(sheet.id);
      if (!handlers) {
        handlers = new Set<ChangedHandler>();
        this.ctx.host.events.sheet.set(sheet.id, handlers);
      }
      return handlers;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange(${JSON.stringify(address ?? "")})`, () => {
      const sheet = this.target();
      const area: Area | undefined =
        address === undefined
          ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 }
          : parseAddress(address);
      if (!area) throw new FakeExcelError("InvalidArgument", `address ${JSON.stringify(address)}`);
      return { sheet, area };
    });
  }

  /** The sheet's used block (values only in the fake), or a null object on an empty sheet: ExcelApi 1.4. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    const args = [startRow, startColumn, rowCount, columnCount];
    return new FakeRange(
      this.ctx,
      `${this.path}.getRangeByIndexes(${args.join(",")})`,
      (): RangeTarget | undefined => {
        this.ctx.requireApi("1.7", "getRangeByIndexes");
        const sheet = this.target();
        const ok =
          args.every(Number.isInteger) &&
          startRow >= 0 &&
          startColumn >= 0 &&
          rowCount > 0 &&
          columnCount > 0;
        if (!ok || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
          throw new FakeExcelError("InvalidArgument", `getRangeByIndexes(${args.join(",")})`);
        }
        return {
          sheet,
          area: {
            r0: startRow,
            c0: startColumn,
            r1: startRow + rowCount - 1,
            c1: startColumn + columnCount - 1,
          },
        };
      },
    );
  }

  activate(): void {
    this.invoke("activate", [], "1.1", (s) => {
      assertLive(s);
      if (s.visibility !== "Visible")
        throw new FakeExcelError("InvalidOperation", `activate hidden sheet "${s.name}"`);
      if (s.createdInSync === this.ctx.host.syncNumber) {
        // TRAPS (office-js #5118): on the web a sheet added in this batch needs a sync() before activate().
        throw new FakeExcelError("InvalidOperation", `activate "${s.name}" in the sync that added it`);
      }
      this.ctx.host.model.activeSheetId = s.id;
    });
  }

  delete(): void {
    this.invoke("delete", [], "1.1", (s) => {
      assertLive(s);
      const model = this.ctx.host.model;
      const visible = liveSheets(model).filter((x) => x.visibility === "Visible");
      if (visible.length === 1 && visible[0] === s)
        throw new FakeExcelError("InvalidOperation", "delete the last visible sheet");
      if (model.activeSheetId === s.id) {
        const live = liveSheets(model);
        const i = live.indexOf(s);
        const next = [...live.slice(i + 1), ...live.slice(0, i).reverse()].find(
          (x) => x.visibility === "Visible",
        );
        model.activeSheetId = next!.id;
      }
      s.deleted = true;
      for (const name of model.names) if (name.target?.sheet === s) name.target = undefined;
    });
  }
}

export class FakeWorksheetProtection
  extends FakeObject<SheetModel>
  implements Pick<Excel.WorksheetProtection, "protected" | "options">
{
  protected readonly typeName = "WorksheetProtection";
  protected override readonly loadApi = "1.2";

  protected override scalars(): Record<string, ScalarDef<SheetModel>> {
    return {
      protected: { api: "1.2", read: (s) => s.protection.protected },
      options: { api: "1.2", read: (s) => ({ ...s.protection.options }) },
    };
  }

  get protected(): boolean {
    return this.read("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.read("options");
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.invoke(
      "protect",
      [options, password === undefined ? undefined : "***"],
      password ? "1.7" : "1.2",
      (s) => {
        assertLive(s);
        if (s.protection.protected)
          throw new FakeExcelError("InvalidOperation", `"${s.name}" is already protected`);
        s.protection = { protected: true, options: { ...(options ?? {}) }, password };
      },
    );
  }

  unprotect(password?: string): void {
    this.invoke("unprotect", [password === undefined ? undefined : "***"], password ? "1.7" : "1.2", (s) => {
      assertLive(s);
      if (s.protection.protected && (s.protection.password ?? "") !== (password ?? "")) {
        throw new FakeExcelError("InvalidArgument", `wrong password for "${s.name}"`);
      }
      s.protection = { protected: false, options: s.protection.options };
    });
  }
}

export class FakeWorksheetFreezePanes extends FakeObject<SheetModel> {
  protected readonly typeName = "WorksheetFreezePanes";

  private freeze(
    method: string,
    args: unknown[],
    at: (s: SheetModel) => { rows: number; cols: number },
  ): void {
    this.invoke(method, args, "1.7", (s) => {
      assertLive(s);
      s.freeze = at(s);
    });
  }

  /** Freezes the rows and columns up to the range's bottom-right corner. */
  freezeAt(frozenRange: FakeRange | string): void {
    this.freeze("freezeAt", [typeof frozenRange === "string" ? frozenRange : frozenRange.path], (s) => {
      const area = typeof frozenRange === "string" ? parseAddress(frozenRange) : frozenRange.resolve()?.area;
      if (!area) throw new FakeExcelError("InvalidArgument", "freezeAt range");
      if (typeof frozenRange !== "string" && frozenRange.resolve()?.sheet !== s) {
        throw new FakeExcelError("InvalidArgument", "freezeAt: a range of another sheet");
      }
      return { rows: area.r1 + 1, cols: area.c1 + 1 };
    });
  }

  freezeRows(count = 1): void {
    this.freeze("freezeRows", [count], () => ({ rows: count, cols: 0 }));
  }

  freezeColumns(count = 1): void {
    this.freeze("freezeColumns", [count], () => ({ rows: 0, cols: count }));
  }

  unfreeze(): void {
    this.invoke("unfreeze", [], "1.7", (s) => {
      delete s.freeze;
    });
  }
}

/** Print setup: ExcelApi 1.9, so an Excel 2019 host has none (the adapter must not call it there). */
export class FakePageLayout extends FakeObject<SheetModel> {
  protected readonly typeName = "PageLayout";

  private set(prop: keyof PrintModel, value: unknown, apply: (p: PrintModel) => void): void {
    this.write(prop, value, "1.9", (s) => {
      assertLive(s);
      apply((s.print ??= {}));
    });
  }

  set orientation(value: string) {
    this.set("orientation", value, (p) => (p.orientation = value));
  }
  set paperSize(value: string) {
    this.set("paperSize", value, (p) => (p.paperSize = value));
  }
  set centerHorizontally(value: boolean) {
    this.set("centerHorizontally", value, (p) => (p.centerHorizontally = value));
  }
  set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.write("zoom", value, "1.9", (s) => {
      assertLive(s);
      const p = (s.print ??= {});
      p.fitToWidth = value.horizontalFitToPages;
      p.fitToHeight = value.verticalFitToPages;
    });
  }

  setPrintTitleRows(address: string): void {
    this.invoke("setPrintTitleRows", [address], "1.9", (s) => {
      assertLive(s);
      if (!/^\$?\d+:\$?\d+$/.test(address))
        throw new FakeExcelError("InvalidArgument", `title rows ${address}`);
      (s.print ??= {}).titleRows = address;
    });
  }
}
