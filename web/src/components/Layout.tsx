import { A, useBeforeLeave, type RouteSectionProps } from "@solidjs/router";
import { Match, Show, Suspense, Switch } from "solid-js";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import { useSession } from "../lib/session.tsx";
import { useSite, type SiteInfo } from "../lib/site.tsx";
import { LanguageSwitch } from "./LanguageSwitch.tsx";
import { focusElement, markNavigation } from "../lib/navigation.ts";
import "./Layout.scss";

export const MAIN_ID = "main";

export function Layout(props: RouteSectionProps) {
  const { t } = useTexts(siteTexts);
  const site = useSite();
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
      {/* DKFDS's header: the organisation (portal) above, Nærhed (the solution) below. */}
      <header class="header site-header">
        <Show when={site().logoUrl || site().shortName}>
          <div class="portal-info">
            <div class="portal-info-inner wrap">
              <A href="/" class="site-org" aria-label={t("site.orgHome", { name: site().name ?? site().shortName ?? "" })}>
                <Show when={site().logoUrl}>{(logo) => <img class="site-org__logo" src={logo()} alt="" />}</Show>
                <Show when={site().shortName}>
                  <span class="site-org__name">{site().shortName}</span>
                </Show>
              </A>
            </div>
          </div>
        </Show>
        <div class="solution-info">
          <div class="solution-info-inner wrap site-header__row">
            <div class="solution-heading">
              <A href="/" class="site-name" aria-label={t("site.home")}>
                {t("site.name")}
              </A>
            </div>
            <div class="site-header__tools">
              <AccountLink />
              <LanguageSwitch />
            </div>
          </div>
        </div>
      </header>
      <main id={MAIN_ID} tabindex="-1" class="wrap site-main">
        <Suspense>{props.children}</Suspense>
      </main>
      <footer>
        <div class="footer site-footer">
          <div class="wrap footer-row">
            <section class="footer-col" aria-labelledby="footer-about">
              <h2 class="h5" id="footer-about">
                {site().name ?? t("site.footer.about")}
              </h2>
              <p>{t("site.footer")}</p>
            </section>
            <section class="footer-col" aria-labelledby="footer-contact">
              <h2 class="h5" id="footer-contact">
                {t("site.footer.contact")}
              </h2>
              <Show when={site().contact} fallback={<p>{t("site.help")}</p>}>
                {(contact) => <ContactBlock contact={contact()} />}
              </Show>
            </section>
            <nav class="footer-col" aria-label={t("site.footer.links")}>
              <ul class="nobullet-list">
                <li>
                  <A href="/privatliv" class="footer-link">
                    {t("site.privacy")}
                  </A>
                </li>
                <li>
                  <A href="/tilgaengelighed" class="footer-link">
                    {t("site.accessibility")}
                  </A>
                </li>
              </ul>
            </nav>
          </div>
        </div>
      </footer>
    </>
  );
}

/** The organisation's contact block in the footer: what it gave, each line with its word. */
function ContactBlock(props: { contact: NonNullable<SiteInfo["contact"]> }) {
  const { t } = useTexts(siteTexts);
  return (
    <>
      <Show when={props.contact.address}>
        <p>{props.contact.address}</p>
      </Show>
      <dl class="footer-contact">
      <Show when={props.contact.phone}>
        {(phone) => (
          <div>
            <dt>{t("site.footer.phone")}</dt>
            <dd>
              <a href={`tel:${phone().replace(/\s+/g, "")}`}>{phone()}</a>
            </dd>
          </div>
        )}
      </Show>
      <Show when={props.contact.email}>
        {(email) => (
          <div>
            <dt>{t("site.footer.email")}</dt>
            <dd>
              <a href={`mailto:${email()}`}>{email()}</a>
            </dd>
          </div>
        )}
      </Show>
      <Show when={props.contact.hours}>
        {(hours) => (
          <div>
            <dt>{t("site.footer.hours")}</dt>
            <dd>{hours()}</dd>
          </div>
        )}
      </Show>
      </dl>
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
