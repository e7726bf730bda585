import { cellCount, cellKey, parseAddress, type Area } from "./address";
import { assertLive, assertUnprotected, type RangeTarget } from "./cells";
import type { FakeContext } from "./context";
import { FakeExcelError } from "./errors";
import type { SheetModel } from "./model";
import { FakeCollection, FakeObject, type ScalarDef } from "./proxy";
import { FakeRange } from "./range";

/** Notes (ExcelApi 1.18) and comments (1.10): one per cell, on a workbook's or a worksheet's collection. */

interface MessageTarget {
  sheet: SheetModel;
  key: string;
}

type Kind = "notes" | "comments";
type Scope = () => SheetModel[] | undefined;

function areaOfKey(key: string): Area {
  const [r, c] = key.split(",").map(Number);
  return { r0: r, c0: c, r1: r, c1: c };
}

/** add()'s cellAddress: a Range, or a string ("A1" on a worksheet's collection, "Sheet!A1" on the workbook's). */
function cellOf(scope: SheetModel[], address: FakeRange | string): RangeTarget {
  let target: RangeTarget | undefined;
  if (typeof address !== "string") target = address.resolve();
  else {
    const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address);
    const sheetName = m ? (m[1] ?? m[2]).replace(/''/g, "'") : undefined;
    const sheet = sheetName
      ? scope.find((s) => s.name === sheetName)
      : scope.length === 1
        ? scope[0]
        : undefined;
    const area = parseAddress(m ? m[3] : address);
    target = sheet && area ? { sheet, area } : undefined;
  }
  if (!target || cellCount(target.area) !== 1) {
    throw new FakeExcelError(
      "InvalidArgument",
      `InvalidCellAddress ${typeof address === "string" ? address : address.path}`,
    );
  }
  if (!scope.includes(target.sheet))
    throw new FakeExcelError("InvalidArgument", "a cell outside this collection's sheet");
  return target;
}

function enqueueAdd(
  ctx: FakeContext,
  kind: Kind,
  path: string,
  scope: () => SheetModel[],
  cellAddress: FakeRange | string,
  content: unknown,
  make: (sheet: SheetModel, key: string) => void,
): () => MessageTarget | undefined {
  let created: MessageTarget | undefined;
  ctx.enqueue({
    name: `${kind}.add`,
    api: kind === "notes" ? "1.18" : "1.10",
    describe: {
      p: path,
      call: "add",
      a: [typeof cellAddress === "string" ? cellAddress : cellAddress.path, content],
    },
    apply: () => {
      const { sheet, area } = cellOf(scope(), cellAddress);
      assertUnprotected(sheet, `${kind}.add`);
      if (typeof content !== "string") throw new FakeExcelError("NotImplementedInFake", "rich content");
      const key = cellKey(area.r0, area.c0);
      if (sheet[kind].has(key))
        throw new FakeExcelError("InvalidOperation", `the cell already holds one of the ${kind}`);
      make(sheet, key);
      created = { sheet, key };
    },
  });
  return () => created;
}

function liveMessage(kind: Kind, t: MessageTarget): MessageTarget {
  assertLive(t.sheet);
  if (!t.sheet[kind].has(t.key)) throw new FakeExcelError("ItemNotFound", `${kind} item was deleted`);
  return t;
}

export class FakeNoteCollection extends FakeCollection<SheetModel[], FakeNote> {
  protected readonly typeName = "NoteCollection";
  protected override readonly loadApi = "1.18";

  constructor(ctx: FakeContext, path: string, scope: Scope) {
    super(ctx, path, scope);
  }

  protected itemsOf(scope: SheetModel[]): FakeNote[] {
    return scope.flatMap((sheet) =>
      [...sheet.notes.keys()].map(
        (key) => new FakeNote(this.ctx, `${this.path}[${sheet.name}!${key}]`, () => ({ sheet, key })),
      ),
    );
  }

