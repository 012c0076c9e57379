import { A, useLocation } from "@solidjs/router";
import { createEffect, Show } from "solid-js";
import { apiBase } from "../lib/api.ts";
import { hasRole } from "@naerhed/core/identity/roles";
import { useSession } from "../lib/session.tsx";
import { siteLoaded, siteOrganisation } from "../lib/site.ts";
import { Notice } from "./Notice.tsx";
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
                {t("site.contact.phone")}: <a href={`tel:${organisation().contact.phone.replace(/\s+/g, "")}`}>{organisation().contact.phone}</a>
              </li>
              <li>
                {t("site.contact.email")}: <a href={`mailto:${organisation().contact.email}`}>{organisation().contact.email}</a>
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

/** The footer's link to the accessibility statement, shown with or without an organisation. */
export function AccessibilityLink() {
  const { t } = useTexts(siteTexts);
  return (
    <A href="/tilgaengelighed" class="footer-link">
      {t("site.accessibility")}
    </A>
  );
}

/** Until the first administrator has finished the set-up, administrators see where to do it (on every page but the set-up's own). */
export function SetupReminder() {
  const { t } = useTexts(siteTexts);
  const session = useSession();
  const location = useLocation();
  const shown = () => siteLoaded() && !siteOrganisation()?.setup_complete && hasRole(session.person(), "admin") && !location.pathname.startsWith("/admin/");
  return (
    <Show when={shown()}>
      <Notice kind="warning">
        <p>
          {t("site.setup.reminder")}{" "}
          <A href="/admin/opsaetning">{t("site.setup.link")}</A>
        </p>
      </Notice>
    </Show>
  );
}
