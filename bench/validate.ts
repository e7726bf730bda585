/* Validation of a whole round (32 returned workbooks) against the unzip-and-scan floor and ExcelJS loading. */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildLayout, resolveProfile } from "../src/layout";
import { sampleValues } from "../src/sample";
import { latestSpec } from "../src/spec";
import { renderWorkbook } from "../src/xlsx/render";
import { validateFile } from "../src/xlsx/validation";
import { writeValues } from "../src/xlsx/write";
import { median } from "./stats";

const REPETITIONS = 5;

/** Profiles vary across the round as they do in life: some provinces have a centre, some are pilots. */
function categoriesFor(index: number): string[] {
  const categories: string[] = [];
  if (index % 3 === 0) categories.push("ip-protection-center");
  if (index % 4 === 0) categories.push("strong-ip-province-pilot");
  if (index % 5 === 0) categories.push("trademark-review-center");
  return categories;
}

/** One filled sample per reporting unit, every other one with defects. */
export async function writeRound(dir: string, seed = 2019): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const spec = latestSpec();
  const files: string[] = [];
  for (const [i, unit] of spec.units.entries()) {
    const layout = buildLayout(spec, resolveProfile(spec, unit.id, categoriesFor(i)));
    const { values } = sampleValues(spec, layout, { seed, defects: i % 2 ? "some" : "none" });
    const wb = await renderWorkbook(layout);
    writeValues(wb, layout, values);
    const file = join(dir, `${unit.short}.xlsx`);
    await writeFile(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    files.push(file);
  }
  return files;
}

async function loadOnly(files: string[]): Promise<void> {
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  }
}

/**
 * The floor no reader can beat: unzip every XML part of each file and scan every cell tag in it. A reader
 * made for reports does less (only the parts and cells a report needs) but also decodes and checks them.
 */
function unzipAndScan(files: string[]): number {
  let cells = 0;
  const decoder = new TextDecoder();
  for (const file of files) {
    const parts = unzipSync(readFileSync(file), { filter: (f) => /\.(xml|rels)$/.test(f.name) });
    for (const bytes of Object.values(parts)) {
      const xml = decoder.decode(bytes);
      for (let i = xml.indexOf("<c "); i >= 0; i = xml.indexOf("<c ", i + 3)) cells++;
    }
  }
  return cells;
}

async function validateAll(files: string[]): Promise<void> {
  for (const file of files) {
    const v = await validateFile(file);
    if (!v.ok) throw new Error(`${file}: ${v.message.en}`);
  }
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export interface RoundBench {
  files: number;
  /** Read and check all files in process (the report reader and the rules). */
  validateMs: number;
  /** The first pass, every layout built afresh (the floor and ExcelJS ran once before it, warming the JIT). */
  coldMs: number;
  /** Unzip every XML part and scan every cell: the floor. */
  floorMs: number;
  /** ExcelJS alone loading the same files (what validate did before the report reader). */
  loadOnlyMs: number;
  ratio: number;
}

/**
 * Times the floor (unzip and scan), ExcelJS alone loading all 32 workbooks and the whole validate path
 * (read, recognise, check) over the same files, interleaved so that all see the same machine state;
 * medians of several runs.
 */
export async function benchValidate(dir: string): Promise<RoundBench> {
  const files = await writeRound(dir);
  unzipAndScan(files);
  await loadOnly(files);
  // The first pass builds each workbook's layout; later passes reuse it (src/layout/cache.ts), as a round
  // read again, a re-check or the ten-round run does. Both are said.
  const coldMs = await timed(() => validateAll(files));
  const floor: number[] = [];
  const load: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    floor.push(await timed(async () => void unzipAndScan(files)));
    validate.push(await timed(() => validateAll(files)));
    if (i < 3) load.push(await timed(() => loadOnly(files)));
  }
  const floorMs = median(floor);
  const validateMs = median(validate);
  return {
    files: files.length,
    validateMs,
    coldMs,
    floorMs,
    loadOnlyMs: median(load),
    ratio: validateMs / floorMs,
  };
}

/**
 * Another build to compare with (IP_REPORT_BEFORE=path/to/checkout/bin/ip-report.js, e.g. a checkout of the previous
 * release): the "before" of whole-process figures, measured in the same run.
 */
export const BEFORE_BIN = process.env.IP_REPORT_BEFORE ?? "";

/**
 * Whole-process `ip-report validate` of 32 files and of 320 (the round ten times, hard links), this build
 * beside the build at BEFORE_BIN when present; medians of three runs, interleaved.
 */
export function benchWholeProcess(
  dir: string,
  round: string[],
): { files: number; afterMs: number; beforeMs?: number }[] {
  const bin = join(__dirname, "..", "bin", "ip-report.js");
  const many: string[] = [];
  for (let copy = 0; copy < 10; copy++) {
    const sub = join(dir, `copy-${copy}`);
    mkdirSync(sub, { recursive: true });
    for (const f of round) {
      const to = join(sub, f.split("/").pop()!);
      if (!existsSync(to)) linkSync(f, to);
      many.push(to);
    }
  }
  const run = (b: string, files: string[]) => {
    const t0 = performance.now();
    try {
      execFileSync(process.execPath, [b, "validate", ...files], { stdio: "ignore" });
    } catch {
      // exit 1: the round has defects on purpose
    }
    return performance.now() - t0;
  };
  const before = BEFORE_BIN && existsSync(BEFORE_BIN) ? BEFORE_BIN : undefined;
  return [round, many].map((files) => {
    const after: number[] = [];
    const was: number[] = [];
    for (let i = 0; i < 3; i++) {
      after.push(run(bin, files));
      if (before) was.push(run(before, files));
    }
    return { files: files.length, afterMs: median(after), beforeMs: before ? median(was) : undefined };
  });
}

if (require.main === module) {
  const dir = process.argv[2] ?? join(__dirname, "..", "test-output", "bench-validate");
  void benchValidate(dir).then((r) => {
    console.log(
      `${r.files} files: validate ${r.validateMs.toFixed(0)} ms (first pass ${r.coldMs.toFixed(0)} ms), unzip-and-scan floor ${r.floorMs.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)}; ExcelJS load alone ${r.loadOnlyMs.toFixed(0)} ms`,
    );
  });
}
