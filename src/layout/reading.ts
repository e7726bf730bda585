import type { MetaKey } from "./build";
import type { MetadataMismatch } from "./integrity";
import type { MisplacedName } from "./name-places";
import type { CellValue, FieldId } from "./types";

/** What an adapter reads out of a workbook, by field id. Dates are Excel serial numbers in both adapters. */
export interface WorkbookReading {
  /** The metadata sheet's key/value pairs; undefined when the sheet is missing. */
  metadata: Partial<Record<MetaKey, string>> | undefined;
  values: Record<FieldId, CellValue>;
  /** Fields whose cell holds a formula where a value belongs (the value is the formula's result). */
  formulas: Record<FieldId, string>;
  /** Where each field was found (it may have moved: an inserted row, a renamed sheet). */
  cells: Record<FieldId, { sheetName: string; cell: string }>;
  /** Fields whose defined name is missing or points nowhere (#REF!). */
  missingNames: FieldId[];
  /** Sheets of the template that are not in the workbook, by sheet key. */
  missingSheets: string[];
  /** Fields whose defined name points elsewhere than the layout says (read where the layout puts them). */
  misplacedNames?: MisplacedName[];
  /** Set when the metadata does not describe this workbook's structure (a blanked profile, another province). */
  metadataMismatch?: MetadataMismatch;
}

/** Parses "'Sheet name'!$B$5" (or Sheet!B5) into its parts; undefined for ranges, #REF! and the like. */
export function parseCellRef(ref: string): { sheetName: string; cell: string } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.trim().replace(/^=/, ""));
  if (!m) return undefined;
  const sheetName = (m[1] ?? m[2]).replace(/''/g, "'");
  return { sheetName, cell: `${m[3]}${m[4]}` };
}
