export * from "./types";
export * from "./address";
export * from "./vocabulary";
export { buildLayout, fingerprintOf, META_KEYS, META_FIELD_TABLE_HEADER } from "./build";
export type { MetaKey } from "./build";
export {
  obligationOf,
  obligationOfLine,
  resolveProfile,
  findUnit,
  checkProfileCategories,
  ProfileError,
  OBLIGATION_LABEL,
} from "./obligation";
export { describeCondition, missingExpression } from "./conditions";
export { STYLES, CONDITIONAL_STYLES, HIGHLIGHT, PALETTE } from "./styles";
export { TASK_COLUMNS, taskPartCondition } from "./tasks";
export { fieldId, TASK_PARTS, type FieldRole, type TaskPart } from "./field-ids";
export { TARGET_COLUMNS, goalText, targetRequired } from "./targets";
export { fieldDictionary } from "./dictionary";
export type { FieldDictionary, FieldEntry } from "./dictionary";
export * from "./reading";
export { recognizeReport, ReportError, sheetNamesOf, languageOf } from "./recognize";
export { canonicalValue, canonicalValues, shownValue, shownValues } from "./choices";
export type { RecognizedReport, ReportProblem } from "./recognize";
