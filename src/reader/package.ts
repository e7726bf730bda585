import { ReportFileError } from "./errors";
import { parseXml } from "./xml";
import type { ZipArchive } from "./zip";

/** Small parts (workbook, relationships, styles) are read whole, under this cap. */
export const SMALL_PART_BYTES = 16 * 1024 * 1024;

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** The worksheet part in the zip; undefined for a chart sheet or a dangling relationship. */
  part: string | undefined;
}

export interface DefinedNameEntry {
  name: string;
  /** The formula text, e.g. `'任务指标'!$D$5`. */
  formula: string;
  /** The index of the sheet the name is scoped to, when it is not global. */
  localSheetId?: number;
}

/** What workbook.xml and its relationships say: sheets in tab order, names, the date system, the parts. */
export interface WorkbookPackage {
  sheets: SheetEntry[];
  names: DefinedNameEntry[];
  date1904: boolean;
  sharedStrings: string | undefined;
  styles: string | undefined;
}

/** OOXML booleans: Excel writes 1/0, LibreOffice true/false. */
export function xmlTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** Resolves a relationship target against the part that owns it (absolute `/xl/...` or relative). */
export function resolvePart(owner: string, target: string): string {
  const parts = target.startsWith("/") ? [] : owner.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

function readRels(zip: ZipArchive, owner: string): Relationship[] {
  const path = relsPathOf(owner);
  if (!zip.entry(path)) return [];
  const rels: Relationship[] = [];
  parseXml(zip.text(path, SMALL_PART_BYTES), {
    open(name, a) {
      if (name === "Relationship" && a.TargetMode !== "External" && a.Target)
        rels.push({ id: a.Id ?? "", type: a.Type ?? "", target: resolvePart(owner, a.Target) });
    },
  });
  return rels;
}

function notAWorkbook(): ReportFileError {
  return new ReportFileError("not-xlsx", {
    zh: "不是 .xlsx 工作簿（压缩包里没有工作簿部件）",
    en: "not an .xlsx workbook (the package holds no workbook part)",
  });
}

/** The relationship id attribute, whatever prefix the writer gave the namespace (`r:id`, `ns1:id`). */
function relId(a: Record<string, string>): string | undefined {
  for (const key of Object.keys(a)) if (key === "id" || key.endsWith(":id")) return a[key];
  return undefined;
}

/** Reads the workbook's skeleton; nothing of any worksheet is inflated. */
export function readWorkbookPackage(zip: ZipArchive): WorkbookPackage {
  const root = readRels(zip, "");
  const office = root.find((r) => r.type.endsWith("/officeDocument"));
  const workbookPart = office?.target ?? "xl/workbook.xml";
  if (!zip.entry(workbookPart)) throw notAWorkbook();
  const rels = new Map(readRels(zip, workbookPart).map((r) => [r.id, r]));
  const pkg: WorkbookPackage = {
    sheets: [],
    names: [],
    date1904: false,
    sharedStrings: undefined,
    styles: undefined,
  };
  let name: DefinedNameEntry | undefined;
  parseXml(zip.text(workbookPart, SMALL_PART_BYTES), {
    open(tag, a) {
      if (tag === "workbookPr") pkg.date1904 = xmlTrue(a.date1904);
      else if (tag === "sheet") {
        const rel = rels.get(relId(a) ?? "");
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        const part = rel && rel.type.endsWith("/worksheet") && zip.entry(rel.target) ? rel.target : undefined;
        pkg.sheets.push({ name: a.name ?? "", state, part });
      } else if (tag === "definedName") {
        name = { name: a.name ?? "", formula: "" };
        if (a.localSheetId !== undefined) name.localSheetId = Number(a.localSheetId);
      }
    },
    text(text) {
      if (name) name.formula += text;
    },
    close(tag) {
      if (tag === "definedName" && name) {
        pkg.names.push(name);
        name = undefined;
      }
    },
  });
  for (const rel of rels.values()) {
    if (!zip.entry(rel.target)) continue;
    if (rel.type.endsWith("/sharedStrings")) pkg.sharedStrings = rel.target;
    else if (rel.type.endsWith("/styles")) pkg.styles = rel.target;
  }
  return pkg;
}
