import fc from "fast-check";
import { buildLayout } from "../../src/layout/build";
import type { WorkbookReading } from "../../src/layout/reading";
import type { CellValue, Condition, FieldId, WorkbookLayout } from "../../src/layout/types";
import { STATUS } from "../../src/layout/vocabulary";
import { checkReport } from "../../src/rules";
import { completion, conditionHolds, filledIn } from "../../src/rules/completion";
import { spec2019 } from "../helpers/specs";

const spec = spec2019();

function readingOf(values: Record<FieldId, CellValue>, missingNames: FieldId[] = []): WorkbookReading {
  return { metadata: undefined, values, formulas: {}, cells: {}, missingNames, missingSheets: [] };
}

function alwaysRequired(layout: WorkbookLayout): FieldId[] {
  return layout.fields.filter((f) => !f.prefilled && f.required.kind === "always").map((f) => f.id);
}

describe("completion: required fields filled / required", () => {
  const layout = buildLayout(spec, { unitId: "jiangsu", categories: [] });

  it("counts, on an empty report, every always-required field except the province the template fills", () => {
    const result = completion(layout, readingOf({ "cover.province": "江苏省" }));
    const expected = alwaysRequired(layout);
    expect(expected.length).toBeGreaterThan(10);
    expect(result).toEqual({ required: expected.length, filled: 0, ratio: 0, missing: expected });
    expect(result.missing).not.toContain("cover.province");
  });

  it("is complete when every required field holds something, sources of the figures included", () => {
    const values: Record<FieldId, CellValue> = Object.fromEntries(
      alwaysRequired(layout).map((id) => [id, "x"]),
    );
    // Filling a figure makes its data source required: filling what is missing converges in a round or two.
    let rounds = 0;
    for (
      let missing = completion(layout, readingOf(values)).missing;
      missing.length > 0 && rounds < 5;
      rounds++
    ) {
      for (const id of missing) values[id] = "x";
      missing = completion(layout, readingOf(values)).missing;
    }
    expect(rounds).toBe(1);
    const result = completion(layout, readingOf(values));
    expect(result.missing).toEqual([]);
    expect(result.ratio).toBe(1);
    expect(result.filled).toBe(result.required);
  });

  it("treats text of spaces only as empty, and zero and FALSE as filled", () => {
    const required = alwaysRequired(layout);
    const [a, b, c] = required;
    const result = completion(layout, readingOf({ [a]: "   ", [b]: 0, [c]: false }));
    expect(result.filled).toBe(2);
    expect(result.missing).toContain(a);
  });

  it("makes the evidence of a task required once its status is 已完成, and adds it to the count", () => {
    const task = layout.fields.find((f) => f.id.endsWith(".evidence") && f.required.kind === "field-in");
    expect(task).toBeDefined();
    const status = `task.${task?.task}.status`;
    const before = completion(layout, readingOf({ [status]: STATUS.inProgress }));
    const after = completion(layout, readingOf({ [status]: ` ${STATUS.done} ` }));
    expect(after.required).toBe(before.required + 1);
    expect(after.missing).toContain(task?.id);
    expect(before.missing).not.toContain(task?.id);
  });

  it("asks for a data source once a figure is entered (any-filled)", () => {
    const source = layout.fields.find((f) => f.required.kind === "any-filled");
    if (source?.required.kind !== "any-filled") throw new Error("the layout has no any-filled field");
    const figure = source.required.fields[0];
    expect(completion(layout, readingOf({})).missing).not.toContain(source.id);
    expect(completion(layout, readingOf({ [figure]: 12.5 })).missing).toContain(source.id);
  });

  it("reads a field whose defined name is gone as empty", () => {
    const [first] = alwaysRequired(layout);
    const result = completion(layout, readingOf({}, [first]));
    expect(result.missing[0]).toBe(first);
  });

  it("depends on the profile: a province with a trademark examination centre has more to fill", () => {
    const plain = completion(layout, readingOf({}));
    const withCentre = buildLayout(spec, { unitId: "jiangsu", categories: ["trademark-review-center"] });
    expect(completion(withCentre, readingOf({})).required).toBeGreaterThan(plain.required);
  });

  it("is 1 when nothing is required", () => {
    const empty: WorkbookLayout = { ...layout, fields: [] };
    expect(completion(empty, readingOf({}))).toEqual({ required: 0, filled: 0, ratio: 1, missing: [] });
  });
});

