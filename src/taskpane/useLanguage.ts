import { useCallback, useEffect, useState } from "react";
import type { Lang } from "../i18n";

/** Simplified Chinese first; English on request. The document's lang follows, for screen readers. */
export function useLanguage(initial: Lang = "zh"): { lang: Lang; toggle(): void } {
  const [lang, setLang] = useState<Lang>(initial);
  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  }, [lang]);
  const toggle = useCallback(() => setLang((l) => (l === "zh" ? "en" : "zh")), []);
  return { lang, toggle };
}
