/** The reviewer's parts, one chunk loaded on demand: a clerk's first view never pays for them. */
export { ProblemReview } from "./ProblemReview";
export { ReturnedMarks } from "./ReturnedMarks";
export { ReviewPanel } from "./ReviewPanel";
