import { A, useBeforeLeave, type RouteSectionProps } from "@solidjs/router";
import { Match, onMount, Show, Suspense, Switch } from "solid-js";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { useSession } from "../lib/session.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { AccessibilityLink, OrganisationContact, OrganisationMark, SetupGate, useOrganisationColour } from "./OrganisationParts.tsx";
import { loadSite, siteOrganisation } from "../lib/site.ts";
import { focusElement, markNavigation } from "../lib/navigation.ts";
import "./Layout.scss";

export const MAIN_ID = "main";

export function Layout(props: RouteSectionProps) {
  const { t, lang } = useTexts(siteTexts);
  useBeforeLeave(() => markNavigation());
  onMount(() => void loadSite(lang()));
  useOrganisationColour();

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
      {/* DKFDS's header: the organisation (portal: logo and short name) above, Nærhed (the solution) below. */}
      <header class="header site-header">
        <Show when={siteOrganisation()}>
          {(organisation) => (
            <div class="portal-info">
              <div class="portal-info-inner wrap">
                <A href="/" class="site-org" aria-label={t("site.home", { name: organisation().short_name })}>
                  <OrganisationMark />
                </A>
              </div>
            </div>
          )}
        </Show>
        <div class="solution-info">
          <div class="solution-info-inner wrap site-header__row">
            <div class="solution-heading">
              {/* One link home, not two side by side: the organisation's mark when there is one. */}
              <Show
                when={!siteOrganisation()}
                fallback={<span class="site-name">{t("site.name")}</span>}
              >
                <A href="/" class="site-name" aria-label={t("site.home", { name: t("site.name") })}>
                  {t("site.name")}
                </A>
              </Show>
            </div>
            <div class="site-header__tools">
              <AccountLink />
              <LanguageSwitch />
            </div>
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabindex="-1" class="wrap site-main">
        <SetupGate>
          <Suspense>{props.children}</Suspense>
        </SetupGate>
      </main>
      <footer>
        <div class="footer site-footer">
          <div class="wrap footer-row">
            <section class="footer-col" aria-labelledby="footer-about">
              <h2 class="h5" id="footer-about">
                {t("site.footer.about")}
              </h2>
              <p>{t("site.footer")}</p>
              <p>{t("site.help")}</p>
            </section>
            <Show when={siteOrganisation()}>
              <div class="footer-col">
                <OrganisationContact />
              </div>
            </Show>
            <nav class="footer-col" aria-label={t("site.footer.links")}>
              <ul class="nobullet-list">
                <li>
                  <A href="/privatliv" class="footer-link">
                    {t("site.privacy")}
                  </A>
                </li>
                <li>
                  <AccessibilityLink />
                </li>
              </ul>
            </nav>
          </div>
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
