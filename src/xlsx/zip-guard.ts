import type { LocalizedText } from "../spec/schema";

/** Limits on what a returned workbook may inflate to before ExcelJS is allowed to load it. */
export const ZIP_LIMITS = { maxEntries: 2_000, maxTotalUncompressed: 200 * 1024 * 1024, maxRatio: 200 };

export type ZipVerdict =
  | { ok: true }
  | { ok: false; problem: "empty" | "not-xlsx" | "corrupt" | "too-large"; detail: LocalizedText };

/** Reads the zip's central directory (not its data) and checks what ExcelJS would be asked to inflate. */
export function checkXlsxContainer(bytes: Uint8Array): ZipVerdict {
  if (bytes.length === 0)
    return { ok: false, problem: "empty", detail: { zh: "文件为空", en: "the file is empty" } };
  const isZip =
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (!isZip) {
    return {
      ok: false,
      problem: "not-xlsx",
      detail: {
        zh: "不是 .xlsx 文件（可能是 CSV、旧版 .xls 或改了扩展名的其他文件）",
        en: "not an .xlsx file (perhaps CSV, legacy .xls or a renamed file)",
      },
    };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  const corrupt: ZipVerdict = {
    ok: false,
    problem: "corrupt",
    detail: {
      zh: "文件已损坏或不完整（压缩包目录缺失）",
      en: "the file is damaged or truncated (zip directory missing)",
    },
  };
  if (eocd < 0) return corrupt;
  const entries = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (dirOffset + dirSize > bytes.length || entries > ZIP_LIMITS.maxEntries) return corrupt;
  let total = 0;
  let p = dirOffset;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return corrupt;
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (localOffset + compressed > bytes.length) return corrupt;
    total += size;
    if (size > 1024 * 1024 && compressed > 0 && size / compressed > ZIP_LIMITS.maxRatio) {
      return {
        ok: false,
        problem: "too-large",
        detail: {
          zh: "文件解压后异常巨大，拒绝打开",
          en: "the file inflates to an implausible size; refused",
        },
      };
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (total > ZIP_LIMITS.maxTotalUncompressed) {
    return {
      ok: false,
      problem: "too-large",
      detail: { zh: "文件解压后超过 200 MB，拒绝打开", en: "the file inflates to over 200 MB; refused" },
    };
  }
  return { ok: true };
}
