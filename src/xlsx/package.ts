import "./exceljs-fixes";
import type ExcelJS from "exceljs";
import { fixNoteDrawings } from "./note-drawings";

/**
 * The bytes of a workbook, ready for disk. Every writer of a workbook that may carry notes goes through
 * here: ExcelJS gives every note drawing the same ids, which Excel reports as corruption. ExcelJS stores
 * the parts uncompressed and fixNoteDrawings deflates them once (JSZip's deflate, then a second one after
 * the fix, were most of the time a copy took to write).
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: "STORE", compressionOptions: null } });
  return fixNoteDrawings(new Uint8Array(stored));
}
