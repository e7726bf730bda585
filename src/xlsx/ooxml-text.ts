/**
 * Strings in an .xlsx go through XML, which turns "\r\n" into "\n" and cannot hold most control characters.
 * OOXML escapes them (and DEL, which ExcelJS silently drops) as _xHHHH_, and a literal "_xHHHH_" as
 * "_x005F_xHHHH_"; Excel and ExcelJS decode that on reading, but ExcelJS does not encode on writing. Without
 * this a "\r" typed in Excel would be lost on the way through, and a narrative mentioning "_x0041_" would come
 * back as "A".
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_XML = /[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

export function encodeOoxmlText(text: string): string {
  return text
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(UNSAFE_IN_XML, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}
