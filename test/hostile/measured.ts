/**
 * The bounds every hostile case is held to, and a command run in its own process under /usr/bin/time so its
 * peak memory and time are the whole process's, as a person running it would see them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { requireTool } from "../helpers/tools";

export const MEMORY_BOUND_MB = 512;
export const TIME_BOUND_S = 60;

const BIN = join(__dirname, "..", "..", "bin", "ip-report.js");
const TIME = requireTool("/usr/bin/time", "time");

export interface MeasuredRun {
  code: number;
  out: string;
  err: string;
  peakMb: number;
  seconds: number;
}

/** Runs `ip-report ARGS`; /usr/bin/time writes its figures into `dir`. */
export function runMeasured(dir: string, args: string[]): MeasuredRun {
  const measure = join(dir, `time-${process.pid}.txt`);
  const r = spawnSync(TIME, ["-f", "%M %e", "-o", measure, process.execPath, BIN, ...args], {
    encoding: "utf8",
    timeout: TIME_BOUND_S * 2 * 1000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  const [kb, seconds] = readFileSync(measure, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { code: r.status ?? -1, out: r.stdout.trim(), err: r.stderr.trim(), peakMb: kb / 1024, seconds };
}
