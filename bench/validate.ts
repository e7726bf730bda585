/* Validation of a whole round (32 returned workbooks) against ExcelJS loading them alone. */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
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

/**
 * Times loading all 32 workbooks with ExcelJS alone and the whole validate path (load, recognise, read,
 * check) over the same files, interleaved so that both see the same machine state; medians of several runs.
 */
export async function benchValidate(
  dir: string,
): Promise<{ files: number; validateMs: number; loadOnlyMs: number; ratio: number }> {
  const files = await writeRound(dir);
  await loadOnly(files);
  await validateAll(files);
  const load: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    load.push(await timed(() => loadOnly(files)));
    validate.push(await timed(() => validateAll(files)));
  }
  const loadOnlyMs = median(load);
  const validateMs = median(validate);
  return { files: files.length, validateMs, loadOnlyMs, ratio: validateMs / loadOnlyMs };
}

if (require.main === module) {
  const dir = process.argv[2] ?? join(__dirname, "..", "test-output", "bench-validate");
  void benchValidate(dir).then((r) => {
    console.log(
      `${r.files} files: validate ${r.validateMs.toFixed(0)} ms, ExcelJS load alone ${r.loadOnlyMs.toFixed(0)} ms, ratio ${r.ratio.toFixed(2)}`,
    );
  });
}
