/**
 * Fixes for ExcelJS 4.4.0 (pinned) that would otherwise lose a user's text or write a package Excel repairs.
 * Imported once by the .xlsx adapter before any workbook is read or written.
 *
 * ExcelJS hands each part's XML to JSZip as a JS string; JSZip encodes strings in 16 KiB slices, and a slice
 * that ends between the two halves of a surrogate pair turns an emoji or a rare CJK ideograph (U+20000 and up)
 * into U+FFFD. Found by the refresh property test. Handing JSZip UTF-8 bytes instead (as ExcelJS already does
 * in the browser) keeps every character.
 */
import { createRequire } from "node:module";
import { normalizeBooleanAttributes } from "./foreign-package";

interface ZipWriterPrototype {
  append(data: unknown, options: { name: string; base64?: boolean }): void;
  __ipReportUtf8?: boolean;
}

const requireFromHere = createRequire(__filename);
const { ZipWriter } = requireFromHere("exceljs/lib/utils/zip-stream.js") as {
  ZipWriter: { prototype: ZipWriterPrototype };
};
const proto = ZipWriter.prototype;

if (!proto.__ipReportUtf8) {
  const append = proto.append;
  proto.append = function (
    this: ZipWriterPrototype,
    data: unknown,
    options: { name: string; base64?: boolean },
  ) {
    const bytes = typeof data === "string" && !options.base64 ? Buffer.from(data, "utf8") : data;
    return append.call(this, bytes, options);
  };
  proto.__ipReportUtf8 = true;
}

export {};

interface XmlStream {
  addRollback(): void;
  openNode(name: string): void;
  closeNode(): void;
  commit(): void;
  rollback(): void;
}

interface ChildXform {
  render(stream: XmlStream, model: unknown): boolean;
}

interface SheetPropertiesXform {
  map: { tabColor: ChildXform; outlinePr: ChildXform; pageSetUpPr: ChildXform };
  render(stream: XmlStream, model?: Record<string, unknown>): void;
  __ipReportSchemaOrder?: boolean;
}

/**
 * ExcelJS writes <sheetPr>'s children as tabColor, pageSetUpPr, outlinePr; the schema (CT_SheetPr) wants
 * tabColor, outlinePr, pageSetUpPr, and Excel repairs a file that has both out of order — as every workbook
 * openpyxl saved has an <outlinePr> (exceljs #1348).
 */
const sheetProperties = (
  requireFromHere("exceljs/lib/xlsx/xform/sheet/sheet-properties-xform.js") as {
    prototype: SheetPropertiesXform;
  }
).prototype;
if (!sheetProperties.__ipReportSchemaOrder) {
  sheetProperties.render = function (this: SheetPropertiesXform, stream, model) {
    if (!model) return;
    stream.addRollback();
    stream.openNode("sheetPr");
    let inner = false;
    inner = this.map.tabColor.render(stream, model.tabColor) || inner;
    inner = this.map.outlinePr.render(stream, model.outlineProperties) || inner;
    inner = this.map.pageSetUpPr.render(stream, model.pageSetup) || inner;
    if (inner) {
      stream.closeNode();
      stream.commit();
    } else {
      stream.rollback();
    }
  };
  sheetProperties.__ipReportSchemaOrder = true;
}

interface PageSetupXform {
  model?: { firstPageNumber?: number };
  parseOpen(node: { name: string; attributes: Record<string, string> }): boolean;
  __ipReportPageNumbers?: boolean;
}

/**
 * ExcelJS reads a missing firstPageNumber as 1 and then writes `useFirstPageNumber="1"`: every sheet of a
 * workbook it loaded and saved restarts its page numbers at 1. A start page is kept only where the file set one.
 */
const pageSetup = (
  requireFromHere("exceljs/lib/xlsx/xform/sheet/page-setup-xform.js") as { prototype: PageSetupXform }
).prototype;
if (!pageSetup.__ipReportPageNumbers) {
  const parseOpen = pageSetup.parseOpen;
  pageSetup.parseOpen = function (this: PageSetupXform, node) {
    const handled = parseOpen.call(this, node);
    const own = node.attributes.useFirstPageNumber;
    if (handled && this.model && own !== "1" && own !== "true") this.model.firstPageNumber = undefined;
    return handled;
  };
  pageSetup.__ipReportPageNumbers = true;
}

interface SaxEvent {
  eventType: string;
  value: { name?: string; attributes?: Record<string, string> };
}

interface BaseXform {
  parse(events: AsyncIterable<SaxEvent[]>): Promise<unknown>;
  parseStream(stream: unknown): Promise<unknown>;
  __ipReportBooleans?: boolean;
}

/**
 * Every part ExcelJS reads goes through BaseXform.parseStream: the start tags are handed on with LibreOffice's
 * `true`/`false` spelled `1`/`0` (see foreign-package.ts), so protection, fit-to-page and centring survive.
 */
const parseSax = requireFromHere("exceljs/lib/utils/parse-sax.js") as (
  stream: unknown,
) => AsyncIterable<SaxEvent[]>;
const baseXform = (requireFromHere("exceljs/lib/xlsx/xform/base-xform.js") as { prototype: BaseXform })
  .prototype;
async function* withExcelJsBooleans(events: AsyncIterable<SaxEvent[]>): AsyncIterable<SaxEvent[]> {
  for await (const batch of events) {
    for (const event of batch)
      if (event.eventType === "opentag" && event.value.attributes)
        normalizeBooleanAttributes(event.value.attributes);
    yield batch;
  }
}
if (!baseXform.__ipReportBooleans) {
  baseXform.parseStream = function (this: BaseXform, stream: unknown) {
    return this.parse(withExcelJsBooleans(parseSax(stream)));
  };
  baseXform.__ipReportBooleans = true;
}
