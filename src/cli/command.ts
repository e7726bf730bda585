import type { LocalizedText } from "../spec/schema";
import type { CommandContext } from "./output";

/** An option a command takes, in node:util parseArgs' terms. */
export interface OptionKind {
  type: "string" | "boolean";
  short?: string;
}

export type OptionKinds = Record<string, OptionKind>;

/** What parsing gives a command: each declared option typed by its kind. */
export type OptionValues<O extends OptionKinds> = {
  [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string;
};

/**
 * One `ip-report` command: its name, the options it takes (an option it does not declare is an error), its help
 * in both languages, and what it runs. Adding a command is one file and one line in `commands/index.ts`.
 */
export interface Command<O extends OptionKinds = OptionKinds> {
  name: string;
  /** Usage line(s) after `ip-report `, in each language. */
  usage: LocalizedText;
  /** One sentence on what it does. */
  summary: LocalizedText;
  options: O;
  run(ctx: CommandContext, values: OptionValues<O>, positionals: string[]): Promise<number>;
}

/** Parsed values as node:util parseArgs gives them for a command's declared options. */
export type ParsedValues = Record<string, string | boolean | undefined>;

/** A command as the registry holds it, its options' types erased. */
export interface RegisteredCommand extends Omit<Command, "run"> {
  run(ctx: CommandContext, values: ParsedValues, positionals: string[]): Promise<number>;
}

/** Declares a command with its options' types inferred from their declaration. */
export function defineCommand<const O extends OptionKinds>(command: Command<O>): RegisteredCommand {
  return {
    ...command,
    // parseArgs, given exactly `command.options`, yields a string for string options and a boolean for flags.
    run: (ctx, values, positionals) => command.run(ctx, values as OptionValues<O>, positionals),
  };
}

/** Options every command takes. */
export const COMMON_OPTIONS = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionKinds;

/** A list option's items: commas (ASCII or full-width) or 、 separate them. */
export function splitList(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
