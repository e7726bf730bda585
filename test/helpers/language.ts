import type { WorkbookLanguage } from "../../src/layout/vocabulary";
import type { Spec } from "../../src/spec/schema";

/**
 * One language per workbook. A Chinese workbook shows no Latin script but the spec's id and version (its
 * footer) and what the guideline itself writes in Latin letters (TISC); an English one shows no Han characters
 * but the guideline's words, quoted verbatim (the 省份 lines, its text, each goal as worded, its departments
 * and section headings): those stay Chinese, and the workbook says so.
 */

/** The guideline's own words, as the spec quotes them verbatim. */
export function verbatimQuotations(spec: Spec): string[] {
  return [
    ...spec.tasks.flatMap((t) => [
      ...t.obligations.flatMap((o) => (o.line ? [o.line] : [])),
      ...t.provincialWork,
      t.nationalWork,
      ...t.leadDepartments,
    ]),
    ...spec.targets.map((t) => t.phrase),
    ...spec.guidelineItems.flatMap((i) => [
      i.section,
      ...i.paragraphs.flatMap((p) => [p.text, p.department]),
    ]),
    ...spec.workRequirements.map((r) => r.text),
    ...spec.consistency.map((c) => c.phrase),
  ].sort((a, b) => b.length - a.length);
}

/** The text with every verbatim quotation taken out, and a quotation's beginning cut short by "…" too. */
function withoutQuotations(text: string, quotations: string[]): string {
  let rest = text;
  for (const q of quotations) rest = rest.split(q).join(" ");
  if (rest.endsWith("…")) {
    const body = rest.slice(0, -1);
    let longest = 0;
    for (const q of quotations)
      for (let k = Math.min(q.length, body.length); k > longest; k--)
        if (body.endsWith(q.slice(0, k))) {
          longest = k;
          break;
        }
    rest = body.slice(0, body.length - longest);
  }
  return rest;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** The texts that break the workbook's one language, each with what is left once quotations are taken out. */
export function foreignScript(texts: string[], lang: WorkbookLanguage, spec: Spec): string[] {
  const quotations = verbatimQuotations(spec);
  if (lang === "en") {
    return texts.filter((t) => HAN.test(withoutQuotations(t, quotations)));
  }
  // A Chinese workbook quotes the guideline too, and its category names (有获批的 TISC 承办机构).
  const ownWords = [...quotations, ...spec.categories.map((c) => c.label.zh), spec.specId];
  return texts.filter((t) => LATIN.test(withoutQuotations(t, ownWords)));
}
