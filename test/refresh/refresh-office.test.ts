import { RefreshInterruptedError, WorkbookError } from "../../src/excel/errors";
import { ADDITIONS_WINDOW } from "../../src/excel/refresh-read";
import { OfficeReportWorkbook } from "../../src/excel/office-workbook";
import { buildLayout, resolveProfile, type CellValue, type WorkbookLayout } from "../../src/layout";
import { RETIRED_SHEET_NAME } from "../../src/refresh/retired";
import type { Spec } from "../../src/spec";
import { sampleValues } from "../../src/sample";
import { FakeExcel } from "../fake-excel";
import { fillThroughOffice } from "../contract/scenario";
import { spec2019v2 } from "../fixtures/spec-versions";
import { spec2019 } from "../helpers/specs";

const v1 = spec2019();
const v2 = spec2019v2();
const MB = 1_000_000;

async function filledExcel(layout: WorkbookLayout, values: Record<string, CellValue>, specs: Spec[] = [v1]) {
  const fake = new FakeExcel();
  const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported, specs);
  const outcome = await workbook.insertTemplate(layout);
  if (outcome.status !== "inserted") throw new Error("insert refused");
  await fillThroughOffice(fake, layout, values);
  return { fake, workbook };
}

const everything = spec2019v2()
  .categories.filter((c) => !c.exclusiveGroup)
  .map((c) => c.id);
const layout = buildLayout(v1, resolveProfile(v1, "江苏", everything));
const full = sampleValues(v1, layout, { seed: 3, defects: "none" }).values;

describe("the add-in's refresh on the strict fake", () => {
  test("a fully filled workbook: at most 6 syncs, none over 1 MB, every value where its field id says", async () => {
    const { fake, workbook } = await filledExcel(layout, full);
    const { result, syncs } = await fake.measure(() => workbook.refresh());
    expect(syncs.length).toBeLessThanOrEqual(6);
    expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThan(MB);
    expect(syncs.every((s) => s.failed === undefined)).toBe(true);
    expect(result.plan.kept.length).toBe(Object.keys(full).length);
    const after = await workbook.openReport();
    for (const [id, value] of Object.entries(full))
      expect([id, after!.reading.values[id]]).toEqual([id, value]);
    expect(after!.reading.formulas).toEqual({});
  });

  test("keeps the user's own sheet, note, fill and column width; text starting with '=' stays text", async () => {
    const values = {
      "task.3.progress": "=cmd|' /C calc'!A0",
      "target.pledge-financing-growth.actual": "约120亿元",
    };
    const { fake, workbook } = await filledExcel(layout, values);
    const progress = layout.fields.find((f) => f.id === "task.3.progress")!;
    fake.user.addNote("任务清单", progress.cell, "请处长审核");
    // Formatting cells needs the (password-less) protection lifted, as a user would.
    fake.user.unprotect("任务清单");
    fake.user.setFill("任务清单", progress.cell, "#00B0F0");
    fake.user.protect("任务清单", { allowFormatColumns: true, allowFormatRows: true });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add("我的备注");
      ws.getRange("A1").values = [["内部核对清单"]];
      ctx.workbook.worksheets.getItem("任务清单").getRange("G:G").format.columnWidth = 300;
      await ctx.sync();
    });
    await workbook.refresh();
    const snap = fake.snapshot();
    const tasks = snap.sheets.find((s) => s.name === "任务清单")!;
    expect(snap.sheets.find((s) => s.name === "我的备注")!.cells.A1.value).toBe("内部核对清单");
    expect(tasks.notes[progress.cell]?.content).toBe("请处长审核");
    expect(tasks.cells[progress.cell].fill?.toUpperCase()).toBe("#00B0F0");
    expect(tasks.columns.G.width).toBe(300);
    const after = await workbook.openReport();
    expect(after!.reading.values["task.3.progress"]).toBe("=cmd|' /C calc'!A0");
    expect(after!.reading.formulas["task.3.progress"]).toBeUndefined();
    expect(after!.reading.values["target.pledge-financing-growth.actual"]).toBe("约120亿元");
  });

  test("across versions: moves renamed ids, retires what has no home onto 已停用字段, adds new fields", async () => {
    const values = { "task.13.clues-reported": 12, "task.2.subsidy-ledger": "是", "cover.contact": "王芳" };
    const { fake, workbook } = await filledExcel(layout, values, [v1, v2]);
    const { result, syncs } = await fake.measure(() => workbook.refresh({ toVersion: v2.specVersion }));
    expect(syncs.length).toBeLessThanOrEqual(6);
    expect(result.plan.moved).toContainEqual({
      from: "task.13.clues-reported",
      to: "task.13.clues-submitted",
    });
    expect(result.plan.retired.map((r) => [r.id, r.value])).toEqual([["task.2.subsidy-ledger", "是"]]);
    const after = await workbook.openReport();
    expect(after!.spec.specVersion).toBe(v2.specVersion);
    expect(after!.reading.values["task.13.clues-submitted"]).toBe(12);
    const retired = fake.snapshot().sheets.find((s) => s.name === RETIRED_SHEET_NAME)!;
    expect(retired.cells.A2.value).toBe("task.2.subsidy-ledger");
    expect(retired.cells.C2.value).toBe("是");
  });

  test("a deleted defined name is recognised from the metadata: still at most 6 syncs", async () => {
    const { fake, workbook } = await filledExcel(layout, {
      "task.2.status": "已完成",
      "task.2.progress": "建立台账",
    });
    fake.user.deleteName("F_task_2_status");
    const { result, syncs } = await fake.measure(() => workbook.refresh());
    expect(result.recovered).toEqual(["task.2.status"]);
    expect(syncs.length).toBeLessThanOrEqual(6);
    const after = await workbook.openReport();
    expect(after!.reading.missingNames).toEqual([]);
    expect(after!.reading.values["task.2.status"]).toBe("已完成");
  });

  test("a profile change keeps values of tasks that stop applying, flagged; undo restores the workbook as it was", async () => {
    const { workbook } = await filledExcel(layout, {
      "task.3.status": "推进中",
      "task.3.progress": "加强商标审查质量监控",
    });
    const outcome = await workbook.refresh({ categories: [] });
    expect(outcome.plan.stoppedApplying).toEqual(
      expect.arrayContaining(["task.3.status", "task.3.progress"]),
    );
    const changed = await workbook.openReport();
    expect(changed!.profile.categories).toEqual([]);
    expect(changed!.reading.values["task.3.progress"]).toBe("加强商标审查质量监控");
    await workbook.restore(outcome.before);
    const restored = await workbook.openReport();
    expect(restored!.profile.categories).toEqual(layout.metadata.categories);
    expect(restored!.reading.values["task.3.status"]).toBe("推进中");
  });

  test("refuses a downgrade and an unknown version, changing nothing", async () => {
    const v2layout = buildLayout(v2, resolveProfile(v2, "江苏", []));
    const { fake, workbook } = await filledExcel(v2layout, { "cover.contact": "王芳" }, [v1, v2]);
    const before = JSON.stringify(fake.snapshot());
    await expect(workbook.refresh({ toVersion: v1.specVersion })).rejects.toMatchObject({
      problem: "downgrade",
    });
    await expect(workbook.refresh({ toVersion: "2031.1.0" })).rejects.toMatchObject({
      problem: "unknown-version",
    });
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });
});

