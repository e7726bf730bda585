import type { Spec } from "../spec/schema";
import { buildLayout } from "./build";
import type { Profile, WorkbookLayout } from "./types";
import type { WorkbookLanguage } from "./vocabulary";

/**
 * Layouts already built, by spec (the parsed spec object: one per id and version) and then by unit,
 * profile and language. Reading a workbook rebuilds the layout its metadata names, and that was a third of
 * the time a returned file took to read and check; a round, a re-check, a live pane read the same few again.
 */
const built = new WeakMap<Spec, Map<string, WorkbookLayout>>();
/** A process reads at most a few dozen (unit, profile, language) combinations; past this the oldest goes. */
const PER_SPEC = 128;

/** Freezes a layout and everything in it: a cached layout is shared, and nothing may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value as Record<string, unknown>)) deepFreeze(inner);
  return value;
}

/**
 * buildLayout, memoized: the same layout object for the same spec, unit, categories (in their order, as
 * the metadata records them) and language. It is pure, so the cache changes no result; the layout comes
 * frozen (deeply), so a caller that tried to change it would fail at once instead of changing another
 * workbook's layout.
 */
export function cachedLayout(spec: Spec, profile: Profile, lang: WorkbookLanguage = "zh"): WorkbookLayout {
  let bySpec = built.get(spec);
  if (!bySpec) built.set(spec, (bySpec = new Map()));
  const key = JSON.stringify([profile.unitId, profile.categories, lang]);
  const had = bySpec.get(key);
  if (had) return had;
  const layout = deepFreeze(buildLayout(spec, profile, lang));
  if (bySpec.size >= PER_SPEC) bySpec.delete(bySpec.keys().next().value as string);
  bySpec.set(key, layout);
  return layout;
}
