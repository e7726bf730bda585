import { assertCanFormat, forEachCell, uniform, type RangeTarget } from "./cells";
import type { FakeContext } from "./context";
import { FakeExcelError } from "./errors";
import { DEFAULT_ROW_HEIGHT, type BorderSide, type CellModel } from "./model";
import { FakeObject, type ScalarDef } from "./proxy";
import { columnWidthOf } from "./range";

type Resolver = () => RangeTarget | undefined;

const HORIZONTAL = [
  "General",
  "Left",
  "Center",
  "Right",
  "Fill",
  "Justify",
  "CenterAcrossSelection",
  "Distributed",
];
const VERTICAL = ["Top", "Center", "Bottom", "Justify", "Distributed"];

/** The fake accepts colours only as #RRGGBB: named colours are legal in Excel but hide typos here. */
export function checkColor(color: unknown, what: string): string {
  if (typeof color !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(color)) {
    throw new FakeExcelError("InvalidArgument", `${what} = ${JSON.stringify(color)}: use "#RRGGBB"`);
  }
  return color.toUpperCase();
}

function checkOneOf(value: unknown, allowed: string[], what: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) {
    throw new FakeExcelError("InvalidArgument", `${what} = ${JSON.stringify(value)}`);
  }
  return value;
}

abstract class CellFormatPart extends FakeObject<RangeTarget> {
  constructor(ctx: FakeContext, path: string, resolver: Resolver) {
    super(ctx, path, resolver);
  }

  protected setCells(prop: string, value: unknown, api: string, change: (cell: CellModel) => void): void {
    this.write(prop, value, api, (t) => {
      assertCanFormat(t.sheet, "cells", `${this.typeName}.${prop}`);
      forEachCell(t, change);
    });
  }
}

export class FakeRangeFormat
  extends CellFormatPart
  implements
    Pick<
      Excel.RangeFormat,
      "columnWidth" | "rowHeight" | "wrapText" | "horizontalAlignment" | "verticalAlignment"
    >
{
  protected readonly typeName = "RangeFormat";
  private parts: Partial<Record<"fill" | "font" | "protection" | "borders", FakeObject<RangeTarget>>> = {};

  protected override scalars(): Record<string, ScalarDef<RangeTarget>> {
    return {
      columnWidth: { api: "1.2", read: columnWidthOf },
      rowHeight: {
        api: "1.2",
        read: (t) => {
          const heights = new Set<number>();
          for (let r = t.area.r0; r <= Math.min(t.area.r1, t.area.r0 + 10_000); r++) {
            heights.add(t.sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
          }
          return heights.size === 1 ? [...heights][0] : null;
        },
      },
      wrapText: { api: "1.1", read: (t) => uniform(t, (c) => c.wrap) },
      horizontalAlignment: { api: "1.1", read: (t) => uniform(t, (c) => c.horizontal) },
      verticalAlignment: { api: "1.1", read: (t) => uniform(t, (c) => c.vertical) },
    };
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    if (name === "protection") return this.protection;
    if (name === "borders") return this.borders;
    return undefined;
  }

  private part<P extends FakeObject<RangeTarget>>(
    key: "fill" | "font" | "protection" | "borders",
    make: () => P,
  ): P {
    this.parts[key] ??= make();
    return this.parts[key] as P;
  }

  get fill(): FakeRangeFill {
    return this.part("fill", () => new FakeRangeFill(this.ctx, `${this.path}.fill`, () => this.resolve()));
  }
  get font(): FakeRangeFont {
    return this.part("font", () => new FakeRangeFont(this.ctx, `${this.path}.font`, () => this.resolve()));
  }
  get protection(): FakeFormatProtection {
    return this.part(
      "protection",
      () => new FakeFormatProtection(this.ctx, `${this.path}.protection`, () => this.resolve()),
    );
  }
  get borders(): FakeRangeBorderCollection {
    return this.part(
      "borders",
      () => new FakeRangeBorderCollection(this.ctx, `${this.path}.borders`, () => this.resolve()),
    );
  }

  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.write("columnWidth", points, "1.2", (t) => {
      if (typeof points !== "number" || points < 0 || points > 1_800) {
        throw new FakeExcelError("InvalidArgument", `columnWidth ${points}`);
      }
      assertCanFormat(t.sheet, "columns", "columnWidth");
      for (let c = t.area.c0; c <= t.area.c1; c++) t.sheet.columnWidths.set(c, points);
    });
  }

  get rowHeight(): number {
    return this.read("rowHeight");
  }
  set rowHeight(points: number) {
    this.write("rowHeight", points, "1.2", (t) => {
      if (typeof points !== "number" || points < 0 || points > 409) {
        throw new FakeExcelError("InvalidArgument", `rowHeight ${points}`);
      }
      assertCanFormat(t.sheet, "rows", "rowHeight");
      for (let r = t.area.r0; r <= t.area.r1; r++) t.sheet.rowHeights.set(r, points);
    });
  }

  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(wrap: boolean) {
    this.setCells("wrapText", wrap, "1.1", (c) => {
      c.wrap = wrap;
    });
  }

  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    return this.read("horizontalAlignment");
  }
  set horizontalAlignment(value: Excel.RangeFormat["horizontalAlignment"]) {
    this.setCells("horizontalAlignment", value, "1.1", (c) => {
      c.horizontal = checkOneOf(value, HORIZONTAL, "horizontalAlignment");
    });
  }

  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    return this.read("verticalAlignment");
  }
  set verticalAlignment(value: Excel.RangeFormat["verticalAlignment"]) {
    this.setCells("verticalAlignment", value, "1.1", (c) => {
      c.vertical = checkOneOf(value, VERTICAL, "verticalAlignment");
    });
  }
}

