import fc from "fast-check";
import type { CellValue, FieldDef } from "../../src/layout";
import { excelSerial } from "../../src/layout";

/** Text a clerk, a paste or an attacker may put in any cell. */
export const HOSTILE_TEXT: string[] = [
  "=cmd|' /C calc'!A0",
  "=1+1",
  "+86 025 8327 6543",
  "-5",
  "@SUM(A1)",
  "'前导撇号",
  "已完成 🚀👍🏽",
  "مرحبا بالعالم — עברית",
  "第一行\n第二行\r\n第三行",
  " 前后空格 ",
  "x".repeat(32_767),
  "#REF!",
];

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));

/** A value for a field: mostly of its type, sometimes hostile text (text in a number cell is input too). */
export function valueFor(field: FieldDef, year: number): fc.Arbitrary<CellValue> {
  const hostile = fc.constantFrom(...HOSTILE_TEXT);
  const text = fc.oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }),
  );
  const typed: fc.Arbitrary<CellValue> = (() => {
    switch (field.type) {
      case "number":
        return fc.oneof(finite, fc.constant(1e308), fc.constant(0.1 + 0.2));
      case "integer":
        return fc.integer({ min: 0, max: 10_000_000 });
      case "percent":
        return fc.double({ min: -1, max: 100, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n));
      case "date":
        return fc.constantFrom(excelSerial(year, 1, 1), excelSerial(year, 12, 31), excelSerial(year, 6, 30));
      case "enum":
        return fc.constantFrom(...(field.allowed ?? ["?"]));
      default:
        return text;
    }
  })();
  return fc.oneof(
    { weight: 6, arbitrary: typed },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: fc.constant("") },
  );
}

/** Values for a random subset of a layout's input fields. */
export function valuesFor(fields: FieldDef[], year: number): fc.Arbitrary<Record<string, CellValue>> {
  const inputs = fields.filter((f) => !f.prefilled);
  return fc
    .tuple(...inputs.map((f) => fc.option(valueFor(f, year), { nil: undefined, freq: 3 })))
    .map((vs) => {
      const out: Record<string, CellValue> = {};
      vs.forEach((v, i) => {
        if (v !== undefined) out[inputs[i].id] = v;
      });
      return out;
    });
}

/** "" and an empty cell are the same to a spreadsheet. */
export function normalized(value: CellValue | undefined): CellValue {
  return value === "" || value === undefined ? null : value;
}
