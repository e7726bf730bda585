/* Performance budgets of the issues, measured (npm run bench). Prints one line per budget; exit 1 if any fails. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildLayout, resolveProfile } from "../src/layout";
import { latestSpec } from "../src/spec";
import { renderXlsx } from "../src/xlsx/render";
import { median, printBudgets, timeRuns, type BudgetLine } from "./stats";

async function templateBudgets(): Promise<BudgetLine[]> {
  const spec = latestSpec();
  const profile = resolveProfile(spec, "江苏", ["ip-protection-center", "strong-ip-province-pilot"]);
  await timeRuns(50, () => buildLayout(spec, profile)); // warm-up
  const layoutMs = median(await timeRuns(500, () => buildLayout(spec, profile)));
  const layout = buildLayout(spec, profile);
  await timeRuns(5, () => renderXlsx(layout));
  const writeMs = median(await timeRuns(30, () => renderXlsx(layout)));

  const dir = mkdtempSync(join(tmpdir(), "bench-all-"));
  const bin = join(__dirname, "..", "bin", "ip-report.js");
  const allMs = median(
    await timeRuns(3, () =>
      execFileSync(process.execPath, [bin, "template", "--all", "--out-dir", dir], { stdio: "ignore" }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: "layout for one province (median)", value: layoutMs, unit: "ms", budget: 5 },
    { name: "write one .xlsx (median)", value: writeMs, unit: "ms", budget: 150 },
    { name: "ip-report template --all (32 units, whole process)", value: allMs / 1000, unit: "s", budget: 5 },
  ];
}

async function main(): Promise<void> {
  const lines: BudgetLine[] = [];
  lines.push(...(await templateBudgets()));
  const ok = printBudgets(lines);
  process.exitCode = ok ? 0 : 1;
}

void main();
