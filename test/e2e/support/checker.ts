import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./browser";
import { buildChecker, TEST_OUTPUT } from "./build";
import { serveDirectory, type StaticServer } from "./static-server";
import { SCREENSHOTS } from "./pane";

/** The production build of the browser checker served on 127.0.0.1, and a headless Chromium. */
export interface CheckerHarness {
  dist: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startCheckerHarness(name: string): Promise<CheckerHarness> {
  const out = join(TEST_OUTPUT, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dist = join(out, "dist");
  await buildChecker(dist);
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

export interface OpenedChecker {
  page: Page;
  /** Every request the page made, by URL, in order (its own files, blob: downloads, anything else). */
  requests: string[];
  errors: string[];
}

export interface CheckerOptions {
  viewport?: { width: number; height: number };
  /** Where the page is opened from: its origin (default), or the file on disk. */
  from?: "server" | "file";
  /** Runs before anything else on the page (to make the browser look older, say). */
  init?: string;
}

/** Opens checker.html; any request off the page's own origin is recorded and refused. */
export async function openChecker(
  harness: CheckerHarness,
  options: CheckerOptions = {},
): Promise<OpenedChecker> {
  const context = await harness.browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("request", (request) => requests.push(request.url()));
  const own = options.from === "file" ? `file://${harness.dist}/` : harness.server.origin;
  await page.route(
    (url) => !url.href.startsWith(own) && !/^(blob|data):/.test(url.href),
    (route) => route.abort(),
  );
  if (options.init) await page.addInitScript(options.init);
  await page.goto(`${own}checker.html`);
  return { page, requests, errors };
}

export async function checkerScreenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}
