import { localize } from "../i18n";
import { LocalizedError } from "../i18n/errors";
import type { LocalizedText } from "../spec/schema";
import { CHECKER } from "./words";

/**
 * What to tell the person when a file cannot be read or made: a LocalizedError says it itself (the sentence
 * the command line prints); anything else is a defect, said as one with its message.
 */
export function describeFailure(error: unknown): LocalizedText {
  if (error instanceof LocalizedError) return error.detail;
  const message = error instanceof Error ? error.message : String(error);
  return localize(CHECKER.internal, { detail: message || "?" });
}
