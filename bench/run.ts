/* Performance budgets of the issues, measured (npm run bench). Prints one line per budget; exit 1 if any fails. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildLayout, resolveProfile } from "../src/layout";
import { checkReport } from "../src/rules";
import { latestSpec } from "../src/spec";
import { loadWorkbook } from "../src/xlsx/read";
import { openReport } from "../src/xlsx/report";
import { renderXlsx } from "../src/xlsx/render";
import { benchAnnotate } from "./annotate";
import { benchRefresh, filledWorkbookBytes } from "./refresh";
import { roundBudgets } from "./round";
import { median, printBudgets, timeRuns, type BudgetLine } from "./stats";
import { benchValidate, benchWholeProcess, writeRound } from "./validate";

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
      execFileSync(process.execPath, [bin, "template", "--all", "--out-dir", dir, "--force"], {
        stdio: "ignore",
      }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: "layout for one province (median)", value: layoutMs, unit: "ms", budget: 5 },
    { name: "write one .xlsx (median)", value: writeMs, unit: "ms", budget: 150 },
    { name: "ip-report template --all (32 units, whole process)", value: allMs / 1000, unit: "s", budget: 5 },
  ];
}

async function validationBudgets(): Promise<BudgetLine[]> {
  const report = openReport(await loadWorkbook(await filledWorkbookBytes()));
  await timeRuns(200, () => checkReport(report));
  const rulesMs = median(await timeRuns(2000, () => checkReport(report)));
  const dir = mkdtempSync(join(tmpdir(), "bench-round-"));
  const round = await benchValidate(dir);
  console.log(
    `      read and check 32 files ${round.validateMs.toFixed(0)} ms (first pass, layouts built: ${round.coldMs.toFixed(0)} ms, ratio ${(round.coldMs / round.floorMs).toFixed(2)}); unzip-and-scan floor ${round.floorMs.toFixed(0)} ms; ratio ${round.ratio.toFixed(2)} (ExcelJS alone loading them: ${round.loadOnlyMs.toFixed(0)} ms)`,
  );
  const whole = benchWholeProcess(dir, await writeRound(join(dir, "whole")));
  for (const w of whole)
    console.log(
      `      whole-process validate of ${w.files} files: ${(w.afterMs / 1000).toFixed(2)} s${w.beforeMs === undefined ? "" : `; before (IP_REPORT_BEFORE) ${(w.beforeMs / 1000).toFixed(2)} s`}`,
    );
  rmSync(dir, { recursive: true, force: true });
  return [
    { name: "rules engine on a fully filled workbook (median)", value: rulesMs, unit: "ms", budget: 2 },
    {
      name: "ip-report validate of 32 filled workbooks, one process",
      value: round.validateMs / 1000,
      unit: "s",
      budget: 3,
    },
    {
      name: "  ... relative to unzipping and scanning the 32 files",
      value: round.ratio,
      unit: "x",
      budget: 3,
    },
    {
      name: "whole-process validate of 320 files",
      value: whole[1].afterMs / 1000,
      unit: "s",
      budget: 20,
    },
  ];
}

async function refreshBudgets(): Promise<BudgetLine[]> {
  const r = await benchRefresh();
  console.log(
    `      refresh ${r.refreshMs.toFixed(0)} ms; ExcelJS alone loading and writing the file ${r.loadWriteMs.toFixed(0)} ms; ratio ${r.ratio.toFixed(2)}`,
  );
  return [
    {
      name: "CLI refresh of one fully filled workbook, in process (median)",
      value: r.refreshMs,
      unit: "ms",
      budget: 300,
    },
    {
      name: "  ... relative to ExcelJS loading and writing the same file",
      value: r.ratio,
      unit: "x",
      budget: 1.5,
    },
  ];
}

async function annotateBudgets(): Promise<BudgetLine[]> {
  const a = await benchAnnotate();
  console.log(
    `      annotate ${a.annotateMs.toFixed(0)} ms; ExcelJS alone loading and writing the file ${a.loadWriteMs.toFixed(0)} ms; ratio ${a.ratio.toFixed(2)}`,
  );
  return [
    {
      name: "CLI validate --annotate of one report, in process (median)",
      value: a.annotateMs,
      unit: "ms",
      budget: 400,
    },
    {
      name: "  ... relative to ExcelJS loading and writing the same file",
      value: a.ratio,
      unit: "x",
      budget: 1.6,
    },
  ];
}

async function taskpaneBudgets(): Promise<BudgetLine[]> {
  // No dist/ needed: the harness builds the pane from the sources (about a minute), so the figure is always
  // printed and always measures the code as it is, never a stale build.
  const { benchTaskpane, TASKPANE_BUDGET } = await import("./taskpane");
  const t = await benchTaskpane();
  console.log(
    `      task pane: first view in the DOM ${t.firstInDomMsMedian} ms, on screen ${t.firstRenderMsMedian} ms (medians)`,
  );
  return [
    {
      name: "task pane initial JavaScript, gzipped",
      value: t.initialJsGzipKb,
      unit: "KB",
      budget: TASKPANE_BUDGET.initialJsGzipKb,
    },
    {
      name: "task pane first meaningful render in headless Chromium (median)",
      value: t.firstRenderMsMedian,
      unit: "ms",
      budget: TASKPANE_BUDGET.firstRenderMs,
    },
    {
      name: "task pane: a reviewer's report opened, checked and shown (median)",
      value: t.reviewerReportMsMedian,
      unit: "ms",
      budget: 3000,
    },
    {
      name: "task pane: live update, value typed in Excel to the list followed (median)",
      value: t.liveUpdateMsMedian,
      unit: "ms",
      budget: 100,
    },
  ];
}

async function checkerBudgets(): Promise<BudgetLine[]> {
  const { benchChecker, CHECKER_BUDGET } = await import("./checker");
  const c = await benchChecker();
  console.log(`      browser checker: first (cold) check in a fresh page ${c.firstCheckMs} ms`);
  return [
    {
      name: "browser checker initial JavaScript, gzipped",
      value: c.initialJsGzipKb,
      unit: "KB",
      budget: CHECKER_BUDGET.initialJsGzipKb,
    },
    {
      name: "browser checker: one filled workbook read and checked in the page (median)",
      value: c.checkMsMedian,
      unit: "ms",
      budget: CHECKER_BUDGET.checkMs,
    },
  ];
}

async function main(): Promise<void> {
  const lines: BudgetLine[] = [];
  for (const group of [
    templateBudgets,
    validationBudgets,
    refreshBudgets,
    annotateBudgets,
    roundBudgets,
    taskpaneBudgets,
    checkerBudgets,
  ]) {
    const part = await group();
    printBudgets(part);
    lines.push(...part);
  }
  process.exitCode = lines.every((l) => l.value < l.budget) ? 0 : 1;
}

void main();
