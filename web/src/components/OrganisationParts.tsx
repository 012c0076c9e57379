import { A, useLocation } from "@solidjs/router";
import { createEffect, Match, Show, Switch, type JSX } from "solid-js";
import { apiBase } from "../lib/api.ts";
import { hasRole } from "@naerhed/core/identity/roles";
import { useSession } from "../lib/session.tsx";
import { siteLoaded, siteOrganisation } from "../lib/site.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { Notice } from "./Notice.tsx";
import { PageHeading } from "./PageHeading.tsx";
import { useTexts } from "../lib/texts.ts";
import { siteTexts } from "../lib/texts/index.ts";
import "./OrganisationParts.css";

/**
 * The organisation's parts of the header and footer (logo and short name; contact and the
 * accessibility statement's link), filled from GET /api/organisation/site. Before an
 * organisation is set up the site shows the neutral "Nærhed".
 */

/** The organisation's main colour (checked for AA contrast when it was saved) for the whole site. */
export function useOrganisationColour() {
  createEffect(() => {
    const colour = siteOrganisation()?.colour;
    if (colour) document.documentElement.style.setProperty("--org-colour", colour);
    else document.documentElement.style.removeProperty("--org-colour");
  });
}

/** Logo and short name in the header; the link says where it goes. */
export function OrganisationMark() {
  const { t } = useTexts(siteTexts);
  return (
    <>
      <Show when={siteOrganisation()?.logo_url}>{(url) => <img class="site-logo" src={`${apiBase}${url()}`} alt="" />}</Show>
      {siteOrganisation()?.short_name ?? t("site.name")}
    </>
  );
}

/** The footer's contact block: who runs the site and how to reach them. */
export function OrganisationContact() {
  const { t } = useTexts(siteTexts);
  return (
    <>
      <Show when={siteOrganisation()}>
        {(organisation) => (
          <section class="org-contact" aria-labelledby="org-contact-title">
            <h2 id="org-contact-title" class="org-contact__title">
              {organisation().name}
            </h2>
            <ul class="org-contact__list">
              <li>
                {t("site.contact.phone")}: <PhoneLink phone={organisation().contact.phone} />
              </li>
              <li>
                {t("site.contact.email")}: <MailLink email={organisation().contact.email} />
              </li>
              <Show when={organisation().contact.address}>{(address) => <li>{address()}</li>}</Show>
              <Show when={organisation().contact.opening_hours}>
                {(hours) => (
                  <li>
                    {t("site.contact.hours")}: {hours()}
                  </li>
                )}
              </Show>
            </ul>
          </section>
        )}
      </Show>
    </>
  );
}

/** A phone number that a phone can call (the link without the spaces people write). */
export const PhoneLink = (props: { phone: string }) => <a href={`tel:${props.phone.replace(/\s+/g, "")}`}>{props.phone}</a>;

export const MailLink = (props: { email: string }) => <a href={`mailto:${props.email}`}>{props.email}</a>;

/** The footer's link to the accessibility statement, shown with or without an organisation. */
export function AccessibilityLink() {
  const { t } = useTexts(siteTexts);
  return (
    <A href="/tilgaengelighed" class="footer-link">
      {t("site.accessibility")}
    </A>
  );
}

/**
 * What a platform that is not set up yet still shows: signing in (and the privacy notice it
 * links to), the administrator's set-up steps and the accessibility statement. The /dev pages
 * are the local server's own, outside the site.
 */
const OPEN_BEFORE_SETUP = ["/logind", "/privatliv", "/tilgaengelighed", "/admin/opsaetning", "/admin/organisation", "/admin/centre", "/personale/inviter"];
const openBeforeSetup = (path: string) => OPEN_BEFORE_SETUP.some((open) => path === open || path.startsWith(`${open}/`));

/**
 * Until the first administrator has finished the set-up, every other page is "not set up yet":
 * administrators are led to /admin/opsaetning, everyone else is told to come back later. On the
 * set-up's other steps, administrators see the way back to it.
 */
export function SetupGate(props: { children: JSX.Element }) {
  const location = useLocation();
  const notSetUp = () => siteLoaded() && !siteOrganisation()?.setup_complete;
  return (
    <Show when={notSetUp() && !openBeforeSetup(location.pathname)} fallback={<><SetupReminder notSetUp={notSetUp()} />{props.children}</>}>
      <NotSetUp />
    </Show>
  );
}

function NotSetUp() {
  const { t } = useTexts(siteTexts);
  const session = useSession();
  usePageTitle(() => t("site.setup.blocked.title"));
  return (
    <>
      <PageHeading title={t("site.setup.blocked.title")} />
      <Switch fallback={<p>{t("site.setup.blocked.text")}</p>}>
        <Match when={hasRole(session.person(), "admin")}>
          <p>{t("site.setup.blocked.admin")}</p>
          <p>
            <A href="/admin/opsaetning" class="big-link">
              {t("site.setup.link")}
            </A>
          </p>
        </Match>
        <Match when={session.status() !== "loading" && !session.person()}>
          <p>{t("site.setup.blocked.text")}</p>
          <p>
            {t("site.setup.blocked.signIn")}{" "}
            <A href="/logind">{t("site.nav.signIn")}</A>
          </p>
        </Match>
      </Switch>
    </>
  );
}

function SetupReminder(props: { notSetUp: boolean }) {
  const { t } = useTexts(siteTexts);
  const session = useSession();
  const location = useLocation();
  return (
    <Show when={props.notSetUp && hasRole(session.person(), "admin") && !location.pathname.startsWith("/admin/")}>
      <Notice kind="warning">
        <p>
          {t("site.setup.reminder")}{" "}
          <A href="/admin/opsaetning">{t("site.setup.link")}</A>
        </p>
      </Notice>
    </Show>
  );
}
