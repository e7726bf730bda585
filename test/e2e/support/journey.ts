/**
 * What every step of a journey checks, besides its own point: axe finds nothing at any impact level, no
 * clerk-visible string carries jargon, and a screenshot of what the person sees is kept.
 */
import type { Locator, Page } from "playwright-core";
import { jargonIn } from "../../helpers/clerk-words";
import { axeViolations, clerkVisibleStrings, type FakeWindow } from "./in-page";
import { screenshot } from "./pane";

export interface StepOptions {
  /** Also a full-page screenshot, for the parts below the fold. */
  fullPage?: boolean;
}

export async function checkStep(page: Page, name: string, options: StepOptions = {}): Promise<void> {
  // Animations (a message bar sliding in) settle before axe looks at colours.
  await page.waitForTimeout(250);
  await screenshot(page, name);
  if (options.fullPage) await screenshot(page, `${name}-full`, true);
  expect(await axeViolations(page)).toEqual([]);
  const jargon = (await clerkVisibleStrings(page)).flatMap(jargonIn);
  expect(jargon).toEqual([]);
}

/** Whether an element is wholly inside the viewport: where the person is looking without scrolling. */
export async function inView(locator: Locator): Promise<boolean> {
  const page = locator.page();
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width;
}

/** The data-focus-target of the element holding focus (or of its nearest holder), and its test id. */
export async function focusIsIn(page: Page): Promise<{ target: string | null; testId: string | null }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return {
      target: active?.closest("[data-focus-target]")?.getAttribute("data-focus-target") ?? null,
      testId: active?.getAttribute("data-testid") ?? null,
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused element has the test id; fails after `limit` presses. */
export async function tabTo(page: Page, testId: string, backwards = false, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if ((await focusIsIn(page)).testId === testId) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${testId}; at ${(await focusIsIn(page)).testId}`);
}

/** Syncs the fake counted so far: a test holds the count per live change. */
export async function syncCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.syncs.length);
}
