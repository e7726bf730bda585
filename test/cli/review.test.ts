import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ConsolidateJson } from "../../src/cli/commands/consolidate";
import { loadWorkbookFile } from "../../src/xlsx/read";
import { readReviewMarks } from "../../src/xlsx/review";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/tools";

const dir = tempDir("review");
const first = join(dir, "first");
const second = join(dir, "second");
mkdirSync(first, { recursive: true });
mkdirSync(second, { recursive: true });

beforeAll(async () => {
  await runCli([
    "sample",
    "--province",
    "江苏",
    "--seed",
    "5",
    "--defects",
    "some",
    "--out",
    join(first, "江苏.xlsx"),
  ]);
  await runCli(["sample", "--province", "江苏", "--seed", "5", "--out", join(dir, "江苏-改.xlsx")]);
}, 120_000);

describe("审核意见: review marks travel with the workbook", () => {
  test("a mark written by the CLI is on a visible 审核意见 sheet keyed by item id, and refresh keeps it", async () => {
    const marked = join(dir, "marked.xlsx");
    const r = await runCli([
      "review",
      join(first, "江苏.xlsx"),
      "--item",
      "task.2",
      "--verdict",
      "退回修改",
      "--comment",
      "请补充资助台账",
      "--out",
      marked,
    ]);
    expect(r).toMatchObject({ code: 0, err: "" });
    const again = await runCli([
      "review",
      marked,
      "--item",
      "task.2",
      "--verdict",
      "通过",
      "--out",
      marked + ".2.xlsx",
    ]);
    expect(again.code).toBe(0);
    expect(readReviewMarks(await loadWorkbookFile(marked + ".2.xlsx"))).toEqual([
      { key: "task.2", verdict: "通过", comment: "" },
    ]);
    const wb = await loadWorkbookFile(marked);
    expect(wb.getWorksheet("审核意见")?.state).toBe("visible");
    const refreshed = join(dir, "refreshed.xlsx");
    expect((await runCli(["refresh", marked, "--out", refreshed])).code).toBe(0);
    expect(readReviewMarks(await loadWorkbookFile(refreshed))).toEqual([
      { key: "task.2", verdict: "退回修改", comment: "请补充资助台账" },
    ]);
  }, 120_000);

  test.each([
    [["--item", "task.99", "--verdict", "通过"], "未知的审核项"],
    [["--item", "task.2", "--verdict", "好"], "--verdict 只能是"],
    [["--item", "task.2", "--verdict", "退回修改"], "退回修改须附"],
  ])("bad marks are one localized line, exit 2: %s", async (args, message) => {
    const r = await runCli(["review", join(first, "江苏.xlsx"), ...args, "--out", join(dir, "never.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(join(dir, "never.xlsx"))).toBe(false);
  });
});

describe("return notes and resubmissions", () => {
  test("diff lists by field id what changed and which issues were fixed", async () => {
    const r = await runCli(["diff", join(first, "江苏.xlsx"), join(dir, "江苏-改.xlsx"), "--json"]);
    const d = JSON.parse(r.out);
    expect(d.unitId).toBe("jiangsu");
    expect(d.changed.length).toBeGreaterThan(0);
    expect(d.fixed.length).toBeGreaterThan(0);
    expect(d.added).toEqual([]);
    expect(r.code).toBe(0);
  });

  test("consolidate --previous shows what each unit that sent again changed; a return note per unit with errors or 退回修改", async () => {
    await runCli([
      "review",
      join(dir, "江苏-改.xlsx"),
      "--item",
      "target.ip-insurance-growth",
      "--verdict",
      "退回修改",
      "--comment",
      "保险保障金额口径与统计年报不一致",
      "--out",
      join(second, "江苏.xlsx"),
    ]);
    const r = await runCli([
      "consolidate",
      second,
      "--previous",
      first,
      "--out-dir",
      join(dir, "out"),
      "--json",
    ]);
    const json = JSON.parse(r.out) as ConsolidateJson;
    expect(json.resubmissions).toHaveLength(1);
    expect(json.resubmissions[0].fixed.length).toBeGreaterThan(0);
    expect(json.units.find((u) => u.unitId === "jiangsu")?.review).toEqual({
      state: "returned",
      passed: 0,
      returned: 1,
    });
    const note = readFileSync(json.outputs.returnNotes.jiangsu, "utf8");
    expect(note).toContain("退回修改通知");
    expect(note).toContain("保险保障金额口径与统计年报不一致");
    expect(note).toContain("知识产权保险保障金额增长20%以上");
    expect(note).toContain("Content-Security-Policy");
    expect(note).not.toMatch(/<script|https?:\/\//);
  }, 120_000);
});
