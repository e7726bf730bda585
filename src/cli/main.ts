import { parseArgs } from "node:util";
import { isLang, pick, type Lang } from "../i18n";
import { LocalizedError } from "../i18n/errors";
import type { LocalizedText } from "../spec/schema";
import { COMMON_OPTIONS, type OptionKinds, type RegisteredCommand } from "./command";
import { COMMANDS } from "./commands";
import { fail, processConsole, UsageError, type CommandContext, type Console } from "./output";

const TITLE: LocalizedText = {
  zh: "ip-report — 知识产权高质量发展任务清单填报工具",
  en: "ip-report — reporting tool for the CNIPA high-quality IP development task list",
};

const FOOTER: LocalizedText = {
  zh: `通用选项：
  --lang zh|en   提示信息的语言，也是新写出的工作簿的语言（默认 zh，或环境变量 IP_REPORT_LANG=en；
                 refresh 与 --annotate 默认沿用工作簿原有语言）
  --help         ip-report 命令 --help 查看该命令
退出码：0 成功；1 发现错误；2 输入无法处理（参数、文件、规范）。`,
  en: `Common options:
  --lang zh|en   the language of messages and of every workbook written (default zh, or IP_REPORT_LANG=en;
                 refresh and --annotate keep the workbook's own language unless --lang is given)
  --help         ip-report COMMAND --help for one command
Exit codes: 0 success; 1 errors found; 2 input that cannot be handled (arguments, files, spec).`,
};

function usageLines(command: RegisteredCommand, lang: Lang): string[] {
  return pick(command.usage, lang)
    .split("\n")
    .map((line) => `  ip-report ${line}`);
}

function help(lang: Lang, only?: RegisteredCommand): string {
  const commands = only ? [only] : COMMANDS;
  const body = commands.flatMap((c) => [...usageLines(c, lang), `      ${pick(c.summary, lang)}`]);
  const options = only?.options.spec
    ? [
        lang === "zh"
          ? "  --spec 规范.json   使用一份规范文件（生成时代替内置的最新规范；读取工作簿时在内置规范之外再识别这一份），可在打包前完整试用新规范"
          : "  --spec SPEC.json   a spec file (writing: instead of the newest bundled spec; reading a workbook: recognised beside the bundled ones), to try a draft spec end to end",
      ]
    : [];
  return [
    pick(TITLE, lang),
    "",
    lang === "zh" ? "用法：" : "Usage:",
    ...body,
    ...options,
    "",
    pick(FOOTER, lang),
  ].join("\n");
}

/** --lang as given on the line, if it is one of ours. */
function explicitLangOf(argv: string[]): Lang | undefined {
  const i = argv.indexOf("--lang");
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  return value && isLang(value) ? value : undefined;
}

function langOf(argv: string[]): Lang {
  return explicitLangOf(argv) ?? ((process.env.IP_REPORT_LANG ?? "").startsWith("en") ? "en" : "zh");
}

/** Every option any command takes, so the command's name can be found wherever the options stand. */
function allOptions(): OptionKinds {
  return Object.assign({}, COMMON_OPTIONS, ...COMMANDS.map((c) => c.options)) as OptionKinds;
}

/** The command named on the line: the first positional argument. */
function commandOf(argv: string[]): { name?: string; command?: RegisteredCommand } {
  const { positionals } = parseArgs({
    args: argv,
    options: allOptions(),
    allowPositionals: true,
    strict: true,
  });
  const name = positionals[0];
  return { name, command: COMMANDS.find((c) => c.name === name) };
}

/** Runs one command line; returns the exit code. Never throws for bad input: one localized line instead. */
export async function main(argv: string[], console: Console = processConsole): Promise<number> {
  const ctx: CommandContext = { lang: langOf(argv), explicitLang: explicitLangOf(argv), console };
  try {
    const { name, command } = commandOf(argv);
    if (name !== undefined && name !== "help" && !command) {
      const known = COMMANDS.map((c) => c.name);
      throw new UsageError({
        zh: `未知命令：${name}（可用：${known.join("、")}）`,
        en: `unknown command: ${name} (try ${known.join(", ")})`,
      });
    }
    const options = { ...COMMON_OPTIONS, ...(command?.options ?? {}) };
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    if (values.lang !== undefined && !isLang(String(values.lang))) {
      throw new UsageError({ zh: `--lang 只能是 zh 或 en`, en: `--lang must be zh or en` });
    }
    if (values.help || !command) {
      console.out(help(ctx.lang, command));
      return values.help || name === "help" ? 0 : 2;
    }
    return await command.run(ctx, values, positionals.slice(1));
  } catch (err) {
    return reportError(ctx, err, argv);
  }
}

/** parseArgs errors carry a code; checked by shape, as they may come from another realm. */
function parseArgsCode(err: unknown): string | undefined {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS") ? code : undefined;
}

/** node:util parseArgs speaks English only: say what is wrong in the user's language, naming the option. */
function argumentProblem(err: Error, argv: string[]): LocalizedText {
  const code = parseArgsCode(err);
  const option = /'([^']+)'/.exec(err.message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const name = argv.find((a) => COMMANDS.some((c) => c.name === a));
    const known = Object.keys(allOptions()).some((o) => option === `--${o}`);
    if (name && known) {
      return {
        zh: `${name} 命令不接受 ${option}（ip-report ${name} --help 查看用法）`,
        en: `${name} does not take ${option} (see ip-report ${name} --help)`,
      };
    }
    return {
      zh: `参数有误：未知选项 ${option}（ip-report --help 查看用法）`,
      en: `bad arguments: unknown option ${option} (see ip-report --help)`,
    };
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    // Its message says "argument missing" or "argument is ambiguous" (a value that starts with "-").
    const option2 = /Option '(?:-\w, )?(--[\w-]+)/.exec(err.message)?.[1] ?? option;
    return {
      zh: `参数有误：${option2} 需要一个值（值以“-”开头时请写成 ${option2}=值）`,
      en: `bad arguments: ${option2} needs a value (for a value starting with "-", write ${option2}=VALUE)`,
    };
  }
  return {
    zh: `参数有误：${err.message}（ip-report --help 查看用法）`,
    en: `bad arguments: ${err.message.split(". ")[0]} (see ip-report --help)`,
  };
}

function reportError(ctx: CommandContext, err: unknown, argv: string[]): number {
  if (err instanceof LocalizedError) {
    fail(ctx, err.line());
  } else if (parseArgsCode(err)) {
    fail(ctx, argumentProblem(err as Error, argv));
  } else {
    // A defect, not bad input: still one line, with the detail behind an environment switch.
    const message = err instanceof Error ? err.message : String(err);
    fail(ctx, { zh: `内部错误：${message}`, en: `internal error: ${message}` });
    if (process.env.IP_REPORT_DEBUG && err instanceof Error) ctx.console.err(err.stack ?? "");
  }
  return 2;
}
