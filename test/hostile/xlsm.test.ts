/**
 * Hostile macro-enabled workbooks (issue 11): what a command does with a report's VBA project must not crash or
 * hang it. Each case is a real report with a VBA project part made in the test (its bytes need not be a valid
 * project: the commands never run or parse it) and one attack in the package around it. Every command that reads
 * a workbook runs in its own process, measured by /usr/bin/time, within the bounds of test/hostile/measured.ts:
 * it reads the file (exit 0/1, nothing on stderr, a written copy macro-enabled) or refuses it in one localized line.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { Deflate, strToU8, unzipSync } from "fflate";
import JSZip from "jszip";
import { tempDir } from "../helpers/tools";
import { entriesOf, writeZip, type Entry } from "./corpus";
import { MEMORY_BOUND_MB, runMeasured, TIME_BOUND_S } from "./measured";

const BIN = join(__dirname, "..", "..", "bin", "ip-report.js");

const VBA_REL = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";
const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** 200 MB of zeros deflated a megabyte at a time (about 200 KB), never held whole. */
function zeros(): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => chunks.push(chunk));
  const mb = new Uint8Array(1024 * 1024);
  for (let i = 0; i < 200; i++) deflate.push(mb, i === 199);
  return chunks;
}

const PROJECT = strToU8("a VBA project's bytes, carried as they are");

/** The report's parts made macro-enabled: a project, its relationship, its content types. */
function macroParts(
  parts: Record<string, Uint8Array>,
  project = "xl/vbaProject.bin",
): Record<string, Uint8Array> {
  const text = (p: string) => Buffer.from(parts[p]).toString("utf8");
  const types = text("[Content_Types].xml")
    .replace(/(PartName="\/xl\/workbook.xml" ContentType=")[^"]*/, `$1${MACRO_WORKBOOK}`)
    .replace(
      "</Types>",
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    );
  const rels = text("xl/_rels/workbook.xml.rels").replace(
    "</Relationships>",
    `<Relationship Id="rIdVba" Type="${VBA_REL}" Target="/${project}"/></Relationships>`,
  );
  return {
    ...parts,
    "[Content_Types].xml": strToU8(types),
    "xl/_rels/workbook.xml.rels": strToU8(rels),
  };
}

const CASES = ["vba-bomb-lying", "vba-relationship-loop", "vba-project-missing"] as const;
type Case = (typeof CASES)[number];

/** Each case from the report's parts. */
function build(name: Case, report: Record<string, Uint8Array>): Entry[] {
  const parts = macroParts(report);
  const entries = entriesOf;
  switch (name) {
    // The project's header claims its small size; it inflates to 200 MB.
    case "vba-bomb-lying":
      return [
        ...entries(parts),
        { name: "xl/vbaProject.bin", data: zeros(), crc: crc32(PROJECT), size: PROJECT.length },
      ];
    // The project's relationships lead back to itself, to a part that is not there and out of the package.
    case "vba-relationship-loop":
      return entries({
        ...parts,
        "xl/vbaProject.bin": PROJECT,
        "xl/_rels/vbaProject.bin.rels": strToU8(
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
            '<Relationship Id="r1" Type="x" Target="vbaProject.bin"/><Relationship Id="r2" Type="x" Target="../../../etc/passwd"/>' +
            '<Relationship Id="r3" Type="x" Target="missing.bin"/><Relationship Id="r4" Type="x" Target="http://example.com/" TargetMode="External"/></Relationships>',
        ),
      });
    // The workbook names a project the package does not hold.
    case "vba-project-missing":
      return entries(parts);
  }
}

type Command = "validate" | "annotate" | "info" | "fields" | "refresh";
const COMMANDS: Command[] = ["validate", "annotate", "info", "fields", "refresh"];

/** What each command does with each case: read it (exit 0) or refuse it with this line (exit 2). */
const BOMB_REFUSED = "文件已损坏或不完整（部件 xl/vbaProject.bin 的实际大小与目录不符）";
const EXPECTED: Record<Case, Record<Command, number | string>> = {
  "vba-bomb-lying": { validate: 0, info: 0, fields: 0, annotate: BOMB_REFUSED, refresh: BOMB_REFUSED },
  "vba-relationship-loop": { validate: 0, info: 0, fields: 0, annotate: 0, refresh: 0 },
  "vba-project-missing": { validate: 0, info: 0, fields: 0, annotate: 0, refresh: 0 },
};

let dir: string;
const files = {} as Record<Case, string>;

const run = (args: string[]) => runMeasured(dir, args);

function outFor(command: Command): string {
  return join(dir, `out-${command}.xlsm`);
}

function argsFor(command: Command, file: string): string[] {
  rmSync(outFor(command), { force: true });
  if (command === "annotate") return ["validate", file, "--annotate", outFor(command)];
  if (command === "refresh") return ["refresh", file, "--out", outFor(command)];
  return [command, file];
}

beforeAll(() => {
  dir = tempDir("hostile-xlsm");
  const sample = join(dir, "sample.xlsx");
  const made = spawnSync(process.execPath, [
    BIN,
    "sample",
    "--province",
    "江苏",
    "--seed",
    "7",
    "--out",
    sample,
  ]);
  expect(made.status).toBe(0);
  const report = unzipSync(readFileSync(sample));
  for (const name of CASES) {
    files[name] = join(dir, `${name}.xlsm`);
    writeZip(files[name], build(name, report));
  }
}, 120_000);

describe.each(CASES)("%s", (name) => {
  test.each(COMMANDS)(
    `%s: reads it or refuses it in one line, within ${MEMORY_BOUND_MB} MB and ${TIME_BOUND_S} s`,
    async (command) => {
      const r = run(argsFor(command, files[name]));
      const expected = EXPECTED[name][command];
      if (typeof expected === "string") {
        expect(r.code).toBe(2);
        expect(r.err).toBe(`错误: ${files[name]}: ${expected}`);
      } else {
        expect([r.code, r.err]).toEqual([expected, ""]);
        if (command === "annotate" || command === "refresh") {
          // Whatever the project's package held, the copy is a macro-enabled workbook.
          const zip = await JSZip.loadAsync(readFileSync(outFor(command)));
          expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(MACRO_WORKBOOK);
          const project = zip.file("xl/vbaProject.bin");
          if (name === "vba-relationship-loop")
            expect(await project!.async("string")).toBe(Buffer.from(PROJECT).toString());
          else expect(project).toBeNull();
        }
      }
      expect(r.peakMb).toBeLessThan(MEMORY_BOUND_MB);
      expect(r.seconds).toBeLessThan(TIME_BOUND_S);
    },
    TIME_BOUND_S * 3 * 1000,
  );
});
