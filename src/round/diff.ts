import type { CellValue, FieldId } from "../layout/types";
import type { Issue } from "../rules/types";
import type { UnitSubmission } from "./types";

export interface ValueChange {
  fieldId: FieldId;
  before: CellValue;
  after: CellValue;
}

export interface ResubmissionDiff {
  unitId: string;
  oldFile: string;
  newFile: string;
  oldVersion: string;
  newVersion: string;
  /** Values (statuses are values too) that differ, by field id; absent ids count as empty. */
  changed: ValueChange[];
  /** Issues of the old file the new one no longer has. */
  fixed: Issue[];
  /** Issues the new file has that the old one did not. */
  added: Issue[];
  /** Issues both have. */
  remaining: number;
}

const empty = (v: CellValue | undefined) =>
  v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const same = (a: CellValue | undefined, b: CellValue | undefined) =>
  (empty(a) && empty(b)) ||
  (typeof a === "string" && typeof b === "string" ? a.trim() === b.trim() : a === b);

/** An issue is the same across files when the same rule finds it on the same field (its message may differ). */
const keyOf = (i: Issue) => `${i.ruleId}|${i.fieldId ?? ""}|${i.specRule ?? ""}`;

/**
 * What changed between a unit's earlier and later workbook, by field id, so a reviewer reads only that.
 * Files of two versions are compared on their field ids as they are: a renamed id shows as one emptied and
 * one filled, which is what the reviewer needs to check.
 */
export function diffSubmissions(before: UnitSubmission, after: UnitSubmission): ResubmissionDiff {
  const ids = [...new Set([...Object.keys(before.values), ...Object.keys(after.values)])];
  const order = new Map(Object.keys(after.values).map((id, i) => [id, i]));
  ids.sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  const changed = ids
    .filter((id) => !same(before.values[id], after.values[id]))
    .map((fieldId) => ({
      fieldId,
      before: before.values[fieldId] ?? null,
      after: after.values[fieldId] ?? null,
    }));
  const oldKeys = new Set(before.issues.map(keyOf));
  const newKeys = new Set(after.issues.map(keyOf));
  return {
    unitId: after.unitId,
    oldFile: before.file,
    newFile: after.file,
    oldVersion: before.spec.specVersion,
    newVersion: after.spec.specVersion,
    changed,
    fixed: before.issues.filter((i) => !newKeys.has(keyOf(i))),
    added: after.issues.filter((i) => !oldKeys.has(keyOf(i))),
    remaining: after.issues.filter((i) => oldKeys.has(keyOf(i))).length,
  };
}
