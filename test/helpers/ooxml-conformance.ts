import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import JSZip from "jszip";
import { requireTool } from "./tools";

/**
 * What Excel checks when it opens an .xlsx, as far as a schema and the packaging rules can say it: every XML part
 * valid against the ECMA-376 Transitional schemas (after dropping Markup Compatibility content as Excel does),
 * every relationship target present, every part with a content type and no content type for a missing part.
 * LibreOffice and openpyxl tolerate all of these silently; Excel offers to repair the file.
 *
 * Usable on any .xlsx (a template, an annotated copy, a roll-up workbook): `ooxmlProblems(file, schemaDir)` gives
 * one line per problem, [] for a conforming package. `schemaDir` is the `ooxml` folder of ../shared/schemas
 * (see its README); call it from a `describeConformance(..., "ooxml", dir => ...)` block.
 */

const NS = {
  sml: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  extended: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
  custom: "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
};

/** The schema that checks a part, chosen by its root element and that element's namespace (the schemas' README). */
function schemaFor(root: { name: string; ns: string | undefined }): string | undefined {
  if (root.ns === NS.sml) return "local/sml-with-ext.xsd";
  switch (root.name) {
    case "Types":
      return "ecma/fouth-edition/opc-contentTypes.xsd";
    case "Relationships":
      return "ecma/fouth-edition/opc-relationships.xsd";
    case "coreProperties":
      return "local/opc-coreProperties.xsd";
    case "Properties":
      if (root.ns === NS.extended) return "ISO-IEC29500-4_2016/shared-documentPropertiesExtended.xsd";
      if (root.ns === NS.custom) return "ISO-IEC29500-4_2016/shared-documentPropertiesCustom.xsd";
      return undefined;
    case "theme":
      return "ISO-IEC29500-4_2016/dml-main.xsd";
    case "xml":
      return "local/vml-wrapper.xsd";
    default:
      return undefined;
  }
}

const ROOT = /<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/;

