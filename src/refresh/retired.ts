import type { CellValue } from "../layout/types";
import type { RetiredValue } from "./plan";

/** A visible sheet: values with no home in the current version, kept with their old id and label. */
export const RETIRED_SHEET_NAME = "已停用字段";

const HEADER = ["字段ID Field id", "名称 Label", "原值 Value", "原规范版本 Spec version", "Label (en)"];

/** The sheet's rows, header first. Values stay as they were (a string stays a string). */
export function retiredSheetRows(retired: RetiredValue[]): CellValue[][] {
  return [HEADER, ...retired.map((r) => [r.id, r.label.zh, r.value, r.specVersion, r.label.en])];
}

/** Reads the sheet back (header skipped), so values retired by an earlier refresh stay retired. */
export function parseRetiredRows(rows: CellValue[][]): RetiredValue[] {
  return rows
    .filter((row, i) => i > 0 && typeof row[0] === "string" && row[0].length > 0)
    .map((row) => ({
      id: String(row[0]),
      label: { zh: String(row[1] ?? row[0]), en: String(row[4] ?? row[1] ?? row[0]) },
      value: row[2] ?? null,
      specVersion: String(row[3] ?? ""),
    }));
}
