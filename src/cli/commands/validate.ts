import { basename, join, resolve } from "node:path";
import { pick, type Lang } from "../../i18n";
import type { Issue, IssueSummary, Severity } from "../../rules";
import type { LocalizedText } from "../../spec/schema";
import { annotateWorkbook } from "../../xlsx/annotate";
import { workbookPackage } from "../../xlsx/package";
import { ReportFileError } from "../../xlsx/errors";
import {
  loadForAnnotation,
  validateFile,
  type FileValidation,
  type ValidatedReport,
} from "../../xlsx/validation";
import { fail, say, UsageError, warn, type CommandContext } from "../output";
import { defineCommand } from "../command";
import { makeDirectory, writeFileAtomic } from "../files";
import { bundledSpecs } from "../../spec";
import { specsWith } from "../spec-source";

export interface ValidateOptions {
  files: string[];
  json?: boolean;
  /** One annotated copy, for exactly one input. */
  annotate?: string;
  /** A directory for one annotated copy per input, under the input's file name. */
  annotateDir?: string;
  /** A spec file to recognise beside the bundled ones (a draft, before it is bundled). */
  spec?: string;
  /** The language of the annotated copies; default: each workbook's own. */
  language?: Lang;
}

export interface ValidateProblem {
  problem: string;
  message: LocalizedText;
}

/** One element of the `--json` array per file: a report's issues, or why the file could not be read. */
export type ValidateEntry =
  | {
      file: string;
      province: string;
      specId: string;
      specVersion: string;
      templateVersion: string;
      issues: Issue[];
      summary: IssueSummary;
      /** Where the annotated copy was written. */
      annotated?: string;
      /** Why the annotated copy could not be written (the issues above still stand). */
      annotateError?: ValidateProblem;
    }
  | { file: string; error: ValidateProblem };

const SEVERITY: Record<Severity, LocalizedText> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

/** Where each input's annotated copy goes; refuses any plan that would overwrite an input. */
function annotationTargets(options: ValidateOptions): Map<string, string> {
  const targets = new Map<string, string>();
  if (options.annotate !== undefined && options.annotateDir !== undefined) {
    throw new UsageError({
      zh: "--annotate 与 --annotate-dir 只能选一个",
      en: "use --annotate or --annotate-dir, not both",
    });
  }
  if (options.annotate !== undefined) {
    if (options.files.length !== 1) {
      throw new UsageError({
        zh: "--annotate 只能用于一个文件；多个文件请用 --annotate-dir 目录",
        en: "--annotate takes exactly one file; for several use --annotate-dir DIR",
      });
    }
    targets.set(options.files[0], options.annotate);
  } else if (options.annotateDir !== undefined) {
    for (const file of options.files) targets.set(file, join(options.annotateDir, basename(file)));
  }
  const inputs = new Set(options.files.map((f) => resolve(f)));
  const seen = new Map<string, string>();
  for (const [file, out] of targets) {
    if (inputs.has(resolve(out))) {
      throw new UsageError({
        zh: `标注副本 ${out} 会覆盖输入文件，请换一个位置（原文件不会被改动）`,
        en: `the annotated copy ${out} would overwrite an input; choose another place (inputs are never changed)`,
      });
    }
    const other = seen.get(resolve(out));
    if (other !== undefined) {
      throw new UsageError({
        zh: `${other} 与 ${file} 的标注副本同名（${out}），请分开处理`,
        en: `${other} and ${file} would both be annotated to ${out}; run them separately`,
      });
    }
    seen.set(resolve(out), file);
  }
  return targets;
}

function entryOf(
  v: FileValidation,
  out: string | undefined,
  annotateError: ValidateProblem | undefined,
): ValidateEntry {
  if (!v.ok) return { file: v.file, error: { problem: v.problem, message: v.message } };
  const { metadata } = v.report.layout;
  return {
    file: v.file,
    province: metadata.unitName,
    specId: metadata.specId,
    specVersion: metadata.specVersion,
    templateVersion: v.report.reading.metadata?.templateVersion ?? metadata.templateVersion,
    issues: v.issues,
    summary: v.summary,
    ...(out !== undefined && !annotateError ? { annotated: out } : {}),
    ...(annotateError ? { annotateError } : {}),
  };
}

function printReport(ctx: CommandContext, v: ValidatedReport, templateVersion: string): void {
  const lang: Lang = ctx.lang;
  const { metadata } = v.report.layout;
  const { error, warning, info } = v.summary;
  ctx.console.out(v.file);
  say(ctx, {
    zh: `  ${metadata.unitName} · 规范 ${metadata.specId} ${metadata.specVersion} · 模板 ${templateVersion}`,
    en: `  ${metadata.unitName} · spec ${metadata.specId} ${metadata.specVersion} · template ${templateVersion}`,
  });
  say(ctx, {
    zh: `  错误 ${error} 项，警告 ${warning} 项，提示 ${info} 项`,
    en: `  ${error} error${error === 1 ? "" : "s"}, ${warning} warning${warning === 1 ? "" : "s"}, ${info} info`,
  });
  for (const issue of v.issues) {
    const where = issue.cell ? `${issue.cell.sheetName}!${issue.cell.cell}` : "—";
    ctx.console.out(
      `  ${pick(SEVERITY[issue.severity], lang).padEnd(7)} ${issue.code}  ${where.padEnd(14)} ${pick(issue.message, lang)}`,
    );
  }
}

