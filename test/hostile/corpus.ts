/**
 * The hostile corpus, made by code (nothing of it is in the repository): each file is a real filled report
 * with one attack in it. Big parts are generated and deflated in slices, never held whole.
 */
import { Deflate, deflateSync, unzipSync } from "fflate";
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { filledSample } from "../fixtures/make-fixtures";

export interface Entry {
  name: string;
  /** Deflated bytes (one or many slices). */
  data: Uint8Array[];
  crc: number;
  /** What the headers say the part inflates to (a lie in a zip bomb). */
  size: number;
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
}

/** Writes a zip (deflate, no zip64) with whatever sizes its entries claim. */
export function writeZip(file: string, entries: Entry[]): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  let offset = 0;
  const put = (b: Uint8Array) => {
    writeSync(fd, b);
    offset += b.length;
  };
  const central: Buffer[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const compressed = e.data.reduce((n, d) => n + d.length, 0);
    const common = Buffer.concat([
      u16(20),
      u16(0x0800),
      u16(8),
      u16(0),
      u16(0x21),
      u32(e.crc),
      u32(compressed),
      u32(e.size),
      u16(name.length),
      u16(0),
    ]);
    central.push(
      Buffer.concat([u32(0x02014b50), u16(20), common, u16(0), u16(0), u16(0), u32(0), u32(offset), name]),
    );
    put(Buffer.concat([u32(0x04034b50), common, name]));
    for (const d of e.data) put(d);
  }
  const dir = Buffer.concat(central);
  const dirOffset = offset;
  put(dir);
  put(
    Buffer.concat([
      u32(0x06054b50),
      u16(0),
      u16(0),
      u16(entries.length),
      u16(entries.length),
      u32(dir.length),
      u32(dirOffset),
      u16(0),
    ]),
  );
  closeSync(fd);
  renameSync(temp, file);
}

type Parts = Record<string, Uint8Array>;

export function entriesOf(parts: Parts): Entry[] {
  return Object.entries(parts).map(([name, bytes]) => ({
    name,
    data: [deflateSync(bytes, { level: 6 })],
    crc: crc32(bytes),
    size: bytes.length,
  }));
}

/** Deflates text made slice by slice; returns the entry with its true size. */
function streamedEntry(name: string, slices: Iterable<string>): Entry {
  const data: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => data.push(chunk));
  let crc = 0;
  let size = 0;
  for (const text of slices) {
    const bytes = Buffer.from(text, "utf8");
    crc = crc32(bytes, crc);
    size += bytes.length;
    deflate.push(bytes);
  }
  deflate.push(new Uint8Array(0), true);
  return { name, data, crc, size };
}

const text = (b: Uint8Array) => Buffer.from(b).toString("utf8");
const bytes = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

/** The worksheet part of a sheet, by its name in workbook.xml. */
function sheetPart(parts: Parts, sheetName: string): string {
  const wb = text(parts["xl/workbook.xml"]);
  const rid = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const rels = text(parts["xl/_rels/workbook.xml.rels"]);
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const t = (target?.[1] ?? target?.[2] ?? "").replace(/^\/?(xl\/)?/, "");
  return `xl/${t}`;
}

/** Puts an element before the first of `before` present in the sheet (schema order), or before the end. */
function insertInSheet(xml: string, element: string, before: string[]): string {
  for (const tag of before) {
    const at = xml.indexOf(`<${tag}`);
    if (at >= 0) return xml.slice(0, at) + element + xml.slice(at);
  }
  return xml.replace("</worksheet>", `${element}</worksheet>`);
}

const AFTER_MERGES = [
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "drawing",
  "legacyDrawing",
  "tableParts",
  "extLst",
];
const AFTER_VALIDATIONS = AFTER_MERGES.slice(3);

export const HOSTILE_CASES = [
  "zip-bomb-lying",
  "zip-bomb-declared",
  "merge-bomb",
  "validation-bomb",
  "name-bomb",
  "junk-rows",
  "doctype",
] as const;
export type HostileCase = (typeof HOSTILE_CASES)[number];

/** Rows of junk below a report table: a million rows of six cells, 6M cells. */
export const JUNK_ROWS = 1_000_000;

