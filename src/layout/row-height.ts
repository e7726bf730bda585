import type { CellStyle, CellValue, SheetLayout, StyleKey } from "./types";

/**
 * How tall a row must be to show all of its text, estimated when a file is written: a row with a fixed height
 * never grows with wrapped text (Excel re-fits only a row being edited), so a cell laid out at 60 pt with ten
 * lines in it prints cut mid-sentence. The estimate errs on the tall side: some white space is better than a
 * cut line. Measures are those of the fonts a clerk's copy is shown with: Excel's 等线, and on Linux the
 * fallbacks LibreOffice takes for it (Noto Sans CJK for Chinese, DejaVu Sans for Latin letters and digits:
 * wider than 等线's, so Latin text is reckoned at DejaVu's width).
 */

/** Excel's largest row height, in points. Text needing more is cut, on screen and on paper; the cell keeps it all. */
export const MAX_ROW_HEIGHT = 409;

/**
 * A column's width is in characters of the workbook's default font (Calibri 11: 7 px a digit at 96 dpi);
 * Excel draws it as width × 7 + 5 px, of which about 5 px are margins and grid line: width × 7 px for text.
 */
const PX_PER_WIDTH_UNIT = 7;
/** Kinsoku (no 。or ，at a line's start) and Latin words moving whole to the next line waste part of a line. */
const LINE_FILL = 0.93;

/** Advance of a character in ems: full-width (CJK ideographs, kana, hangul, full-width punctuation) is 1 em. */
export function charEms(ch: string): number {
  const code = ch.codePointAt(0) ?? 0;
  if (code === 0x20) return 0.32;
  if (code < 0x7f) return 0.64; // DejaVu Sans: digits 0.64 em, letters 0.55–0.9, averaged on the wide side
  if (isFullWidth(code)) return 1;
  return 0.7;
}

function isFullWidth(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd) ||
    code === 0x2014 || // — and … are drawn full-width in CJK fonts
    code === 0x2026 ||
    (code >= 0x2018 && code <= 0x201d) // “” ‘’
  );
}

/** Text runs a line may break between: each full-width character alone; a Latin word with its trailing spaces. */
function breakUnits(paragraph: string): { ems: number; trailing: number }[] {
  const units: { ems: number; trailing: number }[] = [];
  let word = 0;
  let spaces = 0;
  const flush = () => {
    if (word > 0 || spaces > 0) units.push({ ems: word, trailing: spaces });
    word = 0;
    spaces = 0;
  };
  for (const ch of paragraph) {
    const ems = charEms(ch);
    if (ch === " " || ch === "\t") {
      spaces += ems;
    } else if (ems === 1) {
      flush();
      units.push({ ems, trailing: 0 });
    } else {
      if (spaces > 0) flush();
      word += ems;
      if (ch === "-" || ch === "/") flush(); // a line may break after a hyphen or a slash
    }
  }
  flush();
  return units;
}

/** Lines a paragraph takes at `capacity` ems a line, filled greedily as Excel and LibreOffice wrap. */
function paragraphLines(paragraph: string, capacity: number): number {
  let lines = 1;
  let used = 0;
  for (const { ems, trailing } of breakUnits(paragraph)) {
    if (used > 0 && used + ems > capacity) {
      lines++;
      used = 0;
    }
    if (ems > capacity) {
      // A word wider than the cell is broken inside.
      lines += Math.ceil(ems / capacity) - 1;
      used = ems % capacity;
    } else {
      used += ems;
    }
    used += trailing; // spaces may hang past the line's end
  }
  return lines;
}

/** Lines a cell's text takes: its own line breaks, each paragraph wrapped when the cell wraps. */
export function lineCount(text: string, width: number, size: number, wrap: boolean): number {
  if (!wrap) return 1;
  const px = Math.max(width, 1) * PX_PER_WIDTH_UNIT;
  const capacity = (px * LINE_FILL) / ((size * 4) / 3);
  // No character is wider than 1 em: most cells are short enough to need no wrapping at all.
  if (text.length <= capacity && !/[\r\n]/.test(text)) return 1;
  return text.split(/\r\n|\r|\n/).reduce((sum, p) => sum + paragraphLines(p, capacity), 0);
}

/** Noto Sans CJK's line is 1.45 em (等线's 1.3): reckon every line at the taller one. */
export function lineHeight(size: number): number {
  return size * 1.45;
}

/** One line of 11 pt text: a row needing no more keeps the default height, which every program fits to its font. */
const ONE_LINE = Math.ceil(lineHeight(11) + 4);

/** The text of one cell, where it is drawn. */
export interface CellText {
  text: string;
  /** Width in characters: the column's, or the sum of the columns a merge spans. */
  width: number;
  /** Font size in points. */
  size: number;
  wrap: boolean;
}

/** Points a cell's text needs: its lines and a little room above and below. */
export function textHeight(cell: CellText): number {
  return lineCount(cell.text, cell.width, cell.size, cell.wrap) * lineHeight(cell.size) + 4;
}

/**
 * The height a row needs for its cells, never below `minimum` (the height it was laid out with), capped at
 * MAX_ROW_HEIGHT; undefined when the default height does.
 */
export function rowHeight(cells: CellText[], minimum?: number): number | undefined {
  const needed = Math.ceil(Math.max(0, ...cells.map(textHeight)));
  if (minimum === undefined && needed <= ONE_LINE) return undefined;
  return Math.min(Math.max(needed, minimum ?? 0), MAX_ROW_HEIGHT);
}

/** What a cell shows, as text to measure (numbers and dates take one short line). */
export function shownText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/**
 * A sheet's row heights fitted to its text: the laid-out heights are minimums (room to type in), and a row
 * grows with its longest text. Columns that are hidden (the collapsed guideline text) are not measured.
 */
export function fitRowHeights(
  sheet: SheetLayout,
  styles: Record<StyleKey, CellStyle>,
): Record<number, number> {
  const spans = new Map<string, number>();
  for (const range of sheet.merges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m || m[2] !== m[4]) continue; // a merge over several rows shares its height: not measured
    spans.set(`${m[2]}:${columnIndex(m[1])}`, columnIndex(m[3]));
  }
  const widthOf = (row: number, col: number): number | undefined => {
    const last = spans.get(`${row}:${col}`) ?? col;
    let width = 0;
    for (let c = col; c <= last; c++) {
      const column = sheet.columns[c - 1];
      if (c === col && column?.hidden) return undefined;
      if (!column?.hidden) width += column?.width ?? 8.43;
    }
    return width;
  };
  const byRow = new Map<number, CellText[]>();
  for (const cell of sheet.cells) {
    const text = shownText(cell.formula !== undefined ? cell.result : cell.value);
    const width = text ? widthOf(cell.row, cell.col) : undefined;
    if (width === undefined) continue;
    const style = styles[cell.style];
    const cells = byRow.get(cell.row) ?? [];
    cells.push({ text, width, size: style.size ?? 11, wrap: style.wrap ?? false });
    byRow.set(cell.row, cells);
  }
  const heights: Record<number, number> = {};
  const rows = new Set([...byRow.keys(), ...Object.keys(sheet.rowHeights).map(Number)]);
  for (const row of rows) {
    const height = rowHeight(byRow.get(row) ?? [], sheet.rowHeights[row]);
    if (height !== undefined) heights[row] = height;
  }
  return heights;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
