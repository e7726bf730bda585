import { parseArgs } from "node:util";
import { isLang, type Lang } from "../i18n";
import { ProfileError } from "../layout/obligation";
import { SpecError } from "../spec/load";
import { ReportFileError } from "../xlsx/errors";
import { RefreshError } from "../refresh/versions";
import { CellWriteError } from "../xlsx/write";
import { consolidateCommand } from "./commands/consolidate";
import { diffCommand } from "./commands/diff";
import { fieldsCommand } from "./commands/fields";
import { infoCommand } from "./commands/info";
import { nationalTemplateCommand } from "./commands/national-template";
import { refreshCommand } from "./commands/refresh";
import { reviewCommand } from "./commands/review";
import { sampleCommand } from "./commands/sample";
import { templateCommand } from "./commands/template";
import { validateCommand } from "./commands/validate";
import { fail, processConsole, UsageError, type CommandContext, type Console } from "./output";

const HELP = {
  zh: `ip-report — 知识产权高质量发展任务清单填报工具

用法：
  ip-report template --province 江苏 [--profile 类别,...] [--out 江苏.xlsx]
  ip-report template --all --out-dir 目录 [--profile 类别,...]
  ip-report fields [--json] [文件.xlsx] [--province 江苏 --profile ...]
  ip-report validate 文件.xlsx... [--json] [--annotate 副本.xlsx | --annotate-dir 目录]
  ip-report sample --province 江苏 [--profile 类别,...] [--seed N] [--defects none|some] --out 示例.xlsx
  ip-report info 文件.xlsx [--json]
  ip-report refresh 文件.xlsx (--out 新文件.xlsx | --in-place) [--to 版本] [--profile 类别,...] [--json]
  ip-report consolidate 目录或文件... --out-dir 目录 [--previous 目录] [--json]
  ip-report national-template --out 国家局填报.xlsx
  ip-report diff 旧文件.xlsx 新文件.xlsx [--json]
  ip-report review 文件.xlsx [--item task.3 --verdict 通过|退回修改 --comment 意见 (--out 新文件.xlsx | --in-place)]

通用选项：--lang zh|en（默认 zh）  --spec 规范.json（默认使用内置的最新规范）
退出码：0 成功；1 发现错误；2 输入无法处理（参数、文件、规范）。`,
  en: `ip-report — reporting tool for the CNIPA high-quality IP development task list

Usage:
  ip-report template --province Jiangsu [--profile category,...] [--out Jiangsu.xlsx]
  ip-report template --all --out-dir DIR [--profile category,...]
  ip-report fields [--json] [FILE.xlsx] [--province Jiangsu --profile ...]
  ip-report validate FILE.xlsx... [--json] [--annotate COPY.xlsx | --annotate-dir DIR]
  ip-report sample --province Jiangsu [--profile category,...] [--seed N] [--defects none|some] --out SAMPLE.xlsx
  ip-report info FILE.xlsx [--json]
  ip-report refresh FILE.xlsx (--out NEW.xlsx | --in-place) [--to VERSION] [--profile category,...] [--json]
  ip-report consolidate DIR_OR_FILES... --out-dir DIR [--previous DIR] [--json]
  ip-report national-template --out NATIONAL.xlsx
  ip-report diff OLD.xlsx NEW.xlsx [--json]
  ip-report review FILE.xlsx [--item task.3 --verdict 通过|退回修改 --comment TEXT (--out NEW.xlsx | --in-place)]

Common options: --lang zh|en (default zh)  --spec SPEC.json (default: the newest bundled spec)
Exit codes: 0 success; 1 errors found; 2 input that cannot be handled (arguments, files, spec).`,
};

const OPTIONS = {
  province: { type: "string" },
  profile: { type: "string" },
  out: { type: "string" },
  "out-dir": { type: "string" },
  all: { type: "boolean" },
  json: { type: "boolean" },
  annotate: { type: "string" },
  "annotate-dir": { type: "string" },
  seed: { type: "string" },
  to: { type: "string" },
  "in-place": { type: "boolean" },
  previous: { type: "string" },
  item: { type: "string" },
  verdict: { type: "string" },
  comment: { type: "string" },
  defects: { type: "string" },
  spec: { type: "string" },
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function langOf(argv: string[]): Lang {
  const i = argv.indexOf("--lang");
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith("--lang="))?.slice(7);
  if (value && isLang(value)) return value;
  return (process.env.IP_REPORT_LANG ?? "").startsWith("en") ? "en" : "zh";
}

