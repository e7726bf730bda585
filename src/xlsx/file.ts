import { readFile, stat } from "node:fs/promises";
import { ReportFileError } from "./errors";

/** No returned workbook is near this size; a bigger file is refused before a byte of it is read. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

function errno(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? "";
}

/**
 * Reads a workbook file's bytes, after asking what it is: a device (/dev/zero), a FIFO with no writer, a
 * socket or a directory is refused at once, never read; so is a file too big to be a report.
 */
export async function readWorkbookFile(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile())
      throw new ReportFileError(
        "not-a-file",
        s.isDirectory()
          ? { zh: "这是一个文件夹，不是工作簿文件", en: "this is a folder, not a workbook file" }
          : {
              zh: "不是普通文件（设备、管道或套接字），拒绝读取",
              en: "not a regular file (a device, pipe or socket); refused",
            },
        file,
      );
    size = s.size;
  } catch (err) {
    if (err instanceof ReportFileError) throw err;
    if (errno(err) === "ENOENT")
      throw new ReportFileError("not-found", { zh: "文件不存在", en: "file not found" }, file);
    throw unreadable(file, err);
  }
  if (size > MAX_FILE_BYTES)
    throw new ReportFileError(
      "too-large",
      {
        zh: `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，远超一份填报表，拒绝打开`,
        en: `the file is over ${MAX_FILE_BYTES / 1024 / 1024} MB, far more than a report; refused`,
      },
      file,
    );
  try {
    return await readFile(file);
  } catch (err) {
    throw unreadable(file, err);
  }
}

function unreadable(file: string, err: unknown): ReportFileError {
  const code = errno(err);
  const detail =
    code === "EACCES" || code === "EPERM"
      ? { zh: "没有读取该文件的权限", en: "no permission to read the file" }
      : code === "ELOOP"
        ? { zh: "符号链接形成循环，无法打开", en: "the symbolic links loop; cannot open" }
        : {
            zh: `无法读取文件（${code || "未知原因"}）`,
            en: `cannot read the file (${code || "unknown cause"})`,
          };
  return new ReportFileError("unreadable", detail, file);
}
