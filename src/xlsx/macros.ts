/**
 * Macro-enabled workbooks (.xlsm). ExcelJS reads no VBA project and writes every package as an .xlsx, so a
 * report it rewrites would lose its macros, and one saved under an .xlsm name would carry the .xlsx content
 * type, which Excel refuses to open ("file format or extension is not valid"). The source's VBA parts are
 * read here from its bytes before ExcelJS sees them, and put back, byte for byte, into what ExcelJS wrote.
 */
import { openContainer } from "../reader/container";
import { readWorkbookPackage, resolvePart, SMALL_PART_BYTES } from "../reader/package";
import { parseXml, StopParsing, XmlStream } from "../reader/xml";
import type { ZipArchive } from "../reader/zip";

export const CONTENT_TYPE = {
  workbook: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  macroWorkbook: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  vbaProject: "application/vnd.ms-office.vbaProject",
};

export const VBA_PROJECT_RELATIONSHIP = "http://schemas.microsoft.com/office/2006/relationships/vbaProject";

/** What a macro-enabled source holds that ExcelJS drops, to be put back after ExcelJS writes. */
export interface MacroProject {
  /** The VBA project part (`xl/vbaProject.bin`). */
  project: string;
  /**
   * The project and every part its relationships reach (signatures, vbaData.xml), with their .rels, exactly as
   * the source stored them: a signed project stays signed, since the signature covers the project alone.
   */
  parts: Map<string, Uint8Array>;
  /** The content type of each part above except the .rels, as the source declared it. */
  contentTypes: Map<string, string>;
  /** VBA binds its document modules (ThisWorkbook, Sheet1...) by these; ExcelJS does not keep them. */
  workbookCodeName?: string;
  /** Sheet name → code name. */
  sheetCodeNames: Map<string, string>;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function relationshipsIn(xml: string, owner: string): Relationship[] {
  const rels: Relationship[] = [];
  parseXml(xml, {
    open(name, a) {
      if (name !== "Relationship" || !a.Target) return;
      const external = a.TargetMode === "External";
      rels.push({
        id: a.Id ?? "",
        type: a.Type ?? "",
        target: external ? a.Target : resolvePart(owner, a.Target),
        external,
      });
    },
  });
  return rels;
}

function readRelationships(zip: ZipArchive, owner: string): Relationship[] {
  const path = relsPathOf(owner);
  return zip.entry(path) ? relationshipsIn(zip.text(path, SMALL_PART_BYTES), owner) : [];
}

interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

function contentTypesIn(xml: string): ContentTypes {
  const types: ContentTypes = { defaults: new Map(), overrides: new Map() };
  parseXml(xml, {
    open(name, a) {
      if (name === "Default" && a.Extension && a.ContentType)
        types.defaults.set(a.Extension.toLowerCase(), a.ContentType);
      else if (name === "Override" && a.PartName && a.ContentType)
        types.overrides.set(a.PartName.replace(/^\//, ""), a.ContentType);
    },
  });
  return types;
}

function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
  return types.overrides.get(part) ?? types.defaults.get(ext);
}

/** Thrown from the inflation sink once a sheet's start has been read: the rest is never inflated. */
class EnoughRead {}

/** A worksheet's code name, from its <sheetPr>, reading no further than the start of its cells. */
function sheetCodeName(zip: ZipArchive, part: string): string | undefined {
  let codeName: string | undefined;
  const stream = new XmlStream({
    open(name, a) {
      if (name === "sheetPr") codeName = a.codeName;
      if (name === "sheetPr" || name === "dimension" || name === "sheetViews" || name === "sheetData")
        throw new StopParsing();
    },
  });
  const decoder = new TextDecoder("utf-8");
  try {
    zip.inflate(part, (chunk) => {
      if (!stream.write(decoder.decode(chunk, { stream: true }))) throw new EnoughRead();
    });
    stream.end();
  } catch (err) {
    if (!(err instanceof EnoughRead)) throw err;
  }
  return codeName;
}

/** The workbook part, as the package's root relationship names it. */
function workbookPartOf(zip: ZipArchive): string {
  return (
    readRelationships(zip, "").find((r) => r.type.endsWith("/officeDocument") && !r.external)?.target ??
    "xl/workbook.xml"
  );
}

/**
 * The VBA project of a workbook's bytes, or undefined when it has none (an .xlsx, or an .xlsm without
 * macros: nothing to keep). Reads only the package's small parts, under the reader's limits.
 */
export function macroProjectOf(bytes: Uint8Array): MacroProject | undefined {
  const zip = openContainer(bytes);
  const workbook = workbookPartOf(zip);
  const project = readRelationships(zip, workbook).find(
    (r) => r.type === VBA_PROJECT_RELATIONSHIP && !r.external && zip.entry(r.target),
  )?.target;
  if (!project) return undefined;
  const types = contentTypesIn(zip.text("[Content_Types].xml", SMALL_PART_BYTES));
  const parts = new Map<string, Uint8Array>();
  const contentTypes = new Map<string, string>();
  const pending = [project];
  while (pending.length > 0) {
    const part = pending.pop()!;
    if (parts.has(part) || !zip.entry(part)) continue;
    parts.set(part, zip.bytesOf(part));
    contentTypes.set(part, contentTypeOf(types, part) ?? CONTENT_TYPE.vbaProject);
    const rels = relsPathOf(part);
    if (!zip.entry(rels)) continue;
    parts.set(rels, zip.bytesOf(rels, SMALL_PART_BYTES));
    for (const r of readRelationships(zip, part)) if (!r.external) pending.push(r.target);
  }
  let workbookCodeName: string | undefined;
  parseXml(zip.text(workbook, SMALL_PART_BYTES), {
    open(name, a) {
      if (name === "workbookPr") {
        workbookCodeName = a.codeName;
        throw new StopParsing();
      }
      if (name === "sheets") throw new StopParsing();
    },
  });
  const sheetCodeNames = new Map<string, string>();
  for (const sheet of readWorkbookPackage(zip).sheets) {
    const codeName = sheet.part ? sheetCodeName(zip, sheet.part) : undefined;
    if (codeName) sheetCodeNames.set(sheet.name, codeName);
  }
  return { project, parts, contentTypes, workbookCodeName, sheetCodeNames };
}
