/** A1 addressing, shared by the layout and both adapters. */

export function columnLetter(col: number): string {
  let n = col;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function absolute(row: number, col: number): string {
  return `$${columnLetter(col)}$${row}`;
}

export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) throw new Error(`not an A1 cell reference: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Quotes a sheet name for use in a reference, doubling apostrophes (ExcelJS does not). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Defined name for a field id: F_ + the id with every non-alphanumeric run as one underscore. */
export function definedNameOf(fieldId: string): string {
  return `F_${fieldId.replace(/[^A-Za-z0-9]+/g, "_")}`;
}
