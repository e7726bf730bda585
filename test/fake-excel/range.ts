import { cellCount, formatArea, intersects, sheetPrefix, type Area } from "./address";
import { parseEntry } from "./cell-input";
import {
  a1Of,
  assertCanFormat,
  assertEditable,
  assertLive,
  assertShape,
  assertUnprotected,
  cellAt,
  forEachCell,
  grid,
  type RangeTarget,
} from "./cells";
import type { FakeContext } from "./context";
import { FakeConditionalFormatCollection } from "./conditional";
import { FakeExcelError } from "./errors";
import { raiseChanged, valueBefore } from "./events";
import { FakeRangeFormat } from "./format";
import { DEFAULT_COLUMN_WIDTH, type CellModel, type StoredValue } from "./model";
import { FakeObject, type ScalarDef } from "./proxy";
import { FakeDataValidation } from "./validation";

function storedForRead(cell: CellModel): StoredValue | "" {
  return cell.value === null ? "" : cell.value;
}

export type RangeResolver = () => RangeTarget | undefined;

export class FakeRange
  extends FakeObject<RangeTarget>
  implements
    Pick<
      Excel.Range,
      | "values"
      | "formulas"
      | "numberFormat"
      | "address"
      | "columnHidden"
      | "rowIndex"
      | "columnIndex"
      | "rowCount"
      | "columnCount"
    >
{
  protected readonly typeName = "Range";
  private formatProxy?: FakeRangeFormat;
  private validationProxy?: FakeDataValidation;
  private conditionalProxy?: FakeConditionalFormatCollection;

  constructor(ctx: FakeContext, path: string, resolver: RangeResolver, orNull = false) {
    super(ctx, path, resolver, orNull);
  }

  /**
   * The smallest block of this range holding every cell with a value or formula (valuesOnly; the fake keeps
   * no other notion of "used"), or a null object when there is none: ExcelApi 1.4.
   */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`,
      () => {
        this.ctx.requireApi("1.4", "Range.getUsedRangeOrNullObject");
        if (!valuesOnly) throw new FakeExcelError("NotImplementedInFake", "getUsedRange of formats");
        const t = this.target();
        const area = usedArea(t);
        return area ? { sheet: t.sheet, area } : undefined;
      },
      true,
    );
  }

  protected override scalars(): Record<string, ScalarDef<RangeTarget>> {
    return {
      values: { api: "1.1", read: (t) => grid(t, storedForRead) },
      formulas: { api: "1.1", read: (t) => grid(t, (c) => c.formula ?? storedForRead(c)) },
      numberFormat: { api: "1.1", read: (t) => grid(t, (c) => c.numberFormat) },
      address: { api: "1.1", read: (t) => `${sheetPrefix(t.sheet.name)}${formatArea(t.area)}` },
      rowIndex: { api: "1.1", read: (t) => t.area.r0 },
      columnIndex: { api: "1.1", read: (t) => t.area.c0 },
      rowCount: { api: "1.1", read: (t) => t.area.r1 - t.area.r0 + 1 },
      columnCount: { api: "1.1", read: (t) => t.area.c1 - t.area.c0 + 1 },
      columnHidden: {
        api: "1.2",
        read: (t) => {
          const states = new Set<boolean>();
          for (let c = t.area.c0; c <= t.area.c1; c++) states.add(t.sheet.hiddenColumns.has(c));
          return states.size === 1 ? [...states][0] : null;
        },
      },
    };
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "conditionalFormats") return this.conditionalFormats;
    return undefined;
  }

  get format(): FakeRangeFormat {
    this.formatProxy ??= new FakeRangeFormat(this.ctx, `${this.path}.format`, () => this.resolve());
    return this.formatProxy;
  }

  get dataValidation(): FakeDataValidation {
    this.validationProxy ??= new FakeDataValidation(this.ctx, `${this.path}.dataValidation`, () =>
      this.resolve(),
    );
    return this.validationProxy;
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.conditionalProxy ??= new FakeConditionalFormatCollection(
      this.ctx,
      `${this.path}.conditionalFormats`,
      () => this.resolve(),
    );
    return this.conditionalProxy;
  }

  get values(): unknown[][] {
    return this.read("values");
  }
  set values(rows: unknown[][]) {
    this.write("values", rows, "1.1", (t) => this.writeCells(t, rows, "values"));
  }

  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  set formulas(rows: unknown[][]) {
    this.write("formulas", rows, "1.1", (t) => this.writeCells(t, rows, "formulas"));
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(rows: unknown[][]) {
    this.write("numberFormat", rows, "1.1", (t) => {
      const checked = assertShape(t, rows, "numberFormat");
      assertCanFormat(t.sheet, "cells", "numberFormat");
      checked.forEach((row, i) =>
        row.forEach((format, j) => {
          if (format === null) return;
          if (typeof format !== "string")
            throw new FakeExcelError("InvalidArgument", `numberFormat ${String(format)}`);
          cellAt(t.sheet, t.area.r0 + i, t.area.c0 + j).numberFormat = format === "" ? "General" : format;
        }),
      );
    });
  }

  get address(): string {
    return this.read("address");
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  get columnIndex(): number {
    return this.read("columnIndex");
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get columnHidden(): boolean {
    return this.read("columnHidden");
  }
  set columnHidden(hidden: boolean) {
    this.write("columnHidden", hidden, "1.2", (t) => {
      assertCanFormat(t.sheet, "columns", "columnHidden");
      for (let c = t.area.c0; c <= t.area.c1; c++) {
        if (hidden) t.sheet.hiddenColumns.add(c);
        else t.sheet.hiddenColumns.delete(c);
      }
    });
  }

  /** Excel's entry parsing: "=..." becomes a formula unless the cell is text-formatted ("@"). Recorded. */
  private writeCells(t: RangeTarget, rows: unknown[][], via: "values" | "formulas"): void {
    const checked = assertShape(t, rows, via);
    assertLive(t.sheet);
    const before = valueBefore(t.sheet, t.area);
    checked.forEach((row, i) =>
      row.forEach((input, j) => {
        if (input === null) return;
        const r = t.area.r0 + i;
        const c = t.area.c0 + j;
        const cell = cellAt(t.sheet, r, c);
        assertEditable(t.sheet, cell, r, c);
        if (
          via === "formulas" &&
          typeof input === "string" &&
          input.startsWith("=") &&
          cell.numberFormat === "@"
        ) {
          // Excel's answer here is not documented; the fake refuses rather than guess.
          throw new FakeExcelError("NotImplementedInFake", `formula written to text-formatted ${a1Of(r, c)}`);
        }
        const entry = parseEntry(input, cell.numberFormat);
        delete cell.formula;
        cell.quotePrefix = false;
        if (entry.kind === "empty") {
          cell.value = null;
          return;
        }
        if (entry.kind === "formula") {
          cell.formula = entry.formula;
          cell.value = this.ctx.host.evaluate(entry.formula);
        } else {
          cell.value = entry.value;
          cell.quotePrefix = entry.quotePrefix;
          if (entry.format && cell.numberFormat === "General") cell.numberFormat = entry.format;
        }
        const explicitFormula = via === "formulas" && entry.kind === "formula";
        if (entry.became && !explicitFormula) {
          this.ctx.host.coercions.push({
            sheet: t.sheet.name,
            cell: a1Of(r, c),
            input: String(input),
            became: entry.became,
          });
        }
      }),
    );
    raiseChanged(this.ctx.host, { sheet: t.sheet, area: t.area, byAddin: true, before });
  }

  merge(across = false): void {
    this.invoke("merge", [across], "1.2", (t) => {
      assertUnprotected(t.sheet, "merge");
      const areas: Area[] = across
        ? Array.from({ length: t.area.r1 - t.area.r0 + 1 }, (_, i) => ({
            ...t.area,
            r0: t.area.r0 + i,
            r1: t.area.r0 + i,
          }))
        : [t.area];
      for (const area of areas) {
        if (cellCount(area) < 2) continue;
        if (t.sheet.merges.some((m) => intersects(m, area))) {
          throw new FakeExcelError("InvalidOperation", `merge ${formatArea(area)} overlaps a merged area`);
        }
        // Excel keeps the top-left value and clears the rest; the merged cell takes the top-left's format.
        const master = cellAt(t.sheet, area.r0, area.c0);
        forEachCell({ sheet: t.sheet, area }, (cell, r, c) => {
          if (r === area.r0 && c === area.c0) return;
          Object.assign(cell, structuredClone({ ...master, value: null, quotePrefix: false }));
          delete cell.formula;
        });
        t.sheet.merges.push(area);
      }
    });
  }

  select(): void {
    this.invoke("select", [], "1.1", (t) => {
      assertLive(t.sheet);
      const model = this.ctx.host.model;
      if (model.activeSheetId !== t.sheet.id) {
        // TRAPS: select() on a sheet that is not active is unreliable; the fake makes it an error.
        throw new FakeExcelError(
          "InvalidOperation",
          `select() on inactive sheet "${t.sheet.name}": activate() it first`,
        );
      }
      model.selection = { sheetId: t.sheet.id, area: t.area };
    });
  }

  group(groupOption: Excel.GroupOption | "ByRows" | "ByColumns"): void {
    this.invoke("group", [groupOption], "1.10", (t) => {
      if (groupOption !== "ByColumns")
        throw new FakeExcelError("NotImplementedInFake", `group(${groupOption})`);
      assertCanFormat(t.sheet, "columns", "group");
      for (let c = t.area.c0; c <= t.area.c1; c++) {
        t.sheet.columnOutline.set(c, Math.min(7, (t.sheet.columnOutline.get(c) ?? 0) + 1));
      }
    });
  }
}

/** The bounding block of the cells holding a value or formula within a range; undefined when none. */
function usedArea(t: RangeTarget): Area | undefined {
  assertLive(t.sheet);
  let used: Area | undefined;
  for (const [key, cell] of t.sheet.cells) {
    if (cell.value === null && cell.formula === undefined) continue;
    const [r, c] = key.split(",").map(Number);
    if (r < t.area.r0 || r > t.area.r1 || c < t.area.c0 || c > t.area.c1) continue;
    used = used
      ? {
          r0: Math.min(used.r0, r),
          c0: Math.min(used.c0, c),
          r1: Math.max(used.r1, r),
          c1: Math.max(used.c1, c),
        }
      : { r0: r, c0: c, r1: r, c1: c };
  }
  return used;
}

/** Column width read back: the set width, or a new sheet's default. */
export function columnWidthOf(t: RangeTarget): number | null {
  const widths = new Set<number>();
  for (let c = t.area.c0; c <= Math.min(t.area.c1, t.area.c0 + 16_383); c++) {
    widths.add(t.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  }
  return widths.size === 1 ? [...widths][0] : null;
}
