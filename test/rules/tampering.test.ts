/**
 * Tampered structure (issue 11, items 8 and 9): metadata that describes another workbook, and defined names
 * pointed away from their fields. Both are blocking errors; the fields are still judged where they really are.
 */
import { fingerprintOf } from "../../src/layout/build";
import { metadataMismatchOf } from "../../src/layout/integrity";
import { checkChanged, field, reportFor, spec, withRule } from "./helpers";

const original = reportFor("江苏", ["ip-protection-center"]);
const storedFingerprint = fingerprintOf(original.layout.metadata, original.layout.fields);
const fieldTable = new Map(original.layout.fields.map((f) => [f.id, { sheet: f.sheet, cell: f.cell }]));

/** The metadata as the original workbook recorded it, with these keys changed by hand. */
function recorded(changes: Record<string, string>) {
  const m = original.layout.metadata;
  return {
    specId: m.specId,
    specVersion: m.specVersion,
    templateVersion: m.templateVersion,
    unitId: m.unitId,
    unitName: m.unitName,
    categories: m.categories.join(","),
    fingerprint: storedFingerprint,
    ...changes,
  };
}

describe("structure.metadata-mismatch", () => {
  test("a blanked profile no longer gives the recorded fingerprint: one blocking error naming what the metadata claims", () => {
    const claimed = reportFor("江苏", []);
    const meta = recorded({ categories: "" });
    const mismatch = metadataMismatchOf(spec, claimed.layout, meta, fieldTable);
    expect(mismatch).toBeDefined();
    const issues = checkChanged({}, claimed, { metadata: meta, metadataMismatch: mismatch });
    const found = withRule(issues, "structure.metadata-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", code: "E901", actual: storedFingerprint });
    expect(found[0].cell).toBeUndefined();
    expect(found[0].message.zh).toMatch(
      /^工作簿的结构与其元数据不符：.*概况“（无）”.*请使用原始文件或审核方保存的副本$/,
    );
    expect(found[0].message.en).toMatch(
      /^The workbook's structure does not match its metadata: .*profile "\(none\)"/,
    );
  });

  test("another province's id beside the original unit name is said as two provinces", () => {
    const claimed = reportFor("浙江", ["ip-protection-center"]);
    const mismatch = metadataMismatchOf(spec, claimed.layout, recorded({ unitId: "zhejiang" }), fieldTable);
    expect(mismatch?.message.zh).toContain("省份代码“zhejiang”与单位名称“江苏省”不是同一省份");
  });

  test("a fingerprint recomputed by hand still fails against the metadata's field table", () => {
    const claimed = reportFor("江苏", []);
    const table = new Map(fieldTable);
    table.set("cover.contact", { sheet: "cover", cell: "C8" });
    const meta = recorded({
      categories: "",
      fingerprint: fingerprintOf(claimed.layout.metadata, claimed.layout.fields),
    });
    expect(metadataMismatchOf(spec, claimed.layout, meta, table)?.message.en).toContain(
      "1 entries of the field table differ",
    );
  });

  test("metadata that records no fingerprint (written by hand to recover a report) is not held against one; a blanked one is", () => {
    const unrecorded: Partial<ReturnType<typeof recorded>> = recorded({});
    delete unrecorded.fingerprint;
    expect(metadataMismatchOf(spec, original.layout, unrecorded)).toBeUndefined();
    expect(metadataMismatchOf(spec, original.layout, recorded({ fingerprint: "" }))?.stored).toBe("");
    const claimed = reportFor("浙江", ["ip-protection-center"]);
    expect(
      metadataMismatchOf(spec, claimed.layout, { ...unrecorded, unitId: "zhejiang" })?.message.zh,
    ).toContain("不是同一省份");
  });

  test("the metadata as the template wrote it matches, and raises nothing", () => {
    expect(metadataMismatchOf(spec, original.layout, recorded({}), fieldTable)).toBeUndefined();
    expect(withRule(checkChanged({}, original), "structure.metadata-mismatch")).toEqual([]);
  });
});

describe("structure.name-tampered", () => {
  const report = reportFor("江苏");
  const contact = field(report, "cover.contact");

  test("a name pointed at its label is an error at the field's own cell, and the empty field is still required", () => {
    const label = { sheetName: contact.sheetName, cell: "A8" };
    const issues = checkChanged({ "cover.contact": null }, report, {
      misplacedNames: [{ fieldId: contact.id, pointsAt: label }],
    });
    const found = withRule(issues, "structure.name-tampered");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "error", code: "E901", fieldId: contact.id });
    expect(found[0].cell).toEqual({ sheetName: contact.sheetName, cell: contact.cell });
    expect(found[0].message.zh).toContain(
      `F_cover_contact 指向 封面!A8，而不是该项的填报单元格 封面!${contact.cell}`,
    );
    expect(withRule(issues, "cover.required").map((i) => i.fieldId)).toEqual([contact.id]);
  });

  test("names where the template put them raise nothing", () => {
    expect(withRule(checkChanged({}, report, { misplacedNames: [] }), "structure.name-tampered")).toEqual([]);
  });
});