  add(cellAddress: FakeRange | string, content: unknown): FakeNote {
    const author = this.ctx.host.userName;
    const created = enqueueAdd(
      this.ctx,
      "notes",
      this.path,
      () => this.target(),
      cellAddress,
      content,
      (sheet, key) => {
        sheet.notes.set(key, { content: content as string, author });
      },
    );
    return new FakeNote(this.ctx, `${this.path}.add()`, created);
  }
}

export class FakeNote
  extends FakeObject<MessageTarget>
  implements Pick<Excel.Note, "content" | "authorName">
{
  protected readonly typeName = "Note";

  protected override scalars(): Record<string, ScalarDef<MessageTarget>> {
    const note = (t: MessageTarget) => t.sheet.notes.get(liveMessage("notes", t).key)!;
    return {
      content: { api: "1.18", read: (t) => note(t).content },
      authorName: { api: "1.18", read: (t) => note(t).author },
    };
  }

  get content(): string {
    return this.read("content");
  }
  set content(content: string) {
    this.write("content", content, "1.18", (t) => {
      assertUnprotected(t.sheet, "note.content");
      t.sheet.notes.get(liveMessage("notes", t).key)!.content = content;
    });
  }
  get authorName(): string {
    return this.read("authorName");
  }

  delete(): void {
    this.invoke("delete", [], "1.18", (t) => {
      assertUnprotected(t.sheet, "note.delete");
      t.sheet.notes.delete(liveMessage("notes", t).key);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getLocation()`, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, area: areaOfKey(t.key) } : undefined;
    });
  }
}

export class FakeCommentCollection extends FakeCollection<SheetModel[], FakeComment> {
  protected readonly typeName = "CommentCollection";
  protected override readonly loadApi = "1.10";

  constructor(ctx: FakeContext, path: string, scope: Scope) {
    super(ctx, path, scope);
  }

  protected itemsOf(scope: SheetModel[]): FakeComment[] {
    return scope.flatMap((sheet) =>
      [...sheet.comments.keys()].map(
        (key) => new FakeComment(this.ctx, `${this.path}[${sheet.name}!${key}]`, () => ({ sheet, key })),
      ),
    );
  }

  add(cellAddress: FakeRange | string, content: unknown, contentType?: "Plain" | "Mention"): FakeComment {
    if (contentType !== undefined && contentType !== "Plain")
      throw new FakeExcelError("NotImplementedInFake", "mentions");
    const host = this.ctx.host;
    const created = enqueueAdd(
      this.ctx,
      "comments",
      this.path,
      () => this.target(),
      cellAddress,
      content,
      (sheet, key) => {
        sheet.comments.set(key, {
          id: `{comment-${host.model.nextId++}}`,
          content: content as string,
          author: host.userName,
        });
      },
    );
    return new FakeComment(this.ctx, `${this.path}.add()`, created);
  }
}

export class FakeComment
  extends FakeObject<MessageTarget>
  implements Pick<Excel.Comment, "content" | "authorName" | "id">
{
  protected readonly typeName = "Comment";

  protected override scalars(): Record<string, ScalarDef<MessageTarget>> {
    const comment = (t: MessageTarget) => t.sheet.comments.get(liveMessage("comments", t).key)!;
    return {
      content: { api: "1.10", read: (t) => comment(t).content },
      authorName: { api: "1.10", read: (t) => comment(t).author },
      id: { api: "1.10", read: (t) => comment(t).id },
    };
  }

  get content(): string {
    return this.read("content");
  }
  get authorName(): string {
    return this.read("authorName");
  }
  get id(): string {
    return this.read("id");
  }

  delete(): void {
    this.invoke("delete", [], "1.10", (t) => {
      assertUnprotected(t.sheet, "comment.delete");
      t.sheet.comments.delete(liveMessage("comments", t).key);
    });
  }

  getLocation(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getLocation()`, () => {
      const t = this.resolve();
      return t ? { sheet: t.sheet, area: areaOfKey(t.key) } : undefined;
    });
  }
}
