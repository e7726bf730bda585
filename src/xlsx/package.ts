import type ExcelJS from "exceljs";
import type { LocalizedText } from "../spec/schema";
import { excelJs } from "./exceljs";
import { asMacroEnabled } from "./macro-package";
import { macroProjectOf, type MacroProject } from "./macros";
import { fixNoteDrawings } from "./note-drawings";

/**
 * The bytes of a workbook, ready for disk. Every writer of a workbook that may carry notes goes through
 * here: ExcelJS gives every note drawing the same ids, which Excel reports as corruption. ExcelJS stores
 * the parts uncompressed and fixNoteDrawings deflates them once (JSZip's deflate, then a second one after
 * the fix, were most of the time a copy took to write).
 */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  excelJs(); // the fixes apply to every workbook written, however it was made
  const stored = await wb.xlsx.writeBuffer({ zip: { compression: "STORE", compressionOptions: null } });
  return fixNoteDrawings(new Uint8Array(stored));
}

/** The VBA project of each workbook loaded for writing back: ExcelJS itself keeps none. */
const loadedMacros = new WeakMap<ExcelJS.Workbook, MacroProject>();

/** Called by loadWorkbook with the bytes it loaded: remembers their VBA project, if any. */
export function rememberPackage(wb: ExcelJS.Workbook, bytes: Uint8Array): void {
  const macros = macroProjectOf(bytes);
  if (macros) loadedMacros.set(wb, macros);
}

/** Whether a file's name asks for a macro-enabled workbook. */
export function isMacroEnabledName(file: string): boolean {
  return /\.xlsm$/i.test(file);
}

/**
 * The bytes ExcelJS wrote for a new workbook (template, sample), as `file`'s name asks: under an .xlsm name
 * typed macro-enabled (with no project), since Excel refuses an .xlsm typed as an .xlsx.
 */
export function packageForName(bytes: Buffer, file: string): Buffer {
  return isMacroEnabledName(file) ? Buffer.from(asMacroEnabled(bytes)) : bytes;
}

export interface WrittenWorkbook {
  bytes: Buffer;
  /** Set when the source had macros and the file's name (.xlsx) cannot hold them: say so. */
  macrosDropped?: LocalizedText;
}

const MACROS_DROPPED: LocalizedText = {
  zh: "原工作簿含宏（VBA），.xlsx 文件不能保存宏，此文件中没有宏；如需保留，请用 .xlsm 文件名",
  en: "the source workbook has macros (VBA); an .xlsx cannot hold them, so this file has none: name it .xlsm to keep them",
};

/**
 * The package for a workbook written to `file`, derived from `source` (the workbook as loaded: the same one
 * when annotated, the old one when refreshed). This is where every written-back workbook is finished: under
 * an .xlsm name it is macro-enabled and keeps the source's macros byte for byte; under any other name it is
 * an .xlsx, and macros the source had are reported as left out.
 */
export async function workbookPackage(
  wb: ExcelJS.Workbook,
  file: string,
  source: ExcelJS.Workbook = wb,
): Promise<WrittenWorkbook> {
  const bytes = await workbookBytes(wb);
  const macros = loadedMacros.get(source);
  if (isMacroEnabledName(file)) return { bytes: Buffer.from(asMacroEnabled(bytes, macros)) };
  return macros ? { bytes, macrosDropped: MACROS_DROPPED } : { bytes };
}