function rootOf(xml: string): { name: string; ns: string | undefined; tag: string } | undefined {
  const body = xml.replace(/<\?[\s\S]*?\?>/g, "").replace(/<!--[\s\S]*?-->/g, "");
  const m = ROOT.exec(body);
  if (!m) return undefined;
  const prefix = m[1] ? m[1].slice(0, -1) : undefined;
  const decl = prefix ? `xmlns:${prefix}` : "xmlns";
  const ns = new RegExp(`\\s${decl}="([^"]*)"`).exec(m[3])?.[1];
  return { name: m[2], ns, tag: m[0] };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * What a consumer does under Markup Compatibility (ECMA-376 Part 3) before it reads a part: drops attributes and
 * elements of the namespaces its root lists as mc:Ignorable, and takes mc:Fallback out of each mc:AlternateContent
 * (a conforming reader that understands none of the Choices). Elements of an ignorable namespace are assumed not
 * to nest in themselves, true of every part Excel, LibreOffice, openpyxl or ExcelJS write.
 */
export function withoutIgnorable(xml: string): string {
  const root = rootOf(xml);
  if (!root) return xml;
  const mcPrefix = new RegExp(`\\sxmlns:([\\w.-]+)="${escapeRegExp(NS.mc)}"`).exec(root.tag)?.[1];
  if (!mcPrefix) return xml;
  const mc = escapeRegExp(mcPrefix);
  const ignorable = new RegExp(`\\s${mc}:Ignorable="([^"]*)"`).exec(root.tag)?.[1]?.split(/\s+/) ?? [];
  let out = xml.replace(
    new RegExp(`<${mc}:AlternateContent\\b[\\s\\S]*?</${mc}:AlternateContent>`, "g"),
    (block) => new RegExp(`<${mc}:Fallback\\b[^>]*>([\\s\\S]*?)</${mc}:Fallback>`).exec(block)?.[1] ?? "",
  );
  out = out.replace(new RegExp(`\\s${mc}:Ignorable="[^"]*"`), "");
  for (const prefix of ignorable.filter(Boolean)) {
    const p = escapeRegExp(prefix);
    out = out
      .replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*/>`, "g"), "")
      .replace(new RegExp(`<${p}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${p}:\\1>`, "g"), "")
      .replace(new RegExp(`\\s${p}:[\\w.-]+="[^"]*"`, "g"), "");
  }
  return out;
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

function decodeXmlAttr(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The part a .rels file describes: `xl/_rels/workbook.xml.rels` → `xl/workbook.xml`, `_rels/.rels` → the package. */
function sourceDirOf(relsPart: string): string {
  const dir = posix.dirname(posix.dirname(relsPart));
  return dir === "." ? "" : dir;
}

function relationshipProblems(parts: Map<string, string>): string[] {
  const problems: string[] = [];
  const names = new Set(parts.keys());
  for (const [part, xml] of parts) {
    if (!part.endsWith(".rels")) continue;
    for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
      if (attr(tag, "TargetMode") === "External") continue;
      const target = decodeXmlAttr(attr(tag, "Target") ?? "");
      const resolved = target.startsWith("/")
        ? target.slice(1)
        : posix.normalize(posix.join(sourceDirOf(part), target));
      if (!names.has(resolved)) {
        problems.push(
          `${part}: relationship ${attr(tag, "Id")} targets ${target}, which is not in the package`,
        );
      }
    }
  }
  return problems;
}

function contentTypeProblems(parts: Map<string, string>, binaries: string[]): string[] {
  const types = parts.get("[Content_Types].xml");
  if (types === undefined) return ["[Content_Types].xml is missing"];
  const defaults = new Set(
    (types.match(/<Default\b[^>]*>/g) ?? []).map((t) => (attr(t, "Extension") ?? "").toLowerCase()),
  );
  const overrides = (types.match(/<Override\b[^>]*>/g) ?? []).map((t) =>
    decodeXmlAttr(attr(t, "PartName") ?? "").replace(/^\//, ""),
  );
  const problems: string[] = [];
  const all = [...parts.keys(), ...binaries].filter((p) => p !== "[Content_Types].xml");
  const lower = new Set(all.map((p) => p.toLowerCase()));
  for (const name of overrides) {
    if (!lower.has(name.toLowerCase()))
      problems.push(`[Content_Types].xml: an override names /${name}, which is not in the package`);
  }
  const overridden = new Set(overrides.map((o) => o.toLowerCase()));
  for (const part of all) {
    // Not path.extname: for "_rels/.rels" it gives "", where OPC's extension is "rels".
    const ext = (/\.([^./]+)$/.exec(part)?.[1] ?? "").toLowerCase();
    if (!overridden.has(part.toLowerCase()) && !defaults.has(ext))
      problems.push(`${part}: no content type (neither an override nor a default for .${ext})`);
  }
  return problems;
}

/** Runs xmllint once per schema over all the parts it checks; one line per error. */
function schemaProblems(parts: Map<string, string>, schemaDir: string): string[] {
  const xmllint = requireTool("/usr/bin/xmllint", "libxml2-utils");
  const work = mkdtempSync(join(tmpdir(), "ooxml-"));
  const problems: string[] = [];
  try {
    const bySchema = new Map<string, string[]>();
    for (const [part, xml] of parts) {
      const root = rootOf(xml);
      const schema = root ? schemaFor(root) : undefined;
      if (!root || !schema) {
        problems.push(`${part}: no schema for root element ${root ? `${root.name} (${root.ns})` : "(none)"}`);
        continue;
      }
      const path = join(work, part);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, withoutIgnorable(xml));
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), part]);
    }
    for (const [schema, files] of bySchema) {
      const run = spawnSync(xmllint, ["--noout", "--schema", join(schemaDir, schema), ...files], {
        cwd: work,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.status === 0) continue;
      const lines = run.stderr
        .split("\n")
        .filter((l) => l && !/ validates$/.test(l) && !/ fails to validate$/.test(l));
      problems.push(...(lines.length ? lines : [`xmllint ${schema} exited ${run.status}`]));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return problems;
}

const XML_PART = /\.(xml|rels|vml)$/i;

/** Every conformance problem of an .xlsx package; [] when Excel would find nothing to repair that these rules see. */
export async function ooxmlProblems(file: string, schemaDir: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = new Map<string, string>();
  const binaries: string[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    if (XML_PART.test(name)) parts.set(name, Buffer.from(await entry.async("uint8array")).toString("utf8"));
    else binaries.push(name);
  }
  return [
    ...contentTypeProblems(parts, binaries),
    ...relationshipProblems(new Map([...parts, ...binaries.map((b) => [b, ""] as [string, string])])),
    ...schemaProblems(parts, schemaDir),
  ].map((p) => `${file.split("/").pop()}: ${p}`);
}
