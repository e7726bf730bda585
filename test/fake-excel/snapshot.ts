import { columnName, formatArea, keyToA1 } from "./address";
import { nameFormula } from "./names";
import {
  DEFAULT_COLUMN_WIDTH,
  defaultCell,
  liveSheets,
  type CellModel,
  type PrintModel,
  type StoredValue,
  type ValidationModel,
  type WorkbookModel,
} from "./model";

/** A plain picture of the fake workbook, for tests to compare with what the ExcelJS adapter writes. */
export interface CellSnapshot {
  value: StoredValue;
  formula?: string;
  numberFormat: string;
  quotePrefix: boolean;
  fill: string | null;
  font: CellModel["font"];
  horizontal: string;
  vertical: string;
  wrap: boolean;
  locked: boolean;
  /** Sides with a visible line: style and colour, e.g. "Continuous #BFBFBF". */
  borders: { top?: string; bottom?: string; left?: string; right?: string };
}

export interface ConditionalFormatSnapshot {
  ref: string;
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  origin: "api" | "user";
}

export interface SheetSnapshot {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  position: number;
  active: boolean;
  tabColor: string;
  protection: { protected: boolean; options: Excel.WorksheetProtectionOptions };
  freeze?: { rows: number; cols: number };
  print?: PrintModel;
  /** Columns with anything set, by letter: width in points. */
  columns: Record<string, { width: number; hidden: boolean; outlineLevel: number }>;
  /** 1-based row number to height in points. */
  rowHeights: Record<number, number>;
  merges: string[];
  /** Only cells that differ from a new sheet's. */
  cells: Record<string, CellSnapshot>;
  validations: Record<string, ValidationModel>;
  /** Highest priority first. */
  conditionalFormats: ConditionalFormatSnapshot[];
  notes: Record<string, { content: string; author: string }>;
  comments: Record<string, { content: string; author: string }>;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: { name: string; formula: string }[];
  selection?: { sheet: string; address: string };
}

const PLAIN = JSON.stringify(defaultCell());

function cellSnapshot(cell: CellModel): CellSnapshot {
  const side = (key: keyof CellModel["borders"]) => {
    const b = cell.borders[key];
    return b && b.style !== "None" ? `${b.style} ${b.color}` : undefined;
  };
  const borders: CellSnapshot["borders"] = {};
  const sides = {
    top: side("EdgeTop"),
    bottom: side("EdgeBottom"),
    left: side("EdgeLeft"),
    right: side("EdgeRight"),
  };
  for (const [k, v] of Object.entries(sides)) if (v) borders[k as keyof typeof sides] = v;
  return {
    value: cell.value,
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
    numberFormat: cell.numberFormat,
    quotePrefix: cell.quotePrefix,
    fill: cell.fill,
    font: { ...cell.font },
    horizontal: cell.horizontal,
    vertical: cell.vertical,
    wrap: cell.wrap,
    locked: cell.locked,
    borders,
  };
}

export function snapshotOf(model: WorkbookModel): WorkbookSnapshot {
  const sheets = liveSheets(model);
  const byId = new Map(sheets.map((s) => [s.id, s]));
  return {
    sheets: sheets.map((s, position) => {
      const columns: SheetSnapshot["columns"] = {};
      const touched = new Set([...s.columnWidths.keys(), ...s.hiddenColumns, ...s.columnOutline.keys()]);
      for (const c of [...touched].sort((a, b) => a - b)) {
        columns[columnName(c)] = {
          width: s.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH,
          hidden: s.hiddenColumns.has(c),
          outlineLevel: s.columnOutline.get(c) ?? 0,
        };
      }
      const cells: SheetSnapshot["cells"] = {};
      for (const [key, cell] of s.cells)
        if (JSON.stringify(cell) !== PLAIN) cells[keyToA1(key)] = cellSnapshot(cell);
      return {
        name: s.name,
        visibility: s.visibility,
        position,
        active: model.activeSheetId === s.id,
        tabColor: s.tabColor,
        protection: { protected: s.protection.protected, options: { ...s.protection.options } },
        ...(s.freeze ? { freeze: { ...s.freeze } } : {}),
        ...(s.print ? { print: { ...s.print } } : {}),
        columns,
        rowHeights: Object.fromEntries([...s.rowHeights].map(([r, h]) => [r + 1, h])),
        merges: s.merges.map((m) => formatArea(m)),
        cells,
        validations: Object.fromEntries(
          [...s.validations].map(([key, v]) => [keyToA1(key), structuredClone(v)]),
        ),
        conditionalFormats: s.conditionalFormats.map((cf) => ({
          ref: formatArea(cf.area),
          type: cf.type,
          ...(cf.formula !== undefined ? { formula: cf.formula } : {}),
          ...(cf.fill !== undefined ? { fill: cf.fill } : {}),
          ...(cf.fontColor !== undefined ? { fontColor: cf.fontColor } : {}),
          origin: cf.origin,
        })),
        notes: Object.fromEntries([...s.notes].map(([key, n]) => [keyToA1(key), { ...n }])),
        comments: Object.fromEntries(
          [...s.comments].map(([key, n]) => [keyToA1(key), { content: n.content, author: n.author }]),
        ),
      };
    }),
    names: model.names.map((n) => ({ name: n.name, formula: nameFormula(n) })),
    ...(model.selection && byId.get(model.selection.sheetId)
      ? {
          selection: {
            sheet: byId.get(model.selection.sheetId)!.name,
            address: formatArea(model.selection.area),
          },
        }
      : {}),
  };
}
