import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/tools";
import { describeInChromium, launchChromium } from "./support/browser";

const SCREENSHOTS = join(__dirname, "..", "..", "test-output", "screenshots");

describeInChromium("汇总.html in headless Chromium", () => {
  const dir = tempDir("summary-page");
  let browser: Browser;
  let page: string;
  let note: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const inbox = join(dir, "inbox");
    mkdirSync(inbox, { recursive: true });
    for (const [p, defects] of [
      ["江苏", "some"],
      ["浙江", "none"],
      ["广东", "some"],
    ]) {
      await runCli([
        "sample",
        "--province",
        p,
        "--seed",
        "11",
        "--defects",
        defects,
        "--out",
        join(inbox, `${p}.xlsx`),
      ]);
    }
    const r = await runCli(["consolidate", inbox, "--out-dir", join(dir, "out"), "--json"]);
    const json = JSON.parse(r.out);
    page = json.outputs.page;
    note = json.outputs.returnNotes.jiangsu;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => browser?.close());

  test.each([
    ["summary-page", () => page],
    ["return-note", () => note],
  ])(
    "%s renders offline: no request leaves it, no console error, axe finds nothing",
    async (name, file) => {
      const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
      const tab = await context.newPage();
      const url = pathToFileURL(file()).href;
      const requests: string[] = [];
      const errors: string[] = [];
      await tab.route("**/*", (route) => {
        if (route.request().url() !== url) requests.push(route.request().url());
        return route.request().url() === url ? route.continue() : route.abort();
      });
      tab.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") errors.push(m.text());
      });
      tab.on("pageerror", (e) => errors.push(e.message));
      await tab.goto(url);
      expect(await tab.locator("h1").textContent()).toMatch(/全国汇总|退回修改通知/);
      if (name === "summary-page") {
        expect(await tab.locator("figure svg").count()).toBeGreaterThanOrEqual(3);
        expect(await tab.locator("table.grid tbody tr").count()).toBe(33);
      }
      const { violations } = await new AxeBuilder({ page: tab }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual(
        [],
      );
      expect(requests).toEqual([]);
      expect(errors).toEqual([]);
      await tab.screenshot({ path: join(SCREENSHOTS, `round-${name}.png`), fullPage: true });
      const pdf = await tab.pdf({ format: "A4" });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
      await context.close();
    },
    60_000,
  );
});
