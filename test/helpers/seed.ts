import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The guideline as published: the source of truth the spec is checked against. */
export const SEED_PATH = join(__dirname, "..", "..", "..", "shared", "seeds", "000_a1dc5671f6f0241d.txt");

/** The seed with all whitespace removed: the published page breaks lines mid-sentence. */
export function seedText(): string {
  return compact(readFileSync(SEED_PATH, "utf8"));
}

export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}
