import type { CellValue, FieldDef, FieldId } from "../layout/types";
import type { CellWanted } from "./sheet";
import type { ReportWorkbook } from "./workbook";

export interface NamedFields {
  values: Record<FieldId, CellValue>;
  cells: Record<FieldId, { sheetName: string; cell: string }>;
  /** Fields whose defined name is gone or points at no sheet of the file. */
  missingNames: FieldId[];
}

/**
 * Reads fields by their defined names only, for a workbook that is not a unit's report (the national
 * office's input): each sheet inflated once, only the named cells kept. readReport does the same for a
 * report, with what recognising one adds.
 */
export function readNamedFields(wb: ReportWorkbook, fields: FieldDef[]): NamedFields {
  const names = wb.definedNames();
  const wanted = new Map<string, CellWanted>();
  const out: NamedFields = { values: {}, cells: {}, missingNames: [] };
  for (const field of fields) {
    const ref = names.get(field.name);
    if (!ref || !wb.sheet(ref.sheetName)?.part) {
      out.missingNames.push(field.id);
      continue;
    }
    out.cells[field.id] = ref;
    let want = wanted.get(ref.sheetName);
    if (!want) wanted.set(ref.sheetName, (want = { addresses: new Set() }));
    want.addresses!.add(ref.cell);
  }
  const cells = wb.readCells(wanted);
  for (const [id, ref] of Object.entries(out.cells))
    out.values[id] = cells.get(ref.sheetName)?.get(ref.cell)?.value ?? null;
  return out;
}
