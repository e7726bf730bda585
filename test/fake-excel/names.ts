import { formatArea, parseAddress, sheetPrefix } from "./address";
import type { FakeContext } from "./context";
import { FakeExcelError } from "./errors";
import { liveSheets, type NameModel, type WorkbookModel } from "./model";
import { FakeCollection, FakeObject, type ScalarDef } from "./proxy";
import { FakeRange } from "./range";

/** Excel's rule for a defined name: a letter, _ or \ first; no spaces; not a cell reference like A1 or R1C1. */
function checkName(model: WorkbookModel, name: unknown): string {
  const legal =
    typeof name === "string" &&
    name.length <= 255 &&
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*[Cc]\d*$/.test(name);
  if (!legal) throw new FakeExcelError("InvalidArgument", `defined name ${JSON.stringify(name)}`);
  if (model.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
    throw new FakeExcelError("ItemAlreadyExists", `the name ${name} exists`);
  }
  return name;
}

export function nameFormula(n: NameModel): string {
  return n.target ? `=${sheetPrefix(n.target.sheet.name)}${formatArea(n.target.area, true)}` : "=#REF!";
}

export class FakeNamedItemCollection extends FakeCollection<WorkbookModel, FakeNamedItem> {
  protected readonly typeName = "NamedItemCollection";

  constructor(ctx: FakeContext) {
    super(ctx, "names", () => ctx.host.model);
  }

  protected itemsOf(model: WorkbookModel): FakeNamedItem[] {
    return model.names.map((n) => new FakeNamedItem(this.ctx, `names[${n.name}]`, () => n));
  }

  /** reference: a Range, or a formula string "=Sheet!$A$1". */
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let created: NameModel | undefined;
    this.ctx.enqueue({
      name: "NamedItemCollection.add",
      api: "1.4",
      describe: {
        p: this.path,
        call: "add",
        a: [name, typeof reference === "string" ? reference : reference.path, comment],
      },
      apply: () => {
        const model = this.ctx.host.model;
        const checked = checkName(model, name);
        let target: NameModel["target"];
        if (typeof reference !== "string") target = reference.resolve();
        else {
          const m = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(reference);
          const sheet = m
            ? liveSheets(model).find((s) => s.name === (m[1] ?? m[2]).replace(/''/g, "'"))
            : undefined;
          const area = m ? parseAddress(m[3]) : undefined;
          target = sheet && area ? { sheet, area } : undefined;
        }
        if (!target) throw new FakeExcelError("InvalidReference", `names.add(${name}): reference not found`);
        created = { name: checked, target };
        model.names.push(created);
      },
    });
    return new FakeNamedItem(this.ctx, `names.add(${name})`, () => created);
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, `names.getItem(${name})`, () => this.find(name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, `names.getItemOrNullObject(${name})`, () => this.find(name), true);
  }

  private find(name: string): NameModel | undefined {
    return this.ctx.host.model.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  }
}

export class FakeNamedItem
  extends FakeObject<NameModel>
  implements Pick<Excel.NamedItem, "name" | "type" | "formula">
{
  protected readonly typeName = "NamedItem";

  protected override scalars(): Record<string, ScalarDef<NameModel>> {
    return {
      name: { api: "1.1", read: (n) => n.name },
      type: { api: "1.1", read: (n) => (n.target ? "Range" : "Error") },
      formula: { api: "1.7", read: nameFormula },
      value: { api: "1.1", read: (n) => (n.target ? nameFormula(n).slice(1) : "#REF!") },
      visible: { api: "1.1", read: () => true },
    };
  }

  get name(): string {
    return this.read("name");
  }
  get type(): Excel.NamedItem["type"] {
    return this.read("type");
  }
  get formula(): string {
    return this.read("formula");
  }

  /** A name whose sheet is gone (#REF!) has no range: getRange() fails the batch. */
  getRange(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange()`, () => {
      const n = this.target();
      if (!n.target) throw new FakeExcelError("InvalidOperation", `${n.name} refers to #REF!`);
      return n.target;
    });
  }

  delete(): void {
    this.invoke("delete", [], "1.4", (n) => {
      const model = this.ctx.host.model;
      model.names = model.names.filter((x) => x !== n);
    });
  }
}
