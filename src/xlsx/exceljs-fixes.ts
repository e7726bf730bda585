/**
 * Fixes for ExcelJS 4.4.0 (pinned) that would otherwise lose a user's text. Imported once by the .xlsx
 * adapter before any workbook is written.
 *
 * ExcelJS hands each part's XML to JSZip as a JS string; JSZip encodes strings in 16 KiB slices, and a slice
 * that ends between the two halves of a surrogate pair turns an emoji or a rare CJK ideograph (U+20000 and up)
 * into U+FFFD. Found by the refresh property test. Handing JSZip UTF-8 bytes instead (as ExcelJS already does
 * in the browser) keeps every character.
 */
import { createRequire } from "node:module";

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
