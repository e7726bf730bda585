import { ReportFileError } from "./errors";
import { ZipArchive } from "./zip";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** An OLE compound file holding "EncryptionInfo" is an encrypted OOXML workbook, not a legacy .xls. */
function isEncryptedOoxml(bytes: Uint8Array): boolean {
  const needle: number[] = [];
  for (const ch of "EncryptionInfo") needle.push(ch.charCodeAt(0), 0); // UTF-16LE, as CFB names are
  const limit = Math.min(bytes.length, 4 * 1024 * 1024) - needle.length;
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Says what a file is before anything is inflated, and opens its zip directory: the empty file, the
 * password-protected workbook, the legacy .xls, the OpenDocument spreadsheet and the renamed CSV each get
 * their own sentence.
 */
export function openContainer(bytes: Uint8Array): ZipArchive {
  if (bytes.length === 0) throw new ReportFileError("empty", { zh: "文件为空", en: "the file is empty" });
  if (startsWith(bytes, CFB_MAGIC)) {
    if (isEncryptedOoxml(bytes))
      throw new ReportFileError("encrypted", {
        zh: "文件设有打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx 再提交",
        en: "the file is password-protected (encrypted); remove the password in Excel and save it as .xlsx",
      });
    throw new ReportFileError("not-xlsx", {
      zh: "这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx",
      en: "this is a legacy Excel 97-2003 (.xls) file; save it as .xlsx in Excel",
    });
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    throw new ReportFileError("not-xlsx", {
      zh: "不是 .xlsx 文件（可能是 CSV、旧版 .xls 或改了扩展名的其他文件）",
      en: "not an .xlsx file (perhaps CSV, legacy .xls or a renamed file)",
    });
  const zip = new ZipArchive(bytes);
  const mimetype = zip.entry("mimetype");
  if (mimetype && mimetype.size < 200 && zip.text("mimetype").includes("opendocument"))
    throw new ReportFileError("opendocument", {
      zh: "这是 OpenDocument 表格（.ods），请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx",
      en: "this is an OpenDocument spreadsheet (.ods); save it as .xlsx in WPS, LibreOffice or Excel",
    });
  return zip;
}
