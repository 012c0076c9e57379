import { For } from "solid-js";
import { languages, useLanguage } from "../lib/language.tsx";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import "./LanguageSwitch.scss";

/** Dansk / English. Each name is written in its own language; the chosen one is pressed. */
export function LanguageSwitch() {
  const { lang, setLang } = useLanguage();
  const { t } = useTexts(siteTexts);
  return (
    <div class="language-switch" role="group" aria-label={t("site.lang.label")}>
      <For each={languages}>
        {(language) => (
          <button
            type="button"
            class="language-switch__button"
            lang={language}
            aria-pressed={lang() === language}
            onClick={() => setLang(language)}
          >
            {t(language === "da" ? "site.lang.da" : "site.lang.en")}
          </button>
        )}
      </For>
    </div>
  );
}
