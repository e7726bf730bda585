import spec2019 from "../spec/specs/cnipa-ip-hqd-2019.json";
import type { ProfileChoices } from "../layout/obligation";
import type { ProfileCategory, ReportingUnit } from "../spec/schema";

/**
 * The provinces and profile categories of the newest bundled spec, for the first view, straight from its
 * JSON: the schema check (zod) and the rest of the core load later, so the first view draws sooner. The
 * same JSON is checked by the schema wherever it is used to build or check a report (and in the tests).
 */
export function profileChoices(): ProfileChoices {
  return {
    units: spec2019.units as ReportingUnit[],
    categories: spec2019.categories as ProfileCategory[],
  };
}
