import type { Offer } from "@naerhed/core/directory/offer";
import { A } from "@solidjs/router";
import { onMount, Show } from "solid-js";
import { apiGet } from "../api.ts";
import { MoreButton } from "../components/MoreButton.tsx";
import { createPagedList } from "../components/paged-list.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "./texts.ts";
import { LoadError } from "./errors.tsx";
import { OfferCards } from "./OfferCard.tsx";
import type { OfferPage } from "./format.ts";

export const PAGE_SIZE = 20;

export default function OffersPage() {
  const { t, lang } = useI18n();
  usePageTitle(() => t("offers.title"));

  const list = createPagedList<Offer>((cursor, signal) => {
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) params.set("cursor", cursor);
    return apiGet<OfferPage>(`/directory/offers?${params}`, lang(), signal);
  });
  const { items: offers, cursor, loading, loaded, error } = list;
  let cards: HTMLUListElement | undefined;

  async function load(more: boolean) {
    const firstNew = await list.load(more);
    // After "Vis flere", keyboard and screen reader users continue at the first new offer.
    if (more && firstNew !== undefined) cards?.children[firstNew]?.querySelector<HTMLElement>("a")?.focus();
  }

  onMount(() => void load(false));

  const status = () => {
    if (loading()) return t("offers.loading");
    if (!loaded()) return "";
    const count = offers().length;
    if (count === 0) return t("offers.empty");
    return cursor() ? t("offers.shown", { count }) : t("offers.shownAll", { count });
  };

  return (
    <>
      <PageHeading title={t("offers.title")} lead={t("offers.lead")} />
      {/* Search: the way in for most people, so it comes first. */}
      <p>
        <A href="/tilbud/soeg" class="button button--primary search-link">
          {t("search.link")}
        </A>
      </p>
      {/* Always on the page, so screen readers hear each change (polite). */}
      <p class="status" role="status">
        {status()}
      </p>
      <OfferCards offers={offers()} ref={(list) => (cards = list)} />
      <Show when={error()}>
        {(problem) => (
          <LoadError
            title={t("offers.error")}
            error={problem()}
            takeFocus={loaded()}
            onRetry={() => void load(loaded())}
          />
        )}
      </Show>
      <Show when={cursor() && !error()}>
        <MoreButton label={t("offers.more")} busy={loading()} onClick={() => void load(true)} />
      </Show>
      {/* Suggestions: anyone may tell us about an offer that is missing. */}
      <p class="after-form">
        <A href="/tilbud/foreslaa" class="big-link">
          {t("suggest.link")}
        </A>
      </p>
    </>
  );
}
