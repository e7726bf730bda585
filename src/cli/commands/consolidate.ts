import { basename, extname, join } from "node:path";
import { pick } from "../../i18n";
import { returnNoteHtml } from "../../html/return-note";
import { summaryHtml } from "../../html/summary";
import {
  diffSubmissions,
  returnNoteOf,
  rollUp,
  type NationalInput,
  type ResubmissionDiff,
  type RoundResult,
  type UnitSubmission,
  type UnreadableFile,
} from "../../round";
import type { Spec } from "../../spec/schema";
import { printDiff } from "./diff";
import { newestOf } from "../../refresh/versions";
import { bundledSpecs, latestSpec } from "../../spec";
import { workbookBytes } from "../../xlsx/package";
import { readRoundFile } from "../../xlsx/round-file";
import { summaryWorkbook, type AnnotatedCopies } from "../../xlsx/summary";
import { fail, say, UsageError, warn, type CommandContext } from "../output";
import { progressFor } from "../progress";
import { roundFiles } from "../round-files";
import { specsWith } from "../spec-source";
import { makeDirectory, writeFileAtomic } from "../files";
import { defineCommand } from "../command";

export interface ConsolidateOptions {
  inputs: string[];
  outDir?: string;
  previous?: string;
  json?: boolean;
  spec?: string;
  /** Whether stderr is a terminal (a progress bar) or not (a plain line per file). */
  tty?: boolean;
}

export const SUMMARY_XLSX = "汇总.xlsx";
export const SUMMARY_HTML = "汇总.html";
export const ANNOTATED_DIR = "标注副本";
export const RETURN_NOTES_DIR = "退回通知";

/** What `--json` prints: the round, and where its files went. */
export interface ConsolidateJson extends RoundResult {
  outputs: {
    summary: string;
    page: string;
    annotated: Record<string, string>;
    returnNotes: Record<string, string>;
  };
  /** With --previous: what each unit that sent again changed. */
  resubmissions: ResubmissionDiff[];
}

/**
 * Memory stays bounded by the number of units, not of files: of two files for one unit only the later keeps
 * its values and issues; the other stays as its name and time, which is all the round says of it.
 */
function keepLatest(submissions: UnitSubmission[], next: UnitSubmission): void {
  const i = submissions.findIndex((s) => s.unitId === next.unitId && s.values !== NOTHING);
  const stub = (s: UnitSubmission): UnitSubmission => ({
    ...s,
    values: NOTHING,
    issues: [],
    completion: { required: 0, filled: 0, ratio: 1, missing: [] },
    review: [],
  });
  if (i < 0) {
    submissions.push(next);
    return;
  }
  const had = submissions[i];
  const order = had.modified - next.modified || had.file.localeCompare(next.file);
  if (order <= 0) {
    submissions[i] = stub(had);
    submissions.push(next);
  } else {
    submissions.push(stub(next));
  }
}
const NOTHING: UnitSubmission["values"] = Object.freeze({}) as UnitSubmission["values"];

/** The previous round's latest workbook of each unit, read one at a time, kept as plain data. */
async function previousRound(dir: string, specs: Spec[]): Promise<Map<string, UnitSubmission>> {
  const { files } = await roundFiles([dir]);
  const latest = new Map<string, UnitSubmission>();
  for (const file of files) {
    const read = await readRoundFile(file, specs);
    if (read.kind !== "unit") continue;
    const had = latest.get(read.submission.unitId);
    if (!had || had.modified <= read.submission.modified) latest.set(read.submission.unitId, read.submission);
  }
  return latest;
}

/** A name in the annotated-copies folder not yet taken (two folders may both hold 江苏.xlsx). */
function copyName(file: string, taken: Set<string>): string {
  const ext = extname(file) || ".xlsx";
  const stem = basename(file, extname(file));
  let name = `${stem}${ext}`;
  for (let i = 2; taken.has(name); i++) name = `${stem}-${i}${ext}`;
  taken.add(name);
  return name;
}

/**
 * Reads a round one file at a time (each validated against its own spec version, its annotated copy
 * written at once, its workbook then dropped), rolls it up, and writes 汇总.xlsx. Exit code as validate's:
 * 2 if a file cannot be read as a report, else 1 if any unit has errors or has not sent its report, else 0.
 */
