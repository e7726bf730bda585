/**
 * Tampered reports through every command that reads one (issue 11, items 8 and 9), each in its own process
 * through bin/ip-report.js. Metadata that does not match the workbook's structure is a blocking error for
 * validate, said by info, and refused by refresh unless the person says --force; a defined name pointed away
 * from its field is reported, the field is read (and refreshed) from where its layout puts it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Issue } from "../../src/rules";
import { tempDir } from "../helpers/tools";
import { makeTamperedReports, type TamperCase, type TamperedReport } from "./tamper-cases";

const BIN = join(__dirname, "..", "..", "bin", "ip-report.js");

interface Run {
  code: number;
  out: string;
  err: string;
}

function run(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, out: r.stdout.trim(), err: r.stderr.trim() };
}

function json<T>(r: Run): T {
  return JSON.parse(r.out) as T;
}

type ValidateEntry = { issues: Issue[]; summary: { error: number } };

let dir: string;
let cases: Record<TamperCase, TamperedReport>;
const file = (c: TamperCase) => join(dir, `${c}.xlsx`);

beforeAll(async () => {
  dir = tempDir("tamper");
  cases = await makeTamperedReports();
  for (const [name, c] of Object.entries(cases)) writeFileSync(join(dir, `${name}.xlsx`), c.bytes);
}, 120_000);

describe("structure.metadata-mismatch", () => {
  const META_CASES = [
    ["blank-profile", "概况“（无）”"],
    ["other-province", "省份“浙江省”"],
  ] as const;

  test.each(META_CASES)(
    "%s: validate is exit 1 with the mismatch as a blocking error, in text and --json",
    (c, claim) => {
      const text = run("validate", file(c));
      expect(text.code).toBe(1);
      expect(text.out).toContain("工作簿的结构与其元数据不符");
      expect(text.out).toContain(claim);
      const [entry] = json<ValidateEntry[]>(run("validate", file(c), "--json", "--lang", "en"));
      const found = entry.issues.filter((i) => i.ruleId === "structure.metadata-mismatch");
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: "error", code: "E901" });
      expect(found[0].message.en).toMatch(/^The workbook's structure does not match its metadata: /);
    },
  );

  test.each(META_CASES)("%s: info says the structure does not match its metadata, not intact", (c) => {
    const text = run("info", file(c));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/结构: 工作簿的结构与其元数据不符：.*请使用原始文件或审核方保存的副本/);
    const info = json<{ structureIntact: boolean; metadataMismatch: { zh: string } | null }>(
      run("info", file(c), "--json"),
    );
    expect(info.structureIntact).toBe(false);
    expect(info.metadataMismatch?.zh).toContain("工作簿的结构与其元数据不符");
  });

  test.each(META_CASES)(
    "%s: fields still reads it, and validate --annotate writes a copy that still says so",
    (c) => {
      expect(run("fields", file(c), "--json").code).toBe(0);
      const copy = join(dir, `${c}-annotated.xlsx`);
      rmSync(copy, { force: true });
      expect(run("validate", file(c), "--annotate", copy).code).toBe(1);
      const [entry] = json<ValidateEntry[]>(run("validate", copy, "--json"));
      expect(entry.issues.map((i) => i.ruleId)).toContain("structure.metadata-mismatch");
    },
  );

  test.each(META_CASES)(
    "%s: refresh refuses in one localized line and writes nothing; --force rebuilds and warns",
    (c) => {
      const out = join(dir, `${c}-refreshed.xlsx`);
      rmSync(out, { force: true });
      const refused = run("refresh", file(c), "--out", out);
      expect(refused.code).toBe(2);
      expect(refused.err.split("\n")).toHaveLength(1);
      expect(refused.err).toMatch(
        /工作簿的结构与其元数据不符.*请使用原始文件或审核方保存的副本（确需按现有元数据重建时，加 --force）$/,
      );
      expect(existsSync(out)).toBe(false);
      const en = run("refresh", file(c), "--out", out, "--lang", "en");
      expect(en.err).toMatch(/The workbook's structure does not match its metadata: .*add --force\)$/);
      const forced = run("refresh", file(c), "--out", out, "--force");
      expect(forced.code).toBe(0);
      expect(forced.err).toMatch(/^警告: 已按 --force 依现有元数据重建：工作簿的结构与其元数据不符/);
      expect(existsSync(out)).toBe(true);
    },
  );
});

describe("structure.name-tampered", () => {
  const NAME_CASES = ["name-at-label", "name-at-meta", "name-at-other-sheet"] as const;
  const moved = (c: TamperCase) => cases[c].moved!;

  test.each(NAME_CASES)("%s: validate reports the name and judges the field in its own (empty) cell", (c) => {
    const { fieldId, own, pointsAt } = moved(c);
    const r = run("validate", file(c), "--json");
    expect(r.code).toBe(1);
    const [entry] = json<ValidateEntry[]>(r);
    const about = entry.issues.filter((i) => i.fieldId === fieldId);
    expect(about.map((i) => i.ruleId)[0]).toBe("structure.name-tampered");
    expect(about[0].message.zh).toContain(`指向 ${pointsAt.sheetName}!${pointsAt.cell}`);
    // The empty field's required error is back, at the field's own cell, not hidden by a label's text.
    expect(about.length).toBe(2);
    expect(about[1]).toMatchObject({ kind: "missing-value", actual: null, cell: own });
    const text = run("validate", file(c));
    expect(text.out).toContain(`指向 ${pointsAt.sheetName}!${pointsAt.cell}，而不是该项的填报单元格`);
  });

  test.each(NAME_CASES)("%s: info no longer says intact, and lists where the name points", (c) => {
    const { fieldId, own, pointsAt } = moved(c);
    expect(run("info", file(c)).out).toContain("1 个定义名称指向别处");
    const info = json<{ structureIntact: boolean; misplacedNames: unknown[] }>(
      run("info", file(c), "--json"),
    );
    expect(info.structureIntact).toBe(false);
    expect(info.misplacedNames).toEqual([
      { fieldId, pointsAt: `${pointsAt.sheetName}!${pointsAt.cell}`, cell: `${own.sheetName}!${own.cell}` },
    ]);
  });

  test.each(NAME_CASES)("%s: fields gives the field's own cell and says where its name points", (c) => {
    const { fieldId, own, pointsAt } = moved(c);
    const dictionary = json<{ fields: { id: string; sheet: string; cell: string; namePointsAt?: string }[] }>(
      run("fields", file(c), "--json"),
    );
    const entry = dictionary.fields.find((f) => f.id === fieldId);
    expect(entry).toMatchObject({
      sheet: own.sheetName,
      cell: own.cell,
      namePointsAt: `${pointsAt.sheetName}!${pointsAt.cell}`,
    });
    expect(dictionary.fields.filter((f) => f.namePointsAt)).toHaveLength(1);
  });

  test.each(NAME_CASES)("%s: validate --annotate marks the field's own cell", (c) => {
    const copy = join(dir, `${c}-annotated.xlsx`);
    rmSync(copy, { force: true });
    const r = run("validate", file(c), "--annotate", copy, "--json");
    expect(r.code).toBe(1);
    expect(json<{ annotated?: string }[]>(r)[0].annotated).toBe(copy);
    expect(existsSync(copy)).toBe(true);
  });

  test.each(NAME_CASES)(
    "%s: refresh takes the value from the field's own cell, restores the name and says so",
    (c) => {
      const { fieldId, own } = moved(c);
      const out = join(dir, `${c}-refreshed.xlsx`);
      rmSync(out, { force: true });
      const r = run("refresh", file(c), "--out", out);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`定义名称指向别处，已按模板位置取值并修复名称: ${fieldId}`);
      const [entry] = json<ValidateEntry[]>(run("validate", out, "--json"));
      expect(entry.issues.filter((i) => i.kind === "structure-error")).toEqual([]);
      // No label text was copied into the field: it is as empty as the clerk left it.
      expect(entry.issues.filter((i) => i.fieldId === fieldId)).toMatchObject([
        { kind: "missing-value", actual: null, cell: own },
      ]);
      expect(
        json<{ relocated: string[] }>(run("refresh", file(c), "--out", out, "--json")).relocated,
      ).toEqual([fieldId]);
    },
  );
});