export class FakeRangeFill extends CellFormatPart implements Pick<Excel.RangeFill, "color"> {
  protected readonly typeName = "RangeFill";

  protected override scalars(): Record<string, ScalarDef<RangeTarget>> {
    return { color: { api: "1.1", read: (t) => uniform(t, (c) => c.fill ?? "#FFFFFF") } };
  }

  get color(): string {
    return this.read("color");
  }
  set color(color: string) {
    this.setCells("color", color, "1.1", (c) => {
      c.fill = checkColor(color, "fill.color");
    });
  }

  clear(): void {
    this.invoke("clear", [], "1.1", (t) => {
      assertCanFormat(t.sheet, "cells", "fill.clear");
      forEachCell(t, (c) => {
        c.fill = null;
      });
    });
  }
}

export class FakeRangeFont
  extends CellFormatPart
  implements Pick<Excel.RangeFont, "bold" | "italic" | "size" | "color" | "name">
{
  protected readonly typeName = "RangeFont";

  protected override scalars(): Record<string, ScalarDef<RangeTarget>> {
    return {
      bold: { api: "1.1", read: (t) => uniform(t, (c) => c.font.bold) },
      italic: { api: "1.1", read: (t) => uniform(t, (c) => c.font.italic) },
      size: { api: "1.1", read: (t) => uniform(t, (c) => c.font.size) },
      color: { api: "1.1", read: (t) => uniform(t, (c) => c.font.color) },
      name: { api: "1.1", read: (t) => uniform(t, (c) => c.font.name) },
    };
  }

  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.setCells("bold", v, "1.1", (c) => {
      c.font.bold = v;
    });
  }
  get italic(): boolean {
    return this.read("italic");
  }
  set italic(v: boolean) {
    this.setCells("italic", v, "1.1", (c) => {
      c.font.italic = v;
    });
  }
  get size(): number {
    return this.read("size");
  }
  set size(v: number) {
    this.setCells("size", v, "1.1", (c) => {
      if (typeof v !== "number" || v < 1 || v > 409)
        throw new FakeExcelError("InvalidArgument", `font.size ${v}`);
      c.font.size = v;
    });
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.setCells("color", v, "1.1", (c) => {
      c.font.color = checkColor(v, "font.color");
    });
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.setCells("name", v, "1.1", (c) => {
      c.font.name = v;
    });
  }
}

