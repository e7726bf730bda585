/**
 * The production build of the task pane in headless Chromium, on a strict fake Excel. Both journeys (a
 * clerk's first report, a reviewer's check) are walked at a task pane's 320 px and on a 1366×768 laptop,
 * with a screenshot, axe (every impact level) and a scan for jargon at every step; a keyboard-only walk
 * from the first run to a fixed problem; Office's language and dark theme; refresh and undo
 * (refresh-scenarios.ts, on the same build).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fieldAt, fillerJourney, reviewerJourney, typeField, type Size } from "./journeys";
import { refreshScenarios } from "./refresh-scenarios";
import { describeInChromium } from "./support/browser";
import { initialJsGzipBytes, initialScripts } from "./support/budget";
import { axeViolations, selectionBecomes, seriousViolations } from "./support/in-page";
import { checkStep, focusIsIn, tabTo } from "./support/journey";
import { openPane, screenshot, startPaneHarness, type PaneHarness } from "./support/pane";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const INITIAL_JS_BUDGET_KB = 230;

const SIZES: Size[] = [
  { name: "pane320", viewport: { width: 320, height: 768 } },
  { name: "laptop1366", viewport: { width: 1366, height: 768 } },
];

describeInChromium("task pane in Chromium (production build, fake Excel)", () => {
  let harness: PaneHarness;

  beforeAll(async () => {
    harness = await startPaneHarness("e2e-taskpane");
  }, 240_000);

  afterAll(async () => {
    await harness?.close();
  });

  it(`keeps its initial JS within ${INITIAL_JS_BUDGET_KB} KB gzipped: no ExcelJS, no adapter, no rules in it`, () => {
    expect(initialJsGzipBytes(harness.dist)).toBeLessThanOrEqual(INITIAL_JS_BUDGET_KB * 1024);
    for (const src of initialScripts(harness.dist)) {
      const code = readFileSync(join(harness.dist, src), "utf8");
      expect(code).not.toMatch(/exceljs|ExcelJS/);
      // The adapter and the engine load later: their words are not in the first scripts.
      expect(code).not.toContain("部分工作表未能标注问题单元格");
      expect(code).not.toContain("为本省必做任务，请填写状态");
    }
  });

  describe("outside Office", () => {
    it("says politely that it belongs in Excel when office.js cannot load", async () => {
      const { page, offOrigin, errors } = await openPane(harness, { fake: false });
      const message = page.getByTestId("outside-office");
      await message.waitFor();
      expect(await message.textContent()).toContain("请在 Excel 中使用本加载项");
      expect(offOrigin).toEqual([OFFICE_JS]);
      expect(errors).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "00-outside-office");
      await page.context().close();
    });

    it("says the same when office.js loads in a plain browser (host null)", async () => {
      const office = `window.Office = { onReady: () => Promise.resolve({ host: null, platform: null }) };`;
      const { page } = await openPane(harness, { fake: false, office });
      await page.getByTestId("outside-office").waitFor();
      await page.getByTestId("switch-language").click();
      expect(await page.getByTestId("outside-office").textContent()).toContain(
        "Please use this add-in inside Excel",
      );
      await page.context().close();
    });
  });

  describe("in the Internet Explorer webview of volume-licensed Office 2016/2019", () => {
    it("says in both languages that it cannot run there, and whom to ask", async () => {
      const ie11 =
        "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
      const { page, errors } = await openPane(harness, { fake: { apiVersion: "1.7" }, userAgent: ie11 });
      const message = page.locator("#unsupported-webview");
      await message.waitFor();
      expect(await message.textContent()).toMatch(
        /此版本 Office 无法显示本加载项[\s\S]*技术支持[\s\S]*cannot show/,
      );
      await page.waitForTimeout(300);
      expect(await page.getByTestId("switch-language").count()).toBe(0);
      expect(errors).toEqual([]);
      await screenshot(page, "09-internet-explorer");
      await page.context().close();
    });
  });

  for (const size of SIZES) {
    fillerJourney(() => harness, size);
    reviewerJourney(() => harness, size);
  }

  describe("by keyboard alone, from the first run to a fixed problem", () => {
    it("inserts, checks, goes to a problem and sees it fixed, every step by keys, focus always visible", async () => {
      const { page } = await openPane(harness, { fake: { apiVersion: "1.18" }, viewport: SIZES[0].viewport });
      await page.getByTestId("insert").waitFor();
      await page.keyboard.press("Tab");
      expect((await focusIsIn(page)).testId).toBe("province");
      await page.keyboard.type("江苏");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Enter");
      // The box's arrow is no Tab stop: the next stop is the first category.
      await page.keyboard.press("Tab");
      expect((await focusIsIn(page)).testId).toMatch(/^category-/);
      await tabTo(page, "insert");
      await page.keyboard.press("Enter");
      await page.getByTestId("overview").waitFor();
      expect((await focusIsIn(page)).target).toBe("status");
      await screenshot(page, "keyboard-01-inserted");

      await tabTo(page, "validate", true);
      await page.keyboard.press("Enter");
      await page.getByTestId("navigator").waitFor();
      expect((await focusIsIn(page)).target).toBe("navigator");
      await tabTo(page, "problem");
      // The list is one Tab stop; the arrow keys move inside it.
      const first = await page.evaluate(() => document.activeElement?.getAttribute("data-key"));
      await page.keyboard.press("ArrowDown");
      const second = await page.evaluate(() => document.activeElement?.getAttribute("data-key"));
      expect(second).not.toBe(first);
      await page.keyboard.press("ArrowUp");
      const visible = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement;
        return {
          marked: focused.hasAttribute("data-fui-focus-visible"),
          border: getComputedStyle(focused, "::after").borderTopWidth,
        };
      });
      expect(visible).toEqual({ marked: true, border: "2px" });
      await page.keyboard.press("Enter");
      const department = fieldAt("cover.department");
      const at = `${department.sheetName}!${department.cell}`;
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-cell"))).toBe(at);
      expect(await selectionBecomes(page, at)).toBe(at);
      await screenshot(page, "keyboard-02-at-problem");

      await typeField(page, "cover.department", "江苏省知识产权局");
      await page.getByTestId("current-fixed").waitFor();
      expect(await page.locator(`[data-testid="problem"][data-cell="${at}"]`).count()).toBe(0);
      await checkStep(page, "keyboard-03-fixed");
      await page.context().close();
    });
  });

  describe("Office's display language and theme", () => {
    it("speaks Office's display language by default and follows its dark theme", async () => {
      const { page } = await openPane(harness, {
        fake: { apiVersion: "1.18" },
        viewport: SIZES[0].viewport,
        look: { displayLanguage: "en-US", officeTheme: { bodyBackgroundColor: "#262626" } },
      });
      await page.getByTestId("insert").waitFor();
      expect(await page.getByTestId("insert").textContent()).toBe("Insert template");
      const background = await page.evaluate(
        () => getComputedStyle(document.querySelector(".fui-FluentProvider > div")!).backgroundColor,
      );
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
      expect(r + g + b).toBeLessThan(3 * 80);
      await checkStep(page, "dark-01-first-run");
      await page.context().close();
    });
  });

  refreshScenarios(() => harness);

  describe("on Excel 2019 (ExcelApi 1.7)", () => {
    it("says in a clerk's words what the template and a refresh lack there, and opens on validation from the ribbon", async () => {
      const { page } = await openPane(harness, { fake: { apiVersion: "1.7" }, search: "?command=validate" });
      await page.getByTestId("notice").waitFor();
      expect(await page.getByTestId("notice").textContent()).toContain("本工作簿还没有填报模板");
      await page.getByTestId("province").fill("北京");
      await page.getByRole("option", { name: "北京市" }).click();
      await page.getByTestId("insert").click();
      await page.getByTestId("limits").waitFor();
      expect(await page.getByTestId("limits").textContent()).toContain("不能由加载项设置下拉列表");
      await checkStep(page, "08-excel-2019");
      await page.getByTestId("more").click();
      await page.getByTestId("refresh").click();
      await page.getByTestId("refresh-degraded").waitFor();
      expect(await page.getByTestId("refresh-degraded").textContent()).toContain(
        "不能由加载项读取单元格批注",
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });
  });
});
