import { addressOf, parseAddress, parseRect, type CellPosition } from "./cells";
import { StopParsing, XmlStream } from "./xml";
import type { ZipArchive } from "./zip";

/** A cell as written in the sheet part, before shared strings and styles give it its value. */
export interface RawCell {
  /** The `t` attribute: s, str, inlineStr, b, e, n (or absent). */
  type?: string;
  style?: number;
  value?: string;
  formula?: string;
  /** `<f t="shared" si=..>` without text: the formula is its master's. */
  sharedIndex?: string;
  /** Set when the inline string had rich-text runs (the runs' text is joined in `value`). */
  rich?: boolean;
}

export interface SheetCells {
  cells: Map<string, RawCell>;
  /** Wanted cells covered by a merged range that does not start at them: empty, as in Excel. */
  mergedAway: Set<string>;
  /** Address of the master cell of each shared formula, by its `si`. */
  sharedMasters: Map<string, string>;
}

/** Which cells a reading needs from one sheet: a set of addresses, or every cell in a block. */
export interface CellWanted {
  addresses?: Set<string>;
  block?: { rows: number; cols: number };
}

const MERGE_CELLS = /<(?:[A-Za-z_][\w.-]*:)?mergeCells[\s>/]/;

/**
 * Reads only the wanted cells of one worksheet part, streaming: the part is inflated and parsed in slices,
 * past the last wanted row the parser stops and the rest is only scanned for the merged ranges. What lies
 * beside or below a report (a million junk rows) costs inflating, never memory.
 */
export function readSheetCells(zip: ZipArchive, part: string, wanted: CellWanted): SheetCells {
  const rowsWanted = new Map<number, Set<number>>();
  for (const address of wanted.addresses ?? []) {
    const p = parseAddress(address);
    if (!p) continue;
    let cols = rowsWanted.get(p.row);
    if (!cols) rowsWanted.set(p.row, (cols = new Set()));
    cols.add(p.col);
  }
  const block = wanted.block;
  const lastRow = Math.max(block?.rows ?? 0, ...rowsWanted.keys());
  const isWanted = (p: CellPosition) =>
    (block !== undefined && p.row <= block.rows && p.col <= block.cols) ||
    (rowsWanted.get(p.row)?.has(p.col) ?? false);

  const out: SheetCells = { cells: new Map(), mergedAway: new Set(), sharedMasters: new Map() };
  let row = 0;
  let col = 0;
  let current: RawCell | undefined;
  let currentAddress = "";
  let into: "value" | "formula" | undefined;
  let inPhonetic = false;

  const addMerge = (ref: string) => {
    const rect = parseRect(ref);
    if (!rect) return;
    const span = rect.bottom - rect.top;
    const visit = (r: number) => {
      for (let c = rect.left; c <= rect.right && c <= 16_384; c++) {
        if ((r !== rect.top || c !== rect.left) && isWanted({ row: r, col: c }))
          out.mergedAway.add(addressOf(r, c));
      }
    };
    // Visit only rows that hold wanted cells: a merge over a whole sheet costs what the report holds.
    if (block === undefined && span > rowsWanted.size) {
      for (const [r, cols] of rowsWanted) {
        if (r < rect.top || r > rect.bottom) continue;
        for (const c of cols)
          if (c >= rect.left && c <= rect.right && (r !== rect.top || c !== rect.left))
            out.mergedAway.add(addressOf(r, c));
      }
    } else {
      for (let r = rect.top; r <= Math.min(rect.bottom, lastRow); r++) visit(r);
    }
  };

  const cellsParser = new XmlStream({
    open(tag, a) {
      switch (tag) {
        case "row":
          row = a.r ? Number(a.r) : row + 1;
          col = 0;
          if (row > lastRow) throw new StopParsing();
          return;
        case "c": {
          const p = a.r ? parseAddress(a.r) : undefined;
          if (p) {
            row = p.row;
            col = p.col;
          } else col += 1;
          current = isWanted({ row, col }) ? { type: a.t, style: a.s ? Number(a.s) : undefined } : undefined;
          currentAddress = addressOf(row, col);
          return;
        }
        case "f":
          if (a.t === "shared" && a.si !== undefined) {
            if (a.ref) out.sharedMasters.set(a.si, addressOf(row, col));
            if (current) current.sharedIndex = a.si;
          }
          into = current ? "formula" : undefined;
          if (current && current.formula === undefined) current.formula = "";
          return;
        case "v":
        case "t":
          into = current && !inPhonetic ? "value" : undefined;
          return;
        case "r":
          if (current) current.rich = true;
          return;
        case "rPh":
          inPhonetic = true;
          return;
        case "mergeCell":
          if (a.ref) addMerge(a.ref);
          return;
      }
    },
    text(text) {
      if (!current || !into) return;
      if (into === "value") current.value = (current.value ?? "") + text;
      else current.formula += text;
    },
    close(tag) {
      if (tag === "c") {
        if (current) out.cells.set(currentAddress, current);
        current = undefined;
      } else if (tag === "v" || tag === "t" || tag === "f") into = undefined;
      else if (tag === "rPh") inPhonetic = false;
    },
  });

  let merges: XmlStream | undefined;
  let seeking = false;
  let carry = "";
  const mergeParser = () =>
    new XmlStream({
      open(tag, a) {
        if (tag === "mergeCell" && a.ref) addMerge(a.ref);
      },
      close(tag) {
        if (tag === "mergeCells") throw new StopParsing();
      },
    });
  const decoder = new TextDecoder("utf-8");
  try {
    zip.inflate(part, (chunk) => {
      const text = decoder.decode(chunk, { stream: true });
      if (merges) {
        if (!merges.write(text)) throw new StopParsing();
        return;
      }
      if (!seeking) {
        if (cellsParser.write(text)) return;
        seeking = true;
      }
      // Past the last wanted row: find where the merged ranges start (they follow every row).
      const hay = carry + text;
      const m = MERGE_CELLS.exec(hay);
      if (m) {
        merges = mergeParser();
        if (!merges.write(hay.slice(m.index))) throw new StopParsing();
      } else carry = hay.slice(-40);
    });
  } catch (err) {
    // Stopped once the merged ranges were read: the rest of the part is never inflated.
    if (!(err instanceof StopParsing)) throw err;
    return out;
  }
  if (!seeking) cellsParser.end();
  return out;
}
