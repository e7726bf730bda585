import { parseRect, rectArea } from "../reader/cells";
import { openContainer } from "../reader/container";
import { ReportFileError } from "../reader/errors";
import { readWorkbookPackage } from "../reader/package";
import { splitRefs } from "../reader/workbook";
import type { ZipArchive } from "../reader/zip";

/**
 * What a workbook may hold before ExcelJS is allowed to load it (to annotate or refresh it). ExcelJS builds
 * an object per cell, and expands merged ranges, data validations and defined names cell by cell: one
 * `A1:XFD1048576` is 17 billion objects. A report is a few thousand cells; these leave room for a person's
 * own sheets beside it, and keep ExcelJS well under half a gigabyte.
 */
export const EXCELJS_LIMITS = {
  cells: 150_000,
  rows: 150_000,
  expandedCells: 150_000,
  inflatedBytes: 96 * 1024 * 1024,
};

type Expansion = "merge" | "validation" | "name";

const WHAT: Record<Expansion | "cells", { zh: string; en: string }> = {
  merge: { zh: "合并单元格区域", en: "merged ranges" },
  validation: { zh: "数据验证区域", en: "data validation ranges" },
  name: { zh: "定义名称指向的区域", en: "ranges of defined names" },
  cells: { zh: "单元格", en: "cells" },
};

function tooBig(what: Expansion | "cells", n: number): ReportFileError {
  const count = n.toLocaleString("en-US");
  return new ReportFileError("too-large", {
    zh: `工作簿的${WHAT[what].zh}共约 ${count} 个单元格，远超一份填报表，无法安全写回；请删去多余内容后再试（ip-report validate 仍可校验此文件）`,
    en: `the workbook's ${WHAT[what].en} cover about ${count} cells, far more than a report; it cannot be written back safely: remove the excess and try again (ip-report validate still checks it)`,
  });
}

const CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;
const ROW = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^>]*?ref="([^"]*)"/g;
const VALIDATION = /<(?:[A-Za-z_][\w.-]*:)?dataValidation\s[^>]*?sqref="([^"]*)"/g;

function areaOf(refs: string[]): number {
  let total = 0;
  for (const ref of refs) {
    const rect = parseRect(ref.replace(/^.*!/, "").trim());
    if (rect) total += rectArea(rect);
  }
  return total;
}

/**
 * Scans one worksheet part as it inflates (never holding it): counts its cells and rows and sums what its
 * merges and validations would expand to. Stops at the first limit passed.
 */
function surveySheet(zip: ZipArchive, part: string, totals: Record<Expansion | "cells" | "rows", number>) {
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  zip.inflate(part, (chunk) => {
    const text = carry + decoder.decode(chunk, { stream: true });
    // Tags cut at the slice's end are scanned again with the next slice.
    const cut = text.lastIndexOf("<");
    const whole = cut > text.length - 512 ? text.slice(0, cut) : text;
    carry = text.slice(whole.length);
    totals.cells += whole.match(CELL)?.length ?? 0;
    totals.rows += whole.match(ROW)?.length ?? 0;
    for (const m of whole.matchAll(MERGE)) totals.merge += areaOf([m[1]]);
    for (const m of whole.matchAll(VALIDATION)) totals.validation += areaOf(m[1].split(/\s+/));
    if (totals.cells > EXCELJS_LIMITS.cells) throw tooBig("cells", totals.cells);
    if (totals.rows > EXCELJS_LIMITS.rows) throw tooBig("cells", totals.rows);
    if (totals.merge > EXCELJS_LIMITS.expandedCells) throw tooBig("merge", totals.merge);
    if (totals.validation > EXCELJS_LIMITS.expandedCells) throw tooBig("validation", totals.validation);
  });
}

/**
 * Checks a package before ExcelJS sees it: every part inflated once, counting (a header that lies is caught
 * at its declared size), the total held to what ExcelJS can bear, and nothing in it that ExcelJS would
 * expand past its limits. Throws a ReportFileError with one sentence; otherwise the bytes are safe to load.
 */
export function surveyForExcelJS(bytes: Uint8Array): void {
  const zip = openContainer(bytes);
  const pkg = readWorkbookPackage(zip);
  const nameArea = pkg.names.reduce((sum, n) => sum + areaOf(splitRefs(n.formula)), 0);
  if (nameArea > EXCELJS_LIMITS.expandedCells) throw tooBig("name", nameArea);
  const sheets = new Set(pkg.sheets.map((s) => s.part?.toLowerCase()));
  const totals = { cells: 0, rows: 0, merge: 0, validation: 0, name: nameArea };
  let inflated = 0;
  for (const [key, entry] of zip.entries) {
    if (key.endsWith("/")) continue;
    inflated += entry.size;
    if (inflated > EXCELJS_LIMITS.inflatedBytes)
      throw new ReportFileError("too-large", {
        zh: `文件解压后超过 ${EXCELJS_LIMITS.inflatedBytes / 1024 / 1024} MB，无法安全写回（ip-report validate 仍可校验此文件）`,
        en: `the file inflates to over ${EXCELJS_LIMITS.inflatedBytes / 1024 / 1024} MB and cannot be written back safely (ip-report validate still checks it)`,
      });
    if (sheets.has(key)) surveySheet(zip, entry.name, totals);
    else zip.inflate(entry.name, () => undefined);
  }
}