export class FakeFormatProtection extends CellFormatPart implements Pick<Excel.FormatProtection, "locked"> {
  protected readonly typeName = "FormatProtection";

  protected override scalars(): Record<string, ScalarDef<RangeTarget>> {
    return { locked: { api: "1.2", read: (t) => uniform(t, (c) => c.locked) } };
  }

  get locked(): boolean {
    return this.read("locked");
  }
  set locked(v: boolean) {
    this.setCells("locked", v, "1.2", (c) => {
      c.locked = v;
    });
  }
}

type BorderIndex =
  | Excel.BorderIndex
  | "EdgeTop"
  | "EdgeBottom"
  | "EdgeLeft"
  | "EdgeRight"
  | "InsideVertical"
  | "InsideHorizontal";

export class FakeRangeBorderCollection extends FakeObject<RangeTarget> {
  protected readonly typeName = "RangeBorderCollection";
  private readonly byIndex = new Map<string, FakeRangeBorder>();

  constructor(ctx: FakeContext, path: string, resolver: Resolver) {
    super(ctx, path, resolver);
  }

  getItem(index: BorderIndex | "DiagonalDown" | "DiagonalUp"): FakeRangeBorder {
    let border = this.byIndex.get(index);
    if (!border) {
      border = new FakeRangeBorder(this.ctx, `${this.path}[${index}]`, () => this.resolve(), index);
      this.byIndex.set(index, border);
    }
    return border;
  }
}

/** Which sides of which cells a border item stands for, so every cell's own edges can be compared. */
function sidesOf(index: string, t: RangeTarget, r: number, c: number): BorderSide[] {
  const a = t.area;
  switch (index) {
    case "EdgeTop":
      return r === a.r0 ? ["EdgeTop"] : [];
    case "EdgeBottom":
      return r === a.r1 ? ["EdgeBottom"] : [];
    case "EdgeLeft":
      return c === a.c0 ? ["EdgeLeft"] : [];
    case "EdgeRight":
      return c === a.c1 ? ["EdgeRight"] : [];
    case "InsideHorizontal":
      return [...(r > a.r0 ? (["EdgeTop"] as const) : []), ...(r < a.r1 ? (["EdgeBottom"] as const) : [])];
    case "InsideVertical":
      return [...(c > a.c0 ? (["EdgeLeft"] as const) : []), ...(c < a.c1 ? (["EdgeRight"] as const) : [])];
    default:
      throw new FakeExcelError("NotImplementedInFake", `border ${index}`);
  }
}

const LINE_STYLES = ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"];

export class FakeRangeBorder
  extends FakeObject<RangeTarget>
  implements Pick<Excel.RangeBorder, "style" | "color" | "weight">
{
  protected readonly typeName = "RangeBorder";

  constructor(
    ctx: FakeContext,
    path: string,
    resolver: Resolver,
    private readonly index: string,
  ) {
    super(ctx, path, resolver);
  }

  private change(prop: "style" | "color" | "weight", value: string): void {
    this.write(prop, value, "1.1", (t) => {
      assertCanFormat(t.sheet, "cells", `border ${prop}`);
      forEachCell(t, (cell, r, c) => {
        for (const side of sidesOf(this.index, t, r, c)) {
          const border = cell.borders[side] ?? { style: "None", color: "#000000", weight: "Thin" };
          if (prop === "style") border.style = checkOneOf(value, LINE_STYLES, "border.style");
          else if (prop === "color") border.color = checkColor(value, "border.color");
          else border.weight = checkOneOf(value, ["Hairline", "Thin", "Medium", "Thick"], "border.weight");
          cell.borders[side] = border;
        }
      });
    });
  }

  get style(): Excel.RangeBorder["style"] {
    return this.read("style");
  }
  set style(v: Excel.RangeBorder["style"]) {
    this.change("style", v);
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.change("color", v);
  }
  get weight(): Excel.RangeBorder["weight"] {
    return this.read("weight");
  }
  set weight(v: Excel.RangeBorder["weight"]) {
    this.change("weight", v);
  }
}
