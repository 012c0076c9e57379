import { A, useBeforeLeave, type RouteSectionProps } from "@solidjs/router";
import { Suspense } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { focusElement, markNavigation } from "./navigation.ts";

export const MAIN_ID = "main";

export function Layout(props: RouteSectionProps) {
  const { t } = useI18n();
  useBeforeLeave(() => markNavigation());

  return (
    <>
      <a
        class="skip-link"
        href={`#${MAIN_ID}`}
        on:click={(event) => {
          // Move focus, not only the view, so the next Tab starts in the content.
          event.preventDefault();
          focusElement(document.getElementById(MAIN_ID));
        }}
      >
        {t("site.skip")}
      </a>
      <header class="site-header">
        <div class="wrap site-header__row">
          <A href="/" class="site-name" aria-label={t("site.home")}>
            {t("site.name")}
          </A>
          <LanguageSwitch />
        </div>
      </header>
      <main id={MAIN_ID} tabindex="-1" class="wrap site-main">
        <Suspense>{props.children}</Suspense>
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>{t("site.footer")}</p>
          <p>{t("site.help")}</p>
        </div>
      </footer>
    </>
  );
}
