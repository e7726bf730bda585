/**
 * What must never reach a clerk: the words of the machinery. Field ids (task.4.progress), defined names
 * (F_task_4_progress), rule codes (E101) and rule ids, Office requirement sets (ExcelApi 1.8), command lines.
 */
export const JARGON: readonly { name: string; pattern: RegExp }[] = [
  { name: "field id", pattern: /\b(?:cover|task|target|guideline)\.[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*/ },
  { name: "defined name", pattern: /\bF_[A-Za-z0-9_]+/ },
  { name: "rule code", pattern: /\b[EW]\d{3}\b/ },
  {
    name: "rule id",
    pattern: /\b(?:structure|field|cover|task|target|guideline|consistency)\.[a-z-]+\.[a-z-]+/,
  },
  { name: "API version", pattern: /ExcelApi|\bAPI\s*\d|requirement set/i },
  { name: "command", pattern: /\bip-report\b|\bnpx\b|(?:^|\s)--[a-z]/ },
];

/** The kinds of jargon in a text, with the words found: empty when a clerk may read it. */
export function jargonIn(text: string): string[] {
  return JARGON.flatMap(({ name, pattern }) => {
    const m = pattern.exec(text);
    return m ? [`${name} “${m[0]}” in “${text.slice(0, 120)}”`] : [];
  });
}
