export * from "./types";
export { rollUp } from "./roll-up";
export { sumOfUnits, meanOfChanges, gapTo } from "./figures";
export { guidelineWordsOf } from "./issues";
export { diffSubmissions, type ResubmissionDiff, type ValueChange } from "./diff";
export { itemKeyOf, returnNoteOf, reviewItemsOf, type ReturnItem, type ReturnNote } from "./review";
