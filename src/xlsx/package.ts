import "./exceljs-fixes";
import type ExcelJS from "exceljs";
import { fixNoteDrawings } from "./note-drawings";

/**
 * The bytes of a workbook, ready for disk. Every writer of a workbook that may carry notes goes through
 * here: ExcelJS gives every note drawing the same ids, which Excel reports as corruption.
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return fixNoteDrawings(new Uint8Array(await wb.xlsx.writeBuffer()));
}
