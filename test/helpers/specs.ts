import { latestSpec } from "../../src/spec";
import type { Spec } from "../../src/spec/schema";

/** The id of the 2019 guideline's spec: the tests that quote its words pin it, so a newer spec moves none of them. */
export const SPEC_2019_ID = "cnipa-ip-hqd-2019";

/** The 2019 guideline (the newest bundled version of its spec id), whatever newer guidelines are bundled. */
export function spec2019(): Spec {
  return latestSpec(SPEC_2019_ID);
}
