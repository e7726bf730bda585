import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildLayout } from "../../src/layout/build";
import { resolveProfile } from "../../src/layout/obligation";
import type { Issue } from "../../src/rules";
import { sampleValues } from "../../src/sample";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/tools";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();
const dir = tempDir("cli-validate");
const good = join(dir, "江苏.xlsx");
const bad = join(dir, "浙江.xlsx");
const SEED = 17;

interface Entry {
  file: string;
  province: string;
  specId: string;
  specVersion: string;
  templateVersion: string;
  issues: Issue[];
  summary: { error: number; warning: number; info: number };
  annotated?: string;
}

beforeAll(async () => {
  expect((await runCli(["sample", "--province", "江苏", "--seed", String(SEED), "--out", good])).code).toBe(
    0,
  );
  const r = await runCli([
    "sample",
    "--province",
    "浙江",
    "--seed",
    String(SEED),
    "--defects",
    "some",
    "--out",
    bad,
  ]);
  expect(r.code).toBe(0);
});

describe("ip-report validate", () => {
  test("a correct sample: exit 0, zero errors, and the report's identity printed", async () => {
    const r = await runCli(["validate", good]);
    expect(r).toMatchObject({ code: 0, err: "" });
    const lines = r.out.split("\n");
    expect(lines[0]).toBe(good);
    expect(lines[1]).toBe(`  江苏省 · 规范 ${spec.specId} ${spec.specVersion} · 模板 1.0.0`);
    expect(lines[2]).toBe("  错误 0 项，警告 0 项，提示 0 项");
    expect(lines).toHaveLength(3);
  });

  test("a sample with defects: exit 1, and every listed defect found at its cell", async () => {
    const layout = buildLayout(spec, resolveProfile(spec, "浙江", []));
    const { defects } = sampleValues(spec, layout, { seed: SEED, defects: "some" });
    const r = await runCli(["validate", bad, "--json"]);
    expect(r.code).toBe(1);
    const [entry] = JSON.parse(r.out) as Entry[];
    for (const defect of defects) {
      const field = layout.fields.find((f) => f.id === defect.fieldId)!;
      const found = entry.issues.filter((i) => i.fieldId === defect.fieldId && i.severity === "error");
      expect({ defect: defect.fieldId, found: found.length > 0 }).toEqual({
        defect: defect.fieldId,
        found: true,
      });
      expect(found[0].cell).toEqual({ sheetName: field.sheetName, cell: field.cell });
    }
  });

  test("human output lists each issue: severity, code, sheet!cell, message", async () => {
    const r = await runCli(["validate", bad]);
    const json = JSON.parse((await runCli(["validate", bad, "--json"])).out) as Entry[];
    const issues = json[0].issues;
    expect(r.out).toContain(`错误 ${json[0].summary.error} 项，警告 ${json[0].summary.warning} 项`);
    for (const issue of issues) {
      const line = r.out
        .split("\n")
        .find((l) => l.includes(`${issue.cell!.sheetName}!${issue.cell!.cell}`) && l.includes(issue.code));
      expect(line).toBeDefined();
      expect(line).toContain(issue.message.zh);
      expect(line!.trim().startsWith(issue.severity === "error" ? "错误" : "警告")).toBe(true);
    }
  });

  test("--json: one entry per file with the report's identity, its issues and a summary that counts them", async () => {
    const r = await runCli(["validate", good, bad, "--json"]);
    expect(r.code).toBe(1);
    const entries = JSON.parse(r.out) as Entry[];
    expect(entries.map((e) => e.file)).toEqual([good, bad]);
    for (const entry of entries) {
      expect(Object.keys(entry).sort()).toEqual(
        ["file", "province", "specId", "specVersion", "templateVersion", "issues", "summary"].sort(),
      );
      expect(entry).toMatchObject({
        specId: spec.specId,
        specVersion: spec.specVersion,
        templateVersion: "1.0.0",
      });
      const count = (s: string) => entry.issues.filter((i) => i.severity === s).length;
      expect(entry.summary).toEqual({
        error: count("error"),
        warning: count("warning"),
        info: count("info"),
      });
      for (const issue of entry.issues) {
        expect(issue).toMatchObject({
          ruleId: expect.any(String),
          severity: expect.any(String),
          kind: expect.any(String),
          code: expect.stringMatching(/^[EW]\d{3}$/),
          message: { zh: expect.any(String), en: expect.any(String) },
        });
      }
    }
    expect(entries.map((e) => e.province)).toEqual(["江苏省", "浙江省"]);
  });

  test("--lang en prints English", async () => {
    const r = await runCli(["validate", bad, "--lang", "en"]);
    const [entry] = JSON.parse((await runCli(["validate", bad, "--json"])).out) as Entry[];
    expect(r.out).toContain(`  浙江省 · spec ${spec.specId} ${spec.specVersion} · template 1.0.0`);
    expect(r.out).toMatch(/\d+ errors?, \d+ warnings?, \d+ info/);
    for (const issue of entry.issues) expect(r.out).toContain(issue.message.en);
    expect(r.out).not.toMatch(/错误|警告|规范/);
  });

  test("several files end with a total line; a missing file is exit 2 and the others are still checked", async () => {
    const missing = join(dir, "missing.xlsx");
    const r = await runCli(["validate", good, missing, bad]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误: ${missing}: 文件不存在`);
    expect(r.out).toContain(good);
    expect(r.out).toContain(bad);
    expect(r.out.split("\n").pop()).toBe("共校验 3 个文件：有文件无法读取");
  });

  test("--annotate-dir writes one copy per file under its own name; the inputs stay as they were", async () => {
    const out = join(dir, "annotated");
    const before = [readFileSync(good), readFileSync(bad)];
    const r = await runCli(["validate", good, bad, "--annotate-dir", out, "--json"]);
    expect(readFileSync(good).equals(before[0]) && readFileSync(bad).equals(before[1])).toBe(true);
    expect(r.code).toBe(1);
    const entries = JSON.parse(r.out) as Entry[];
    expect(entries.map((e) => e.annotated)).toEqual([join(out, "江苏.xlsx"), join(out, "浙江.xlsx")]);
    expect(existsSync(join(out, "江苏.xlsx"))).toBe(true);
    const again = JSON.parse((await runCli(["validate", join(out, "浙江.xlsx"), "--json"])).out) as Entry[];
    expect(again[0].issues).toEqual(entries[1].issues);
  });

  test.each([
    [["validate"], "请指定要校验的 .xlsx 文件"],
    [["validate", "a.xlsx", "b.xlsx", "--annotate", "c.xlsx"], "--annotate 只能用于一个文件"],
    [
      ["validate", "a.xlsx", "--annotate", "c.xlsx", "--annotate-dir", "d"],
      "--annotate 与 --annotate-dir 只能选一个",
    ],
  ])("usage mistakes are one localized line, exit 2: %j", async (argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err.startsWith(`错误: ${message}`)).toBe(true);
  });

  test("two inputs with one name would clash in --annotate-dir: refused before anything is written", async () => {
    const other = join(dir, "other");
    mkdirSync(other, { recursive: true });
    copyFileSync(good, join(other, "江苏.xlsx"));
    const out = join(dir, "clash");
    const r = await runCli(["validate", good, join(other, "江苏.xlsx"), "--annotate-dir", out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("的标注副本同名");
    expect(existsSync(out)).toBe(false);
  });

  test("--annotate-dir pointing at the inputs' own folder is refused", async () => {
    const r = await runCli(["validate", good, "--annotate-dir", dir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("会覆盖输入文件");
  });

  test("help names the new commands", async () => {
    const r = await runCli(["--help"]);
    expect(r.out).toContain("ip-report validate 文件.xlsx...");
    expect(r.out).toContain("ip-report sample --province 江苏");
  });
});