export async function consolidateCommand(ctx: CommandContext, options: ConsolidateOptions): Promise<number> {
  if (options.inputs.length === 0)
    throw new UsageError({
      zh: "请指定报送文件所在的目录或文件",
      en: "name the folder or files of the round",
    });
  if (!options.outDir)
    throw new UsageError({ zh: "请用 --out-dir 指定输出目录", en: "name the output folder with --out-dir" });
  const specs = specsWith(options.spec, bundledSpecs());
  // The round is judged by the newest version known, a spec file given with --spec included.
  const roundSpec = newestOf(specs, latestSpec().specId) ?? latestSpec();
  const { files, ignored } = await roundFiles(options.inputs);
  const annotatedDir = join(options.outDir, ANNOTATED_DIR);
  await makeDirectory(annotatedDir);

  const submissions: UnitSubmission[] = [];
  const national: NationalInput[] = [];
  const unreadable: UnreadableFile[] = [];
  const copies: AnnotatedCopies = new Map();
  const taken = new Set<string>();
  const progress = progressFor(
    files.length,
    (line) => (options.json ? ctx.console.err(line) : ctx.console.out(line)),
    options.tty === true,
  );
  try {
    for (const [i, file] of files.entries()) {
      const read = await readRoundFile(file, specs, { annotate: ctx.lang });
      let line: string;
      if (read.kind === "unit") {
        const name = copyName(file, taken);
        if (read.annotated) {
          const copy = join(annotatedDir, name);
          await writeFileAtomic(copy, read.annotated);
          const dropped = read.macrosDropped;
          if (dropped) warn(ctx, { zh: `${copy}：${dropped.zh}`, en: `${copy}: ${dropped.en}` });
          copies.set(file, `${ANNOTATED_DIR}/${name}`);
        }
        keepLatest(submissions, read.submission);
        const errors = read.submission.issues.filter((x) => x.severity === "error").length;
        const warnings = read.submission.issues.filter((x) => x.severity === "warning").length;
        line = pick(
          {
            zh: `${file}: 错误 ${errors} 项，警告 ${warnings} 项`,
            en: `${file}: ${errors} errors, ${warnings} warnings`,
          },
          ctx.lang,
        );
        if (read.annotateError)
          line += pick(
            {
              zh: `；未能写出标注副本：${read.annotateError.zh}`,
              en: `; no annotated copy: ${read.annotateError.en}`,
            },
            ctx.lang,
          );
      } else if (read.kind === "national") {
        national.push(read.input);
        line = pick(
          { zh: `${file}: 国家局填报的全国数据`, en: `${file}: the national office's figures` },
          ctx.lang,
        );
      } else {
        unreadable.push(read.unreadable);
        line = `${file}: ${pick(read.unreadable.message, ctx.lang)}`;
      }
      progress.file(i + 1, file, line);
    }
  } finally {
    progress.stop();
  }

  const result = rollUp({ spec: roundSpec, specs, submissions, national, unreadable, ignored });
  const byFile = new Map(submissions.map((s) => [s.file, s]));

  const resubmissions: ResubmissionDiff[] = [];
  if (options.previous !== undefined) {
    const previous = await previousRound(options.previous, specs);
    for (const unit of result.units) {
      const now = unit.file ? byFile.get(unit.file) : undefined;
      const before = previous.get(unit.unitId);
      if (now && before) resubmissions.push(diffSubmissions(before, now));
    }
  }

  const summary = join(options.outDir, SUMMARY_XLSX);
  await writeFileAtomic(summary, await workbookBytes(summaryWorkbook(result, copies, resubmissions)));

  const page = join(options.outDir, SUMMARY_HTML);
  await writeFileAtomic(page, Buffer.from(summaryHtml(result), "utf8"));

  const returnNotes: Record<string, string> = {};
  const notesDir = join(options.outDir, RETURN_NOTES_DIR);
  const today = new Date().toISOString().slice(0, 10);
  for (const unit of result.units) {
    const s = unit.file ? byFile.get(unit.file) : undefined;
    if (!s) continue;
    const note = returnNoteOf(
      s.spec,
      unit,
      s,
      result.issues.filter((i) => i.file === s.file),
    );
    if (!note) continue;
    if (Object.keys(returnNotes).length === 0) await makeDirectory(notesDir);
    const out = join(notesDir, `${unit.short}-退回修改通知.html`);
    await writeFileAtomic(out, Buffer.from(returnNoteHtml(note, today), "utf8"));
    returnNotes[unit.unitId] = out;
  }

  if (options.json) {
    const out: ConsolidateJson = {
      ...result,
      outputs: {
        summary,
        page,
        annotated: Object.fromEntries([...copies].map(([f, c]) => [f, join(options.outDir ?? "", c)])),
        returnNotes,
      },
      resubmissions,
    };
    ctx.console.out(JSON.stringify(out, null, 2));
  } else {
    printRound(ctx, result, summary);
    say(ctx, { zh: `已写入 ${page}`, en: `written: ${page}` });
    for (const d of resubmissions) printDiff(ctx, d, "  ");
    const notes = Object.values(returnNotes);
    if (notes.length > 0)
      say(ctx, {
        zh: `退回修改通知 ${notes.length} 份：${notesDir}`,
        en: `${notes.length} return notes: ${notesDir}`,
      });
  }
  if (unreadable.length > 0) return 2;
  return result.totals.errors > 0 || result.totals.missing > 0 ? 1 : 0;
}

