import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describeConformance } from "../helpers/conformance";
import { buildTaskpane, ROOT, TEST_OUTPUT } from "../e2e/support/build";
import { byName, descendants, loadedUrls, parseXml, type XmlElement } from "./manifest-xml";

const MANIFEST = join(ROOT, "manifest.xml");
const MANIFEST_SCHEMA = "OfficeAppManifestV1_1.xsd";
const DEV_ORIGIN = "https://localhost:3000/";
const PRODUCTION_ORIGIN = "https://addins.example.gov.cn/ip-report/";

const source = readFileSync(MANIFEST, "utf8");
const manifest = parseXml(source);
const officeApp = manifest.children[0];

function only(root: XmlElement, name: string): XmlElement {
  const found = byName(root, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

function xmllint(file: string, schemas: string): void {
  // A missing tool is a failure, never a skip: `npm test` installs it (scripts/ensure-tools.sh).
  if (spawnSync("xmllint", ["--version"]).status !== 0) {
    throw new Error("xmllint is missing: run npm test (it installs libxml2-utils)");
  }
  // Throws with xmllint's own message when the manifest breaks the schema.
  execFileSync("xmllint", ["--noout", "--schema", join(schemas, MANIFEST_SCHEMA), file], { stdio: "pipe" });
}

describeConformance(
  "manifest.xml against Microsoft's XSDs (offline, xmllint)",
  "office-addin-manifest",
  (schemas) => {
    it("validates", () => {
      expect(() => xmllint(MANIFEST, schemas)).not.toThrow();
    });
  },
);

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel workbooks", () => {
    expect(officeApp.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(byName(manifest, "Host").map((h) => h.attrs.Name ?? h.attrs["xsi:type"])).toEqual([
      "Workbook",
      "Workbook",
    ]);
  });

  it("asks for ReadWriteDocument and nothing more", () => {
    expect(only(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
  });

  it("needs ExcelApi 1.7 (Excel 2019 volume licence) and no newer set", () => {
    const sets = byName(only(manifest, "Requirements"), "Set");
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([["ExcelApi", "1.7"]]);
  });

  it("loads every URL over https from the add-in's own origin", () => {
    const urls = loadedUrls(manifest);
    // Two catalogue icons, the pane, six ribbon icons and two pane URLs.
    expect(urls).toHaveLength(11);
    for (const url of urls) expect(url.startsWith(DEV_ORIGIN)).toBe(true);
  });

  it("speaks Simplified Chinese by default and English through en-US overrides, everywhere", () => {
    expect(only(manifest, "DefaultLocale").text).toBe("zh-CN");
    const localized = [
      ...officeApp.children.filter((e) => e.name === "DisplayName" || e.name === "Description"),
      ...byName(only(manifest, "ShortStrings"), "String"),
      ...byName(only(manifest, "LongStrings"), "String"),
    ];
    expect(localized).toHaveLength(2 + 3 + 2);
    for (const element of localized) {
      expect(element.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      const overrides = element.children.filter((c) => c.name.endsWith("Override"));
      expect(overrides.map((o) => o.attrs.Locale)).toEqual(["en-US"]);
      expect(overrides[0].attrs.Value).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it("puts two buttons on the Home tab that open one pane: on its start, and on validation", () => {
    const tab = only(manifest, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const actions = byName(tab, "Action");
    expect(actions.map((a) => a.attrs["xsi:type"])).toEqual(["ShowTaskpane", "ShowTaskpane"]);
    expect(new Set(actions.map((a) => only(a, "TaskpaneId").text)).size).toBe(1);
    const urls = new Map(byName(manifest, "Url").map((u) => [u.attrs.id, u.attrs.DefaultValue]));
    expect(actions.map((a) => urls.get(only(a, "SourceLocation").attrs.resid))).toEqual([
      `${DEV_ORIGIN}taskpane.html`,
      `${DEV_ORIGIN}taskpane.html?command=validate`,
    ]);
  });

  it("refers only to resources it defines, and to icons that exist at their declared size", () => {
    const defined = new Set(
      descendants(only(manifest, "Resources"))
        .map((e) => e.attrs.id)
        .filter(Boolean),
    );
    const referenced = descendants(manifest).filter((e) => e.attrs.resid !== undefined);
    expect(referenced.length).toBeGreaterThanOrEqual(18);
    for (const e of referenced) expect(defined).toContain(e.attrs.resid);

    const images = new Map(
      byName(only(manifest, "Images"), "Image").map((i) => [i.attrs.id, i.attrs.DefaultValue]),
    );
    const icons = byName(only(manifest, "VersionOverrides"), "Image").filter((i) => i.attrs.resid);
    expect(icons.length).toBe(9);
    for (const icon of icons) {
      const url = images.get(icon.attrs.resid) ?? "";
      const png = readFileSync(join(ROOT, url.slice(DEV_ORIGIN.length)));
      const size = Number(icon.attrs.size);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe("the production build's manifest", () => {
  const out = join(TEST_OUTPUT, "manifest-build");
  let built = "";

  beforeAll(async () => {
    rmSync(out, { recursive: true, force: true });
    await buildTaskpane(out, PRODUCTION_ORIGIN);
    built = readFileSync(join(out, "manifest.xml"), "utf8");
  }, 180_000);

  it("has every localhost URL rewritten to ADDIN_ORIGIN", () => {
    expect(built).not.toContain("localhost");
    const urls = loadedUrls(parseXml(built));
    expect(urls).toHaveLength(loadedUrls(manifest).length);
    for (const url of urls) expect(url.startsWith(PRODUCTION_ORIGIN)).toBe(true);
    expect(urls).toContain(`${PRODUCTION_ORIGIN}taskpane.html?command=validate`);
  });

  it("ships the files its URLs name", () => {
    for (const url of loadedUrls(parseXml(built))) {
      const file = new URL(url).pathname.slice(new URL(PRODUCTION_ORIGIN).pathname.length);
      expect(existsSync(join(out, file))).toBe(true);
    }
  });

  describeConformance("against Microsoft's XSDs", "office-addin-manifest", (schemas) => {
    it("still validates", () => {
      expect(() => xmllint(join(out, "manifest.xml"), schemas)).not.toThrow();
    });
  });
});
