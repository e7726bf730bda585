import { Inflate } from "fflate";
import { ReportFileError } from "./errors";

/**
 * What a returned workbook may hold. A report is a few hundred inputs: even every text input at Excel's
 * 32,767-character limit stays far below these. They are absolute sizes, not ratios: a clerk's long,
 * repetitive narrative compresses a thousandfold and is not an attack.
 */
export const ZIP_LIMITS = {
  maxEntries: 2_000,
  /** What the central directory may declare, all entries together. */
  maxDeclaredTotal: 256 * 1024 * 1024,
  /** What any one part may inflate to, whatever its header says: inflation stops past it. */
  maxPartBytes: 256 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  encrypted: boolean;
}

const SLICE = 16 * 1024;

function tooLarge(): ReportFileError {
  return new ReportFileError("too-large", {
    zh: `文件解压后超过 ${ZIP_LIMITS.maxPartBytes / 1024 / 1024} MB，远超一份填报表的内容，拒绝打开`,
    en: `the file inflates to over ${ZIP_LIMITS.maxPartBytes / 1024 / 1024} MB, far more than a report holds; refused`,
  });
}

function corrupt(why: { zh: string; en: string }): ReportFileError {
  return new ReportFileError("corrupt", {
    zh: `文件已损坏或不完整（${why.zh}）`,
    en: `the file is damaged or truncated (${why.en})`,
  });
}

const NO_DIRECTORY = { zh: "压缩包目录缺失", en: "zip directory missing" };

/**
 * A zip archive read from its central directory, inflating only the parts asked for, in slices, counting
 * every byte it produces: a part whose header lies about its size is stopped at the cap, never inflated
 * whole. Works on a Uint8Array alone (no Node built-ins), so the browser checker uses it too.
 */
export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private readonly view: DataView;

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }

  private readDirectory(): void {
    const { bytes } = this;
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
      if (this.u32(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw corrupt(NO_DIRECTORY);
    const count = this.u16(eocd + 10);
    const dirSize = this.u32(eocd + 12);
    const dirOffset = this.u32(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw tooLarge(); // zip64: no report needs one
    if (dirOffset + dirSize > bytes.length) throw corrupt(NO_DIRECTORY);
    if (count > ZIP_LIMITS.maxEntries) throw tooLarge();
    const names = new TextDecoder("utf-8");
    let declared = 0;
    let p = dirOffset;
    for (let n = 0; n < count; n++) {
      if (p + 46 > bytes.length || this.u32(p) !== 0x02014b50) throw corrupt(NO_DIRECTORY);
      const flags = this.u16(p + 8);
      const entry: ZipEntry = {
        method: this.u16(p + 10),
        compressedSize: this.u32(p + 20),
        size: this.u32(p + 24),
        localOffset: this.u32(p + 42),
        encrypted: (flags & 1) !== 0,
        name: "",
      };
      const nameLen = this.u16(p + 28);
      const extraLen = this.u16(p + 30);
      const commentLen = this.u16(p + 32);
      if (p + 46 + nameLen > bytes.length) throw corrupt(NO_DIRECTORY);
      entry.name = names.decode(bytes.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, "/");
      if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw tooLarge();
      if (entry.localOffset + entry.compressedSize > bytes.length) throw corrupt(NO_DIRECTORY);
      declared += entry.size;
      if (declared > ZIP_LIMITS.maxDeclaredTotal) throw tooLarge();
      // Part names are case-insensitive in OPC; the first of two equal names wins, as in Excel.
      const key = entry.name.replace(/^\//, "").toLowerCase();
      if (!this.entries.has(key)) this.entries.set(key, entry);
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** The entry of a part name (with or without a leading slash, any case). */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\//, "").toLowerCase());
  }

  /** Where the entry's compressed bytes start, from its local header. */
  private dataStart(entry: ZipEntry): number {
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.u32(at) !== 0x04034b50)
      throw corrupt({ zh: "压缩项头部损坏", en: "a zip entry header is damaged" });
    const start = at + 30 + this.u16(at + 26) + this.u16(at + 28);
    if (start + entry.compressedSize > this.bytes.length) throw corrupt(NO_DIRECTORY);
    return start;
  }

  /**
   * Streams one part's inflated bytes to `sink`, in slices. Stops (throwing "too-large") once the output
   * passes the cap, and reports a part whose real size differs from its header as damaged. `sink` may throw
   * to stop early (the caller's own sentinel goes through untouched).
   */
  inflate(name: string, sink: (chunk: Uint8Array) => void, cap = ZIP_LIMITS.maxPartBytes): void {
    const entry = this.entry(name);
    if (!entry) throw corrupt({ zh: `缺少部件 ${name}`, en: `part ${name} missing` });
    if (entry.encrypted)
      throw new ReportFileError("encrypted", {
        zh: "文件设有打开密码（已加密），请在 Excel 中取消密码后另存再提交",
        en: "the file is password-protected (encrypted); remove the password in Excel, save, and send it again",
      });
    const start = this.dataStart(entry);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    let produced = 0;
    const mismatch = corrupt({
      zh: `部件 ${entry.name} 的实际大小与目录不符`,
      en: `part ${entry.name} does not match its declared size`,
    });
    const count = (chunk: Uint8Array) => {
      produced += chunk.length;
      if (produced > cap) throw tooLarge();
      // A header that lies is caught at the size it declared, not after inflating what it hides.
      if (produced > entry.size) throw mismatch;
      if (chunk.length > 0) sink(chunk);
    };
    if (entry.method === 0) {
      for (let i = 0; i < data.length; i += SLICE) count(data.subarray(i, Math.min(data.length, i + SLICE)));
    } else if (entry.method === 8) {
      const inflater = new Inflate((chunk) => count(chunk));
      try {
        for (let i = 0; i < data.length; i += SLICE) {
          const end = Math.min(data.length, i + SLICE);
          inflater.push(data.subarray(i, end), end === data.length);
        }
        if (data.length === 0) inflater.push(new Uint8Array(0), true);
      } catch (err) {
        if (err instanceof ReportFileError || !isInflateError(err)) throw err;
        throw corrupt({ zh: `部件 ${entry.name} 无法解压`, en: `part ${entry.name} cannot be inflated` });
      }
    } else {
      throw corrupt({
        zh: `部件 ${entry.name} 使用了不支持的压缩方式`,
        en: `part ${entry.name} uses an unsupported compression method`,
      });
    }
    if (produced !== entry.size) throw mismatch;
  }

  /** A whole part as text (for the small parts: workbook, relationships, styles). */
  text(name: string, cap = ZIP_LIMITS.maxPartBytes): string {
    const decoder = new TextDecoder("utf-8");
    let out = "";
    this.inflate(name, (chunk) => (out += decoder.decode(chunk, { stream: true })), cap);
    return out + decoder.decode();
  }

  /** A whole part as bytes. */
  bytesOf(name: string, cap = ZIP_LIMITS.maxPartBytes): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    this.inflate(
      name,
      (chunk) => {
        chunks.push(chunk.slice());
        length += chunk.length;
      },
      cap,
    );
    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** fflate reports bad deflate data with a numeric code on the error. */
function isInflateError(err: unknown): boolean {
  return typeof err === "object" && err !== null && typeof (err as { code?: unknown }).code === "number";
}
