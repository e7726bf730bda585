import { contains, formatArea, intersects } from "./address";
import { assertUnprotected, type RangeTarget } from "./cells";
import type { FakeContext } from "./context";
import { FakeExcelError } from "./errors";
import { checkColor } from "./format";
import type { ConditionalFormatModel, SheetModel } from "./model";
import { FakeCollection, FakeObject, type ScalarDef } from "./proxy";
import { FakeRange } from "./range";

const TYPES = [
  "Custom",
  "DataBar",
  "ColorScale",
  "IconSet",
  "TopBottom",
  "PresetCriteria",
  "ContainsText",
  "CellValue",
];

interface FormatTarget {
  sheet: SheetModel;
  cf: ConditionalFormatModel;
}

function live(t: FormatTarget): FormatTarget {
  if (t.sheet.deleted || !t.sheet.conditionalFormats.includes(t.cf)) {
    throw new FakeExcelError("ItemNotFound", `conditional format ${t.cf.id} no longer exists`);
  }
  return t;
}

/** Range.conditionalFormats: the rules that touch the range, highest priority first. */
export class FakeConditionalFormatCollection extends FakeCollection<RangeTarget, FakeConditionalFormat> {
  protected readonly typeName = "ConditionalFormatCollection";

  constructor(ctx: FakeContext, path: string, resolver: () => RangeTarget | undefined) {
    super(ctx, path, resolver);
  }

  private touching(t: RangeTarget): ConditionalFormatModel[] {
    return t.sheet.conditionalFormats.filter((cf) => intersects(cf.area, t.area));
  }

  protected itemsOf(t: RangeTarget): FakeConditionalFormat[] {
    return this.touching(t).map((cf) => this.proxyFor(t.sheet, cf));
  }

  private proxyFor(sheet: SheetModel, cf: ConditionalFormatModel): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, `${this.path}[${cf.id}]`, () => ({ sheet, cf }));
  }

  protected override readonly loadApi = "1.6";

  /** A new rule goes to the top of the priority list, as Excel's add() does. */
  add(type: Excel.ConditionalFormatType | (typeof TYPES)[number]): FakeConditionalFormat {
    let created: FormatTarget | undefined;
    this.ctx.enqueue({
      name: "ConditionalFormatCollection.add",
      api: "1.6",
      describe: { p: this.path, call: "add", a: [type] },
      apply: () => {
        const t = this.target();
        assertUnprotected(t.sheet, "conditionalFormats.add");
        if (!TYPES.includes(type))
          throw new FakeExcelError("InvalidArgument", `conditional format type ${type}`);
        const cf: ConditionalFormatModel = {
          id: `{cf-${this.ctx.host.model.nextId++}}`,
          area: t.area,
          type,
          origin: "api",
        };
        t.sheet.conditionalFormats.unshift(cf);
        created = { sheet: t.sheet, cf };
      },
    });
    return new FakeConditionalFormat(this.ctx, `${this.path}.add(${type})`, () => created);
  }

  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.ctx, `${this.path}[${index}]`, () => {
      const t = this.target();
      const cf = this.touching(t)[index];
      return cf ? { sheet: t.sheet, cf } : undefined;
    });
  }

  /** Clears the rules on the range; a rule reaching outside it would be split by Excel, which the fake does not model. */
  clearAll(): void {
    this.invoke("clearAll", [], "1.6", (t) => {
      assertUnprotected(t.sheet, "conditionalFormats.clearAll");
      for (const cf of this.touching(t)) {
        if (!contains(t.area, cf.area)) {
          throw new FakeExcelError(
            "NotImplementedInFake",
            `clearAll would split rule on ${formatArea(cf.area)}`,
          );
        }
      }
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !intersects(cf.area, t.area));
    });
  }
}

export class FakeConditionalFormat extends FakeObject<FormatTarget> {
  protected readonly typeName = "ConditionalFormat";
  private customProxy?: FakeCustomConditionalFormat;
  private customOrNullProxy?: FakeCustomConditionalFormat;

  constructor(ctx: FakeContext, path: string, resolver: () => FormatTarget | undefined) {
    super(ctx, path, resolver);
  }

  protected override scalars(): Record<string, ScalarDef<FormatTarget>> {
    return {
      type: { api: "1.6", read: (t) => live(t).cf.type },
      id: { api: "1.6", read: (t) => live(t).cf.id },
      priority: { api: "1.6", read: (t) => live(t).sheet.conditionalFormats.indexOf(t.cf) },
    };
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    if (name === "custom") return this.custom;
    if (name === "customOrNullObject") return this.customOrNullObject;
    return undefined;
  }

