import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A tool the suite needs from Debian. `npm test` installs them (scripts/test.sh); a missing one is a failure,
 * never a quiet skip, so a machine without it cannot pass by testing less.
 */
export function requireTool(path: string, aptPackage: string): string {
  if (!existsSync(path)) {
    throw new Error(
      `${path} is missing: run \`npm test\` (it installs ${aptPackage}) or apt-get install -y ${aptPackage}`,
    );
  }
  return path;
}

/** Debian's python3 (with python3-openpyxl), not whatever python3 is first on PATH. */
export const PYTHON = "/usr/bin/python3";

export function runPython(script: string, args: string[]): unknown {
  requireTool(PYTHON, "python3");
  const out = execFileSync(PYTHON, ["-c", script, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out);
}

export function tempDir(prefix: string): string {
  const base = join(__dirname, "..", "..", "test-output");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

/**
 * Opens an .xlsx in headless LibreOffice with recalculation forced on load (OOXMLRecalcMode 0 = always:
 * by default it trusts cached results) and saves it again, so cached formula results are LibreOffice's own.
 */
export function recalculateWithLibreOffice(file: string, outDir: string): string {
  const soffice = requireTool("/usr/bin/soffice", "libreoffice-calc");
  const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
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
  return join(outDir, file.split("/").pop()!);
}
