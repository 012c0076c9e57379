import type { Offer } from "@naerhed/core/directory/offer";
import { A, useLocation } from "@solidjs/router";
import { For, Show } from "solid-js";
import { AccessFacts, FactIcon } from "./FactIcon.tsx";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { ageText, cardTime, cardTimeText, categoryName, distanceText, priceText } from "./format.ts";
import { copenhagenToday } from "../lib/dates.ts";
import { useTexts } from "../lib/texts.ts";
import { contentLang } from "../lib/language.tsx";
import { directoryTexts } from "./texts/index.ts";

/** What a card's link tells the offer page: the list or search it came from. */
export type OfferLinkState = { from: string };

/** An offer in a list; search results also say how far away it is. */
type Listed = Offer & { distance_km?: number };
type WeekdayId = NonNullable<Offer["weekly"]>[number]["weekday"];

/**
 * One offer in the list: what it is, when and where, what it costs, and who can come. The name
 * is the link; the whole card is clickable with the mouse. With a day chosen, "when" is that day's time.
 */
export function OfferCard(props: { offer: Listed; day?: WeekdayId }) {
  const { t, lang } = useTexts(directoryTexts);
  const time = () => cardTime(props.offer, copenhagenToday(), props.day);
  // The town people know; a confidential place shows only its town, like the offer page.
  const town = () => props.offer.location?.city ?? props.offer.area;
  // The offer page links back to this list or search as it is now, filters and all.
  const location = useLocation();
  const from = (): OfferLinkState => ({ from: location.pathname + location.search });
  return (
    <article class="card offer-card">
      <h2 class="card__title">
        <A href={`/tilbud/${props.offer.id}`} state={from()} class="card__link" lang={contentLang(lang())}>
          {props.offer.name}
        </A>
      </h2>
      <p class="offer-card__category">
        <CategoryIcon category={props.offer.category} />
        {categoryName(props.offer.category, lang())}
      </p>
      <dl class="facts">
        <Show when={time()}>
          {(shown) => (
            <div>
              <dt>{t("directory.fact.when")}</dt>
              <dd>{cardTimeText(shown(), t, lang())}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>{t("directory.fact.where")}</dt>
          <dd>
            {town()}
            <Show when={props.offer.distance_km !== undefined}>, {distanceText(props.offer.distance_km!, t, lang())}</Show>
          </dd>
        </div>
        <div>
          <dt>{t("directory.fact.price")}</dt>
          <dd class="fact-with-icon">
            <FactIcon fact={props.offer.free ? "free" : "paid"} />
            {priceText(props.offer, t)}
          </dd>
        </div>
        <Show when={(props.offer.accessibility?.length ?? 0) > 0}>
          <div>
            <dt>{t("directory.fact.access")}</dt>
            <dd>
              <AccessFacts facts={props.offer.accessibility} />
            </dd>
          </div>
        </Show>
        <div>
          <dt>{t("directory.fact.age")}</dt>
          <dd>{ageText(props.offer, t)}</dd>
        </div>
      </dl>
    </article>
  );
}

/** The cards of a list of offers; `ref` lets a page move focus to the first new card after "Vis flere". */
export function OfferCards(props: { offers: readonly Listed[]; day?: WeekdayId; ref?: (list: HTMLUListElement) => void }) {
  return (
    <Show when={props.offers.length > 0}>
      <ul class="cards" ref={props.ref}>
        <For each={props.offers}>
          {(offer) => (
            <li>
              <OfferCard offer={offer} day={props.day} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
