import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { UnoOffice } from "../helpers/uno-office";

/** One entry a clerk types, into the cell a defined name points at. */
export interface TypedEntry {
  name: string;
  /** list: picked from the cell's own dropdown; string/value/formula: XCell.setString/setValue/setFormula. */
  how: "list" | "string" | "value" | "formula";
  value: string | number;
}

export interface ClerkResult {
  /** What each dropdown offered, and the list source its validation names. */
  offered: Record<string, { formula: string; options: string[] }>;
}

/**
 * One headless LibreOffice for a whole suite, typing as a clerk would (uno_clerk.py).
 */
export class LibreOfficeSession extends UnoOffice {
  constructor() {
    super("uno");
  }

  /** Opens `input`, types `entries`, saves as `filter` to `output`, closes it. */
  type(input: string, output: string, entries: TypedEntry[], filter = "Calc MS Excel 2007 XML"): ClerkResult {
    const entriesFile = `${output}.entries.json`;
    writeFileSync(entriesFile, JSON.stringify(entries));
    return this.runScript(
      join(__dirname, "uno_clerk.py"),
      [input, output, entriesFile, filter],
      180_000,
    ) as ClerkResult;
  }
}
