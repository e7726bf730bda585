import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import spec2019 from "../../src/spec/specs/cnipa-ip-hqd-2019.json";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/tools";

const dir = tempDir("cli-template");

describe("ip-report template", () => {
  test("writes a province's template", async () => {
    const out = join(dir, "江苏.xlsx");
    const r = await runCli([
      "template",
      "--province",
      "江苏",
      "--profile",
      "ip-protection-center,知识产权强省建设试点省",
      "--out",
      out,
    ]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("江苏省");
    expect(existsSync(out)).toBe(true);
  });

  test("writes all 32 units with --all", async () => {
    const outDir = join(dir, "all");
    const r = await runCli(["template", "--all", "--out-dir", outDir]);
    expect(r.code).toBe(0);
    expect(readdirSync(outDir).sort()).toHaveLength(32);
    expect(readdirSync(outDir)).toContain("兵团.xlsx");
  });

  test("an unknown province is one localized line listing the valid ones, exit 2", async () => {
    const r = await runCli(["template", "--province", "火星", "--out", join(dir, "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/^错误: 未知的省份：“火星”。可选省份：北京、天津.*兵团$/);
    const en = await runCli(["template", "--province", "Mars", "--out", join(dir, "x.xlsx"), "--lang", "en"]);
    expect(en.err).toMatch(/^error: Unknown province: "Mars". valid provinces: 北京, 天津/);
  });

  test("an unknown category lists the valid categories, exit 2", async () => {
    const r = await runCli([
      "template",
      "--province",
      "江苏",
      "--profile",
      "moon-base",
      "--out",
      join(dir, "x.xlsx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("未知的省份概况类别：“moon-base”");
    expect(r.err).toContain("tisc-host");
  });

  test("an unwritable output path is a clear error, and nothing is left behind", async () => {
    const locked = join(dir, "locked");
    execFileSync("mkdir", ["-p", locked]);
    chmodSync(locked, 0o500);
    const r = await runCli([
      "template",
      "--province",
      "江苏",
      "--out",
      join(dir, "no", "such", "dir", "x.xlsx"),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误: .*x\.xlsx: 无法写入（文件夹不存在），原文件未改动$/);
    chmodSync(locked, 0o700);
  });

  test("a spec file that fails the schema names the offending element, exit 2", async () => {
    const bad = JSON.parse(JSON.stringify(spec2019));
    bad.targets[7].comparator = "≈";
    const file = join(dir, "bad-spec.json");
    writeFileSync(file, JSON.stringify(bad));
    const r = await runCli(["template", "--province", "江苏", "--spec", file, "--out", join(dir, "y.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误: 规范文件 bad-spec\.json 不符合格式：targets\[7\]/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  test("bad arguments are one line, not a stack trace", async () => {
    const r = await runCli(["template", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^错误: 参数有误/);
  });
});

describe("ip-report fields", () => {
  test("--json prints the field dictionary, the same for a fresh template and the file made from it", async () => {
    const fresh = await runCli(["fields", "--json", "--province", "江苏", "--profile", "tisc-host"]);
    const dict = JSON.parse(fresh.out);
    expect(dict).toMatchObject({
      specId: "cnipa-ip-hqd-2019",
      specVersion: "2019.2.0",
      templateVersion: "1.0.0",
    });
    expect(dict.fields.find((f: { id: string }) => f.id === "task.16.status")).toMatchObject({
      name: "F_task_16_status",
      sheet: "任务清单",
      type: "enum",
      required: "always",
    });
    const file = join(dir, "fields.xlsx");
    await runCli(["template", "--province", "江苏", "--profile", "tisc-host", "--out", file]);
    const fromFile = JSON.parse((await runCli(["fields", "--json", file])).out);
    expect(fromFile).toEqual(dict);
  });

  test("a file that is not a workbook is exit 2 with a localized line", async () => {
    const csv = join(dir, "data.xlsx");
    writeFileSync(csv, "省份,状态\n江苏,已完成\n");
    const r = await runCli(["fields", csv]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("不是 .xlsx 文件");
  });
});

describe("the installed command", () => {
  test("npx-style bin runs the compiled CLI", () => {
    const bin = join(__dirname, "..", "..", "bin", "ip-report.js");
    const out = execFileSync(process.execPath, [bin, "--help", "--lang", "en"], { encoding: "utf8" });
    expect(out).toContain("ip-report template --province");
  });
});
