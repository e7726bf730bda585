import { useCallback, useEffect, useState } from "react";
import { isLang, type Lang } from "../i18n";

/** Where the clerk's own choice of language is kept, on this computer only. */
export const LANGUAGE_KEY = "ip-report.pane.lang";

function stored(): Lang | undefined {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_KEY);
    return value && isLang(value) ? value : undefined;
  } catch {
    // Storage can be refused (a locked-down webview): then nothing is remembered, nothing breaks.
    return undefined;
  }
}

/** Office's display language as the pane's: Chinese for any zh-*, English for the rest. */
export function languageOf(displayLanguage: string | undefined): Lang | undefined {
  if (!displayLanguage) return undefined;
  return displayLanguage.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/**
 * The pane's language: the clerk's own choice when they made one (remembered), else Office's display
 * language once Office says it, else Simplified Chinese. The document's lang follows, for screen readers.
 */
export function useLanguage(displayLanguage: string | undefined): { lang: Lang; toggle(): void } {
  const [chosen, setChosen] = useState<Lang | undefined>(stored);
  const lang = chosen ?? languageOf(displayLanguage) ?? "zh";
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  const toggle = useCallback(() => {
    const next: Lang = lang === "zh" ? "en" : "zh";
    setChosen(next);
    try {
      globalThis.localStorage?.setItem(LANGUAGE_KEY, next);
    } catch {
      // Not remembered, still switched.
    }
  }, [lang]);
  return { lang, toggle };
}
