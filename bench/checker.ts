/**
 * The browser checker's budgets, on its production build in headless Chromium:
 * - initial JavaScript <= 150 KB gzipped (the reader, the rules and the writer load later);
 * - checking one filled workbook <= 100 ms, median of 9 after 3 to warm up (a reviewer checks a round of 32 in
 *   one page): from the file's bytes in memory to the issues (report reader + rules engine in the page, the
 *   figure the page records as data-check-ms). The first, cold check is printed beside it.
 * Run alone: npx tsx bench/checker.ts [DIST] (DIST: a checker already built, e.g. dist/; else it builds one).
 */
import { initialJsGzipBytes } from "../test/e2e/support/budget";
import { launchChromium } from "../test/e2e/support/browser";
import { openChecker, startCheckerHarness, type CheckerHarness } from "../test/e2e/support/checker";
import { serveDirectory } from "../test/e2e/support/static-server";
import { filledWorkbookBytes } from "./refresh";
import { median } from "./stats";

export const CHECKER_BUDGET = { initialJsGzipKb: 150, checkMs: 100 } as const;

const WARM_UP = 3;
const RUNS = 9;

export interface CheckerFigures {
  initialJsGzipKb: number;
  checkMsMedian: number;
  /** The first check in a fresh page (spec parsed, code not yet optimized): said, not budgeted. */
  firstCheckMs: number;
}

/** A checker already built (dist/ after npm run build), served as the harness would. */
async function prebuilt(dist: string): Promise<CheckerHarness> {
  const server = await serveDirectory(dist);
  const browser = await launchChromium();
  return {
    dist,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export async function benchChecker(dist?: string): Promise<CheckerFigures> {
  const harness = dist ? await prebuilt(dist) : await startCheckerHarness("bench-checker");
  try {
    const initialJsGzipKb = Math.round((initialJsGzipBytes(harness.dist, "checker.html") / 1024) * 10) / 10;
    const buffer = await filledWorkbookBytes();
    const { page } = await openChecker(harness);
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const name = `filled-${i}.xlsx`;
      await page
        .getByTestId("file-input")
        .setInputFiles({ name, mimeType: "application/octet-stream", buffer });
      await page.getByTestId("opened").filter({ hasText: name }).waitFor({ timeout: 60_000 });
      times.push(Number(await page.getByTestId("report").getAttribute("data-check-ms")));
    }
    await page.context().close();
    return {
      initialJsGzipKb,
      checkMsMedian: Math.round(median(times.slice(WARM_UP)) * 10) / 10,
      firstCheckMs: Math.round(times[0]),
    };
  } finally {
    await harness.close();
  }
}

if (require.main === module) {
  benchChecker(process.argv[2]).then(
    (result) => {
      console.log(JSON.stringify({ ...result, budget: CHECKER_BUDGET }, null, 2));
      process.exitCode =
        result.initialJsGzipKb <= CHECKER_BUDGET.initialJsGzipKb &&
        result.checkMsMedian <= CHECKER_BUDGET.checkMs
          ? 0
          : 1;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    },
  );
}
