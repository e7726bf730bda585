import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { workbookBytes } from "../../src/xlsx/package";
import { loadWorkbookFile, readDefinedNames } from "../../src/xlsx/read";
import { latestSpec } from "../../src/spec";
import { spec2019v2 } from "../fixtures/spec-versions";

const v1 = latestSpec();
const v2 = spec2019v2();
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/tools";

const dir = tempDir("cli-refresh");
const sample = join(dir, "江苏-填报.xlsx");
const v2File = join(dir, `cnipa-ip-hqd-2019-${v2.specVersion}.json`);

beforeAll(async () => {
  writeFileSync(v2File, JSON.stringify(v2));
  const r = await runCli([
    "sample",
    "--province",
    "江苏",
    "--profile",
    "trademark-review-center",
    "--seed",
    "7",
    "--out",
    sample,
  ]);
  expect(r.code).toBe(0);
});

describe("ip-report refresh", () => {
  test("says so when it sets a changed 报送单位 back to the workbook's own province (text and --json)", async () => {
    const wb = await loadWorkbookFile(sample);
    const where = readDefinedNames(wb).get("F_cover_province")!;
    wb.getWorksheet(where.sheetName)!.getCell(where.cell).value = "浙江省";
    const changed = join(dir, "changed-unit.xlsx");
    writeFileSync(changed, await workbookBytes(wb));
    const text = await runCli(["refresh", changed, "--out", join(dir, "unit-text.xlsx")]);
    expect(text.out).toContain("“报送单位”已由“浙江省”恢复为本工作簿的“江苏省”");
    expect(text.out).toMatch(/已恢复预填项: cover\.province（报送单位）“浙江省” → “江苏省”/);
    const json = await runCli([
      "refresh",
      changed,
      "--out",
      join(dir, "unit-json.xlsx"),
      "--json",
      "--lang",
      "en",
    ]);
    expect(JSON.parse(json.out).restoredPrefilled).toEqual([
      {
        id: "cover.province",
        label: { zh: "报送单位", en: "Reporting unit" },
        value: "浙江省",
        restored: "江苏省",
      },
    ]);
    const unchanged = await runCli(["refresh", sample, "--out", join(dir, "unit-same.xlsx"), "--json"]);
    expect(JSON.parse(unchanged.out).restoredPrefilled).toEqual([]);
  });

  test("rebuilds at the same version, prints the summary, and leaves its input untouched", async () => {
    const before = readFileSync(sample);
    const out = join(dir, "same.xlsx");
    const r = await runCli(["refresh", sample, "--out", out]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain(`版本: ${v1.specVersion} → ${v1.specVersion}`);
    expect(r.out).toMatch(/保留 \d+ 个填报值，迁移 0 个，新增 0 个填报项，0 个值移入“已停用字段”/);
    expect(readFileSync(sample).equals(before)).toBe(true);
    const validate = await runCli(["validate", sample, "--json"]);
    const again = await runCli(["validate", out, "--json"]);
    expect(JSON.parse(again.out)[0].issues).toEqual(JSON.parse(validate.out)[0].issues);
  });

  test("upgrades to a newer version given as a spec file, listing moved and retired values (--json)", async () => {
    const out = join(dir, "v2.xlsx");
    const r = await runCli(["refresh", sample, "--out", out, "--spec", v2File, "--json"]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary.to.specVersion).toBe(v2.specVersion);
    expect(summary.moved).toContainEqual({ from: "task.13.clues-reported", to: "task.13.clues-submitted" });
    expect(summary.retired.map((x: { id: string }) => x.id)).toContain("task.2.subsidy-ledger");
    expect(summary.added).toContain("task.18.shortage-talent-classes-held");
    const info = await runCli(["info", out, "--spec", v2File]);
    expect(info.out).toContain(v2.specVersion);
    expect(info.out).toContain("已是最新");
  });

  test("--in-place keeps a .bak copy of the original first", async () => {
    const copy = join(dir, "inplace.xlsx");
    writeFileSync(copy, readFileSync(sample));
    const r = await runCli(["refresh", copy, "--in-place"]);
    expect(r.code).toBe(0);
    expect(readFileSync(`${copy}.bak`).equals(readFileSync(sample))).toBe(true);
    expect((await loadWorkbookFile(copy)).getWorksheet("_meta")).toBeDefined();
  });

  test("refuses to overwrite its input without --in-place", async () => {
    const r = await runCli(["refresh", sample, "--out", sample]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--in-place");
  });

  test.each([
    ["a version that does not exist", ["--to", "2031.1.0"], "没有版本 2031.1.0"],
    ["a corrupt file", [], "文件已损坏或不完整"],
  ])("%s: exit 2, a localized line, and no output file", async (what, extra, message) => {
    let input = sample;
    if (what === "a corrupt file") {
      input = join(dir, "truncated.xlsx");
      writeFileSync(input, readFileSync(sample).subarray(0, 5000));
    }
    const out = join(dir, `never-${extra.length}.xlsx`);
    const r = await runCli(["refresh", input, "--out", out, ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(existsSync(out)).toBe(false);
  });

  test("refuses a downgrade", async () => {
    const newer = join(dir, "v2-for-downgrade.xlsx");
    await runCli(["refresh", sample, "--out", newer, "--spec", v2File]);
    const r = await runCli([
      "refresh",
      newer,
      "--out",
      join(dir, "down.xlsx"),
      "--to",
      v1.specVersion,
      "--spec",
      v2File,
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`不能把 ${v2.specVersion} 版的工作簿降级到 ${v1.specVersion}`);
  });

  test("a profile change: values of a task that stops applying are kept and flagged", async () => {
    const out = join(dir, "profile.xlsx");
    const r = await runCli(["refresh", sample, "--out", out, "--profile", ""]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("已不适用，值已保留: task.3.status");
  });
});

describe("ip-report info", () => {
  test("says the version, that the structure is intact, and whether a newer version is bundled", async () => {
    const r = await runCli(["info", sample]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("省份: 江苏省");
    expect(r.out).toContain(`规范: cnipa-ip-hqd-2019 ${v1.specVersion} · 模板 1.0.0`);
    expect(r.out).toContain("结构: 完好");
    expect(r.out).toContain("已是最新");
    const withNewer = await runCli(["info", sample, "--spec", v2File, "--lang", "en"]);
    expect(withNewer.out).toContain(`a newer spec ${v2.specVersion} is bundled`);
  });
});
