import { rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ReportFileError } from "../xlsx/errors";

/** Writes next to the target and renames, so a failed write never leaves half a workbook. */
export async function writeFileAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(file), `.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code ?? "";
    throw new ReportFileError(
      "unwritable",
      { zh: `无法写入 ${file}（${code}）`, en: `cannot write ${file} (${code})` },
      file,
    );
  }
}
