import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PYTHON, requireTool } from "../helpers/tools";
import { execFileSync } from "node:child_process";

/** One entry a clerk types, into the cell a defined name points at. */
export interface TypedEntry {
  name: string;
  /** list: picked from the cell's own dropdown; string/value/formula: XCell.setString/setValue/setFormula. */
  how: "list" | "string" | "value" | "formula";
  value: string | number;
}

export interface ClerkResult {
  /** What each dropdown offered, and the list source its validation names. */
  offered: Record<string, { formula: string; options: string[] }>;
}

/**
 * One headless LibreOffice for a whole suite, reached by Python UNO over a named pipe, with a throwaway profile.
 * Started in its own process group so that `stop()` ends soffice and everything it spawned, and nothing else.
 */
export class LibreOfficeSession {
  private readonly pipe = `ip_report_${process.pid}_${Date.now()}`;
  private readonly profile = mkdtempSync(join(tmpdir(), "lo-uno-profile-"));
  private office?: ChildProcess;

  start(): void {
    const soffice = requireTool("/usr/bin/soffice", "libreoffice-calc");
    requireTool(PYTHON, "python3-uno");
    this.office = spawn(
      soffice,
      [
        `-env:UserInstallation=file://${this.profile}`,
        "--headless",
        "--invisible",
        "--nologo",
        "--norestore",
        `--accept=pipe,name=${this.pipe};urp;`,
      ],
      { detached: true, stdio: "ignore" },
    );
  }

  stop(): void {
    const pid = this.office?.pid;
    if (pid !== undefined) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    rmSync(this.profile, { recursive: true, force: true });
  }

  /** Opens `input`, types `entries`, saves as `filter` to `output`, closes it. */
  type(input: string, output: string, entries: TypedEntry[], filter = "Calc MS Excel 2007 XML"): ClerkResult {
    const entriesFile = `${output}.entries.json`;
    writeFileSync(entriesFile, JSON.stringify(entries));
    const out = execFileSync(
      PYTHON,
      [join(__dirname, "uno_clerk.py"), this.pipe, input, output, entriesFile, filter],
      { encoding: "utf8", timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
    );
    return JSON.parse(out) as ClerkResult;
  }
}
