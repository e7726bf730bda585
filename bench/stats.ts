/** Timing helpers for the benchmark script (not for tests: budgets are measured here, not asserted in jest). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timeRuns(runs: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

export interface BudgetLine {
  name: string;
  value: number;
  unit: string;
  budget: number;
  /** "max": value must stay below the budget. */
  kind?: "max";
}

export function printBudgets(lines: BudgetLine[]): boolean {
  let ok = true;
  for (const l of lines) {
    const pass = l.value < l.budget;
    ok &&= pass;
    console.log(
      `${pass ? "PASS" : "FAIL"}  ${l.name.padEnd(58)} ${l.value.toFixed(l.value < 10 ? 2 : 0).padStart(8)} ${l.unit.padEnd(4)} (budget < ${l.budget} ${l.unit})`,
    );
  }
  return ok;
}
