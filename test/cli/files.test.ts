/** Issue 11, items 13–16: no command destroys a person's file, and every refusal is one localized line. */
import {
  chmodSync,
  copyFileSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { runCli } from "../helpers/cli";
import { tempDir } from "../helpers/tools";

const dir = tempDir("cli-files");
const filled = join(dir, "江苏.xlsx");

beforeAll(async () => {
  const r = await runCli(["sample", "--province", "江苏", "--seed", "5", "--out", filled]);
  expect(r.code).toBe(0);
});

function copyOfFilled(name: string): string {
  const file = join(dir, name);
  copyFileSync(filled, file);
  return file;
}

describe("template and sample never overwrite an existing file unless --force", () => {
  test("template --out over a clerk's filled report: refused in one line, the report untouched", async () => {
    const file = copyOfFilled("template-over.xlsx");
    const before = readFileSync(file);
    const r = await runCli(["template", "--province", "江苏", "--out", file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误: ${file}: 已存在，未覆盖（如确需覆盖，请加 --force）`);
    expect(readFileSync(file).equals(before)).toBe(true);
    const forced = await runCli(["template", "--province", "江苏", "--out", file, "--force"]);
    expect(forced.code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(false);
  });

  test("sample --out over an existing file: refused; English says so too", async () => {
    const file = copyOfFilled("sample-over.xlsx");
    const before = readFileSync(file);
    const r = await runCli(["sample", "--province", "江苏", "--out", file, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`error: ${file}: exists and was not overwritten (add --force to replace it)`);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  test("national-template --out over an existing file: refused, replaced only with --force", async () => {
    const file = copyOfFilled("national-over.xlsx");
    const before = readFileSync(file);
    const r = await runCli(["national-template", "--out", file]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误: ${file}: 已存在，未覆盖（如确需覆盖，请加 --force）`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await runCli(["national-template", "--out", file, "--force"])).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(false);
  });
});

describe("folders that cannot be made", () => {
  test("template --all --out-dir under a file: one localized line, the reason in words", async () => {
    const file = copyOfFilled("a-file.xlsx");
    const r = await runCli(["template", "--all", "--out-dir", join(file, "sub")]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误: 无法创建目录 ${join(file, "sub")}（路径中有同名文件而不是文件夹）`);
  });
});

describe("refresh keeps the original, whatever happens", () => {
  test("three --in-place runs at once: each keeps its own backup, and the first backup is the original", async () => {
    const file = copyOfFilled("concurrent.xlsx");
    const original = readFileSync(file);
    const runs = await Promise.all([1, 2, 3].map(() => runCli(["refresh", file, "--in-place"])));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const backups = readdirSync(dir).filter((n) => n.startsWith("concurrent.xlsx.") && n.endsWith(".bak"));
    expect(backups.sort()).toEqual(["concurrent.xlsx.1.bak", "concurrent.xlsx.2.bak", "concurrent.xlsx.bak"]);
    expect(readFileSync(`${file}.bak`).equals(original)).toBe(true);
  });

  test("a second --in-place run never overwrites the first one's backup", async () => {
    const file = copyOfFilled("twice.xlsx");
    const original = readFileSync(file);
    expect((await runCli(["refresh", file, "--in-place"])).code).toBe(0);
    const r = await runCli(["refresh", file, "--in-place"]);
    expect(r.out).toContain(`原文件已备份为 ${file}.1.bak`);
    expect(readFileSync(`${file}.bak`).equals(original)).toBe(true);
  });

  test("--in-place through a symbolic link writes the target and keeps the link", async () => {
    const real = copyOfFilled("real.xlsx");
    const link = join(dir, "link.xlsx");
    symlinkSync(real, link);
    const before = readFileSync(real);
    const inode = statSync(real).ino;
    expect((await runCli(["refresh", link, "--in-place"])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    // The target was replaced (a new file renamed over it); its bytes may equal the input's when the refresh
    // changed nothing within the zip's two-second timestamps, so the file's identity is what tells.
    expect(statSync(real).ino).not.toBe(inode);
    expect(readFileSync(`${real}.bak`).equals(before)).toBe(true);
  });

  test("--out onto a read-only (0444) file: refused, the file untouched", async () => {
    const target = copyOfFilled("readonly.xlsx");
    chmodSync(target, 0o444);
    const before = readFileSync(target);
    const r = await runCli(["refresh", filled, "--out", target]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`错误: ${target}: 是只读文件，未覆盖（请另选文件名，或先取消只读）`);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o444);
  });

  test("a temporary left by a run killed mid-write is removed by the next run", async () => {
    const stale = join(dir, ".ip-report.999999.deadbeef.tmp");
    writeFileSync(stale, "half a workbook");
    expect((await runCli(["refresh", filled, "--out", join(dir, "after-kill.xlsx")])).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });
});

describe("messages: one localized line, no English in Chinese", () => {
  test("an output name starting with “-” is explained in Chinese", async () => {
    const r = await runCli(["template", "--province", "江苏", "--out", "-江苏.xlsx"]);
    expect(r.code).toBe(2);
    expect(r.err).toBe("错误: 参数有误：--out 需要一个值（值以“-”开头时请写成 --out=值）");
  });

  test("an encrypted workbook is password-protected; an .ods is OpenDocument", async () => {
    const encrypted = join(dir, "encrypted.xlsx");
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    writeFileSync(
      encrypted,
      Buffer.concat([header, Buffer.alloc(512), Buffer.from("EncryptionInfo", "utf16le")]),
    );
    const e = await runCli(["validate", encrypted]);
    expect(e.err).toBe(
      `错误: ${encrypted}: 文件设有打开密码（已加密），请在 Excel 中取消密码后另存为 .xlsx 再提交`,
    );
    const JSZip = (await import("jszip")).default;
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    zip.file("content.xml", "<office:document-content/>");
    const ods = join(dir, "report.ods");
    writeFileSync(ods, await zip.generateAsync({ type: "nodebuffer" }));
    const o = await runCli(["info", ods]);
    expect(o.code).toBe(2);
    expect(o.err).toBe(
      `错误: ${ods}: 这是 OpenDocument 表格（.ods），请在 WPS、LibreOffice 或 Excel 中另存为 .xlsx`,
    );
  });
});
