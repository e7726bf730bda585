/**
 * What a test asks of the page: the fake Excel behind the pane (cells, metadata, selection), what the pane
 * showed while busy, and axe's verdict. Each runs inside the page, on window.__fakeExcel.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import type { FakeExcel } from "../../fake-excel";

export type FakeWindow = { __fakeExcel: FakeExcel };

export async function typeInExcel(page: Page, sheetName: string, cell: string, value: string): Promise<void> {
  await page.evaluate(([s, c, v]) => (window as unknown as FakeWindow).__fakeExcel.user.type(s, c, v), [
    sheetName,
    cell,
    value,
  ] as const);
}

export async function selection(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const selected = (window as unknown as FakeWindow).__fakeExcel.snapshot().selection;
    return selected ? `${selected.sheet}!${selected.address}` : undefined;
  });
}

/** The fake's selection once it settles on `expected` (selectCell is asynchronous), or what it last was. */
export async function selectionBecomes(page: Page, expected: string | null): Promise<string | undefined> {
  let current = await selection(page);
  for (let i = 0; i < 50 && current !== expected; i++) {
    await page.waitForTimeout(20);
    current = await selection(page);
  }
  return current;
}

/** A cell's value as the fake Excel holds it (an empty cell reads as null). */
export async function cellValue(page: Page, sheetName: string, cell: string): Promise<unknown> {
  return page.evaluate(
    ([s, c]) => {
      const sheet = (window as unknown as FakeWindow).__fakeExcel.snapshot().sheets.find((x) => x.name === s);
      return sheet?.cells[c]?.value ?? null;
    },
    [sheetName, cell] as const,
  );
}

/** A key of the metadata sheet, looked up in column A as the readers do. */
export async function metadata(page: Page, key: string): Promise<unknown> {
  return page.evaluate((k) => {
    const meta = (window as unknown as FakeWindow).__fakeExcel
      .snapshot()
      .sheets.find((x) => x.name === "_meta");
    const row = Object.entries(meta?.cells ?? {}).find(([a1, c]) => /^A\d+$/.test(a1) && c.value === k)?.[0];
    return row ? (meta?.cells[`B${row.slice(1)}`]?.value ?? null) : undefined;
  }, key);
}

/** Records every text the busy indicator shows from now on (operations on the fake are quick to see). */
export async function watchBusy(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __busySeen: string[] }).__busySeen = seen;
    new MutationObserver(() => {
      const busy = document.querySelector('[data-testid="busy"]');
      if (busy?.textContent) seen.push(busy.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export async function busySeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __busySeen: string[] }).__busySeen);
}

/** Every axe finding, at every impact level (minor and moderate included), with where it is. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map(
    (v) => `${v.impact ?? "?"} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
}

/** Kept for the older scenarios: the serious and critical findings only. */
export async function seriousViolations(page: Page): Promise<string[]> {
  return (await axeViolations(page)).filter((v) => /^(serious|critical) /.test(v));
}

/**
 * Every string a clerk can see or hear on the page: text, accessible names, titles, placeholders. The
 * reviewer's details (rule codes behind a disclosure) are left out: they are for a reviewer.
 */
export async function clerkVisibleStrings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const skip = (el: Element) => el.closest('[data-testid="problem-details"]') !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = n.textContent?.trim();
      if (!text || !parent || skip(parent) || parent.closest("script,style,noscript")) continue;
      out.push(text);
    }
    for (const el of document.querySelectorAll("[aria-label],[title],[placeholder],[aria-valuetext]")) {
      if (skip(el)) continue;
      for (const a of ["aria-label", "title", "placeholder", "aria-valuetext"]) {
        const v = el.getAttribute(a);
        if (v) out.push(v);
      }
    }
    return out;
  });
}

export async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (window as unknown as FakeWindow).__fakeExcel.snapshot().sheets.map((s) => s.name),
  );
}
