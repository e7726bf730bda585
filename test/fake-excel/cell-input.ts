import { FakeExcelError } from "./errors";
import type { StoredValue } from "./model";

/**
 * What Excel makes of a value written to Range.values: the same parsing as typing into the cell.
 * A subset of Excel's (it knows more date shapes), but every shape here is one Excel really converts.
 */
export type Entry =
  | { kind: "empty" }
  | {
      kind: "constant";
      value: Exclude<StoredValue, null>;
      quotePrefix: boolean;
      became?: Coercion["became"];
      format?: string;
    }
  | { kind: "formula"; formula: string; became: "formula" };

export interface Coercion {
  sheet: string;
  cell: string;
  input: string;
  became: "formula" | "number" | "boolean" | "date" | "time";
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function serial(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export function parseEntry(input: unknown, numberFormat: string): Entry {
  if (input === "") return { kind: "empty" };
  if (typeof input === "number" || typeof input === "boolean")
    return { kind: "constant", value: input, quotePrefix: false };
  if (typeof input !== "string") throw new TypeError(`not a cell value: ${JSON.stringify(input)}`);
  if (numberFormat === "@") {
    // Whether a text cell keeps a leading apostrophe or takes it as the quote prefix is not documented:
    // the fake refuses rather than guess.
    if (input.startsWith("'"))
      throw new FakeExcelError("NotImplementedInFake", `leading apostrophe into a text cell: ${input}`);
    // A text-formatted cell keeps what was typed: the guard the adapter relies on for user text.
    return { kind: "constant", value: input, quotePrefix: false };
  }
  if (input.startsWith("'")) return { kind: "constant", value: input.slice(1), quotePrefix: true };
  const s = input.trim();
  if (s.startsWith("=") && s.length > 1) return { kind: "formula", formula: s, became: "formula" };
  const percent = s.endsWith("%");
  const numeric = percent ? s.slice(0, -1).trim() : s;
  if (/\d/.test(numeric) && NUMBER.test(numeric)) {
    const n = Number(numeric.replace(/,/g, ""));
    return { kind: "constant", value: percent ? n / 100 : n, quotePrefix: false, became: "number" };
  }
  // "+x" and "-x" are read as formulas too (office-js #3256: sometimes the write fails instead).
  if (/^[+-]./.test(s)) return { kind: "formula", formula: `=${s}`, became: "formula" };
  if (/^(true|false)$/i.test(s)) {
    return { kind: "constant", value: s.toLowerCase() === "true", quotePrefix: false, became: "boolean" };
  }
  const date = ISO_DATE.exec(s) ?? CHINESE_DATE.exec(s);
  if (date) {
    const value = serial(Number(date[1]), Number(date[2]), Number(date[3]));
    return { kind: "constant", value, quotePrefix: false, became: "date", format: "yyyy-mm-dd" };
  }
  const time = TIME.exec(s);
  if (time && Number(time[1]) < 24) {
    const value = (Number(time[1]) * 3600 + Number(time[2]) * 60 + Number(time[3] ?? 0)) / 86_400;
    return { kind: "constant", value, quotePrefix: false, became: "time", format: "h:mm" };
  }
  return { kind: "constant", value: input, quotePrefix: false };
}
