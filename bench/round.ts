/* The national round: consolidate of 32 and of 320 filled workbooks, whole process, beside validate of the same files. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, type BudgetLine } from "./stats";
import { writeRound } from "./validate";

const BIN = join(__dirname, "..", "bin", "ip-report.js");

/** Wall time (s) and peak resident memory (MB) of one whole CLI process, by GNU time. */
function measure(args: string[]): { seconds: number; peakMb: number } {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", process.execPath, BIN, ...args], { encoding: "utf8" });
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const [seconds, kb] = last.split(" ").map(Number);
  if (!Number.isFinite(seconds) || !Number.isFinite(kb)) throw new Error(`cannot measure: ${r.stderr}`);
  return { seconds, peakMb: kb / 1024 };
}

export async function roundBudgets(): Promise<BudgetLine[]> {
  const base = mkdtempSync(join(tmpdir(), "bench-consolidate-"));
  try {
    // Ten rounds of the 32 units: ten folders, each unit sending a file to each (the latest counts).
    const dirs: string[] = [];
    for (let i = 0; i < 10; i++) {
      const dir = join(base, `round-${i}`);
      await writeRound(dir, 2019 + i);
      dirs.push(dir);
    }
    const out = join(base, "out");
    const files32 = dirs[0];
    const runs = 3;
    const c32: { seconds: number; peakMb: number }[] = [];
    const v32: { seconds: number; peakMb: number }[] = [];
    for (let i = 0; i < runs; i++) {
      c32.push(measure(["consolidate", files32, "--out-dir", out]));
      v32.push(measure(["validate", ...listXlsx(files32)]));
    }
    const c320 = measure(["consolidate", ...dirs, "--out-dir", out]);
    const v320 = measure(["validate", ...dirs.flatMap(listXlsx)]);
    const peak32 = Math.max(...c32.map((m) => m.peakMb));
    console.log(
      `      consolidate 32: ${median(c32.map((m) => m.seconds)).toFixed(2)} s, peak ${peak32.toFixed(0)} MB · validate of the same 32: ${median(v32.map((m) => m.seconds)).toFixed(2)} s, peak ${Math.max(...v32.map((m) => m.peakMb)).toFixed(0)} MB`,
    );
    console.log(
      `      consolidate 320: ${c320.seconds.toFixed(2)} s, peak ${c320.peakMb.toFixed(0)} MB · validate of the same 320: ${v320.seconds.toFixed(2)} s, peak ${v320.peakMb.toFixed(0)} MB · peak 320/32 ${(c320.peakMb / peak32).toFixed(2)}x`,
    );
    return [
      {
        name: "ip-report consolidate of 32 workbooks, whole process (median)",
        value: median(c32.map((m) => m.seconds)),
        unit: "s",
        budget: 3,
      },
      {
        name: "ip-report consolidate of 320 workbooks, whole process",
        value: c320.seconds,
        unit: "s",
        budget: 30,
      },
      {
        name: "  ... peak memory of 320 relative to 32 files",
        value: c320.peakMb / peak32,
        unit: "x",
        budget: 1.2,
      },
    ];
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

function listXlsx(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => join(dir, f));
}

if (require.main === module) {
  void roundBudgets().then((lines) => {
    for (const l of lines) console.log(`${l.name}: ${l.value.toFixed(2)} ${l.unit} (budget ${l.budget})`);
  });
}
