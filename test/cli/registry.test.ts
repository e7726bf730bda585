import { COMMANDS } from "../../src/cli/commands";
import { runCli } from "../helpers/cli";

describe("the command registry", () => {
  test("an option a command does not take is an error naming the command, not silently accepted", async () => {
    const r = await runCli(["validate", "some.xlsx", "--seed", "5"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("错误: validate 命令不接受 --seed（ip-report validate --help 查看用法）");
  });

  test("the same in English", async () => {
    const r = await runCli(["info", "x.xlsx", "--annotate", "y.xlsx", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: info does not take --annotate (see ip-report info --help)");
  });

  test("an option no command knows is a bad argument", async () => {
    const r = await runCli(["template", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("错误: 参数有误：未知选项 --bogus（ip-report --help 查看用法）");
  });

  test("an output name that starts with '-' is told how to write it, in the user's language", async () => {
    const r = await runCli(["template", "--province", "江苏", "--out", "-x.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("错误: 参数有误：--out 需要一个值（值以“-”开头时请写成 --out=值）");
  });

  test("an unknown command lists the commands", async () => {
    const r = await runCli(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误: 未知命令：frobnicate（可用：${COMMANDS.map((c) => c.name).join("、")}）`);
  });

  test("the help lists every registered command with its usage and summary, in each language", async () => {
    for (const lang of ["zh", "en"] as const) {
      const r = await runCli(["--help", "--lang", lang]);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) {
        for (const line of c.usage[lang].split("\n")) expect(r.out).toContain(`ip-report ${line}`);
        expect(r.out).toContain(c.summary[lang]);
      }
    }
  });

  test("a command's own help shows only that command, with --spec where it takes one", async () => {
    const r = await runCli(["refresh", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("ip-report refresh 文件.xlsx");
    expect(r.out).not.toContain("ip-report validate");
    expect(r.out).toContain("--spec 规范.json");
  });

  test("no command at all prints the help and exits 2", async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("ip-report template --province 江苏");
  });

  test("an option name means one kind everywhere (the command's name is found with every command's options at once)", () => {
    const kinds = new Map<string, string>();
    for (const c of COMMANDS)
      for (const [name, kind] of Object.entries(c.options)) {
        expect([name, kinds.get(name) ?? kind.type]).toEqual([name, kind.type]);
        kinds.set(name, kind.type);
      }
  });

  test("the command is found wherever the options stand", async () => {
    const r = await runCli(["--lang", "en", "--json", "info"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("error: name a workbook file");
  });
});
