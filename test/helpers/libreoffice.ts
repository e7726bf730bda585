import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { requireTool } from "./tools";

/** CSV of every sheet, one file per sheet (`name-Sheet.csv`), UTF-8, each cell as LibreOffice shows it. */
export const CSV_ALL_SHEETS_AS_SHOWN =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/**
 * Converts files with headless LibreOffice as a clerk's copy would open them: a fresh profile with every
 * setting at its default, so .xlsx formulas are not recalculated on load (their stored results are shown).
 * One LibreOffice start for all the files.
 */
export function convertAsOpened(files: string[], outDir: string, filter: string): void {
  const soffice = requireTool("/usr/bin/soffice", "libreoffice-calc");
  const profile = mkdtempSync(join(tmpdir(), "lo-default-"));
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    soffice,
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      filter,
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 300_000 },
  );
}

/** The CSV file LibreOffice wrote for one sheet of a workbook converted with CSV_ALL_SHEETS_AS_SHOWN. */
export function sheetCsvPath(outDir: string, file: string, sheetName: string): string {
  return join(outDir, `${basename(file).replace(/\.xlsx$/, "")}-${sheetName}.csv`);
}
