import { For } from "solid-js";
import { languages, useI18n } from "../i18n/index.tsx";

/** Dansk / English. Each name is written in its own language; the chosen one is pressed. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div class="language-switch" role="group" aria-label={t("lang.label")}>
      <For each={languages}>
        {(language) => (
          <button
            type="button"
            class="language-switch__button"
            lang={language}
            aria-pressed={lang() === language}
            onClick={() => setLang(language)}
          >
            {t(language === "da" ? "lang.da" : "lang.en")}
          </button>
        )}
      </For>
    </div>
  );
}
