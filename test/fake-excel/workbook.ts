import type { FakeContext } from "./context";
import { liveSheets } from "./model";
import { FakeNamedItemCollection } from "./names";
import { FakeCommentCollection, FakeNoteCollection } from "./notes";
import { FakeWorksheetCollection } from "./worksheet";

/** Stands in for Excel.Workbook: only the collections the adapter uses. */
export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly names: FakeNamedItemCollection;
  readonly notes: FakeNoteCollection;
  readonly comments: FakeCommentCollection;

  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.notes = new FakeNoteCollection(ctx, "workbook.notes", () => liveSheets(ctx.host.model));
    this.comments = new FakeCommentCollection(ctx, "workbook.comments", () => liveSheets(ctx.host.model));
  }
}
