import type { Offer } from "@naerhed/core/directory/offer";
import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { useI18n } from "../i18n/index.tsx";
import { ageText, categoryName, centreName, priceText } from "./format.ts";

/** One offer in the list. The name is the link; the whole card is clickable with the mouse. */
export function OfferCard(props: { offer: Offer }) {
  const { t, lang } = useI18n();
  return (
    <article class="card">
      <h2 class="card__title">
        <A href={`/tilbud/${props.offer.id}`} class="card__link">
          {props.offer.name}
        </A>
      </h2>
      <dl class="facts">
        <div>
          <dt>{t("fact.category")}</dt>
          <dd>{categoryName(props.offer.category, lang())}</dd>
        </div>
        <div>
          <dt>{t("fact.centre")}</dt>
          <dd>
            {centreName(props.offer.centre_id, lang())}, {props.offer.area}
          </dd>
        </div>
        <div>
          <dt>{t("fact.price")}</dt>
          <dd>{priceText(props.offer, t)}</dd>
        </div>
        <div>
          <dt>{t("fact.age")}</dt>
          <dd>{ageText(props.offer, t)}</dd>
        </div>
      </dl>
    </article>
  );
}

/** The cards of a list of offers; `ref` lets a page move focus to the first new card after "Vis flere". */
export function OfferCards(props: { offers: readonly Offer[]; ref?: (list: HTMLUListElement) => void }) {
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
