/**
 * One-off side-by-side timing (not part of npm run bench): the first meaningful render of two production
 * builds of the pane, loads alternated in one run so both see the same machine load.
 *   npx tsx bench/vs-base.ts BASE_DIST NEW_DIST FAKE_HOST_JS
 */
import { launchChromium, OFFICE_CDN } from "../test/e2e/support/browser";
import { serveDirectory } from "../test/e2e/support/static-server";
import { median } from "./stats";

const PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-testid="insert"], [data-testid="outside-office"]')) {
      window.__firstRenderMs = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function main(): Promise<void> {
  const [base, next, fakeHost] = process.argv.slice(2);
  const servers = [await serveDirectory(base), await serveDirectory(next)];
  const browser = await launchChromium();
  const times: number[][] = [[], []];
  for (let i = 0; i < 9; i++) {
    for (const which of [0, 1]) {
      const context = await browser.newContext({ viewport: { width: 320, height: 768 } });
      const page = await context.newPage();
      await page.route(OFFICE_CDN, (route) => route.abort());
      await page.addInitScript(PROBE);
      await page.addInitScript(`window.__fakeExcelOptions = {"apiVersion":"1.7"};`);
      await page.addInitScript({ path: fakeHost });
      await page.goto(`${servers[which].origin}taskpane.html`);
      await page.waitForSelector('[data-testid="insert"]', { timeout: 60_000 });
      times[which].push(Number(await page.evaluate("window.__firstRenderMs")));
      await context.close();
    }
  }
  await browser.close();
  for (const s of servers) await s.close();
  const [b, n] = times.map((t) => Math.round(median(t)));
  console.log(
    JSON.stringify({ baseMedianMs: b, newMedianMs: n, ratio: Math.round((n / b) * 100) / 100, times }),
  );
}

void main();
