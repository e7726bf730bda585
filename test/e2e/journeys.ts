/**
 * The two journeys through the pane, walked at a given size with a screenshot and axe at every step: a
 * province's clerk from the first run to a fixed problem, and a reviewer opening a filled report.
 */
import type { Page } from "playwright-core";
import { buildLayout } from "../../src/layout/build";
import type { FieldId } from "../../src/layout/types";
import { STATUS } from "../../src/layout/vocabulary";
import { requirementProgress } from "../../src/taskpane/navigator/progress";
import { spec2019 } from "../helpers/specs";
import { selectionBecomes, sheetNames, typeInExcel, type FakeWindow } from "./support/in-page";
import { checkStep, focusIsIn, inView, syncCount } from "./support/journey";
import { openPane, type PaneHarness } from "./support/pane";

const spec = spec2019();
export const PROFILE = { unitId: "jiangsu", categories: ["strong-ip-province-pilot", "pilot-type-leading"] };
export const layout = buildLayout(spec, PROFILE);

export function fieldAt(id: FieldId): { sheetName: string; cell: string } {
  const field = layout.fields.find((f) => f.id === id);
  if (!field) throw new Error(`no field ${id}`);
  return { sheetName: field.sheetName, cell: field.cell };
}

export async function typeField(page: Page, id: FieldId, value: string): Promise<void> {
  const { sheetName, cell } = fieldAt(id);
  await typeInExcel(page, sheetName, cell, value);
}

/** A bad phone number (a format problem), a thin progress text (a warning), a few good values. */
const TYPED: Record<FieldId, string> = {
  "cover.department": "江苏省知识产权局",
  "cover.contact": "张三",
  "cover.phone": "abc",
  "task.2.status": STATUS.inProgress,
  "task.2.progress": "做了",
};

function emptyReading(values: Record<FieldId, string> = {}) {
  return { metadata: undefined, values, formulas: {}, cells: {}, missingNames: [], missingSheets: [] };
}

export interface Size {
  name: string;
  viewport: { width: number; height: number };
}

