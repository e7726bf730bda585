/**
 * Workbooks saved by LibreOffice (and WPS) spell xsd:boolean attributes `true`/`false`, which the schema allows;
 * ExcelJS 4.4.0 reads many of them as `=== "1"` only, so a LibreOffice save silently loses sheet protection
 * (`sheet="true"`), fit-to-page, centring and more when ExcelJS loads it for writing. exceljs-fixes.ts spells them
 * `1`/`0` as ExcelJS's parser hands each start tag to its readers.
 */

/**
 * Attributes whose value is text, not a boolean: a sheet, name or prompt may be called "true". Every other
 * attribute valued exactly true/false is an xsd:boolean in SpreadsheetML.
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

/** One start tag's attributes with every xsd:boolean spelled `1`/`0`; changed in place. */
export function normalizeBooleanAttributes(attributes: Record<string, string>): Record<string, string> {
  for (const [name, value] of Object.entries(attributes)) {
    if ((value === "true" || value === "false") && !TEXT_ATTRIBUTES.has(name))
      attributes[name] = value === "true" ? "1" : "0";
  }
  return attributes;
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
