import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, posix } from "node:path";
import JSZip from "jszip";
import { describeConformance } from "../helpers/conformance";
import { runCli } from "../helpers/cli";
import { requireTool, tempDir } from "../helpers/tools";

/** The schema for a part, chosen by its root element as the schemas' README says. */
function schemaFor(root: string, schemas: string): string | undefined {
  if (["worksheet", "workbook", "styleSheet", "sst", "comments"].includes(root))
    return join(schemas, "local", "sml-with-ext.xsd");
  if (root === "Types") return join(schemas, "ecma", "fouth-edition", "opc-contentTypes.xsd");
  if (root === "Relationships") return join(schemas, "ecma", "fouth-edition", "opc-relationships.xsd");
  if (root === "coreProperties") return join(schemas, "local", "opc-coreProperties.xsd");
  if (root === "Properties")
    return join(schemas, "ISO-IEC29500-4_2016", "shared-documentPropertiesExtended.xsd");
  if (root === "theme") return join(schemas, "ISO-IEC29500-4_2016", "dml-main.xsd");
  return undefined;
}

/** Does what Excel does with Markup Compatibility before checking: drops what mc:Ignorable lists. */
function withoutIgnorable(xml: string): string {
  const ignorable = /mc:Ignorable="([^"]*)"/.exec(xml)?.[1]?.split(/\s+/).filter(Boolean) ?? [];
  let out = xml.replace(/\smc:Ignorable="[^"]*"/, "");
  for (const prefix of ignorable) {
    out = out.replace(new RegExp(`\\s${prefix}:[A-Za-z]+="[^"]*"`, "g"), "");
    out = out.replace(new RegExp(`<${prefix}:[^>]*/>`, "g"), "");
  }
  return out;
}

describeConformance("汇总.xlsx is a conformant package", "ooxml", (schemas) => {
  const dir = tempDir("summary-conformance");
  let parts: { name: string; xml: string }[] = [];
  let zip: JSZip;

  beforeAll(async () => {
    const inbox = join(dir, "inbox");
    mkdirSync(inbox, { recursive: true });
    for (const p of ["江苏", "浙江"]) {
      await runCli(["sample", "--province", p, "--defects", "some", "--out", join(inbox, `${p}.xlsx`)]);
    }
    await runCli(["consolidate", inbox, "--out-dir", join(dir, "out"), "--json"]);
    zip = await JSZip.loadAsync(readFileSync(join(dir, "out", "汇总.xlsx")));
    parts = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /\.(xml|rels)$/.test(n))
        .map(async (name) => ({ name, xml: await zip.file(name)!.async("string") })),
    );
  }, 120_000);

  test("every XML part validates against the ECMA-376 schemas (xmllint)", () => {
    const xmllint = requireTool("/usr/bin/xmllint", "libxml2-utils");
    expect(parts.length).toBeGreaterThan(10);
    const failures: string[] = [];
    for (const part of parts) {
      const root = /<(?:\w+:)?(\w+)[\s>]/.exec(part.xml.replace(/<\?xml[^>]*\?>/, ""))?.[1] ?? "";
      const schema = schemaFor(root, schemas);
      if (!schema) continue;
      const file = join(dir, part.name.replace(/[/[\]]/g, "_"));
      writeFileSync(file, withoutIgnorable(part.xml));
      try {
        execFileSync(xmllint, ["--noout", "--schema", schema, file], { stdio: "pipe" });
      } catch (err) {
        failures.push(`${part.name}: ${String((err as { stderr?: Buffer }).stderr ?? err).slice(0, 400)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("every internal relationship target exists and has a content type", () => {
    const types = parts.find((p) => p.name === "[Content_Types].xml")!.xml;
    const missing: string[] = [];
    for (const rels of parts.filter((p) => p.name.endsWith(".rels"))) {
      const base = rels.name.replace(/(^|\/)_rels\/[^/]*\.rels$/, "$1");
      for (const m of rels.xml.matchAll(/<Relationship [^>]*Target="([^"]+)"[^>]*\/>/g)) {
        if (/TargetMode="External"/.test(m[0])) continue;
        const target = m[1].startsWith("/") ? m[1].slice(1) : posix.join(base, m[1]);
        if (!zip.file(target)) missing.push(`${rels.name} → ${target}`);
        const ext = target.split(".").pop();
        if (!types.includes(`PartName="/${target}"`) && !types.includes(`Extension="${ext}"`))
          missing.push(`no content type for ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
