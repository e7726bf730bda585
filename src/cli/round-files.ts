import { readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { LocalizedText } from "../spec/schema";

export interface RoundFiles {
  /** Files to read, in a stable order. */
  files: string[];
  /** Files named but not read, each with why. */
  ignored: { file: string; reason: LocalizedText }[];
}

/** Excel leaves `~$name.xlsx`, WPS `.~name.xlsx` beside a workbook that is open: never a report. */
export function lockFileReason(file: string): LocalizedText | undefined {
  const name = basename(file);
  if (name.startsWith("~$"))
    return {
      zh: "Excel 的锁定文件（工作簿正被打开），已忽略",
      en: "an Excel lock file (the workbook is open), ignored",
    };
  if (name.startsWith(".~"))
    return {
      zh: "WPS 的锁定文件（工作簿正被打开），已忽略",
      en: "a WPS lock file (the workbook is open), ignored",
    };
  return undefined;
}

/**
 * The files of a round: each folder's .xlsx and .xlsm files (not its subfolders; a clerk may return a
 * macro-enabled copy), and files named one by one.
 * A file named explicitly is read whatever its extension: a report renamed by mistake is still said why.
 */
export async function roundFiles(inputs: string[]): Promise<RoundFiles> {
  const files: string[] = [];
  const ignored: RoundFiles["ignored"] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) {
      const names = (await readdir(input)).sort((a, b) => a.localeCompare(b, "zh"));
      for (const name of names) {
        const file = join(input, name);
        const entry = await stat(file).catch(() => undefined);
        if (!entry?.isFile()) continue;
        const lock = lockFileReason(file);
        if (lock) ignored.push({ file, reason: lock });
        else if ([".xlsx", ".xlsm"].includes(extname(name).toLowerCase())) files.push(file);
        else
          ignored.push({
            file,
            reason: {
              zh: "不是 .xlsx 文件（也不是 .xlsm），已忽略",
              en: "not an .xlsx file (nor .xlsm), ignored",
            },
          });
      }
    } else {
      const lock = lockFileReason(input);
      if (lock) ignored.push({ file: input, reason: lock });
      else files.push(input);
    }
  }
  return { files: [...new Set(files)], ignored };
}