function printRound(ctx: CommandContext, r: RoundResult, summary: string): void {
  const t = r.totals;
  say(ctx, {
    zh: `本轮（${r.specId} ${r.specVersion}）：应报 ${t.units} 个单位，已报送 ${t.received} 个，未报送 ${t.missing} 个；有错误的 ${t.withErrors} 个（错误 ${t.errors} 项，警告 ${t.warnings} 项）`,
    en: `Round (${r.specId} ${r.specVersion}): ${t.units} units, ${t.received} received, ${t.missing} missing; ${t.withErrors} with errors (${t.errors} errors, ${t.warnings} warnings)`,
  });
  for (const n of r.nationalTargets) {
    const how =
      n.national.figure === "entered" ? { zh: "国家局填报", en: "entered" } : { zh: "各省合计", en: "sum" };
    ctx.console.out(
      `  ${pick(n.label, ctx.lang)}（${pick(how, ctx.lang)}，${n.goal.zh}）：${pick(n.verdictText, ctx.lang)}`,
    );
  }
  for (const p of r.problems) {
    if (p.kind === "missing-unit") continue;
    const where = p.file ? `${p.file}: ` : "";
    const line = `${where}${pick(p.message, ctx.lang)}`;
    if (p.severity === "error") fail(ctx, { zh: line, en: line });
    else ctx.console.out(`  ${line}`);
  }
  const missing = r.units.filter((u) => !u.received).map((u) => u.short);
  if (missing.length > 0)
    say(ctx, { zh: `  未报送：${missing.join("、")}`, en: `  not received: ${missing.join(", ")}` });
  say(ctx, { zh: `已写入 ${summary}`, en: `written: ${summary}` });
}

export const consolidate = defineCommand({
  name: "consolidate",
  usage: {
    zh: "consolidate 目录或文件... --out-dir 目录 [--previous 目录] [--json]",
    en: "consolidate DIR_OR_FILES... --out-dir DIR [--previous DIR] [--json]",
  },
  summary: {
    zh: "汇总一轮报送：各单位状态、全国目标、逐项目标表、问题清单与退回单（汇总.xlsx、汇总.html）",
    en: "rolls up a round: each unit's state, national targets, per-target tables, issues and return notes (汇总.xlsx, 汇总.html)",
  },
  options: {
    "out-dir": { type: "string" },
    previous: { type: "string" },
    json: { type: "boolean" },
    spec: { type: "string" },
  },
  run: (ctx, v, positionals) =>
    consolidateCommand(ctx, {
      inputs: positionals,
      outDir: v["out-dir"],
      previous: v.previous,
      json: v.json,
      spec: v.spec,
      tty: process.stderr.isTTY === true,
    }),
});
