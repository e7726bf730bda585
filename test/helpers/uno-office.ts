import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { PYTHON, requireTool } from "./tools";

/**
 * One headless LibreOffice reached by Python UNO over a named pipe, with a throwaway profile. Started in its
 * own process group so that `stop()` ends soffice and everything it spawned, and nothing else. Subclasses
 * add what their Python script does through `pipe`.
 */
export class UnoOffice {
  protected pipe = "";
  private profile = "";
  private office?: ChildProcess;

  constructor(private readonly name: string) {}

  /** Starts soffice on a new pipe with a new profile (so a restart never meets the old one's leftovers). */
  start(): void {
    this.pipe = `ip_report_${this.name}_${process.pid}_${Date.now()}`;
    this.profile = mkdtempSync(join(tmpdir(), `lo-${this.name}-profile-`));
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
    this.office = undefined;
    if (this.profile) rmSync(this.profile, { recursive: true, force: true });
  }

  /**
   * Runs a Python UNO script against this soffice: `python3 SCRIPT PIPE ...args`, its stdout as JSON. In a full
   * suite on a loaded machine the macro script has been seen to end at once with no word on stderr (cause not
   * found; alone it passes): the call is tried once more on a fresh soffice, and the first failure is printed.
   */
  protected runScript(script: string, args: string[], timeout: number): unknown {
    const once = () =>
      execFileSync(PYTHON, [script, this.pipe, ...args], {
        encoding: "utf8",
        timeout,
        maxBuffer: 16 * 1024 * 1024,
        stdio: ["ignore", "pipe", "pipe"],
      });
    let out: string;
    try {
      out = once();
    } catch (first) {
      const e = first as { status?: number | null; signal?: string | null; stderr?: string };
      console.warn(
        `${basename(script)} failed (status ${e.status ?? "-"}, signal ${e.signal ?? "-"}): ${e.stderr ?? ""}; soffice restarted, tried once more`,
      );
      this.stop();
      this.start();
      out = once();
    }
    return JSON.parse(out);
  }
}
