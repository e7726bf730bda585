/**
 * The task pane's template refresh in the browser, on the strict fake: refresh keeps every value in its cell,
 * a changed profile is a refresh, one undo puts the workbook back (asking first if it would discard edits),
 * and a report whose sheets are gone is rebuilt from its metadata. Run from taskpane.test.ts, on its build.
 */
import type { Page } from "playwright-core";
import { buildLayout } from "../../src/layout/build";
import type { FieldId } from "../../src/layout/types";
import { latestSpec } from "../../src/spec";
import {
  axeViolations,
  busySeen,
  cellValue,
  metadata,
  sheetNames,
  typeInExcel,
  watchBusy,
  type FakeWindow,
} from "./support/in-page";
import { focusIsIn, inView } from "./support/journey";
import { openPane, screenshot, type PaneHarness } from "./support/pane";

const spec = latestSpec();
const centre = "trademark-review-center";
const pilot = "strong-ip-province-pilot";
const layout = buildLayout(spec, { unitId: "jiangsu", categories: [centre, pilot] });

function fieldAt(id: FieldId): { sheetName: string; cell: string } {
  const field = layout.fields.find((f) => f.id === id);
  if (!field) throw new Error(`no field ${id}`);
  return { sheetName: field.sheetName, cell: field.cell };
}

async function typeInField(page: Page, id: FieldId, value: string): Promise<void> {
  const { sheetName, cell } = fieldAt(id);
  await typeInExcel(page, sheetName, cell, value);
}

async function fieldValue(page: Page, id: FieldId): Promise<unknown> {
  const { sheetName, cell } = fieldAt(id);
  return cellValue(page, sheetName, cell);
}

