import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The guideline as published, kept beside the spec it was transcribed from (src/spec/sources/README.md). */
export const SEED_PATH = join(__dirname, "..", "..", "src", "spec", "sources", "cnipa-ip-hqd-2019.txt");

/** The seed with all whitespace removed: the published page breaks lines mid-sentence. */
export function seedText(): string {
  return compact(readFileSync(SEED_PATH, "utf8"));
}

export function compact(text: string): string {
  return text.replace(/\s+/g, "");
}