describe("what counts as filled and when a condition holds", () => {
  const layout = buildLayout(spec, { unitId: "jiangsu", categories: [] });
  const coverField = layout.fields.find((f) => f.sheet === "cover" && !f.prefilled);
  if (!coverField) throw new Error("no cover field");

  it("takes whitespace, an Excel error, a lost name or a lost sheet as empty; zero and FALSE as answers", () => {
    const cases: [WorkbookReading, boolean][] = [
      [readingOf({ [coverField.id]: " \n" }), false],
      [readingOf({ [coverField.id]: "#REF!" }), false],
      [readingOf({ [coverField.id]: "x" }, [coverField.id]), false],
      [{ ...readingOf({ [coverField.id]: "x" }), missingSheets: ["cover"] }, false],
      [readingOf({ [coverField.id]: 0 }), true],
      [readingOf({ [coverField.id]: false }), true],
      [readingOf({ [coverField.id]: "0" }), true],
    ];
    for (const [reading, expected] of cases) expect(filledIn(layout, reading)(coverField.id)).toBe(expected);
  });

  it("never holds for never, always for always", () => {
    const filled = filledIn(layout, readingOf({}));
    expect(conditionHolds({ kind: "never" }, filled, readingOf({}))).toBe(false);
    expect(conditionHolds({ kind: "always" }, filled, readingOf({}))).toBe(true);
  });

  it("compares a field-in value as trimmed text and never matches an empty cell", () => {
    const c: Condition = { kind: "field-in", field: "a", values: ["是", "1"] };
    const holds = (value: CellValue) => {
      const reading = readingOf({ a: value });
      return conditionHolds(c, filledIn(layout, reading), reading);
    };
    expect([holds("是"), holds(" 是 "), holds(1), holds("否"), holds(null)]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("completion agrees with the rules engine", () => {
  const profile = { unitId: "jiangsu", categories: ["trademark-review-center", "ip-operation"] };
  const layout = buildLayout(spec, profile);
  const metadata = {
    specId: spec.specId,
    specVersion: spec.specVersion,
    templateVersion: layout.metadata.templateVersion,
    unitId: profile.unitId,
    unitName: layout.metadata.unitName,
    categories: profile.categories.join(","),
  };
  const answers: CellValue[] = ["", " ", "x", STATUS.done, STATUS.inProgress, STATUS.notApplicable, 0, 12.5];
  const inputs = layout.fields.filter((f) => !f.prefilled).map((f) => f.id);

  // Completion counts cells that hold an answer; whether a progress text says enough is the engine's
  // task.progress.substantive, a judgement of quality, not of presence. An Excel error (#REF!) is a
  // structure issue to the engine and empty to completion: tested above, left out here.
  it("misses exactly the fields the engine reports as missing (a value or a source)", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...inputs), fc.constantFrom(...answers), { maxKeys: 60 }),
        (values) => {
          const reading = {
            ...readingOf({ ...values, "cover.province": layout.metadata.unitName }),
            metadata,
          };
          const engine = checkReport({ spec, profile, layout, reading })
            .filter((i) => i.kind === "missing-value" || i.kind === "missing-source")
            .filter((i) => i.ruleId !== "task.progress.substantive")
            .map((i) => i.fieldId);
          expect(new Set(completion(layout, reading).missing)).toEqual(new Set(engine));
        },
      ),
      { numRuns: 150 },
    );
  });
});
