import { ReportFileError } from "../../xlsx/errors";

/**
 * The browser's stand-in for src/xlsx/file.ts (swapped in by webpack.checker.js): a page has no file paths,
 * it is handed the bytes of the file the person chose. Reaching this is a defect, said as one.
 */
export function readWorkbookFile(file: string): Promise<Uint8Array> {
  return Promise.reject(
    new ReportFileError(
      "unreadable",
      { zh: "网页中不能按路径读取文件", en: "a page cannot read a file by its path" },
      file,
    ),
  );
}