/** Runs one command line; returns the exit code. Never throws for bad input: one localized line instead. */
export async function main(argv: string[], console: Console = processConsole): Promise<number> {
  const ctx: CommandContext = { lang: langOf(argv), console };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.lang !== undefined && !isLang(values.lang)) {
      throw new UsageError({ zh: `--lang 只能是 zh 或 en`, en: `--lang must be zh or en` });
    }
    const [command, ...rest] = positionals;
    if (values.help || !command || command === "help") {
      console.out(HELP[ctx.lang]);
      return command || values.help ? 0 : 2;
    }
    switch (command) {
      case "template":
        return await templateCommand(ctx, {
          province: values.province,
          all: values.all,
          profile: values.profile,
          out: values.out,
          outDir: values["out-dir"],
          spec: values.spec,
        });
      case "fields":
        return await fieldsCommand(ctx, {
          json: values.json,
          file: rest[0],
          province: values.province,
          profile: values.profile,
          spec: values.spec,
        });
      case "validate":
        return await validateCommand(ctx, {
          files: rest,
          json: values.json,
          annotate: values.annotate,
          annotateDir: values["annotate-dir"],
        });
      case "sample":
        return await sampleCommand(ctx, {
          province: values.province,
          profile: values.profile,
          seed: values.seed,
          defects: values.defects,
          out: values.out,
          spec: values.spec,
        });
      case "info":
        return await infoCommand(ctx, { file: rest[0], json: values.json, spec: values.spec });
      case "refresh":
        return await refreshCommand(ctx, {
          file: rest[0],
          out: values.out,
          inPlace: values["in-place"],
          to: values.to,
          profile: values.profile,
          json: values.json,
          spec: values.spec,
        });
      case "consolidate":
        return await consolidateCommand(ctx, {
          inputs: rest,
          outDir: values["out-dir"],
          previous: values.previous,
          json: values.json,
          spec: values.spec,
          tty: process.stderr.isTTY === true,
        });
      case "diff":
        return await diffCommand(ctx, { files: rest, json: values.json });
      case "review":
        return await reviewCommand(ctx, {
          file: rest[0],
          item: values.item,
          verdict: values.verdict,
          comment: values.comment,
          out: values.out,
          inPlace: values["in-place"],
        });
      case "national-template":
        return await nationalTemplateCommand(ctx, { out: values.out, spec: values.spec });
      default:
        throw new UsageError({
          zh: `未知命令：${command}（可用：template、fields、validate、sample、info、refresh、consolidate、national-template、diff、review）`,
          en: `unknown command: ${command} (try template, fields, validate, sample, info, refresh, consolidate, national-template, diff, review)`,
        });
    }
  } catch (err) {
    return reportError(ctx, err);
  }
}

/** parseArgs errors carry a code; checked by shape, as they may come from another realm. */
function parseArgsCode(err: unknown): string | undefined {
  const code = typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS") ? code : undefined;
}

function reportError(ctx: CommandContext, err: unknown): number {
  if (err instanceof UsageError) {
    fail(ctx, err.detail);
  } else if (err instanceof ProfileError) {
    const label =
      err.code === "unknown-unit"
        ? { zh: "可选省份", en: "valid provinces" }
        : { zh: "可选类别", en: "valid categories" };
    fail(ctx, {
      zh: `${err.detail.zh}。${label.zh}：${err.valid.join("、")}`,
      en: `${err.detail.en}. ${label.en}: ${err.valid.join(", ")}`,
    });
  } else if (err instanceof SpecError) {
    const first = err.problems[0];
    fail(ctx, {
      zh: `规范文件 ${err.source} 不符合格式：${first?.path}：${first?.message}${err.problems.length > 1 ? `（另有 ${err.problems.length - 1} 处）` : ""}`,
      en: `spec file ${err.source} fails the schema at ${first?.path}: ${first?.message}${err.problems.length > 1 ? ` (+${err.problems.length - 1} more)` : ""}`,
    });
  } else if (err instanceof RefreshError || err instanceof CellWriteError) {
    fail(ctx, err.detail);
  } else if (err instanceof ReportFileError) {
    const where = err.file ? `${err.file}: ` : "";
    fail(ctx, { zh: `${where}${err.detail.zh}`, en: `${where}${err.detail.en}` });
  } else if (parseArgsCode(err)) {
    // node:util parseArgs speaks English only; name the offending option in both languages.
    const message = (err as Error).message;
    const option = /'([^']+)'/.exec(message)?.[1] ?? "";
    fail(ctx, {
      zh: `参数有误：${parseArgsCode(err) === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? `未知选项 ${option}` : message}（ip-report --help 查看用法）`,
      en: `bad arguments: ${message.split(". ")[0]} (see ip-report --help)`,
    });
  } else {
    // A defect, not bad input: still one line, with the detail behind an environment switch.
    const message = err instanceof Error ? err.message : String(err);
    fail(ctx, { zh: `内部错误：${message}`, en: `internal error: ${message}` });
    if (process.env.IP_REPORT_DEBUG && err instanceof Error) ctx.console.err(err.stack ?? "");
  }
  return 2;
}