describe("what a clerk typed on a report sheet, on the strict fake", () => {
  test("content past what a refresh reads is refused in words, changing nothing; within it, kept", async () => {
    const { fake, workbook } = await filledExcel(layout, { "cover.contact": "王芳" });
    fake.user.unprotect("任务清单");
    const { rows } = ADDITIONS_WINDOW;
    fake.user.type("任务清单", `A${rows + 1}`, "远处的备注");
    const before = JSON.stringify(fake.snapshot());
    const refused = await workbook.refresh().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(WorkbookError);
    expect(refused).toMatchObject({ problem: "content-beyond-reach" });
    expect((refused as WorkbookError).detail.zh).toBe(
      `工作表“任务清单”在 BL${rows} 以外还有内容，刷新模板会重建这些工作表：请先把这些内容移到自己的工作表，再刷新。`,
    );
    expect(JSON.stringify(fake.snapshot())).toBe(before);

    fake.user.type("任务清单", `A${rows + 1}`, "");
    fake.user.type("任务清单", `A${rows}`, "最后一行的备注");
    const { result, syncs } = await fake.measure(() => workbook.refresh());
    expect(syncs.length).toBeLessThanOrEqual(6);
    expect(result.plan.additions.inPlace).toEqual([
      { sheet: "tasks", sheetName: "任务清单", cell: `A${rows}`, value: "最后一行的备注" },
    ]);
  });
});

describe("what the add-in's refresh cannot carry on an older Excel, it says", () => {
  test("on Excel 2019 (ExcelApi 1.7): no native validation in the rebuilt template, and notes are not kept", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported, [v1]);
    await workbook.insertTemplate(layout);
    await fillThroughOffice(fake, layout, { "cover.contact": "王芳" });
    const outcome = await workbook.refresh();
    const text = outcome.degraded.map((d) => d.zh).join("\n");
    expect(text).toContain("下拉列表");
    expect(text).toContain("批注在刷新后不会保留");
    expect((await workbook.openReport())!.reading.values["cover.contact"]).toBe("王芳");
  });
});

describe("a refresh that fails part-way", () => {
  test("throws with the snapshot taken before the rebuild, and restoring it brings every value back", async () => {
    const { fake } = await filledExcel(layout, {
      "task.2.progress": "建立完善各级专利资助和奖励工作台账",
      "cover.contact": "王芳",
    });
    // The third sync (the first that replaces sheets) is carried out, then its answer is lost, as with a
    // dropped connection: the old sheets are gone and the new ones only begun.
    const failing = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) =>
      fake.run(async (ctx) => {
        let syncs = 0;
        const sync = ctx.sync.bind(ctx);
        Object.assign(ctx, {
          sync: async () => {
            await sync();
            if (++syncs === 3) throw new Error("connection lost");
          },
        });
        return batch(ctx);
      });
    const broken = new OfficeReportWorkbook(failing, fake.isSetSupported, [v1]);
    const error = await broken.refresh().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefreshInterruptedError);
    expect((error as RefreshInterruptedError).detail.zh).toContain("撤销刷新");
    const workbook = new OfficeReportWorkbook(fake.run, fake.isSetSupported, [v1]);
    await workbook.restore((error as RefreshInterruptedError).before);
    const after = await workbook.openReport();
    expect(after!.reading.values["task.2.progress"]).toBe("建立完善各级专利资助和奖励工作台账");
    expect(after!.reading.values["cover.contact"]).toBe("王芳");
  });
});
