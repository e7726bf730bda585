/** Cell addresses as numbers: "AB12" <-> { row: 12, col: 28 }. */

export interface CellPosition {
  row: number;
  col: number;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function columnLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function parseAddress(address: string): CellPosition | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (!m) return undefined;
  return { row: Number(m[2]), col: columnNumber(m[1].toUpperCase()) };
}

export function addressOf(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1:C3" (or a single "B2") as a rectangle; undefined for anything else. */
export function parseRect(ref: string): CellRect | undefined {
  const [a, b = a] = ref.split(":");
  const from = parseAddress(a);
  const to = parseAddress(b);
  if (!from || !to) return undefined;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

export function rectArea(r: CellRect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
