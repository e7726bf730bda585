import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { requireTool, runPython } from "./tools";

/**
 * A workbook as it comes back from a clerk who opened it in LibreOffice and saved it as .xlsx ("Calc MS Excel 2007
 * XML"), with a throwaway profile and LibreOffice's default settings. For values typed through the UI, see
 * test/roundtrip/ (Python UNO).
 */
export function saveWithLibreOffice(file: string, outDir: string): string {
  const soffice = requireTool("/usr/bin/soffice", "libreoffice-calc");
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(outDir, { recursive: true });
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        outDir,
        file,
      ],
      { stdio: "pipe", timeout: 120_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(file));
}

/** A workbook loaded and saved by openpyxl, as an outside tool that edits reports would. */
export function saveWithOpenpyxl(file: string, out: string): string {
  runPython(
    `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.save(sys.argv[2])
print(json.dumps(True))
`,
    [file, out],
  );
  return out;
}
