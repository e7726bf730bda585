import { LocalizedError } from "../i18n/errors";
import type { Lang } from "../i18n";
import { pick } from "../i18n";
import type { LocalizedText } from "../spec/schema";

/** Where the CLI writes; injectable so tests run commands in-process and read what they print. */
export interface Console {
  out(line: string): void;
  err(line: string): void;
}

export const processConsole: Console = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export interface CommandContext {
  lang: Lang;
  /** --lang as the user gave it: a workbook's own language (refresh, --annotate) yields only to this. */
  explicitLang?: Lang;
  console: Console;
}

export function say(ctx: CommandContext, text: LocalizedText): void {
  ctx.console.out(pick(text, ctx.lang));
}

/** One localized line on stderr. */
export function fail(ctx: CommandContext, text: LocalizedText): void {
  ctx.console.err(`${ctx.lang === "zh" ? "错误" : "error"}: ${pick(text, ctx.lang)}`);
}

/** One localized line on stderr that does not stop the command. */
export function warn(ctx: CommandContext, text: LocalizedText): void {
  ctx.console.err(`${ctx.lang === "zh" ? "警告" : "warning"}: ${pick(text, ctx.lang)}`);
}

/** A problem with what the user asked for: one line, exit code 2. */
export class UsageError extends LocalizedError {
  constructor(detail: LocalizedText) {
    super(detail, "UsageError");
  }
}
