import { fieldId, type FieldRole, type TargetPart } from "../layout/field-ids";
import { obligationOf } from "../layout/obligation";
import type { CellValue, Condition, FieldDef, FieldId, Obligation, WorkbookLayout } from "../layout/types";
import type { LocalizedText, QuantitativeTarget, Spec, Task } from "../spec/schema";
import { conditionHolds } from "./completion";
import { ruleInfo, type RuleId } from "./catalog";
import { ISSUE_KINDS, type Issue, type RuleInput } from "./types";
import { isEmpty, isExcelError } from "./values";

export interface TargetFields {
  target: QuantitativeTarget;
  baseline?: FieldDef;
  actual?: FieldDef;
  growth?: FieldDef;
}

/** Everything derived from the layout alone, computed once per layout: the engine runs on every edit. */
export interface LayoutIndex {
  byId: Map<FieldId, FieldDef>;
  sheetIndexByKey: Map<string, number>;
  sheetIndexByName: Map<string, number>;
  tasks: Map<number, Task>;
  targets: TargetFields[];
}

const indexes = new WeakMap<WorkbookLayout, LayoutIndex>();

export function indexOf(layout: WorkbookLayout, spec: Spec): LayoutIndex {
  const cached = indexes.get(layout);
  if (cached) return cached;
  const byId = new Map(layout.fields.map((f) => [f.id, f]));
  const targets: TargetFields[] = [];
  for (const target of spec.targets) {
    if (target.kind !== "quantitative") continue;
    const at = (part: TargetPart) => byId.get(fieldId.target(target.id, part));
    targets.push({ target, baseline: at("baseline"), actual: at("actual"), growth: at("growth") });
  }
  const index: LayoutIndex = {
    byId,
    sheetIndexByKey: new Map(layout.sheets.map((s, i) => [s.key, i])),
    sheetIndexByName: new Map(layout.sheets.map((s, i) => [s.name, i])),
    tasks: new Map(spec.tasks.map((t) => [t.number, t])),
    targets,
  };
  indexes.set(layout, index);
  return index;
}

export interface IssueDetail {
  message: LocalizedText;
  expected?: Issue["expected"];
  expectedText?: LocalizedText;
  actual?: CellValue;
  specRule?: string;
}

/** One run of the engine over one workbook: the reading, with the questions every rule asks of it. */
export class Evaluation {
  readonly issues: Issue[] = [];
  private readonly unreadable = new Set<FieldId>();
  private readonly obligations = new Map<number, Obligation>();

  constructor(
    readonly input: RuleInput,
    readonly index: LayoutIndex,
  ) {
    const { reading, layout, spec, profile } = input;
    const missingSheets = new Set(reading.missingSheets);
    for (const id of reading.missingNames) this.unreadable.add(id);
    for (const f of layout.fields) {
      if (missingSheets.has(f.sheet) || isExcelError(reading.values[f.id])) this.unreadable.add(f.id);
    }
    for (const task of spec.tasks) this.obligations.set(task.number, obligationOf(task, profile));
  }

  get fields(): FieldDef[] {
    return this.input.layout.fields;
  }

  field(id: FieldId): FieldDef | undefined {
    return this.index.byId.get(id);
  }

  role(field: FieldDef): FieldRole {
    return field.role;
  }

  value(id: FieldId): CellValue | undefined {
    return this.input.reading.values[id];
  }

  /** Found in the workbook and not an Excel error: only such fields are judged further. */
  readable(id: FieldId): boolean {
    return !this.unreadable.has(id);
  }

  filled(id: FieldId): boolean {
    return this.readable(id) && !isEmpty(this.value(id));
  }

  obligation(task: number): Obligation {
    return this.obligations.get(task) ?? "not-applicable";
  }

  task(number: number): Task | undefined {
    return this.index.tasks.get(number);
  }

  /** Whether a field must be filled now, given what the rest of the workbook holds (the same test as completion). */
  requires(condition: Condition): boolean {
    return conditionHolds(condition, (id) => this.filled(id), this.input.reading);
  }

  /** The field's value when it is a number that passes its type and range: figures rules can trust. */
  number(id: FieldId): number | undefined {
    const field = this.field(id);
    const value = this.value(id);
    if (!field || !this.readable(id) || typeof value !== "number" || !Number.isFinite(value))
      return undefined;
    if (field.type === "integer" && !Number.isInteger(value)) return undefined;
    if (field.min !== undefined && value < field.min) return undefined;
    if (field.max !== undefined && value > field.max) return undefined;
    return value;
  }

  report(ruleId: RuleId, field: FieldDef | undefined, detail: IssueDetail): void {
    const info = ruleInfo(ruleId);
    const issue: Issue = {
      ruleId,
      severity: info.severity,
      kind: info.kind,
      code: ISSUE_KINDS[info.kind],
      message: detail.message,
    };
    if (field) {
      issue.fieldId = field.id;
      issue.cell = this.input.reading.cells[field.id] ?? { sheetName: field.sheetName, cell: field.cell };
      issue.label = field.label;
    }
    if (detail.expected !== undefined) issue.expected = detail.expected;
    if (detail.expectedText) issue.expectedText = detail.expectedText;
    if (detail.actual !== undefined) issue.actual = detail.actual;
    else if (field) issue.actual = this.value(field.id) ?? null;
    if (detail.specRule) issue.specRule = detail.specRule;
    this.issues.push(issue);
  }
}
