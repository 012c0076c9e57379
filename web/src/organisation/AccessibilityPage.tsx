import { complaintRoutes, platformAccessibility } from "@naerhed/core/organisation/accessibility";
import { For, Show } from "solid-js";
import { MailLink, PhoneLink } from "../components/OrganisationParts.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { PageSection } from "../components/PageSection.tsx";
import { formatDate } from "../lib/dates.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { siteOrganisation } from "../lib/site.ts";
import { useTexts } from "../lib/texts.ts";
import { organisationTexts } from "./texts/index.ts";

/**
 * /tilgaengelighed: the accessibility statement every Danish public site must publish, made from
 * the organisation's settings and what the platform knows about itself (core organisation/accessibility.ts).
 * Linked from the footer of every page. Public.
 */
export default function AccessibilityPage() {
  const { t, lang } = useTexts(organisationTexts);
  usePageTitle(() => t("organisation.a11y.title"));
  const organisation = siteOrganisation;
  return (
    <>
      <PageHeading title={t("organisation.a11y.title")} lead={t("organisation.a11y.lead")} />
      <Show when={organisation()} fallback={<p>{t("organisation.a11y.notSetUp")}</p>}>
        {(shown) => <p>{t("organisation.a11y.who", { name: shown().name })}</p>}
      </Show>
      <PageSection id="a11y-standard" title={t("organisation.a11y.standardTitle")}>
        <p>{t("organisation.a11y.standard", { standard: platformAccessibility.standard })}</p>
      </PageSection>
      <PageSection id="a11y-checks" title={t("organisation.a11y.checksTitle")}>
        <ul class="bullets">
          <For each={platformAccessibility.checks}>{(check) => <li>{t(`organisation.a11y.check.${check}`)}</li>}</For>
        </ul>
        <p>{t("organisation.a11y.checkedOn", { date: formatDate(platformAccessibility.checked_on, lang()) })}</p>
        <Show when={organisation()?.accessibility?.reviewed_on}>
          {(date) => <p>{t("organisation.a11y.reviewedOn", { name: organisation()!.short_name, date: formatDate(date(), lang()) })}</p>}
        </Show>
      </PageSection>
      <PageSection id="a11y-gaps" title={t("organisation.a11y.gapsTitle")}>
        <ul class="bullets">
          <For each={platformAccessibility.known_gaps}>{(gap) => <li>{t(`organisation.a11y.gap.${gap}`)}</li>}</For>
          <Show when={organisation()?.accessibility?.known_gaps}>{(gaps) => <li>{gaps()}</li>}</Show>
        </ul>
      </PageSection>
      <Show when={organisation()}>
        {(shown) => (
          <PageSection id="a11y-feedback" title={t("organisation.a11y.feedbackTitle")}>
            <p>
              {t("organisation.a11y.feedbackMail")} <MailLink email={shown().accessibility?.feedback_email ?? shown().contact.email} />.{" "}
              {t("organisation.a11y.feedbackPhone")} <PhoneLink phone={shown().contact.phone} />.
            </p>
          </PageSection>
        )}
      </Show>
      <PageSection id="a11y-complain" title={t("organisation.a11y.complainTitle")}>
        <p>{t("organisation.a11y.complain")}</p>
        <p>
          <a href={complaintRoutes.digitaliseringsstyrelsen} class="big-link">
            {t("organisation.a11y.complainDigst")}
          </a>
        </p>
        <p>{t("organisation.a11y.complainEqual")}</p>
        <p>
          <a href={complaintRoutes.ligebehandlingsnaevnet} class="big-link">
            {t("organisation.a11y.complainEqualLink")}
          </a>
        </p>
      </PageSection>
      <PageSection id="a11y-sources" title={t("organisation.a11y.sourcesTitle")}>
        <p>{t("organisation.a11y.postcodes")}</p>
      </PageSection>
    </>
  );
}
