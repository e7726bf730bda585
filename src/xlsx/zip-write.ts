import { crc32Of, deflateRaw } from "./deflate";

/** DOS date and time of a moment, local time, as zip headers hold them (two-second steps). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A zip package of the given parts, in their order, each deflated (a part deflate does not shrink is
 * stored). Plain zip: no zip64 (a workbook we write is far below 4 GB), UTF-8 names flagged.
 */
export function zipParts(parts: [name: string, data: Uint8Array][], when = new Date()): Uint8Array {
  const { time, date } = dosTime(when);
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = encoder.encode(name);
    const deflated = deflateRaw(data);
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = crc32Of(data);
    const header = (size: number, signature: number) => {
      const h = new Uint8Array(size + nameBytes.length);
      const v = new DataView(h.buffer);
      v.setUint32(0, signature, true);
      return { h, v };
    };
    const local = header(30, 0x04034b50);
    local.v.setUint16(4, 20, true);
    local.v.setUint16(6, 0x0800, true);
    local.v.setUint16(8, stored ? 0 : 8, true);
    local.v.setUint16(10, time, true);
    local.v.setUint16(12, date, true);
    local.v.setUint32(14, crc, true);
    local.v.setUint32(18, body.length, true);
    local.v.setUint32(22, data.length, true);
    local.v.setUint16(26, nameBytes.length, true);
    local.h.set(nameBytes, 30);
    const central = header(46, 0x02014b50);
    central.v.setUint16(4, 20, true);
    central.v.setUint16(6, 20, true);
    central.v.setUint16(8, 0x0800, true);
    central.v.setUint16(10, stored ? 0 : 8, true);
    central.v.setUint16(12, time, true);
    central.v.setUint16(14, date, true);
    central.v.setUint32(16, crc, true);
    central.v.setUint32(20, body.length, true);
    central.v.setUint32(24, data.length, true);
    central.v.setUint16(28, nameBytes.length, true);
    central.v.setUint32(42, offset, true);
    central.h.set(nameBytes, 46);
    locals.push(local.h, body);
    centrals.push(central.h);
    offset += local.h.length + body.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, parts.length, true);
  e.setUint16(10, parts.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const chunk of [...locals, ...centrals, end]) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
