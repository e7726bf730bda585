/**
 * The production build of the task pane in headless Chromium, on a strict fake Excel: a province inserts its
 * template, fills a few cells, checks them, walks the issue list, switches to English; refreshes the template,
 * changes its profile and undoes (refresh-scenarios.ts, on the same build); every view passes axe.
 */
import type { Page } from "playwright-core";
import { buildLayout } from "../../src/layout/build";
import type { CellValue, FieldId } from "../../src/layout/types";
import { STATUS } from "../../src/layout/vocabulary";
import { completion } from "../../src/rules/completion";
import { refreshScenarios } from "./refresh-scenarios";
import { describeInChromium } from "./support/browser";
import { initialJsGzipBytes, initialScripts } from "./support/budget";
import {
  selectionBecomes,
  seriousViolations,
  sheetNames,
  typeInExcel,
  type FakeWindow,
} from "./support/in-page";
import { openPane, screenshot, startPaneHarness, type PaneHarness } from "./support/pane";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { spec2019 } from "../helpers/specs";

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const spec = spec2019();
const profile = { unitId: "jiangsu", categories: ["strong-ip-province-pilot", "pilot-type-leading"] };
const layout = buildLayout(spec, profile);

function fieldAt(id: FieldId): { sheetName: string; cell: string } {
  const field = layout.fields.find((f) => f.id === id);
  if (!field) throw new Error(`no field ${id}`);
  return { sheetName: field.sheetName, cell: field.cell };
}

/** What the province types, by field id: a bad phone number (an error) and a thin progress text (a warning). */
const TYPED: Record<FieldId, string> = {
  "cover.department": "江苏省知识产权局",
  "cover.contact": "张三",
  "cover.phone": "abc",
  "task.2.status": STATUS.inProgress,
  "task.2.progress": "做了",
};

