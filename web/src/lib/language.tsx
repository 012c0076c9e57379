import { languages, type Language } from "@naerhed/core/shared/language";
import { createContext, createEffect, createSignal, useContext, type Accessor, type ParentProps } from "solid-js";

export { languages, type Language };

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

type LanguageChoice = { lang: Accessor<Language>; setLang: (language: Language) => void };

const LanguageContext = createContext<LanguageChoice>();

/** The person's language for the whole site: remembered, and set on <html lang>. */
export function LanguageProvider(props: ParentProps<{ initial?: Language }>) {
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
  return <LanguageContext.Provider value={{ lang, setLang }}>{props.children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageChoice {
  const context = useContext(LanguageContext);
  if (!context) throw new Error("useLanguage must be used inside <LanguageProvider>");
  return context;
}
