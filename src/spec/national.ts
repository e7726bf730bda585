import type { NationalFigure, QuantitativeTarget } from "./schema";

/**
 * How a target's national figure is made. A spec before 2019.2.0 says nothing: then, as its templates
 * ask every province for every figure, the national figure is the sum of what the provinces report.
 */
export function nationalFigureOf(t: QuantitativeTarget): NationalFigure {
  return (
    t.national ?? {
      figure: "sum-of-units",
      reporter: "provinces",
      basis: t.phrase,
      note: {
        zh: "规范未说明，按各省填报值合计",
        en: "not stated by the spec: the sum of the provinces' figures",
      },
    }
  );
}

/** Whether the provinces' templates ask for the target's figures at all. */
export function provincesReport(t: QuantitativeTarget): boolean {
  return nationalFigureOf(t).reporter === "provinces";
}
