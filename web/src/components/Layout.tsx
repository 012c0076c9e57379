import { A, useBeforeLeave, type RouteSectionProps } from "@solidjs/router";
import { Match, Suspense, Switch } from "solid-js";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { useSession } from "../lib/session.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { focusElement, markNavigation } from "../lib/navigation.ts";
import "./Layout.css";

export const MAIN_ID = "main";

export function Layout(props: RouteSectionProps) {
  const { t } = useTexts(siteTexts);
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
          <div class="site-header__tools">
            <AccountLink />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabindex="-1" class="wrap site-main">
        <Suspense>{props.children}</Suspense>
      </main>
      <footer class="site-footer">
        <div class="wrap">
          <p>{t("site.footer")}</p>
          <p>{t("site.help")}</p>
          <p>
            <A href="/privatliv" class="footer-link">
              {t("site.privacy")}
            </A>
          </p>
        </div>
      </footer>
    </>
  );
}

/** "Log ind" when signed out, "Min side" with the person's name when signed in; nothing while asking. */
function AccountLink() {
  const { t } = useTexts(siteTexts);
  const session = useSession();
  return (
    <Switch>
      <Match when={session.person()}>
        {(person) => (
          <A href="/min-side" class="account-link" end>
            <span class="account-link__title">{t("site.nav.myPage")}</span>{" "}
            <span class="account-link__name">{person().display_name}</span>
          </A>
        )}
      </Match>
      <Match when={session.status() !== "loading"}>
        <A href="/logind" class="account-link" end>
          <span class="account-link__title">{t("site.nav.signIn")}</span>
        </A>
      </Match>
    </Switch>
  );
}
