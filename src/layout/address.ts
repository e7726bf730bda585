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

/** Quotes a sheet name for use in a reference, doubling apostrophes (ExcelJS does not). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Defined name for a field id: F_ + the id with every non-alphanumeric run as one underscore. */
export function definedNameOf(fieldId: string): string {
  return `F_${fieldId.replace(/[^A-Za-z0-9]+/g, "_")}`;
}
