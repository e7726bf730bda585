/** The package writer every workbook goes through (src/xlsx/zip-write.ts), with Node's zlib and with the browser's fflate. */
import { inflateSync, unzipSync } from "fflate";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import * as browser from "../../src/checker/browser/deflate";
import * as node from "../../src/xlsx/deflate";
import { zipParts } from "../../src/xlsx/zip-write";
import { ZipArchive } from "../../src/reader/zip";
import { runPython, tempDir } from "../helpers/tools";

const text = (s: string) => new TextEncoder().encode(s);
const parts: [string, Uint8Array][] = [
  ["[Content_Types].xml", text('<?xml version="1.0"?><Types>' + "<Override/>".repeat(500) + "</Types>")],
  [
    "xl/worksheets/sheet1.xml",
    text("<worksheet>" + '<c r="A1"><v>任务清单</v></c>'.repeat(2000) + "</worksheet>"),
  ],
  ["xl/empty.xml", new Uint8Array(0)],
  ["xl/media/random.bin", Uint8Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 24)],
  ["xl/名字.xml", text("<a/>")],
];

describe("zipParts", () => {
  test("Node's zlib and the browser's fflate give the same CRC-32 and inflatable deflate", () => {
    for (const [, data] of parts) {
      expect(browser.crc32Of(data)).toBe(node.crc32Of(data));
      expect(inflateSync(browser.deflateRaw(data))).toEqual(data);
      expect(inflateSync(node.deflateRaw(data))).toEqual(data);
    }
  });

  test("fflate, the report reader and Python's zipfile read every part back, in order, CRCs checked", () => {
    const zip = zipParts(parts, new Date(2019, 5, 30, 12, 34, 56));
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(parts.map(([n]) => n));
    for (const [name, data] of parts) expect(back[name]).toEqual(data);
    const archive = new ZipArchive(zip);
    expect(new TextDecoder().decode(archive.bytesOf("xl/名字.xml"))).toBe("<a/>");
    const file = join(tempDir("zip-write"), "parts.zip");
    writeFileSync(file, zip);
    const checked = runPython(
      `import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({"bad": z.testzip(), "names": z.namelist(), "time": list(z.infolist()[0].date_time)}))`,
      [file],
    );
    expect(checked).toEqual({ bad: null, names: parts.map(([n]) => n), time: [2019, 6, 30, 12, 34, 56] });
  });
});
