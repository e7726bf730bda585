import { cellKey } from "./address";
import { assertUnprotected, uniform, type RangeTarget } from "./cells";
import type { FakeContext } from "./context";
import { FakeExcelError } from "./errors";
import type { ValidationModel } from "./model";
import { FakeObject, type ScalarDef } from "./proxy";

const RULE_KINDS = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"] as const;
const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

/** Checks a rule as Excel would reject it, plus the 255-character list trap that corrupts files. */
function checkRule(rule: Excel.DataValidationRule): void {
  const kinds = RULE_KINDS.filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1)
    throw new FakeExcelError("InvalidArgument", `a rule needs exactly one kind, got ${kinds.join(",")}`);
  const kind = kinds[0];
  if (kind === "list") {
    const source = rule.list?.source;
    if (typeof source !== "string" || source === "")
      throw new FakeExcelError("InvalidArgument", "list.source");
    if (!source.startsWith("=") && source.length > 255) {
      throw new FakeExcelError("InvalidArgument", `literal list of ${source.length} characters (limit 255)`);
    }
    return;
  }
  if (kind === "custom") throw new FakeExcelError("NotImplementedInFake", "custom validation");
  const basic = rule[kind] as Excel.BasicDataValidation | Excel.DateTimeDataValidation;
  if (!OPERATORS.includes(basic.operator))
    throw new FakeExcelError("InvalidArgument", `operator ${basic.operator}`);
  if (basic.formula1 === undefined || basic.formula1 === "")
    throw new FakeExcelError("InvalidArgument", "formula1");
  const ternary = basic.operator === "Between" || basic.operator === "NotBetween";
  if (ternary !== (basic.formula2 !== undefined)) {
    throw new FakeExcelError(
      "InvalidArgument",
      `formula2 is required exactly for Between/NotBetween (${basic.operator})`,
    );
  }
}

function typeOf(v: ValidationModel | undefined): string {
  if (!v) return "None";
  const kind = RULE_KINDS.find((k) => v.rule[k] !== undefined) ?? "custom";
  return kind === "wholeNumber" ? "WholeNumber" : kind[0].toUpperCase() + kind.slice(1);
}

export class FakeDataValidation
  extends FakeObject<RangeTarget>
  implements Pick<Excel.DataValidation, "rule" | "prompt" | "errorAlert" | "ignoreBlanks">
{
  protected readonly typeName = "DataValidation";

  constructor(ctx: FakeContext, path: string, resolver: () => RangeTarget | undefined) {
    super(ctx, path, resolver);
  }

  protected override scalars(): Record<string, ScalarDef<RangeTarget>> {
    const at = (t: RangeTarget) => t.sheet.validations.get(cellKey(t.area.r0, t.area.c0));
    return {
      type: { api: "1.8", read: (t) => typeOf(at(t)) },
      rule: { api: "1.8", read: (t) => at(t)?.rule ?? {} },
      prompt: { api: "1.8", read: (t) => at(t)?.prompt ?? null },
      errorAlert: { api: "1.8", read: (t) => at(t)?.errorAlert ?? null },
      ignoreBlanks: { api: "1.8", read: (t) => uniform(t, () => at(t)?.ignoreBlanks ?? true) },
    };
  }

  private eachCell(t: RangeTarget, fn: (key: string) => void): void {
    assertUnprotected(t.sheet, "data validation");
    for (let r = t.area.r0; r <= t.area.r1; r++)
      for (let c = t.area.c0; c <= t.area.c1; c++) fn(cellKey(r, c));
  }

  /** Prompt, alert and blanks belong to a rule: the fake refuses them on a cell without one. */
  private existing(t: RangeTarget, key: string, what: string): ValidationModel {
    const v = t.sheet.validations.get(key);
    if (!v) throw new FakeExcelError("InvalidOperation", `${what} set before a rule on ${t.sheet.name}`);
    return v;
  }

  get rule(): Excel.DataValidationRule {
    return this.read("rule");
  }
  set rule(rule: Excel.DataValidationRule) {
    this.write("rule", rule, "1.8", (t) => {
      checkRule(rule);
      this.eachCell(t, (key) => {
        if (t.sheet.validations.has(key)) {
          throw new FakeExcelError("InvalidOperation", "the range already has a rule: clear() it first");
        }
        t.sheet.validations.set(key, {
          rule: structuredClone(rule),
          ignoreBlanks: true,
          prompt: { showPrompt: false, title: "", message: "" },
          errorAlert: { showAlert: true, style: "Stop", title: "", message: "" },
        });
      });
    });
  }

  get ignoreBlanks(): boolean {
    return this.read("ignoreBlanks");
  }
  set ignoreBlanks(v: boolean) {
    this.write("ignoreBlanks", v, "1.8", (t) =>
      this.eachCell(t, (key) => {
        this.existing(t, key, "ignoreBlanks").ignoreBlanks = v;
      }),
    );
  }

  get prompt(): Excel.DataValidationPrompt {
    return this.read("prompt");
  }
  set prompt(p: Excel.DataValidationPrompt) {
    this.write("prompt", p, "1.8", (t) => {
      // Excel's limits: a title of 32 characters, a message of 255.
      if (p.title.length > 32 || p.message.length > 255) {
        throw new FakeExcelError(
          "InvalidArgument",
          `prompt too long (${p.title.length}/${p.message.length})`,
        );
      }
      this.eachCell(t, (key) => {
        this.existing(t, key, "prompt").prompt = { ...p };
      });
    });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.read("errorAlert");
  }
  set errorAlert(a: Excel.DataValidationErrorAlert) {
    this.write("errorAlert", a, "1.8", (t) => {
      if (a.title.length > 32 || a.message.length > 255) {
        throw new FakeExcelError(
          "InvalidArgument",
          `errorAlert too long (${a.title.length}/${a.message.length})`,
        );
      }
      this.eachCell(t, (key) => {
        this.existing(t, key, "errorAlert").errorAlert = { ...a };
      });
    });
  }

  clear(): void {
    this.invoke("clear", [], "1.8", (t) => this.eachCell(t, (key) => t.sheet.validations.delete(key)));
  }
}
