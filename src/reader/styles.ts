import { SMALL_PART_BYTES } from "./package";
import { parseXml } from "./xml";
import type { ZipArchive } from "./zip";

/** Built-in number formats that show a date or time (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A format code shows a date when, outside quoted text and [..] sections, it has a date or time letter. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

/** The cell style indexes (`s="n"`) whose number format is a date: their numbers are dates. */
export function readDateStyles(zip: ZipArchive, part: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (!part) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  parseXml(zip.text(part, SMALL_PART_BYTES), {
    open(tag, a) {
      if (tag === "numFmt") custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (tag === "cellXfs") inCellXfs = true;
      else if (tag === "xf" && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        if (id && (code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id))) dates.add(index);
        index++;
      }
    },
    close(tag) {
      if (tag === "cellXfs") inCellXfs = false;
    },
  });
  return dates;
}