function* junkSheet(xml: string): Generator<string> {
  const start = xml.indexOf("</sheetData>");
  yield xml.slice(0, start);
  const first = 2_000;
  for (let r = first; r < first + JUNK_ROWS; r += 5_000) {
    let s = "";
    for (let k = r; k < r + 5_000; k++)
      s += `<row r="${k}"><c r="A${k}"><v>${k}</v></c><c r="B${k}"><v>1</v></c><c r="C${k}"><v>2</v></c><c r="D${k}"><v>3</v></c><c r="E${k}"><v>4</v></c><c r="F${k}"><v>5</v></c></row>`;
    yield s;
  }
  yield xml.slice(start);
}

/** A deflate stream of `total` bytes of well-formed junk rows, in slices. */
function* bombText(total: number): Generator<string> {
  const row = '<row><c t="inlineStr"><is><t>0000000000000000000000000000</t></is></c></row>';
  const slice = row.repeat(Math.ceil((1024 * 1024) / row.length));
  for (let n = 0; n < total; n += slice.length) yield slice;
}

/** Makes every hostile file (once per directory; big ones are reused across runs). */
export async function makeHostileCorpus(dir: string): Promise<Record<HostileCase, string>> {
  mkdirSync(dir, { recursive: true });
  const files = Object.fromEntries(HOSTILE_CASES.map((c) => [c, join(dir, `${c}.xlsx`)])) as Record<
    HostileCase,
    string
  >;
  const sample = await filledSample();
  const good = unzipSync(new Uint8Array(await sample.workbook.xlsx.writeBuffer()));
  const tasks = sheetPart(good, "任务清单");
  const make = (name: HostileCase, build: () => Entry[]) => {
    if (!existsSync(files[name])) writeZip(files[name], build());
  };

  // 600 MB of rows in the tasks sheet, its headers claiming the original small size.
  make("zip-bomb-lying", () =>
    entriesOf(good).map((e) =>
      e.name === tasks ? { ...streamedEntry(tasks, bombText(600 * 1024 * 1024)), size: e.size } : e,
    ),
  );
  // Headers that tell the truth about 2.2 GB.
  make("zip-bomb-declared", () =>
    entriesOf(good).map((e) => (e.name === tasks ? { ...e, size: 2_200_000_000 } : e)),
  );
  make("merge-bomb", () => {
    const xml = text(good[tasks]).replace(/<mergeCells[\s\S]*?<\/mergeCells>/, "");
    const merged = insertInSheet(
      xml,
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      AFTER_MERGES,
    );
    return entriesOf({ ...good, [tasks]: bytes(merged) });
  });
  make("validation-bomb", () => {
    const rule =
      '<dataValidation type="list" allowBlank="1" sqref="A1:Z1048576"><formula1>"是,否"</formula1></dataValidation>';
    let xml = text(good[tasks]);
    xml = xml.includes("<dataValidations")
      ? xml.replace(
          /<dataValidations count="(\d+)">/,
          (_m, n) => `<dataValidations count="${Number(n) + 1}">${rule}`,
        )
      : insertInSheet(xml, `<dataValidations count="1">${rule}</dataValidations>`, AFTER_VALIDATIONS);
    return entriesOf({ ...good, [tasks]: bytes(xml) });
  });
  make("name-bomb", () => {
    const wb = text(good["xl/workbook.xml"]).replace(
      /(<definedName name="F_task_2_status"[^>]*>)[^<]*/,
      (_m, open: string) => `${open}'任务清单'!$A$1:$XFD$1048576`,
    );
    return entriesOf({ ...good, "xl/workbook.xml": bytes(wb) });
  });
  make("junk-rows", () =>
    entriesOf(good).map((e) => (e.name === tasks ? streamedEntry(tasks, junkSheet(text(good[tasks]))) : e)),
  );
  make("doctype", () => {
    const sst = text(good["xl/sharedStrings.xml"]).replace(
      "?>",
      '?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    );
    return entriesOf({ ...good, "xl/sharedStrings.xml": bytes(sst) });
  });
  return files;
}

/** A FIFO with no writer: reading it would wait forever. */
export function makeFifo(dir: string): string {
  const fifo = join(dir, "no-writer.xlsx");
  if (!existsSync(fifo)) execFileSync("mkfifo", [fifo]);
  return fifo;
}
