import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { inflateSync } from "node:zlib";
import { writeIcons } from "../../scripts/make-icons";
import { crc32, encodePng } from "../../scripts/png";
import { ROOT } from "../e2e/support/build";

/** Reads back an 8-bit RGBA PNG of one IDAT, checking every chunk's CRC. */
function decode(png: Buffer): { width: number; height: number; pixel(x: number, y: number): number[] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const typeAndData = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(typeAndData));
    chunks.set(typeAndData.subarray(0, 4).toString("ascii"), typeAndData.subarray(4));
    at += 12 + length;
  }
  const ihdr = chunks.get("IHDR") as Buffer;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  expect([ihdr[8], ihdr[9]]).toEqual([8, 6]);
  const raw = inflateSync(chunks.get("IDAT") as Buffer);
  expect(raw.length).toBe((width * 4 + 1) * height);
  return {
    width,
    height,
    pixel: (x, y) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)],
  };
}

describe("the PNG encoder", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789", "ascii"))).toBe(0xcbf43926);
  });

  it("writes pixels that read back unchanged", () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4, 5, 6]);
    expect(() => encodePng({ width: 2, height: 2, rgba })).toThrow(/expected 16 bytes/);
    const png = decode(encodePng({ width: 2, height: 2, rgba: rgba.subarray(0, 16) }));
    expect([png.pixel(0, 0), png.pixel(1, 0), png.pixel(0, 1), png.pixel(1, 1)]).toEqual([
      [255, 0, 0, 255],
      [0, 255, 0, 128],
      [0, 0, 255, 0],
      [1, 2, 3, 4],
    ]);
  });
});

describe("the committed icons", () => {
  const dir = mkdtempSync(join(tmpdir(), "icons-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are exactly what scripts/make-icons.ts draws", () => {
    const drawn = writeIcons(dir).map((f) => basename(f));
    expect(drawn.sort()).toEqual(
      readdirSync(join(ROOT, "assets"))
        .filter((f) => f.endsWith(".png"))
        .sort(),
    );
    for (const name of drawn) {
      expect(readFileSync(join(dir, name)).equals(readFileSync(join(ROOT, "assets", name)))).toBe(true);
    }
  });

  it.each(["icon-16.png", "icon-80.png", "validate-32.png"])(
    "%s is a square tile on a transparent ground",
    (name) => {
      const png = decode(readFileSync(join(ROOT, "assets", name)));
      expect(png.width).toBe(png.height);
      expect(png.pixel(0, 0)[3]).toBe(0);
      const middle = png.pixel(Math.floor(png.width / 2), Math.floor(png.height * 0.15));
      expect(middle[3]).toBe(255);
    },
  );
});
