import { createContext, createEffect, createSignal, useContext, type Accessor, type ParentProps } from "solid-js";
import { da, type Dictionary, type MessageKey } from "./da.ts";
import { en } from "./en.ts";
import { moduleTexts } from "./texts.ts";

export type Language = "da" | "en";
export type { MessageKey };

export const languages: readonly Language[] = ["da", "en"];
const dictionaries: Record<Language, Dictionary> = { da, en };

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = "naerhed.language";

/** The remembered language, or Danish. Danish is the first language, whatever the browser says. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return value === "en" || value === "da" ? value : "da";
  } catch {
    return "da";
  }
}

/** Fills {placeholders} in a text. */
export function format(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type I18n = {
  lang: Accessor<Language>;
  setLang: (language: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
};

const I18nContext = createContext<I18n>();

export function I18nProvider(props: ParentProps<{ initial?: Language }>) {
  const [lang, setLangSignal] = createSignal<Language>(props.initial ?? storedLanguage());

  const setLang = (language: Language) => {
    setLangSignal(language);
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Private mode or storage turned off: the choice lasts until the page is closed.
    }
  };

  createEffect(() => {
    document.documentElement.lang = lang();
  });

  const t: I18n["t"] = (key, params) => format((dictionaries[lang()] as Record<string, string>)[key] ?? moduleTexts[lang()][key] ?? key, params);

  return <I18nContext.Provider value={{ lang, setLang, t }}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error("useI18n must be used inside <I18nProvider>");
  return context;
}