export function fillerJourney(harnessOf: () => PaneHarness, size: Size): void {
  describe(`a clerk's first report, at ${size.viewport.width}×${size.viewport.height}`, () => {
    let page: Page;
    const shot = (step: string) => `${size.name}-filler-${step}`;

    beforeAll(async () => {
      ({ page } = await openPane(harnessOf(), { fake: { apiVersion: "1.18" }, viewport: size.viewport }));
      await page.getByTestId("insert").waitFor();
    }, 60_000);
    afterAll(async () => {
      await page?.context().close();
    });

    it("opens on three steps, with the one action in view at the bottom", async () => {
      expect(await page.getByTestId("step-current").textContent()).toContain("选择省份和本省概况");
      expect(await page.getByTestId("first-run").locator("li").count()).toBe(3);
      expect(await page.getByTestId("insert").isDisabled()).toBe(true);
      expect(await inView(page.getByTestId("insert"))).toBe(true);
      await checkStep(page, shot("01-first-run"), { fullPage: true });
    });

    it("offers the pilot's type as one choice of three, once the pilot is ticked", async () => {
      const leading = page.getByTestId("category-pilot-type-leading");
      expect(await leading.isDisabled()).toBe(true);
      await page.getByTestId("category-strong-ip-province-pilot").check();
      expect(await leading.isDisabled()).toBe(false);
      await leading.check();
      await page.getByTestId("category-pilot-type-supporting").check();
      expect(await leading.isChecked()).toBe(false);
      await leading.check();
      expect(await page.getByRole("radiogroup").count()).toBe(1);
      expect(await page.getByTestId("profile-error").count()).toBe(0);
      await checkStep(page, shot("02-profile"));
    });

    it("inserts, says so beside the button with the next step, and puts focus there", async () => {
      await page.getByTestId("province").fill("江苏");
      await page.getByRole("option", { name: "江苏省" }).click();
      await page.getByTestId("insert").click();
      await page.getByTestId("overview").waitFor();
      const notice = page.getByTestId("notice");
      expect(await notice.textContent()).toContain("模板已插入");
      expect(await page.getByTestId("next-step").textContent()).toContain("下一步");
      expect(await inView(notice)).toBe(true);
      expect((await focusIsIn(page)).target).toBe("status");
      expect(await page.getByTestId("fact-unit").textContent()).toBe("江苏省");
      expect(await page.getByTestId("fact-profile").textContent()).toBe(
        "知识产权强省建设试点省；试点类型：引领型",
      );
      const sheets = await sheetNames(page);
      expect(sheets).toEqual(expect.arrayContaining(layout.sheets.map((s) => s.name)));
      const empty = requirementProgress(layout, {
        ...emptyReading(),
        values: { "cover.province": "江苏省" },
      });
      expect(await page.getByText(`已填 0 / 共 ${empty.always.required} 项（0%）`).count()).toBe(1);
      expect(await page.getByTestId("conditional").textContent()).toContain(
        `另有 ${empty.conditional.total} 项视填报内容而定`,
      );
      await checkStep(page, shot("03-inserted"));
    });

    it("follows the typing live (one sync per change), with a required count that does not move", async () => {
      const before = await syncCount(page);
      for (const [id, value] of Object.entries(TYPED)) await typeField(page, id, value);
      const expected = requirementProgress(layout, emptyReading({ ...TYPED, "cover.province": "江苏省" }));
      const line = `已填 ${expected.always.filled} / 共 ${expected.always.required} 项`;
      await page.getByText(line, { exact: false }).waitFor();
      const empty = requirementProgress(layout, emptyReading());
      expect(expected.always.required).toBe(empty.always.required);
      // Two syncs to arm the watch after insert are not counted here: one read per change, nothing more.
      expect((await syncCount(page)) - before).toBe(Object.keys(TYPED).length);
      await checkStep(page, shot("04-typing"));
    });

    it("checks: problems by kind and severity, one row per problem, focus on the result", async () => {
      await page.getByTestId("validate").click();
      await page.getByTestId("navigator").waitFor();
      expect((await focusIsIn(page)).target).toBe("navigator");
      expect(await page.getByTestId("notice").textContent()).toContain("校验完成");
      const rows = page.getByTestId("problem");
      const count = await rows.count();
      expect(await page.getByTestId("filter-kind-all").textContent()).toBe(`全部 ${count}`);
      expect(await page.getByTestId("filter-kind-missing").isVisible()).toBe(true);
      expect(await page.getByTestId("filter-kind-format").isVisible()).toBe(true);
      // A required task left blank is one row, its status and progress together.
      const messages = await page.getByTestId("problem-message").allTextContents();
      expect(messages.filter((m) => m.startsWith("任务4（")).length).toBe(1);
      expect(messages.find((m) => m.startsWith("任务4（"))).toContain("，并填写工作进展");
      // Every row names its sheet.
      for (const where of await page.getByTestId("problem-where").allTextContents()) {
        expect(where).toMatch(/工作表 [A-Z]+\d+|整个工作簿/);
      }
      await checkStep(page, shot("05-checked"), { fullPage: true });
    });

    it("goes to the next problem: selects its cell, shows its message in the bar, marks its row", async () => {
      await page.getByTestId("next").click();
      const first = page.getByTestId("problem").first();
      const cell = await first.getAttribute("data-cell");
      expect(await selectionBecomes(page, cell)).toBe(cell);
      expect(await page.getByTestId("current-problem-message").textContent()).toBe(
        await first.getByTestId("problem-message").textContent(),
      );
      expect(await first.getAttribute("aria-current")).toBe("true");
      expect(await inView(page.getByTestId("current-problem"))).toBe(true);
      await checkStep(page, shot("06-next"));
    });

    it("filters to format problems, and a fix typed into Excel leaves the list at once", async () => {
      await page.getByTestId("filter-kind-format").click();
      expect(await page.getByTestId("problem").count()).toBe(1);
      await page.getByTestId("next").click();
      const phone = fieldAt("cover.phone");
      expect(await selectionBecomes(page, `${phone.sheetName}!${phone.cell}`)).toBe(
        `${phone.sheetName}!${phone.cell}`,
      );
      const before = await syncCount(page);
      await typeField(page, "cover.phone", "025-83456789");
      await page.getByTestId("current-fixed").waitFor();
      expect(await page.getByTestId("navigator-none-shown").count()).toBe(1);
      expect((await syncCount(page)) - before).toBe(1);
      expect(await page.getByTestId("marks-note").textContent()).toContain("实时更新");
      await checkStep(page, shot("07-fixed"));
      await page.getByTestId("filter-kind-all").click();
    });

    it("speaks English on request, and remembers it the next time the pane opens", async () => {
      await page.getByTestId("switch-language").click();
      await page.getByText("Report overview").waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      await checkStep(page, shot("08-english"));
      await page.reload();
      await page.getByTestId("insert").waitFor();
      expect(await page.getByTestId("insert").textContent()).toBe("Insert template");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      await page.evaluate(() => localStorage.clear());
    });
  });
}

