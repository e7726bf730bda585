/**
 * The core as the pane uses it once a report is on the way: loaded on demand (a chunk of its own), so the
 * first view does not wait for the schema check, the layout and the rules.
 */
export { buildLayout } from "../layout/build";
export { checkReport } from "../rules";
export { latestSpec, bundledSpecs } from "../spec";
export { newestOf, compareVersions } from "../refresh/versions";
