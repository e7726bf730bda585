import { FakeExcelError } from "./errors";
import type { FakeContext } from "./context";

/** Which properties a load() asked for: scalars here, and navigation properties with their own tree. */
export interface LoadTree {
  all: boolean;
  scalars: Set<string>;
  navs: Map<string, LoadTree>;
}

function emptyTree(all: boolean): LoadTree {
  return { all, scalars: new Set(), navs: new Map() };
}

/** load() takes "a, b/c" or ["a", "b/c"]; the object forms are not implemented, so they fail loudly. */
export function parseLoad(spec: unknown): LoadTree {
  if (spec === undefined) return emptyTree(true);
  const paths =
    typeof spec === "string"
      ? spec.split(",")
      : Array.isArray(spec) && spec.every((p) => typeof p === "string")
        ? (spec as string[])
        : undefined;
  if (!paths)
    throw new FakeExcelError(
      "NotImplementedInFake",
      `load(${JSON.stringify(spec)}): use a string or string[]`,
    );
  const tree = emptyTree(false);
  for (const raw of paths) {
    const parts = raw
      .trim()
      .split("/")
      .map((p) => p.trim());
    if (parts.some((p) => p === "")) throw new FakeExcelError("InvalidArgument", `load path "${raw}"`);
    let node = tree;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node.scalars.add(part);
      else {
        let next = node.navs.get(part);
        if (!next) {
          next = emptyTree(false);
          node.navs.set(part, next);
        }
        node = next;
      }
    });
  }
  return tree;
}

export interface ScalarDef<T> {
  /** ExcelApi minor version that introduced it, e.g. "1.7". */
  api: string;
  read(target: T): unknown;
}

/**
 * A proxy like Office.js's ClientObject: calls queue operations, nothing touches the workbook until sync(),
 * and a property can be read only after it was loaded and synced.
 */
export abstract class FakeObject<T> {
  private bound: T | undefined;
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  protected abstract readonly typeName: string;
  /** ExcelApi version a load() of this object needs (a collection of a newer API needs that API). */
  protected readonly loadApi: string = "1.1";

  constructor(
    protected readonly ctx: FakeContext,
    readonly path: string,
    private readonly resolver: () => T | undefined,
    private readonly orNull = false,
  ) {}

  /** The model object, bound at first use (as Excel binds a proxy) and kept even if later renamed. */
  resolve(): T | undefined {
    if (this.bound !== undefined) return this.bound;
    const t = this.resolver();
    if (t !== undefined) this.bound = t;
    return t;
  }

  protected target(): T {
    const t = this.resolve();
    if (t !== undefined) return t;
    if (this.orNull) {
      throw new FakeExcelError(
        "InvalidOperation",
        `${this.path} is a null object; the fake refuses calls on it (check isNullObject after a sync first)`,
      );
    }
    throw new FakeExcelError("ItemNotFound", `${this.path} does not exist`);
  }

  protected scalars(): Record<string, ScalarDef<T>> {
    return {};
  }

  protected nav(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeExcelError("PropertyNotLoaded", `isNullObject of ${this.path}: load() and sync() first`);
    }
    return this.nullState;
  }

  protected read<V>(prop: string): V {
    if (this.nullState === true) {
      throw new FakeExcelError("InvalidOperation", `${this.typeName}.${prop}: ${this.path} is a null object`);
    }
    if (!this.loaded.has(prop)) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `${this.typeName}.${prop} of ${this.path} was not loaded: call load("${prop}") and sync() before reading it`,
      );
    }
    return this.loaded.get(prop) as V;
  }

  /** Queues a property write; null and undefined are not valid for a single property (Excel docs). */
  protected write(prop: string, value: unknown, api: string, apply: (target: T) => void): void {
    this.ctx.enqueue({
      name: `${this.typeName}.${prop}`,
      api,
      describe: { p: this.path, set: prop, v: value },
      apply: () => {
        if (value === null || value === undefined) {
          throw new FakeExcelError("InvalidArgument", `${this.typeName}.${prop} = ${String(value)}`);
        }
        apply(this.target());
      },
    });
  }

  protected invoke(method: string, args: unknown[], api: string, apply: (target: T) => void): void {
    this.ctx.enqueue({
      name: `${this.typeName}.${method}`,
      api,
      describe: { p: this.path, call: method, a: args },
      apply: () => apply(this.target()),
    });
  }

  load(spec?: unknown): this {
    const tree = parseLoad(spec);
    this.ctx.enqueue({
      name: `${this.typeName}.load`,
      api: this.loadApi,
      describe: { p: this.path, load: spec ?? "*" },
      apply: () => this.applyLoad(tree),
    });
    return this;
  }

  /** At sync: copies the model's state into the proxy. Returns what Excel would send back. */
  applyLoad(tree: LoadTree): unknown {
    const t = this.resolve();
    if (t === undefined) {
      if (!this.orNull) throw new FakeExcelError("ItemNotFound", `${this.path} does not exist`);
      this.nullState = true;
      return { isNullObject: true };
    }
    this.nullState = false;
    const defs = this.scalars();
    const out: Record<string, unknown> = {};
    const names = tree.all ? Object.keys(defs) : [...tree.scalars];
    for (const name of names) {
      const def = defs[name];
      if (!def) {
        const child = this.nav(name);
        if (!child) throw new FakeExcelError("InvalidArgument", `${this.typeName} has no property "${name}"`);
        out[name] = child.applyLoad(emptyTree(true));
        continue;
      }
      this.ctx.requireApi(def.api, `${this.typeName}.${name}`);
      const value = def.read(t);
      this.loaded.set(name, value);
      out[name] = value;
    }
    for (const [name, sub] of tree.navs) {
      const child = this.nav(name);
      if (!child)
        throw new FakeExcelError("InvalidArgument", `${this.typeName} has no navigation property "${name}"`);
      out[name] = child.applyLoad(sub);
    }
    return out;
  }
}

/** A collection: `items` exists only after load("items/...") and sync(), holding proxies bound to members. */
export abstract class FakeCollection<T, I extends FakeObject<unknown>> extends FakeObject<T> {
  private loadedItems: I[] | undefined;

  protected abstract itemsOf(target: T): I[];

  get items(): I[] {
    if (!this.loadedItems) {
      throw new FakeExcelError(
        "PropertyNotLoaded",
        `items of ${this.path}: load("items/...") and sync() first`,
      );
    }
    return this.loadedItems;
  }

  override applyLoad(tree: LoadTree): unknown {
    const itemsTree = tree.all
      ? emptyTree(true)
      : (tree.navs.get("items") ?? (tree.scalars.has("items") ? emptyTree(true) : undefined));
    if (!itemsTree)
      throw new FakeExcelError("InvalidArgument", `load on ${this.path}: ask for "items/<property>"`);
    const items = this.itemsOf(this.target());
    this.loadedItems = items;
    return items.map((item) => item.applyLoad(itemsTree));
  }
}
