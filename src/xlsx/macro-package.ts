/**
 * Turns the .xlsx package ExcelJS wrote into a macro-enabled one (.xlsm): the workbook part's content type
 * switched, and the source's VBA project put back as it was read (macros.ts). A .xlsm without a VBA project
 * is valid — Excel itself saves one when a macro-enabled workbook has no macros — but an .xlsx content type
 * under an .xlsm name is not: Excel refuses to open it.
 */
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from "fflate";
import { resolvePart } from "../reader/package";
import { parseXml } from "../reader/xml";
import { CONTENT_TYPE, relsPathOf, VBA_PROJECT_RELATIONSHIP, type MacroProject } from "./macros";

const CONTENT_TYPES = "[Content_Types].xml";

function escapeAttr(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/>/g, "&gt;");
}

function attrOf(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** Relationship targets as ExcelJS wrote them: resolved against their owner, by id. */
function relationshipsOf(files: Record<string, Uint8Array>, owner: string): Map<string, string> {
  const rels = new Map<string, string>();
  const path = relsPathOf(owner);
  if (!files[path]) return rels;
  parseXml(strFromU8(files[path]), {
    open(name, a) {
      if (name === "Relationship" && a.Id && a.Target && a.TargetMode !== "External")
        rels.set(a.Id, resolvePart(owner, a.Target));
    },
  });
  return rels;
}

/** The target of a relationship from `owner` to `part`: relative when below the owner's folder. */
function targetFrom(owner: string, part: string): string {
  const dir = owner.slice(0, owner.lastIndexOf("/") + 1);
  return dir && part.startsWith(dir) ? part.slice(dir.length) : `/${part}`;
}

function withContentTypes(xml: string, workbook: string, added: Map<string, string>): string {
  let out = xml.replace(/<Override\b[^>]*>/g, (tag) =>
    attrOf(tag, "PartName") === `/${workbook}`
      ? tag.replace(/\sContentType="[^"]*"/, ` ContentType="${CONTENT_TYPE.macroWorkbook}"`)
      : tag,
  );
  const defaults = new Map<string, string>();
  for (const tag of out.match(/<Default\b[^>]*>/g) ?? [])
    defaults.set((attrOf(tag, "Extension") ?? "").toLowerCase(), attrOf(tag, "ContentType") ?? "");
  const declared: string[] = [];
  if ([...added.keys()].some((p) => p.toLowerCase().endsWith(".bin")) && !defaults.has("bin")) {
    defaults.set("bin", CONTENT_TYPE.vbaProject);
    declared.push(`<Default Extension="bin" ContentType="${CONTENT_TYPE.vbaProject}"/>`);
  }
  for (const [part, type] of added) {
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    if (defaults.get(ext) !== type)
      declared.push(`<Override PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(type)}"/>`);
  }
  out = out.replace(/<\/Types>\s*$/, `${declared.join("")}</Types>`);
  return out;
}

function withRelationship(xml: string, target: string): string {
  const ids = new Set((xml.match(/\sId="[^"]*"/g) ?? []).map((m) => m.slice(5, -1)));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const rel = `<Relationship Id="rId${n}" Type="${VBA_PROJECT_RELATIONSHIP}" Target="${escapeAttr(target)}"/>`;
  return xml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`);
}

/** Gives `element` (the first one of its name) a codeName, unless it has one. */
function withCodeName(xml: string, element: string, codeName: string, insertAfter: RegExp): string {
  const at = new RegExp(`<${element}\\b[^>]*>`).exec(xml);
  if (at) {
    if (attrOf(at[0], "codeName") !== undefined) return xml;
    const tag = at[0].replace(`<${element}`, `<${element} codeName="${escapeAttr(codeName)}"`);
    return xml.slice(0, at.index) + tag + xml.slice(at.index + at[0].length);
  }
  const after = insertAfter.exec(xml);
  if (!after) return xml;
  const end = after.index + after[0].length;
  return `${xml.slice(0, end)}<${element} codeName="${escapeAttr(codeName)}"/>${xml.slice(end)}`;
}

/** The code names back on the workbook and on each sheet still called as in the source. */
function restoreCodeNames(files: Record<string, Uint8Array>, workbook: string, macros: MacroProject): void {
  let xml = strFromU8(files[workbook]);
  if (macros.workbookCodeName)
    xml = withCodeName(xml, "workbookPr", macros.workbookCodeName, /<(fileVersion|fileSharing)\b[^>]*\/>/);
  files[workbook] = strToU8(xml);
  const rels = relationshipsOf(files, workbook);
  const sheets: { name: string; id: string }[] = [];
  parseXml(xml, {
    open(name, a) {
      const id = Object.entries(a).find(([key]) => key === "id" || key.endsWith(":id"))?.[1];
      if (name === "sheet" && a.name !== undefined && id) sheets.push({ name: a.name, id });
    },
  });
  for (const sheet of sheets) {
    const codeName = macros.sheetCodeNames.get(sheet.name);
    const part = rels.get(sheet.id);
    if (!codeName || !part || !files[part]) continue;
    // <sheetPr> is a worksheet's first child (CT_Worksheet).
    files[part] = strToU8(withCodeName(strFromU8(files[part]), "sheetPr", codeName, /<worksheet\b[^>]*>/));
  }
}

/** The workbook part of a package ExcelJS wrote. */
function workbookPartOf(files: Record<string, Uint8Array>): string {
  let part = "xl/workbook.xml";
  if (files["_rels/.rels"])
    parseXml(strFromU8(files["_rels/.rels"]), {
      open(name, a) {
        if (name === "Relationship" && a.Type?.endsWith("/officeDocument") && a.Target)
          part = resolvePart("", a.Target);
      },
    });
  return part;
}

/**
 * The macro-enabled package for `bytes` (an .xlsx ExcelJS wrote): with the source's VBA project, its
 * relationship, content types and code names when there is one; else only the macro-enabled content type.
 */
export function asMacroEnabled(bytes: Uint8Array, macros?: MacroProject): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  const workbook = workbookPartOf(files);
  const added = new Map<string, string>();
  if (macros) {
    for (const [part, data] of macros.parts) {
      if (files[part]) continue;
      files[part] = data;
      const type = macros.contentTypes.get(part);
      if (type) added.set(part, type);
    }
    const rels = relsPathOf(workbook);
    files[rels] = strToU8(withRelationship(strFromU8(files[rels]), targetFrom(workbook, macros.project)));
    restoreCodeNames(files, workbook, macros);
  }
  files[CONTENT_TYPES] = strToU8(withContentTypes(strFromU8(files[CONTENT_TYPES]), workbook, added));
  // [Content_Types].xml first, as every writer puts it; the rest in ExcelJS's order, the project after.
  const ordered: Zippable = { [CONTENT_TYPES]: files[CONTENT_TYPES] };
  for (const [name, data] of Object.entries(files)) if (name !== CONTENT_TYPES) ordered[name] = data;
  return zipSync(ordered, { level: 6 });
}