  get type(): string {
    return this.read("type");
  }
  get id(): string {
    return this.read("id");
  }
  get priority(): number {
    return this.read("priority");
  }

  /** office-js #2180: custom of a rule of another type fails the whole batch ("not permitted"). */
  get custom(): FakeCustomConditionalFormat {
    this.customProxy ??= new FakeCustomConditionalFormat(this.ctx, `${this.path}.custom`, () => {
      const t = this.resolve();
      if (t && live(t).cf.type !== "Custom") {
        throw new FakeExcelError(
          "InvalidOperation",
          `This operation is not permitted for the current object (${t.cf.type})`,
        );
      }
      return t;
    });
    return this.customProxy;
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    this.customOrNullProxy ??= new FakeCustomConditionalFormat(
      this.ctx,
      `${this.path}.customOrNullObject`,
      () => {
        const t = this.resolve();
        return t && live(t).cf.type === "Custom" ? t : undefined;
      },
      true,
    );
    return this.customOrNullProxy;
  }

  delete(): void {
    this.invoke("delete", [], "1.6", (t) => {
      live(t);
      assertUnprotected(t.sheet, "conditionalFormat.delete");
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => cf !== t.cf);
    });
  }

  getRange(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange()`, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, area: t.cf.area } : undefined;
    });
  }
}

export class FakeCustomConditionalFormat extends FakeObject<FormatTarget> {
  protected readonly typeName = "CustomConditionalFormat";
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;

  constructor(ctx: FakeContext, path: string, resolver: () => FormatTarget | undefined, orNull = false) {
    super(ctx, path, resolver, orNull);
    this.rule = new FakeConditionalFormatRule(ctx, `${path}.rule`, () => this.resolve());
    this.format = new FakeConditionalRangeFormat(ctx, `${path}.format`, () => this.resolve());
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    if (name === "rule") return this.rule;
    if (name === "format") return this.format;
    return undefined;
  }
}

export class FakeConditionalFormatRule
  extends FakeObject<FormatTarget>
  implements Pick<Excel.ConditionalFormatRule, "formula">
{
  protected readonly typeName = "ConditionalFormatRule";

  protected override scalars(): Record<string, ScalarDef<FormatTarget>> {
    return { formula: { api: "1.6", read: (t) => live(t).cf.formula ?? "" } };
  }

  get formula(): string {
    return this.read("formula");
  }
  set formula(formula: string) {
    this.write("formula", formula, "1.6", (t) => {
      live(t);
      assertUnprotected(t.sheet, "rule.formula");
      if (typeof formula !== "string" || !formula.startsWith("=")) {
        throw new FakeExcelError(
          "InvalidArgument",
          `rule.formula ${JSON.stringify(formula)}: it starts with "="`,
        );
      }
      t.cf.formula = formula;
    });
  }
}

export class FakeConditionalRangeFormat extends FakeObject<FormatTarget> {
  protected readonly typeName = "ConditionalRangeFormat";
  readonly fill: FakeConditionalColor;
  readonly font: FakeConditionalColor;

  constructor(ctx: FakeContext, path: string, resolver: () => FormatTarget | undefined) {
    super(ctx, path, resolver);
    this.fill = new FakeConditionalColor(ctx, `${path}.fill`, resolver, "fill");
    this.font = new FakeConditionalColor(ctx, `${path}.font`, resolver, "fontColor");
  }

  protected override nav(name: string): FakeObject<unknown> | undefined {
    if (name === "fill") return this.fill;
    if (name === "font") return this.font;
    return undefined;
  }
}

/** ConditionalRangeFill and ConditionalRangeFont, as far as their colour goes. */
export class FakeConditionalColor extends FakeObject<FormatTarget> {
  protected readonly typeName: string;

  constructor(
    ctx: FakeContext,
    path: string,
    resolver: () => FormatTarget | undefined,
    private readonly key: "fill" | "fontColor",
  ) {
    super(ctx, path, resolver);
    this.typeName = key === "fill" ? "ConditionalRangeFill" : "ConditionalRangeFont";
  }

  protected override scalars(): Record<string, ScalarDef<FormatTarget>> {
    return { color: { api: "1.6", read: (t) => live(t).cf[this.key] ?? null } };
  }

  get color(): string {
    return this.read("color");
  }
  set color(color: string) {
    this.write("color", color, "1.6", (t) => {
      live(t);
      assertUnprotected(t.sheet, "conditional format colour");
      t.cf[this.key] = checkColor(color, `${this.typeName}.color`);
    });
  }
}