/** The 审核意见 sheet's data rows in the fake workbook: item id, verdict, comment. */
async function reviewRows(page: Page): Promise<string[][]> {
  return page.evaluate(() => {
    const sheet = (window as unknown as FakeWindow).__fakeExcel
      .snapshot()
      .sheets.find((s) => s.name === "审核意见");
    const rows: string[][] = [];
    for (let r = 2; sheet && sheet.cells[`A${r}`]; r++)
      rows.push(["A", "C", "D"].map((c) => String(sheet.cells[`${c}${r}`]?.value ?? "")));
    return rows;
  });
}

export function reviewerJourney(harnessOf: () => PaneHarness, size: Size): void {
  describe(`a reviewer opens a filled report, at ${size.viewport.width}×${size.viewport.height}`, () => {
    let page: Page;
    const shot = (step: string) => `${size.name}-reviewer-${step}`;

    beforeAll(async () => {
      ({ page } = await openPane(harnessOf(), {
        fake: { apiVersion: "1.18" },
        viewport: size.viewport,
        seed: {
          province: "江苏",
          categories: ["ip-protection-center", "ip-operation"],
          sample: { seed: 7 },
          // Reviewed before: the pane reads the mark from the workbook when it opens.
          review: [{ key: "guideline.1", verdict: "通过", comment: "" }],
        },
        search: "?command=validate",
      }));
      await page.getByTestId("navigator").waitFor({ timeout: 30_000 });
    }, 60_000);
    afterAll(async () => {
      await page?.context().close();
    });

    it("opens checked from the ribbon's button: the overview, then the problems", async () => {
      expect(await page.getByTestId("fact-unit").textContent()).toBe("江苏省");
      expect(await page.getByTestId("problem").count()).toBeGreaterThan(0);
      expect(await page.getByTestId("first-run").count()).toBe(0);
      await checkStep(page, shot("01-checked"), { fullPage: true });
    });

    it("filters by severity and walks the problems with the bar's buttons", async () => {
      const severities = await page.locator('[data-testid^="filter-severity-"]').count();
      expect(severities).toBeGreaterThan(0);
      await page.locator('[data-testid^="filter-severity-"]').first().click();
      await page.getByTestId("next").click();
      await page.getByTestId("next").click();
      const second = page.getByTestId("problem").nth(1);
      if ((await page.getByTestId("problem").count()) > 1) {
        expect(await second.getAttribute("aria-current")).toBe("true");
      }
      await page.getByTestId("previous").click();
      expect(await page.getByTestId("problem").first().getAttribute("aria-current")).toBe("true");
      await checkStep(page, shot("02-walk"));
    });

    it("shows rule codes only in the reviewer view, behind a disclosure", async () => {
      expect(await page.getByTestId("problem-details").count()).toBe(0);
      await page.getByTestId("more").click();
      await page.getByTestId("reviewer-view").check();
      await page.getByTestId("problem-details").waitFor();
      await page.getByTestId("problem-details").locator("summary").click();
      expect(await page.getByTestId("problem-details").textContent()).toMatch(/[EW]\d{3}/);
      await checkStep(page, shot("03-reviewer-details"));
      // Off again for the next steps: the review list makes each step's axe scan far longer on a loaded machine.
      await page.getByTestId("reviewer-view").uncheck();
      await page.getByTestId("more").click();
      await page.getByTestId("more-panel").waitFor({ state: "detached" });
    });

    it("writes the results sheet from the menu, and says what to do next", async () => {
      const before = await sheetNames(page);
      await page.getByTestId("more").click();
      expect(await page.getByTestId("more").getAttribute("aria-expanded")).toBe("true");
      await checkStep(page, shot("04-more"));
      await page.getByTestId("write-results").click();
      await page.getByTestId("notice").waitFor();
      expect(await page.getByTestId("notice").textContent()).toContain("校验结果表已生成");
      expect(await page.getByTestId("next-step").textContent()).toContain("保存工作簿");
      expect((await sheetNames(page)).length).toBe(before.length + 1);
      await checkStep(page, shot("05-results"));
    });

    it("clears the marks and then says so, not that messages are on the cells", async () => {
      await page.getByTestId("more").click();
      await page.getByTestId("clear-highlights").click();
      await page.getByText("单元格上的问题标注和说明已清除").waitFor();
      expect(await page.getByTestId("marks-note").textContent()).toContain("标注已清除");
      const notes = await page.evaluate(() =>
        (window as unknown as FakeWindow).__fakeExcel
          .snapshot()
          .sheets.reduce((n, s) => n + Object.keys(s.notes ?? {}).length, 0),
      );
      expect(notes).toBe(0);
      await checkStep(page, shot("06-cleared"));
    });

    it("sends an item back from the review list: the comment it needs is said inline, then it is on the 审核意见 sheet", async () => {
      await page.getByTestId("more").click();
      await page.getByTestId("reviewer-view").check();
      await page.getByTestId("more").click();
      const panel = page.getByTestId("review-panel");
      await panel.waitFor();
      // The mark already in the workbook is read when the pane opens.
      expect(await page.getByTestId("review-progress").textContent()).toMatch(/已审核 1 \/ 共 \d+ 项/);
      expect(await panel.locator('[data-item="guideline.1"]').getByTestId("review-mark").textContent()).toBe(
        "通过",
      );
      const item = panel.locator('[data-testid="review-item"][data-item="task.2"]');
      await item.getByTestId("review-open").click();
      const editor = item.getByTestId("review-editor");
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe("radio");
      await editor.getByText("退回修改", { exact: true }).click();
      expect(await editor.textContent()).toContain("退回修改时请写明需要修改的内容");
      await editor.getByTestId("review-save").click();
      // Not saved: the message stands beside the box, and focus is in it.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
      expect(
        await item.locator('[role="alert"], .fui-Field__validationMessage').first().textContent(),
      ).toContain("请写明需要修改的内容");
      expect(await reviewRows(page)).toEqual([["guideline.1", "通过", ""]]);
      await checkStep(page, shot("07-review-needs-comment"));

      await editor.getByTestId("review-comment").fill("请补充资助台账的来源");
      await editor.getByTestId("review-save").click();
      await page.getByText("已记录：任务2").waitFor();
      expect(await item.getByTestId("review-mark").textContent()).toBe("退回修改");
      expect(await item.getByTestId("review-comment-shown").textContent()).toBe("请补充资助台账的来源");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-review-place"))).toBe(
        "list:task.2",
      );
      expect(await inView(page.getByTestId("notice"))).toBe(true);
      expect(await reviewRows(page)).toEqual([
        ["guideline.1", "通过", ""],
        ["task.2", "退回修改", "请补充资助台账的来源"],
      ]);
      await checkStep(page, shot("08-review-returned"));
    }, 120_000);

    it("approves another item from a problem in the navigator, by keyboard", async () => {
      // A problem whose item is not reviewed yet (not the task just sent back).
      const open = page
        .getByTestId("problem-review")
        .filter({ hasText: "未审核" })
        .first()
        .getByTestId("problem-review-open");
      await open.focus();
      await page.keyboard.press("Enter");
      const slot = page.getByTestId("problem-review").filter({ has: page.getByTestId("review-editor") });
      await slot.getByTestId("review-editor").waitFor();
      // The first choice has focus; Space picks it, Tab goes on to the comment, then to save.
      await page.keyboard.press("Space");
      await page.keyboard.press("Tab");
      await page.keyboard.type("数据与台账一致");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.getByText(/已记录：.*通过/).waitFor();
      const rows = await reviewRows(page);
      expect(rows).toHaveLength(3);
      expect(rows[2].slice(1)).toEqual(["通过", "数据与台账一致"]);
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
        "problem-review-open",
      );
      expect(await page.getByTestId("review-progress").textContent()).toMatch(
        /已审核 3 \/ 共 \d+ 项，其中退回修改 1 项/,
      );
      await checkStep(page, shot("09-review-approved"));
    }, 120_000);

    it("leaves the reviewer's view: the clerk sees what was sent back, and no review buttons", async () => {
      await page.getByTestId("more").click();
      await page.getByTestId("reviewer-view").uncheck();
      await page.getByTestId("more").click();
      await page.getByTestId("returned-marks").waitFor();
      expect(await page.getByTestId("returned-marks").textContent()).toContain("请补充资助台账的来源");
      expect(await page.getByTestId("review-panel").count()).toBe(0);
      expect(await page.getByTestId("problem-review-open").count()).toBe(0);
      await checkStep(page, shot("10-filler-sees-returned"), { fullPage: true });
    }, 120_000);
  });
}