describeInChromium("task pane in Chromium (production build, fake Excel)", () => {
  let harness: PaneHarness;

  beforeAll(async () => {
    harness = await startPaneHarness("e2e-taskpane");
  }, 240_000);

  afterAll(async () => {
    await harness?.close();
  });

  it("keeps its initial JS within 400 KB gzipped, with no ExcelJS in it", () => {
    expect(initialJsGzipBytes(harness.dist)).toBeLessThanOrEqual(400 * 1024);
    for (const src of initialScripts(harness.dist)) {
      expect(readFileSync(join(harness.dist, src), "utf8")).not.toMatch(/exceljs|ExcelJS/);
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
      expect(await seriousViolations(page)).toEqual([]);
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
    it("says in both languages that it cannot run there, and points to the command line", async () => {
      const ie11 =
        "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
      const { page, errors } = await openPane(harness, { fake: { apiVersion: "1.7" }, userAgent: ie11 });
      const message = page.locator("#unsupported-webview");
      await message.waitFor();
      expect(await message.textContent()).toMatch(
        /此版本 Office 无法显示本加载项[\s\S]*ip-report[\s\S]*cannot show/,
      );
      await page.waitForTimeout(300);
      expect(await page.getByTestId("switch-language").count()).toBe(0);
      expect(errors).toEqual([]);
      await screenshot(page, "09-internet-explorer");
      await page.context().close();
    });
  });

  describe("a province fills in its report", () => {
    let page: Page;
    let offOrigin: string[];

    beforeAll(async () => {
      ({ page, offOrigin } = await openPane(harness, { fake: { apiVersion: "1.18" } }));
      await page.getByTestId("insert").waitFor();
    }, 60_000);

    afterAll(async () => {
      await page?.context().close();
    });

    it("opens on the filler view in Chinese, and loads nothing from elsewhere but office.js", async () => {
      expect(await page.locator("h2").first().textContent()).toBe("插入填报模板");
      expect(await page.getByTestId("insert").isDisabled()).toBe(true);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
      expect(offOrigin).toEqual([OFFICE_JS]);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "01-filler");
    });

    it("shows the core's message when a pilot type is ticked without the pilot", async () => {
      await page.getByTestId("category-pilot-type-leading").check();
      const error = page.getByTestId("profile-error");
      await error.waitFor();
      expect(await error.textContent()).toBe("“试点类型：引领型”需要同时勾选“知识产权强省建设试点省”");
      await screenshot(page, "02-profile-error");
      await page.getByTestId("category-strong-ip-province-pilot").check();
      await error.waitFor({ state: "detached" });
    });

    it("inserts the template for the chosen province and shows where the report stands", async () => {
      await page.getByTestId("province").fill("江苏");
      await page.getByRole("option", { name: "江苏省" }).click();
      await page.getByTestId("insert").click();
      await page.getByTestId("fact-unit").waitFor();
      expect(await page.getByTestId("fact-unit").textContent()).toBe("江苏省");
      expect(await page.getByTestId("fact-profile").textContent()).toBe(
        "知识产权强省建设试点省；试点类型：引领型",
      );
      expect(await page.getByTestId("fact-spec").textContent()).toContain(`${spec.specVersion}（已是最新）`);
      const sheets = await sheetNames(page);
      expect(sheets).toEqual(expect.arrayContaining(layout.sheets.map((s) => s.name)));
      const empty = completion(layout, { ...emptyReading(), values: { "cover.province": "江苏省" } });
      expect(await page.getByText(`已填 0 / 必填 ${empty.required}（0%）`).count()).toBe(1);
      expect(await page.getByTestId("not-validated").isVisible()).toBe(true);
      await screenshot(page, "03-inserted");
    });

    it("checks what was typed into Excel and groups the issues by sheet and severity", async () => {
      for (const [id, value] of Object.entries(TYPED)) {
        const { sheetName, cell } = fieldAt(id);
        await typeInExcel(page, sheetName, cell, value);
      }
      await page.getByTestId("validate").click();
      await page.getByTestId("issue-list").waitFor();

      const values: Record<FieldId, CellValue> = { ...TYPED, "cover.province": "江苏省" };
      const expected = completion(layout, { ...emptyReading(), values });
      const percent = Math.floor(expected.ratio * 100);
      expect(expected.filled).toBe(Object.keys(TYPED).length);
      expect(
        await page.getByText(`已填 ${expected.filled} / 必填 ${expected.required}（${percent}%）`).count(),
      ).toBe(1);

      const groups = page.getByTestId("issue-group");
      const headers = await groups.allTextContents();
      expect(headers.some((h) => h.startsWith("封面 · 错误"))).toBe(true);
      expect(headers.some((h) => h.startsWith("任务清单 · 警告"))).toBe(true);
      const counts = (await page.getByTestId("issue-group-count").allTextContents()).map(Number);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(await page.getByTestId("issue").count());
      const errorCount = headers.reduce((sum, h, i) => (h.includes("错误") ? sum + counts[i] : sum), 0);
      expect(await page.getByTestId("count-error").textContent()).toBe(`错误 ${errorCount}`);
      const phone = fieldAt("cover.phone");
      expect(await page.locator(`[data-cell="${phone.sheetName}!${phone.cell}"]`).count()).toBeGreaterThan(0);
      await screenshot(page, "04-validated");
    });

    it("takes the user to an issue's cell by click, Enter and Space", async () => {
      const rows = page.locator("button[data-testid=issue]");
      expect(await rows.count()).toBeGreaterThanOrEqual(3);
      await rows.nth(0).click();
      const cell0 = await rows.nth(0).getAttribute("data-cell");
      expect(await selectionBecomes(page, cell0)).toBe(cell0);
      await rows.nth(1).focus();
      await page.keyboard.press("Enter");
      const cell1 = await rows.nth(1).getAttribute("data-cell");
      expect(await selectionBecomes(page, cell1)).toBe(cell1);
      await rows.nth(2).focus();
      await page.keyboard.press("Space");
      const cell2 = await rows.nth(2).getAttribute("data-cell");
      expect(await selectionBecomes(page, cell2)).toBe(cell2);
      await screenshot(page, "05-selected");
    });

    it("reaches the issues by Tab, in reading order, with a visible focus", async () => {
      await page.locator("body").click({ position: { x: 1, y: 1 } });
      const order: string[] = [];
      for (let i = 0; i < 12 && !order.includes("issue"); i++) {
        await page.keyboard.press("Tab");
        order.push(await page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? ""));
      }
      expect(order.slice(0, 4)).toEqual(["switch-language", "validate", "write-results", "clear-highlights"]);
      expect(order).toContain("issue");
      const outline = await page.evaluate(() => {
        const focused = document.activeElement as HTMLElement;
        return {
          marked: focused.hasAttribute("data-fui-focus-visible"),
          border: getComputedStyle(focused, "::after").borderTopWidth,
        };
      });
      expect(outline).toEqual({ marked: true, border: "2px" });
      await screenshot(page, "06-keyboard-focus");
    });

    it("writes the results sheet in one click", async () => {
      const before = await page.evaluate(
        () => (window as unknown as FakeWindow).__fakeExcel.snapshot().sheets.length,
      );
      await page.getByTestId("write-results").click();
      await page.getByTestId("notice").waitFor();
      expect(await page.getByTestId("notice").textContent()).toContain("校验结果表已生成");
      const after = await page.evaluate(
        () => (window as unknown as FakeWindow).__fakeExcel.snapshot().sheets.length,
      );
      expect(after).toBe(before + 1);
    });

    it("switches to English, the core's messages included, and stays accessible", async () => {
      await page.getByTestId("switch-language").click();
      await page.getByText("Report overview").waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      expect(await page.getByTestId("fact-unit").textContent()).toBe("Jiangsu");
      const headers = await page.getByTestId("issue-group").allTextContents();
      expect(headers.some((h) => h.startsWith("封面 · Error"))).toBe(true);
      const texts = await page.locator("button[data-testid=issue] > span").allTextContents();
      expect(texts.every((t) => !/[\u4e00-\u9fff]{4}/.test(t.replace(/“[^”]*”|"[^"]*"/g, "")))).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "07-english");
    });
  });

  refreshScenarios(() => harness);

  describe("on Excel 2019 (ExcelApi 1.7)", () => {
    it("says what the template and a refresh lack there, and opens on validation from the ribbon's second button", async () => {
      const { page } = await openPane(harness, { fake: { apiVersion: "1.7" }, search: "?command=validate" });
      await page.getByTestId("notice").waitFor();
      expect(await page.getByTestId("notice").textContent()).toContain("本工作簿还没有填报模板");
      await page.getByTestId("province").fill("北京");
      await page.getByRole("option", { name: "北京市" }).click();
      await page.getByTestId("insert").click();
      await page.getByTestId("limits").waitFor();
      expect(await page.getByTestId("limits").textContent()).toContain("ExcelApi 1.8");
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, "08-excel-2019");
      await page.getByTestId("refresh").click();
      await page.getByTestId("refresh-degraded").waitFor();
      expect(await page.getByTestId("refresh-degraded").textContent()).toContain("ExcelApi 1.10");
      await page.context().close();
    });
  });
});

function emptyReading() {
  return { metadata: undefined, values: {}, formulas: {}, cells: {}, missingNames: [], missingSheets: [] };
}
