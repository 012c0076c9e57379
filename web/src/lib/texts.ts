import { fillIn, type Language } from "@naerhed/core/shared/language";
import type { Accessor } from "solid-js";
import { useLanguage } from "./language.tsx";

/** A module's texts: one dictionary per language with the same keys (`<module>/texts/da.ts`, `en.ts`). */
export type Texts<Key extends string> = Record<Language, Record<Key, string>>;

export type Translate<Key extends string> = (key: Key, params?: Record<string, string | number>) => string;

/**
 * A module's texts in the person's language: `const { t } = useTexts(councilTexts)`. `t` takes
 * only that module's keys, fills in {placeholders} and follows a change of language.
 */
export function useTexts<Key extends string>(texts: Texts<Key>): { t: Translate<Key>; lang: Accessor<Language> } {
  const { lang } = useLanguage();
  return { t: (key, params) => fillIn(texts[lang()][key], params), lang };
}
