import type { Offer } from "@naerhed/core/directory/offer";
import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { AccessFacts, FactIcon } from "./FactIcon.tsx";
import { ageText, categoryName, distanceText, priceText } from "./format.ts";
import { centreName } from "@naerhed/core/shared/lists";
import { useTexts } from "../lib/texts.ts";
import { directoryTexts } from "./texts/index.ts";

/** An offer in a list; search results also say how far away it is. */
type Listed = Offer & { distance_km?: number };

/** One offer in the list. The name is the link; the whole card is clickable with the mouse. */
export function OfferCard(props: { offer: Listed }) {
  const { t, lang } = useTexts(directoryTexts);
  return (
    <article class="card">
      <h2 class="card__title">
        <A href={`/tilbud/${props.offer.id}`} class="card__link">
          {props.offer.name}
        </A>
      </h2>
      <dl class="facts">
        <div>
          <dt>{t("directory.fact.category")}</dt>
          <dd>{categoryName(props.offer.category, lang())}</dd>
        </div>
        <div>
          <dt>{t("directory.fact.centre")}</dt>
          <dd>
            {centreName(props.offer.centre_id, lang())}, {props.offer.area}
          </dd>
        </div>
        <div>
          <dt>{t("directory.fact.price")}</dt>
          <dd class="fact-with-icon">
            <FactIcon fact={props.offer.free ? "free" : "paid"} />
            {priceText(props.offer, t)}
          </dd>
        </div>
        <Show when={props.offer.distance_km !== undefined}>
          <div>
            <dt>{t("directory.fact.distance")}</dt>
            <dd>{distanceText(props.offer.distance_km!, t, lang())}</dd>
          </div>
        </Show>
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
export function OfferCards(props: { offers: readonly Listed[]; ref?: (list: HTMLUListElement) => void }) {
  return (
    <Show when={props.offers.length > 0}>
      <ul class="cards" ref={props.ref}>
        <For each={props.offers}>
          {(offer) => (
            <li>
              <OfferCard offer={offer} />
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