/** Writes the annotated copy of a validated report; a failure to write is that file's, not the batch's. */
async function annotate(
  ctx: CommandContext,
  v: ValidatedReport,
  out: string,
  language: Lang | undefined,
): Promise<ValidateProblem | undefined> {
  try {
    const { workbook } = await loadForAnnotation(v);
    // The notes and the results sheet speak the workbook's language unless the user asked for another.
    annotateWorkbook(workbook, v.report, v.issues, language ?? v.report.layout.metadata.language);
    const { bytes, macrosDropped } = await workbookPackage(workbook, out);
    await writeFileAtomic(out, bytes);
    if (macrosDropped) warn(ctx, { zh: `${out}：${macrosDropped.zh}`, en: `${out}: ${macrosDropped.en}` });
    return undefined;
  } catch (err) {
    if (err instanceof ReportFileError) return { problem: err.problem, message: err.detail };
    throw err;
  }
}

/**
 * Validates each file in turn (one workbook in memory at a time). Exit code: 2 if any file cannot be
 * read as a report (or its annotated copy cannot be written), else 1 if any has errors, else 0.
 */
export async function validateCommand(ctx: CommandContext, options: ValidateOptions): Promise<number> {
  if (options.files.length === 0) {
    throw new UsageError({ zh: "请指定要校验的 .xlsx 文件", en: "name the .xlsx files to validate" });
  }
  const targets = annotationTargets(options);
  const specs = specsWith(options.spec, bundledSpecs());
  if (options.annotateDir !== undefined) await makeDirectory(options.annotateDir);
  const entries: ValidateEntry[] = [];
  let exit = 0;
  for (const file of options.files) {
    const out = targets.get(file);
    const v = await validateFile(file, { specs });
    const annotateError =
      v.ok && out !== undefined ? await annotate(ctx, v, out, options.language) : undefined;
    if (!v.ok || annotateError) exit = 2;
    else if (v.summary.error > 0 && exit === 0) exit = 1;
    const entry = entryOf(v, out, annotateError);
    if (options.json) entries.push(entry);
    else printEntry(ctx, v, entry);
  }
  if (options.json) ctx.console.out(JSON.stringify(entries, null, 2));
  else if (options.files.length > 1) printTotals(ctx, options.files.length, exit);
  return exit;
}

function printEntry(ctx: CommandContext, v: FileValidation, entry: ValidateEntry): void {
  if ("error" in entry) {
    fail(ctx, {
      zh: `${entry.file}: ${entry.error.message.zh}`,
      en: `${entry.file}: ${entry.error.message.en}`,
    });
    if (!v.ok && v.stack && process.env.IP_REPORT_DEBUG) ctx.console.err(v.stack);
    return;
  }
  if (v.ok) printReport(ctx, v, entry.templateVersion);
  if (entry.annotated)
    say(ctx, { zh: `  已写入标注副本：${entry.annotated}`, en: `  annotated copy: ${entry.annotated}` });
  if (entry.annotateError) {
    const { message } = entry.annotateError;
    fail(ctx, { zh: `${entry.file}: ${message.zh}`, en: `${entry.file}: ${message.en}` });
  }
}

function printTotals(ctx: CommandContext, files: number, exit: number): void {
  const verdict: LocalizedText =
    exit === 0
      ? { zh: "均未发现错误", en: "no errors found" }
      : exit === 1
        ? { zh: "发现错误", en: "errors found" }
        : { zh: "有文件无法读取", en: "some files could not be read" };
  say(ctx, { zh: `共校验 ${files} 个文件：${verdict.zh}`, en: `${files} files checked: ${verdict.en}` });
}

export const validate = defineCommand({
  name: "validate",
  usage: {
    zh: "validate 文件.xlsx... [--json] [--annotate 副本.xlsx | --annotate-dir 目录]",
    en: "validate FILE.xlsx... [--json] [--annotate COPY.xlsx | --annotate-dir DIR]",
  },
  summary: {
    zh: "按指引规则校验填报的工作簿，可写出标注副本",
    en: "checks returned workbooks against the guideline's rules; can write annotated copies",
  },
  options: {
    json: { type: "boolean" },
    annotate: { type: "string" },
    "annotate-dir": { type: "string" },
    spec: { type: "string" },
  },
  run: (ctx, v, positionals) =>
    validateCommand(ctx, {
      files: positionals,
      json: v.json,
      annotate: v.annotate,
      annotateDir: v["annotate-dir"],
      spec: v.spec,
      language: ctx.explicitLang,
    }),
});