export function refreshScenarios(harnessOf: () => PaneHarness): void {
  describe("a province refreshes its template, changes its profile, and undoes", () => {
    let page: Page;
    const centreTask = "task.3.progress";
    const centreText = "已建成商标审查协作中心";

    beforeAll(async () => {
      ({ page } = await openPane(harnessOf(), { fake: { apiVersion: "1.18" } }));
      await page.getByTestId("province").fill("江苏");
      await page.getByRole("option", { name: "江苏省" }).click();
      await page.getByTestId(`category-${centre}`).check();
      await page.getByTestId(`category-${pilot}`).check();
      await page.getByTestId("insert").click();
      await page.getByTestId("fact-unit").waitFor();
    }, 60_000);

    afterAll(async () => {
      await page?.context().close();
    });

    it("refreshes with a progress indicator, keeps each typed value in its cell, finds a deleted name", async () => {
      await typeInField(page, centreTask, centreText);
      await typeInField(page, "task.2.progress", "已出台资助政策");
      await page.evaluate(() =>
        (window as unknown as FakeWindow).__fakeExcel.user.deleteName("F_task_2_progress"),
      );
      await watchBusy(page);
      await page.getByTestId("more").click();
      await page.getByTestId("refresh").click();
      await page.getByTestId("refresh-summary").waitFor();

      expect(await busySeen(page)).toContain("正在刷新模板…");
      expect(await fieldValue(page, centreTask)).toBe(centreText);
      expect(await fieldValue(page, "task.2.progress")).toBe("已出台资助政策");
      // In a clerk's words, and nothing about what did not happen (no "迁移 0 个", no "2019.1.0 → 2019.1.0").
      expect(await page.getByTestId("refresh-plan").textContent()).toBe("已保留全部 2 个已填写的值。");
      expect(await page.getByTestId("refresh-spec-version").count()).toBe(0);
      expect(await page.getByTestId("refresh-recovered").textContent()).toContain("任务2工作进展");
      expect(await page.getByTestId("refresh-recovered").textContent()).not.toContain("task.2.progress");
      expect((await focusIsIn(page)).target).toBe("status");
      expect(await page.getByTestId("notice").textContent()).toContain("模板已刷新");
      expect(await page.getByTestId("undo").textContent()).toContain(
        "Excel 自带的“撤销”（Ctrl+Z）不包括加载项",
      );
      await screenshot(page, "11-refresh-summary");
    });

    it("applies a changed profile by a refresh, and names the value kept in a task that no longer applies", async () => {
      await page.getByTestId("more").click();
      await page.getByTestId("change-profile").click();
      expect(await page.getByTestId("apply-profile").isDisabled()).toBe(true);
      await page.getByTestId(`category-${centre}`).uncheck();
      await page.getByTestId("apply-profile").click();
      await page.getByTestId("profile-editor").waitFor({ state: "detached" });

      expect(await page.getByTestId("fact-profile").textContent()).toBe("知识产权强省建设试点省");
      expect(await metadata(page, "categories")).toBe(pilot);
      expect(await fieldValue(page, centreTask)).toBe(centreText);
      expect(await page.getByTestId("refresh-profile").textContent()).toMatch(
        /^.+；知识产权强省建设试点省 → 知识产权强省建设试点省$/,
      );
      expect(await page.getByTestId("refresh-stopped-applying").textContent()).toContain("任务3工作进展");
      await screenshot(page, "12-profile-refreshed");
    });

    it("asks before an undo would discard an edit made since, then puts profile and values back", async () => {
      await typeInField(page, "task.4.progress", "刷新后新填");
      await page.getByTestId("undo-refresh").click();
      await page.getByTestId("undo-edited").waitFor();
      expect(await page.getByTestId("undo-edited").textContent()).toContain("任务4工作进展");
      expect(await page.getByTestId("undo-edited").textContent()).not.toContain("task.4.progress");
      expect(await metadata(page, "categories")).toBe(pilot);
      await screenshot(page, "13-undo-asks");

      // Keeping the edits leaves the workbook alone and the offer standing; asking again asks again.
      await page.getByTestId("keep-edits").click();
      await page.getByTestId("undo-edited").waitFor({ state: "detached" });
      expect(await fieldValue(page, "task.4.progress")).toBe("刷新后新填");
      await page.getByTestId("undo-refresh").click();
      await page.getByTestId("undo-edited").waitFor();
      await page.getByTestId("undo-anyway").click();
      await page.getByTestId("undo").waitFor({ state: "detached" });
      expect(await page.getByTestId("notice").textContent()).toContain("已撤销刷新");
      expect(await page.getByTestId("refresh-summary").count()).toBe(0);
      expect(await metadata(page, "categories")).toBe(`${centre},${pilot}`);
      expect(await page.getByTestId("fact-profile").textContent()).toMatch(/；知识产权强省建设试点省$/);
      expect(await fieldValue(page, centreTask)).toBe(centreText);
      expect(await fieldValue(page, "task.2.progress")).toBe("已出台资助政策");
      expect(await fieldValue(page, "task.4.progress")).toBeNull();
      await screenshot(page, "14-undone");
    });

    it("says it all in English too, and stays accessible with the summary, the undo offer and the editor", async () => {
      await page.getByTestId("switch-language").click();
      await page.getByText("Report overview").waitFor();
      await page.getByTestId("more").click();
      await page.getByTestId("refresh").click();
      await page.getByTestId("refresh-summary").waitFor();
      expect(await page.getByTestId("refresh-plan").textContent()).toBe("All 2 values entered are kept.");
      expect(await page.getByTestId("undo-refresh").textContent()).toBe("Undo refresh");
      expect(await page.getByTestId("undo").textContent()).toContain(
        "does not cover changes made by add-ins",
      );
      await page.getByTestId("more").click();
      await page.getByTestId("change-profile").click();
      await page.getByTestId("profile-editor").waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "15-refresh-english");
      await page.getByTestId("cancel-profile").click();
    });

    it("says in the user's language why a refresh failed, and leaves the workbook as it was", async () => {
      await page.evaluate(() => (window as unknown as FakeWindow).__fakeExcel.user.deleteSheet("_meta"));
      await page.getByTestId("more").click();
      await page.getByTestId("refresh").click();
      await page.getByTestId("failure").waitFor();
      expect(await page.getByTestId("failure").textContent()).toContain("not a report workbook");
      expect(await fieldValue(page, centreTask)).toBe(centreText);
      expect((await focusIsIn(page)).target).toBe("status");
      // The view follows the workbook: no longer a report, so no overview of the old one stays on screen.
      await page.getByTestId("overview").waitFor({ state: "detached" });
    });
  });

  describe("a workbook that already holds (part of) a report", () => {
    it("refuses to insert over unreadable metadata, and offers no refresh there", async () => {
      const { page } = await openPane(harnessOf(), { fake: { sheets: ["Sheet1", "_meta"] } });
      await page.getByTestId("province").fill("江苏");
      await page.getByRole("option", { name: "江苏省" }).click();
      await page.getByTestId("insert").click();
      await page.getByTestId("notice").waitFor();
      expect(await page.getByTestId("notice").textContent()).toContain("未插入新模板");
      expect(await inView(page.getByTestId("notice"))).toBe(true);
      const sheets = await sheetNames(page);
      expect(sheets).toEqual(["Sheet1", "_meta"]);
      expect(await page.getByTestId("refresh").count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, "10-exists");
      await page.context().close();
    });

    it("offers refresh for a report whose sheets are gone but whose metadata reads, and rebuilds it", async () => {
      const { page } = await openPane(harnessOf(), { fake: { apiVersion: "1.18" } });
      await page.getByTestId("insert").waitFor();
      // What is left of a report after its sheets were deleted by hand: the metadata sheet alone.
      await page.evaluate(
        ([specId, specVersion]) =>
          (window as unknown as { Excel: typeof Excel }).Excel.run(async (ctx) => {
            const meta = ctx.workbook.worksheets.add("_meta");
            meta.getRange("A1:B5").values = [
              ["specId", specId],
              ["specVersion", specVersion],
              ["templateVersion", "1.0.0"],
              ["unitId", "jiangsu"],
              ["categories", "strong-ip-province-pilot"],
            ];
            await ctx.sync();
          }),
        [spec.specId, spec.specVersion] as const,
      );
      await page.getByTestId("province").fill("江苏");
      await page.getByRole("option", { name: "江苏省" }).click();
      await page.getByTestId("insert").click();
      await page.getByTestId("notice").waitFor();
      expect(await page.getByTestId("notice").textContent()).toContain("已填写的内容全部保留");
      await page.getByTestId("refresh").click();
      await page.getByTestId("refresh-summary").waitFor();
      expect(await page.getByTestId("fact-unit").textContent()).toBe("江苏省");
      expect(await page.getByTestId("fact-profile").textContent()).toBe("知识产权强省建设试点省");
      const sheets = await sheetNames(page);
      expect(sheets).toEqual(expect.arrayContaining(layout.sheets.map((s) => s.name)));
      await page.context().close();
    });
  });
}
