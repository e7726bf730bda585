/** A1 addressing inside the fake: 0-based, inclusive areas, as Excel's getRangeByIndexes counts. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Area {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnName(col0: number): string {
  let n = col0 + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses what Worksheet.getRange accepts here: "B5", "A1:D4", "A:C", "5:7" (with or without $). */
export function parseAddress(address: string): Area | undefined {
  const a = address.replace(/\$/g, "").toUpperCase();
  let m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(a);
  if (m) {
    const r0 = Number(m[2]) - 1;
    const c0 = columnIndex(m[1]);
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? columnIndex(m[3]) : c0;
    return inBounds(normalise({ r0, c0, r1, c1 }));
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m)
    return inBounds(normalise({ r0: 0, c0: columnIndex(m[1]), r1: MAX_ROWS - 1, c1: columnIndex(m[2]) }));
  m = /^(\d{1,7}):(\d{1,7})$/.exec(a);
  if (m)
    return inBounds(normalise({ r0: Number(m[1]) - 1, c0: 0, r1: Number(m[2]) - 1, c1: MAX_COLUMNS - 1 }));
  return undefined;
}

function normalise(a: Area): Area {
  return {
    r0: Math.min(a.r0, a.r1),
    r1: Math.max(a.r0, a.r1),
    c0: Math.min(a.c0, a.c1),
    c1: Math.max(a.c0, a.c1),
  };
}

function inBounds(a: Area): Area | undefined {
  return a.r0 >= 0 && a.c0 >= 0 && a.r1 < MAX_ROWS && a.c1 < MAX_COLUMNS ? a : undefined;
}

export function formatArea(a: Area, absolute = false): string {
  const d = absolute ? "$" : "";
  const whole = (r0: number, c0: number) => `${d}${columnName(c0)}${d}${r0 + 1}`;
  if (a.r0 === 0 && a.r1 === MAX_ROWS - 1) return `${d}${columnName(a.c0)}:${d}${columnName(a.c1)}`;
  if (a.c0 === 0 && a.c1 === MAX_COLUMNS - 1) return `${d}${a.r0 + 1}:${d}${a.r1 + 1}`;
  if (a.r0 === a.r1 && a.c0 === a.c1) return whole(a.r0, a.c0);
  return `${whole(a.r0, a.c0)}:${whole(a.r1, a.c1)}`;
}

/** Excel quotes a sheet name in a reference only when it must (spaces, punctuation, a leading digit). */
export function sheetPrefix(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? `${name}!` : `'${name.replace(/'/g, "''")}'!`;
}

export function cellCount(a: Area): number {
  return (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1);
}

export function intersects(a: Area, b: Area): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Area, inner: Area): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function cellKey(r: number, c: number): string {
  return `${r},${c}`;
}

export function keyToA1(key: string): string {
  const [r, c] = key.split(",").map(Number);
  return `${columnName(c)}${r + 1}`;
}
