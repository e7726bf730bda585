import { constants } from "node:fs";
import {
  access,
  chmod,
  lstat,
  mkdir,
  readdir,
  realpath,
  rename,
  stat,
  unlink,
  writeFile,
} from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { LocalizedText } from "../spec/schema";
import { ReportFileError } from "../xlsx/errors";

/** Why a write failed, in words (never the system's English message). */
export function writeProblem(code: string): LocalizedText {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return { zh: "没有写入权限", en: "no permission to write" };
    case "ENOSPC":
    case "EDQUOT":
      return { zh: "磁盘空间不足", en: "the disk is full" };
    case "EROFS":
      return { zh: "文件系统只读", en: "read-only file system" };
    case "ENOENT":
      return { zh: "文件夹不存在", en: "the folder does not exist" };
    case "EISDIR":
      return { zh: "这是一个文件夹", en: "it is a folder" };
    case "ENOTDIR":
    case "EEXIST":
      return { zh: "路径中有同名文件而不是文件夹", en: "a file stands where a folder should be" };
    default:
      return { zh: `系统错误 ${code || "未知"}`, en: `system error ${code || "unknown"}` };
  }
}

function unwritable(file: string, err: unknown, what?: LocalizedText): ReportFileError {
  const why = writeProblem((err as NodeJS.ErrnoException).code ?? "");
  return new ReportFileError(
    "unwritable",
    {
      zh: `无法写入${what ? what.zh : ""}（${why.zh}），原文件未改动`,
      en: `cannot write ${what ? what.en : "the file"} (${why.en}); nothing was changed`,
    },
    file,
  );
}

/** Our temporaries: hidden, named for us and the process that made them, so a later run can clean them. */
const TEMP = /^\.ip-report\.(\d+)\.[a-z0-9]+\.tmp$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes temporaries left in `dir` by runs that were killed mid-write (their process is gone). */
async function cleanStaleTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (m && !alive(Number(m[1]))) await unlink(join(dir, name)).catch(() => undefined);
  }
}

/** The file a path names, through symbolic links: writing a link writes its target, the link stays. */
async function target(file: string): Promise<string> {
  try {
    if ((await lstat(file)).isSymbolicLink()) return await realpath(file);
  } catch {
    // not there yet, or a dangling link: written where it says
  }
  return file;
}

async function writable(file: string): Promise<boolean> {
  return access(file, constants.W_OK).then(
    () => true,
    () => false,
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

export interface WriteOptions {
  /** Replace an existing file (template/sample need --force for it; refresh and annotate copies may). */
  overwrite: boolean;
  /** The flag that allows overwriting, named in the refusal. */
  forceFlag?: string;
}

/**
 * Writes a workbook whole or not at all: into a temporary beside the target, then renamed over it. Never
 * replaces a read-only file, nor any existing file unless allowed; writes through a symbolic link to its
 * target; keeps the replaced file's permissions; cleans temporaries a killed run left behind.
 */
export async function writeWorkbookFile(
  file: string,
  bytes: Uint8Array,
  options: WriteOptions,
): Promise<void> {
  const real = await target(file);
  const there = await exists(real);
  if (there && !options.overwrite)
    throw new ReportFileError(
      "exists",
      {
        zh: `已存在，未覆盖（如确需覆盖，请加 ${options.forceFlag ?? "--force"}）`,
        en: `exists and was not overwritten (add ${options.forceFlag ?? "--force"} to replace it)`,
      },
      file,
    );
  let mode: number | undefined;
  if (there) {
    mode = (await stat(real)).mode & 0o7777;
    // By its mode bits, not access(): an administrator may write anything, and still means 0444 as "keep".
    if ((mode & 0o222) === 0 || !(await writable(real)))
      throw new ReportFileError(
        "unwritable",
        {
          zh: "是只读文件，未覆盖（请另选文件名，或先取消只读）",
          en: "read-only, not replaced (choose another name, or make it writable first)",
        },
        file,
      );
  }
  const dir = dirname(real);
  await cleanStaleTemporaries(dir);
  const temp = join(dir, `.ip-report.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    await writeFile(temp, bytes, { flag: "wx" });
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, real);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw unwritable(file, err);
  }
}

/**
 * Keeps the bytes a refresh read as `FILE.bak`, or `FILE.1.bak`, `FILE.2.bak`... whichever is free (created
 * exclusively: concurrent runs never share a name, so the first backup is always the original).
 */
export async function writeBackup(file: string, bytes: Uint8Array): Promise<string> {
  const real = await target(file);
  const base = join(dirname(real), basename(real));
  for (let n = 0; n < 1000; n++) {
    const backup = n === 0 ? `${base}.bak` : `${base}.${n}.bak`;
    try {
      await writeFile(backup, bytes, { flag: "wx" });
      return backup;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EEXIST") continue;
      await unlink(backup).catch(() => undefined);
      throw unwritable(backup, err, { zh: "备份", en: "the backup" });
    }
  }
  throw unwritable(`${base}.bak`, { code: "EEXIST" }, { zh: "备份", en: "the backup" });
}

/** Removes a backup made for a run that then changed nothing. */
export async function dropBackup(backup: string): Promise<void> {
  await unlink(backup).catch(() => undefined);
}

/**
 * Writes a workbook whole or not at all (see writeWorkbookFile). `overwrite` false: an existing file, which
 * may be a clerk's filled report, is never replaced.
 */
export async function writeFileAtomic(file: string, bytes: Uint8Array, overwrite = true): Promise<void> {
  await writeWorkbookFile(file, bytes, { overwrite });
}

/** Makes an output folder (and its parents); a folder that cannot be made is one localized line. */
export async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const why = writeProblem((err as NodeJS.ErrnoException).code ?? "");
    throw new ReportFileError("unwritable", {
      zh: `无法创建目录 ${dir}（${why.zh}）`,
      en: `cannot create ${dir} (${why.en})`,
    });
  }
}
