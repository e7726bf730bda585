import { localize } from "../i18n";
import type { LocalizedText } from "../spec/schema";
import { UI } from "./strings";

function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { zh?: unknown }).zh === "string" &&
    typeof (value as { en?: unknown }).en === "string"
  );
}

/**
 * What to tell the user about a failed operation. The core's errors (ProfileError, ReportError, …) carry
 * their own localized `detail`; anything else (an Office.js error, a bug) gets a polite generic line.
 */
export function describeFailure(error: unknown): LocalizedText {
  if (typeof error === "object" && error !== null) {
    const { detail, message: own } = error as { detail?: unknown; message?: unknown };
    if (isLocalizedText(detail)) return detail;
    if (isLocalizedText(own)) return own;
  }
  const message = error instanceof Error ? error.message : String(error);
  return localize(UI.unexpected, { message: message || "?" });
}
