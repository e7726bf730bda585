import type { LocalizedText } from "../spec/schema";

export type Lang = "zh" | "en";

export const LANGS: readonly Lang[] = ["zh", "en"];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** Picks the text of a language; Chinese is the fallback because the guideline is Chinese. */
export function pick(text: LocalizedText, lang: Lang): string {
  return text[lang] || text.zh;
}

/** Fills `{name}` placeholders. Unknown placeholders stay visible rather than vanish. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export function localize(text: LocalizedText, params: Record<string, string | number> = {}): LocalizedText {
  return { zh: format(text.zh, params), en: format(text.en, params) };
}
