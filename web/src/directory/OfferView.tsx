import type { Offer } from "@naerhed/core/directory/offer";
import { For, Show, type JSX, type ParentProps } from "solid-js";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { AccessFacts } from "./FactIcon.tsx";
import { ageText, categoryName, dayName, priceText, telHref } from "./format.ts";
import { centreName } from "../lib/site.ts";
import { formatDate } from "../lib/dates.ts";
import { useTexts } from "../lib/texts.ts";
import { contentLang } from "../lib/language.tsx";
import { directoryTexts } from "./texts/index.ts";
import { copenhagenToday } from "../lib/dates.ts";
import "./OfferView.scss";

/**
 * One offer as citizens see it (the page's h1 and every section). The public offer page and
 * the staff editor's "Se som borger" preview both show it, so the preview is exact.
 */
function Section(props: ParentProps<{ title: string }>) {
  return (
    <section class="offer-section">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A language's name in the reader's language: "da" → "dansk" / "Danish". */
function languageName(code: string, lang: "da" | "en"): string {
  const name = new Intl.DisplayNames([lang], { type: "language" }).of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** The place on OpenStreetMap (open data, no tracking): at its coordinates, or found by its address. */
function mapLink(place: NonNullable<Offer["location"]>): string {
  if (place.latitude !== undefined && place.longitude !== undefined) {
    return `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}`;
  }
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${place.address_1}, ${place.postal_code} ${place.city}`)}`;
}

/** `tools`: shown under the heading; the public page passes "Læs op" and "Udskriv", the preview nothing. */
export function OfferView(props: { offer: Offer; tools?: JSX.Element }) {
  const { t, lang } = useTexts(directoryTexts);
  // What staff wrote is Danish; marked as such on an English page.
  const own = () => contentLang(lang());
  const offer = () => props.offer;
  const hasTimes = () => (offer().weekly?.length ?? 0) > 0 || comingSessions().length > 0;
  // Sessions that have been are of no use to a citizen; the next eight are enough to plan by.
  const today = copenhagenToday();
  const comingSessions = () => (offer().sessions ?? []).filter((session) => session.date >= today).slice(0, 8);
  return (
    <article class="offer">
      <PageHeading title={offer().name} titleLang={own()} lead={categoryName(offer().category, lang())} />
      {props.tools}
      <Show when={offer().status === "temporarily closed"}>
        <Notice kind="warning">
          <p>{t("directory.offer.paused")}</p>
        </Notice>
      </Show>
      <Show when={offer().status === "inactive" || offer().status === "defunct"}>
        <Notice kind="warning">
          <p>{t("directory.offer.stopped")}</p>
        </Notice>
      </Show>
      <p class="offer__description" lang={own()}>
        {offer().description}
      </p>

      <Show when={offer().schedule_description || hasTimes()}>
        <Section title={t("directory.offer.when")}>
          <Show when={offer().schedule_description}>
            <p class="offer__text" lang={own()}>
              {offer().schedule_description}
            </p>
          </Show>
          <Show when={hasTimes()}>
            <ul class="times">
              <For each={offer().weekly ?? []}>
                {(time) => (
                  <li>
                    {t("directory.offer.weeklyTime", { day: dayName(time.weekday, lang()), from: time.opens_at, to: time.closes_at })}
                  </li>
                )}
              </For>
              <For each={comingSessions()}>
                {(session) => <li>{t("directory.offer.sessionTime", { date: formatDate(session.date, lang()), from: session.opens_at, to: session.closes_at })}</li>}
              </For>
            </ul>
            {/* Only a published offer has a public calendar file; the staff preview of a draft shows none. */}
            <Show when={offer().publication === "published"}>
              <p class="screen-only">
                <a class="big-link" href={`/api/directory/offers/${offer().id}/calendar.ics`} download="">
                  {t("directory.offer.calendar")}
                </a>
              </p>
            </Show>
          </Show>
        </Section>
      </Show>

      <Section title={t("directory.offer.where")}>
        <Show when={offer().location}>
          {(location) => (
            <Show
              when={!location().confidential}
              fallback={
                <>
                  <p>{t("directory.offer.confidential")}</p>
                  <p class="offer__address">
                    {location().postal_code} {location().city}
                  </p>
                </>
              }
            >
              <p class="offer__address" lang={own()}>
                <Show when={location().name}>
                  {location().name}
                  <br />
                </Show>
                {location().address_1}
                <br />
                {location().postal_code} {location().city}
              </p>
              <p class="screen-only">
                <a class="big-link" href={mapLink(location())} rel="noopener">
                  {t("directory.offer.directions")}
                </a>
              </p>
            </Show>
          )}
        </Show>
        <p>
          {centreName(offer().centre_id, lang())}, {offer().area}
        </p>
      </Section>

      <Section title={t("directory.offer.price")}>
        <p class="offer__text" lang={offer().free || !offer().fees_description ? undefined : own()}>
          {priceText(offer(), t)}
        </p>
      </Section>

      <Section title={t("directory.offer.who")}>
        <p>{ageText(offer(), t)}</p>
        <Show when={offer().eligibility_description}>
          <p class="offer__text" lang={own()}>
              {offer().eligibility_description}
            </p>
        </Show>
      </Section>

      <Show when={offer().application_process}>
        <Section title={t("directory.offer.join")}>
          <p class="offer__text" lang={own()}>
              {offer().application_process}
            </p>
        </Section>
      </Show>

      <Show when={offer().accessibility_notes || (offer().accessibility?.length ?? 0) > 0}>
        <Section title={t("directory.offer.access")}>
          <Show when={(offer().accessibility?.length ?? 0) > 0}>
            <AccessFacts facts={offer().accessibility} class="access-list--page" />
          </Show>
          <Show when={offer().accessibility_notes}>
            <p class="offer__text" lang={own()}>
              {offer().accessibility_notes}
            </p>
          </Show>
        </Section>
      </Show>

      <Show when={offer().languages && offer().languages!.some((code) => code !== "da")}>
        <Section title={t("directory.offer.languages")}>
          <p>{offer().languages!.map((code) => languageName(code, lang())).join(", ")}</p>
        </Section>
      </Show>

      <Show when={offer().phone || offer().email || offer().url}>
        <Section title={t("directory.offer.contact")}>
          <dl class="contact">
            <Show when={offer().phone}>
              {(phone) => (
                <div>
                  <dt>{t("directory.offer.phone")}</dt>
                  <dd>
                    <a href={telHref(phone())}>{phone()}</a>
                  </dd>
                </div>
              )}
            </Show>
            <Show when={offer().email}>
              {(email) => (
                <div>
                  <dt>{t("directory.offer.email")}</dt>
                  <dd>
                    <a href={`mailto:${email()}`}>{email()}</a>
                  </dd>
                </div>
              )}
            </Show>
            <Show when={offer().url}>
              {(url) => (
                <div>
                  <dt>{t("directory.offer.web")}</dt>
                  <dd>
                    <a href={url()} rel="external">
                      {url().replace(/^https?:\/\//, "").replace(/\/$/, "")}
                    </a>
                  </dd>
                </div>
              )}
            </Show>
          </dl>
        </Section>
      </Show>

      <Section title={t("directory.offer.by")}>
        <p lang={own()}>{offer().organization_name}</p>
      </Section>

      <p class="checked">
        <time datetime={offer().assured_date}>
          {t("directory.offer.checked", { date: formatDate(offer().assured_date, lang()) })}
        </time>
      </p>
    </article>
  );
}
