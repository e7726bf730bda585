import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { FakeExcelOptions } from "../../fake-excel";
import type { FakeSeed } from "../fake-host";
import { launchChromium, OFFICE_CDN } from "./browser";
import { buildBrowserScript, buildTaskpane, ROOT, TEST_OUTPUT } from "./build";
import { serveDirectory, type StaticServer } from "./static-server";

export const SCREENSHOTS = join(TEST_OUTPUT, "screenshots");

/** The production build of the pane served on 127.0.0.1, the fake host bundle, and a headless Chromium. */
export interface PaneHarness {
  dist: string;
  fakeHostScript: string;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startPaneHarness(name: string): Promise<PaneHarness> {
  const out = join(TEST_OUTPUT, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dist = join(out, "dist");
  await buildTaskpane(dist);
  const fakeHostScript = await buildBrowserScript(
    join(ROOT, "test", "e2e", "fake-host.ts"),
    out,
    "fake-host.js",
  );
  const server = await serveDirectory(dist);
  const browser = await launchChromium();
  return {
    dist,
    fakeHostScript,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

export interface PaneOptions {
  /** The fake Excel to stand in for the host; false: none (as in a plain browser). */
  fake: FakeExcelOptions | false;
  /** An init script of its own instead of the fake (an Office with a null host, say). */
  office?: string;
  search?: string;
  /** Runs before anything else on the page (a timing probe, say). */
  probe?: string;
  viewport?: { width: number; height: number };
  /** Another browser's user agent (the pane's old-webview check reads it). */
  userAgent?: string;
  /** A filled report in the workbook before the pane starts. */
  seed?: FakeSeed;
  /** Office's display language and theme. */
  look?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor: string } };
  /** Browser storage to start with (a language remembered from before). */
  storage?: Record<string, string>;
}

export interface OpenedPane {
  page: Page;
  /** Requests the page made to anything but the pane's own origin (all refused). */
  offOrigin: string[];
  errors: string[];
}

/** Opens taskpane.html as a task pane would (narrow), the CDN blocked and the host faked. */
export async function openPane(harness: PaneHarness, options: PaneOptions): Promise<OpenedPane> {
  const context = await harness.browser.newContext({
    viewport: options.viewport ?? { width: 360, height: 800 },
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  const page = await context.newPage();
  const offOrigin: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route(OFFICE_CDN, (route) => {
    offOrigin.push(route.request().url());
    return route.abort();
  });
  await page.route(
    (url) => !url.href.startsWith(harness.server.origin),
    (route) => {
      offOrigin.push(route.request().url());
      return route.abort();
    },
  );
  if (options.probe) await page.addInitScript(options.probe);
  if (options.office) await page.addInitScript(options.office);
  if (options.storage) {
    await page.addInitScript(
      `for (const [k, v] of Object.entries(${JSON.stringify(options.storage)})) localStorage.setItem(k, v);`,
    );
  }
  if (options.fake) {
    await page.addInitScript(`window.__fakeExcelOptions = ${JSON.stringify(options.fake)};`);
    if (options.seed) await page.addInitScript(`window.__fakeExcelSeed = ${JSON.stringify(options.seed)};`);
    if (options.look) await page.addInitScript(`window.__officeLook = ${JSON.stringify(options.look)};`);
    await page.addInitScript({ path: harness.fakeHostScript });
  }
  await page.goto(`${harness.server.origin}taskpane.html${options.search ?? ""}`);
  return { page, offOrigin, errors };
}

/**
 * What the person sees: the viewport as it is (a task pane does not show a full page at once), unless the
 * whole page is asked for.
 */
export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}
