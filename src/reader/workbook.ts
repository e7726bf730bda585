import { parseCellRef } from "../layout/reading";
import type { CellValue } from "../layout/types";
import { openContainer } from "./container";
import { readWorkbookPackage, type WorkbookPackage } from "./package";
import { readSharedStrings } from "./shared-strings";
import { readSheetCells, type CellWanted, type RawCell, type SheetCells } from "./sheet";
import { readDateStyles } from "./styles";
import type { ZipArchive } from "./zip";

/** A cell's value as the core sees it (dates as Excel serials), and its formula when it has one. */
export interface CellReading {
  value: CellValue;
  formula?: string;
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A date cell's number as a 1900-system serial. A 1904-system workbook (old Mac Excel) counts from 1904:
 * the same day is 1462 days less there. Rounded to the millisecond, as ExcelJS does, so both readers agree.
 */
function dateSerial(serial: number, date1904: boolean): number {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS);
  return (ms + Date.UTC(1970, 0, 1) - EXCEL_EPOCH) / DAY_MS;
}

/** An ISO date cell (`t="d"`, written by some tools) as a serial. */
function isoSerial(text: string): number | string {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : (ms - EXCEL_EPOCH) / DAY_MS;
}

function booleanOf(text: string): boolean {
  if (text === "true") return true;
  if (text === "false") return false;
  return parseInt(text, 10) !== 0;
}

/**
 * An opened workbook: its skeleton read, nothing of a sheet inflated until asked for. Every read is
 * bounded (see ZipArchive); nothing in it needs Node, so the browser checker opens files the same way.
 */
export class ReportWorkbook {
  readonly pkg: WorkbookPackage;
  private dateStyles: Set<number> | undefined;

  constructor(private readonly zip: ZipArchive) {
    this.pkg = readWorkbookPackage(zip);
  }

  static open(bytes: Uint8Array): ReportWorkbook {
    return new ReportWorkbook(openContainer(bytes));
  }

  sheet(name: string) {
    return this.pkg.sheets.find((s) => s.name === name);
  }

  /** Defined names, name -> the first single-cell reference: global names before sheet-scoped copies. */
  definedNames(): Map<string, { sheetName: string; cell: string }> {
    const names = new Map<string, { sheetName: string; cell: string }>();
    const ordered = [
      ...this.pkg.names.filter((n) => n.localSheetId === undefined),
      ...this.pkg.names.filter((n) => n.localSheetId !== undefined),
    ];
    for (const { name, formula } of ordered) {
      if (names.has(name)) continue;
      const ref = splitRefs(formula)
        .map(parseCellRef)
        .find((r) => r !== undefined);
      if (ref) names.set(name, { sheetName: ref.sheetName, cell: ref.cell.toUpperCase() });
    }
    return names;
  }

  /** Reads the wanted cells of several sheets (each part inflated once), shared strings resolved. */
  readCells(wanted: Map<string, CellWanted>): Map<string, Map<string, CellReading>> {
    const raw = new Map<string, SheetCells>();
    const strings = new Set<number>();
    for (const [sheetName, want] of wanted) {
      const part = this.sheet(sheetName)?.part;
      if (!part) continue;
      const cells = readSheetCells(this.zip, part, want);
      raw.set(sheetName, cells);
      for (const c of cells.cells.values()) {
        if (c.type === "s" && c.value !== undefined && c.formula === undefined) {
          const i = parseInt(c.value, 10);
          if (i >= 0) strings.add(i);
        }
      }
    }
    const sst = readSharedStrings(this.zip, this.pkg.sharedStrings, strings);
    this.dateStyles ??= readDateStyles(this.zip, this.pkg.styles);
    const out = new Map<string, Map<string, CellReading>>();
    for (const [sheetName, sheet] of raw) {
      const cells = new Map<string, CellReading>();
      for (const [address, c] of sheet.cells) {
        if (sheet.mergedAway.has(address)) continue;
        cells.set(address, this.resolve(c, sst, sheet.sharedMasters));
      }
      for (const address of sheet.mergedAway) cells.set(address, { value: null });
      out.set(sheetName, cells);
    }
    return out;
  }

  private resolve(c: RawCell, sst: Map<number, string>, masters: Map<string, string>): CellReading {
    const isDate = c.style !== undefined && this.dateStyles!.has(c.style);
    const number = (text: string) => {
      const n = parseFloat(text);
      return isDate ? dateSerial(n, this.pkg.date1904) : n;
    };
    const text = c.value;
    const formula =
      c.formula || c.sharedIndex !== undefined
        ? c.formula || masters.get(c.sharedIndex ?? "") || ""
        : undefined;
    if (formula !== undefined) {
      // The value of a formula cell is the result its writer stored.
      if (!text) return { value: null, formula };
      if (c.type === "str") return { value: text, formula };
      if (c.type === "b") return { value: booleanOf(text), formula };
      if (c.type === "e") return { value: text, formula };
      return { value: number(text), formula };
    }
    if (text === undefined) return { value: null };
    switch (c.type) {
      case "s":
        return { value: sst.get(parseInt(text, 10)) ?? null };
      case "str":
      case "inlineStr":
        return { value: text };
      case "b":
        return { value: booleanOf(text) };
      case "e":
        return { value: text };
      case "d":
        return { value: isoSerial(text) };
      default:
        return { value: number(text) };
    }
  }
}

/** "'A'!$B$1,'B'!$C$2" -> its references (commas inside quoted sheet names kept). */
export function splitRefs(formula: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'") quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(formula.slice(start, i));
      start = i + 1;
    }
  }
  out.push(formula.slice(start));
  return out;
}
