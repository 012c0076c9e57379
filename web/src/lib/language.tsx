import { languageFrom, languages, type Language } from "@naerhed/core/shared/language";
import { createContext, createEffect, createSignal, useContext, type Accessor, type ParentProps } from "solid-js";

export { languages, type Language };

/**
 * The language of what people write on the platform (offers, proposals, consultations): Danish,
 * whatever the page's language. Marked on that content in an English page (WCAG 3.1.2), so a
 * screen reader and "Læs op" read it with a Danish voice.
 */
export const CONTENT_LANGUAGE: Language = "da";

/** The `lang` attribute for written content on a page in `page`'s language: none when they agree. */
export const contentLang = (page: Language): Language | undefined => (page === CONTENT_LANGUAGE ? undefined : CONTENT_LANGUAGE);

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = "naerhed.language";

/**
 * The person's own choice if they made one; until then the browser's languages, read like the
 * API reads Accept-Language (English only when it comes before Danish), so an English browser
 * opens in English. Only a choice is remembered, never this guess.
 */
export function startingLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (value === "en" || value === "da") return value;
  } catch {
    // Storage blocked: fall through to the browser's languages.
  }
  return languageFrom(typeof navigator === "undefined" ? undefined : (navigator.languages ?? [navigator.language]).join(","));
}

type LanguageChoice = { lang: Accessor<Language>; setLang: (language: Language) => void };

const LanguageContext = createContext<LanguageChoice>();

/** The person's language for the whole site: remembered, and set on <html lang>. */
export function LanguageProvider(props: ParentProps<{ initial?: Language }>) {
  const [lang, setLangSignal] = createSignal<Language>(props.initial ?? startingLanguage());
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
  return <LanguageContext.Provider value={{ lang, setLang }}>{props.children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageChoice {
  const context = useContext(LanguageContext);
  if (!context) throw new Error("useLanguage must be used inside <LanguageProvider>");
  return context;
}
