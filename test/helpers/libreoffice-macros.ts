import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PYTHON, requireTool } from "./tools";

/** What LibreOffice loaded from a file: Basic library → module → code. */
export type BasicLibraries = Record<string, Record<string, string>>;

/**
 * One headless LibreOffice reached by Python UNO (uno_macros.py) over a named pipe, with a throwaway profile:
 * it makes real macro-enabled workbooks (LibreOffice writes the VBA project itself) and says which macro modules
 * it finds in a file. Started in its own process group so that `stop()` ends soffice and what it spawned only.
 */
export class MacroOffice {
  private readonly pipe = `ip_report_xlsm_${process.pid}_${Date.now()}`;
  private readonly profile = mkdtempSync(join(tmpdir(), "lo-xlsm-profile-"));
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

  private run(args: string[]): unknown {
    const out = execFileSync(PYTHON, [join(__dirname, "uno_macros.py"), this.pipe, ...args], {
      encoding: "utf8",
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(out);
  }

  /** Saves `input` as the .xlsm `output` with one VBA module `module` holding `code`. */
  makeMacroWorkbook(input: string, output: string, module: string, code: string): string {
    this.run(["make", input, output, module, code]);
    return output;
  }

  /** The Basic libraries and modules LibreOffice loads from each file. */
  basicLibraries(files: string[]): Record<string, BasicLibraries> {
    return this.run(["list", ...files]) as Record<string, BasicLibraries>;
  }
}
