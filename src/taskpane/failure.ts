import { localize } from "../i18n";
import { LocalizedError } from "../i18n/errors";
import type { LocalizedText } from "../spec/schema";
import { UI } from "./strings";

/**
 * What to tell the user about a failed operation: a LocalizedError says it itself (the same sentence the command
 * line prints); anything else (an Office.js error, a bug) gets a polite generic line with its message.
 */
export function describeFailure(error: unknown): LocalizedText {
  if (error instanceof LocalizedError) return error.detail;
  const message = error instanceof Error ? error.message : String(error);
  return localize(UI.unexpected, { message: message || "?" });
}
