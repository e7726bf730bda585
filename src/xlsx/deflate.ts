import { crc32, deflateRawSync } from "node:zlib";

/**
 * Raw deflate at zlib's default level and the zip CRC-32, by Node's own zlib: several times faster than
 * any JavaScript deflate (writing the annotated copies of a round was mostly deflating). The browser
 * checker swaps in src/checker/browser/deflate.ts (fflate), same results.
 */
export function deflateRaw(data: Uint8Array): Uint8Array {
  return deflateRawSync(data, { level: 6 });
}

export function crc32Of(data: Uint8Array): number {
  return crc32(data) >>> 0;
}
