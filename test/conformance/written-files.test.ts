import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { runCli } from "../helpers/cli";
import { describeConformance } from "../helpers/conformance";
import { saveWithLibreOffice, saveWithOpenpyxl } from "../helpers/foreign-saves";
import { ooxmlProblems, withoutIgnorable } from "../helpers/ooxml-conformance";
import { tempDir } from "../helpers/tools";

/**
 * Every file a command writes is a package Excel opens without repairing: each XML part valid against the ECMA-376
 * Transitional schemas, every relationship target present, content types complete — for our own inputs and for
 * reports that LibreOffice or openpyxl saved on the way back.
 */

async function run(argv: string[]): Promise<void> {
  const { code, err } = await runCli(argv);
  // validate exits 1 when the report has errors: the sample has some on purpose.
  if (code > 1) throw new Error(`ip-report ${argv.join(" ")} exited ${code}: ${err}`);
}

async function rewritten(file: string, out: string, edit: (zip: JSZip) => Promise<void>): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  await edit(zip);
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
  return out;
}

describeConformance("every file written is a conforming OOXML package", "ooxml", (schemas) => {
  const dir = tempDir("conformance");
  const file = (name: string) => join(dir, name);
  const written: string[] = [];

  beforeAll(async () => {
    await run([
      "template",
      "--province",
      "江苏",
      "--profile",
      "ip-protection-center,tisc-host",
      "--out",
      file("template.xlsx"),
    ]);
    await run([
      "sample",
      "--province",
      "江苏",
      "--defects",
      "some",
      "--seed",
      "7",
      "--out",
      file("sample.xlsx"),
    ]);
    const inputs = {
      sample: file("sample.xlsx"),
      libreoffice: saveWithLibreOffice(file("sample.xlsx"), join(dir, "libreoffice")),
      openpyxl: saveWithOpenpyxl(file("sample.xlsx"), file("openpyxl.xlsx")),
    };
    written.push(file("template.xlsx"), file("sample.xlsx"));
    for (const [name, input] of Object.entries(inputs)) {
      await run(["validate", input, "--annotate", file(`${name}-annotated.xlsx`)]);
      await run(["refresh", input, "--out", file(`${name}-refreshed.xlsx`)]);
      // Annotating a refreshed copy and refreshing an annotated one: what a reviewer and a clerk do in turn.
      await run([
        "validate",
        file(`${name}-refreshed.xlsx`),
        "--annotate",
        file(`${name}-refreshed-annotated.xlsx`),
      ]);
      await run([
        "refresh",
        file(`${name}-annotated.xlsx`),
        "--out",
        file(`${name}-annotated-refreshed.xlsx`),
      ]);
      written.push(
        ...["annotated", "refreshed", "refreshed-annotated", "annotated-refreshed"].map((k) =>
          file(`${name}-${k}.xlsx`),
        ),
      );
    }
  }, 240_000);

  test("template, sample, annotated and refreshed copies, from our own, LibreOffice's and openpyxl's saves", async () => {
    expect(written).toHaveLength(14);
    const problems = (await Promise.all(written.map((f) => ooxmlProblems(f, schemas)))).flat();
    expect(problems).toEqual([]);
    // xmllint over some 300 parts: about 25 s alone, more on a shared machine.
  }, 240_000);

  describe("the check itself finds what makes Excel repair a file", () => {
    test("sheetPr children out of schema order (pageSetUpPr before outlinePr, as ExcelJS wrote after openpyxl)", async () => {
      const bad = await rewritten(file("template.xlsx"), file("bad-sheetpr.xlsx"), async (zip) => {
        const part = "xl/worksheets/sheet2.xml";
        const xml = await zip.file(part)!.async("string");
        zip.file(
          part,
          xml.replace(/<sheetPr>([\s\S]*?)<\/sheetPr>/, '<sheetPr>$1<outlinePr summaryBelow="1"/></sheetPr>'),
        );
      });
      expect((await ooxmlProblems(bad, schemas)).join("\n")).toMatch(/sheet2\.xml.*outlinePr.*not expected/);
    });

    test("a theme relationship and content type without the part (ExcelJS after a LibreOffice save)", async () => {
      const bad = await rewritten(file("template.xlsx"), file("bad-theme.xlsx"), async (zip) => {
        zip.remove("xl/theme/theme1.xml");
      });
      const problems = (await ooxmlProblems(bad, schemas)).join("\n");
      expect(problems).toMatch(/override names \/xl\/theme\/theme1\.xml, which is not in the package/);
      expect(problems).toMatch(/workbook\.xml\.rels: relationship \w+ targets theme\/theme1\.xml/);
    });

    test("a part with no content type", async () => {
      const bad = await rewritten(file("template.xlsx"), file("bad-type.xlsx"), async (zip) => {
        zip.file("xl/extra.bin", "x");
      });
      expect(await ooxmlProblems(bad, schemas)).toEqual([
        expect.stringMatching(/xl\/extra\.bin: no content type/),
      ]);
    });

    test("markup-compatibility content is dropped as Excel drops it, and only that", () => {
      const xml =
        '<worksheet xmlns="s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
        'xmlns:x14ac="a" mc:Ignorable="x14ac"><row r="1" x14ac:dyDescent="0.25"/><x14ac:thing>t</x14ac:thing></worksheet>';
      expect(withoutIgnorable(xml)).toBe(
        '<worksheet xmlns="s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="a"><row r="1"/></worksheet>',
      );
    });
  });
});
