import type { WorkbookLayout } from "../layout/types";
import type { Spec } from "../spec/schema";
import { injectDefects, type SampleDefect } from "./defects";
import { hashText, SeededRandom } from "./random";
import {
  applyConsistency,
  fillCover,
  fillGuideline,
  fillTargets,
  fillTasks,
  SampleDraft,
  type SampleValues,
} from "./values";

export type { SampleDefect } from "./defects";
export type { SampleValues } from "./values";

export interface SampleOptions {
  seed: number;
  defects: "none" | "some";
}

export interface Sample {
  values: SampleValues;
  defects: SampleDefect[];
}

/**
 * A plausible filled report for the layout's province, the same for the same seed. With defects "some",
 * a few realistic mistakes are put in and listed, so validation can be checked against them.
 */
export function sampleValues(spec: Spec, layout: WorkbookLayout, options: SampleOptions): Sample {
  const rng = new SeededRandom((options.seed ^ hashText(layout.metadata.unitId)) >>> 0);
  const draft = new SampleDraft(spec, layout, rng);
  fillCover(draft);
  fillTasks(draft);
  fillTargets(draft);
  fillGuideline(draft);
  applyConsistency(draft);
  const defects = options.defects === "some" ? injectDefects(draft) : [];
  return { values: draft.values, defects };
}
