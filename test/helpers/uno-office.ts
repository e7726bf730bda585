import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PYTHON, requireTool } from "./tools";

/**
 * One headless LibreOffice reached by Python UNO over a named pipe, with a throwaway profile. Started in its
 * own process group so that `stop()` ends soffice and everything it spawned, and nothing else. Subclasses
 * add what their Python script does through `pipe`.
 */
export class UnoOffice {
  protected readonly pipe: string;
  private readonly profile: string;
  private office?: ChildProcess;

  constructor(name: string) {
    this.pipe = `ip_report_${name}_${process.pid}_${Date.now()}`;
    this.profile = mkdtempSync(join(tmpdir(), `lo-${name}-profile-`));
  }

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
}
