import spec2019 from "./specs/cnipa-ip-hqd-2019.json";
import spec2019r2 from "./specs/cnipa-ip-hqd-2019.2.json";
import { parseSpec } from "./load";
import type { Spec } from "./schema";

export * from "./schema";
export { parseSpec, SpecError } from "./load";
export { nationalFigureOf, provincesReport } from "./national";

let bundled: Spec[] | undefined;

/** Specs shipped with the product, oldest first. Parsed once: the schema check is not free. */
export function bundledSpecs(): Spec[] {
  bundled ??= [
    parseSpec(spec2019, "cnipa-ip-hqd-2019.json"),
    parseSpec(spec2019r2, "cnipa-ip-hqd-2019.2.json"),
  ];
  return bundled;
}

/** The newest bundled version of a spec id (default: the newest spec of all). */
export function latestSpec(specId?: string): Spec {
  const candidates = bundledSpecs().filter((s) => specId === undefined || s.specId === specId);
  const latest = candidates[candidates.length - 1];
  if (!latest) throw new Error(`no bundled spec ${specId ?? ""}`);
  return latest;
}

/** One bundled version of a spec: tests of an older version's rules, and workbooks made from it. */
export function bundledSpec(specId: string, specVersion: string): Spec {
  const found = bundledSpecs().find((s) => s.specId === specId && s.specVersion === specVersion);
  if (!found) throw new Error(`no bundled spec ${specId} ${specVersion}`);
  return found;
}
