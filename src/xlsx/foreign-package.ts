import JSZip from "jszip";

/**
 * Workbooks saved by LibreOffice (and WPS) spell xsd:boolean attributes `true`/`false`, which the schema allows;
 * ExcelJS 4.4.0 reads many of them as `=== "1"` only, so a LibreOffice save silently loses sheet protection
 * (`sheet="true"`), fit-to-page, centring and more when ExcelJS loads it for writing. Spelling them `1`/`0`
 * before ExcelJS sees the package keeps what the other program wrote.
 */

/** The parts whose attributes ExcelJS reads back into what it writes. */
const SPREADSHEET_PART = /^xl\/(workbook\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;

/**
 * Attributes of those parts whose value is text, not a boolean: a sheet, name or prompt may be called "true".
 * Every other attribute valued exactly true/false is an xsd:boolean in SpreadsheetML.
 */
const TEXT_ATTRIBUTES = new Set([
  "name",
  "ref",
  "sqref",
  "r",
  "display",
  "location",
  "tooltip",
  "prompt",
  "promptTitle",
  "error",
  "errorTitle",
  "formatCode",
  "codeName",
  "uri",
  "id",
  "r:id",
  "text",
  "comment",
  "description",
  "help",
  "statusBar",
  "customMenu",
]);

const START_TAG = /<[A-Za-z][^<>]*>/g;
const BOOLEAN_ATTRIBUTE = /(\s)([A-Za-z_][\w.:-]*)="(true|false)"/g;

/** One XML part with every xsd:boolean attribute spelled `1`/`0`; text content is never touched. */
export function normalizeBooleanAttributes(xml: string): string {
  return xml.replace(START_TAG, (tag) =>
    tag.replace(BOOLEAN_ATTRIBUTE, (whole, space: string, name: string, value: string) =>
      TEXT_ATTRIBUTES.has(name) ? whole : `${space}${name}="${value === "true" ? "1" : "0"}"`,
    ),
  );
}

const SPELLED_BOOLEAN = /="(true|false)"/;

/**
 * The package with its booleans spelled as ExcelJS reads them; the same bytes when nothing needs it (a file
 * Excel or this tool wrote), so only a foreign save pays for the rewrite.
 */
export async function normalizeForeignPackage(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const name of Object.keys(zip.files)) {
    if (!SPREADSHEET_PART.test(name)) continue;
    const file = zip.file(name);
    if (!file) continue;
    // Bytes both ways: JSZip's own string coding splits surrogate pairs at 16 KiB (see exceljs-fixes.ts).
    const xml = Buffer.from(await file.async("uint8array")).toString("utf8");
    if (!SPELLED_BOOLEAN.test(xml)) continue;
    zip.file(name, Buffer.from(normalizeBooleanAttributes(xml), "utf8"));
    changed = true;
  }
  if (!changed) return bytes;
  // Stored, not deflated: the bytes go straight to ExcelJS in memory.
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}

interface WorkbookThemes {
  _themes?: Record<string, string>;
}

/**
 * LibreOffice writes no theme part. ExcelJS then keeps an empty theme list and writes the theme relationship
 * and content-type override without the part (exceljs #425), which Excel repairs ("Removed Records: Document
 * Theme"). An empty list is made absent, so ExcelJS writes its default theme with its references.
 */
export function completeThemes(wb: object): void {
  const book = wb as WorkbookThemes;
  if (book._themes && Object.keys(book._themes).length === 0) book._themes = undefined;
}
