import { A } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { MoreButton } from "../components/MoreButton.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { OfferCards } from "./OfferCard.tsx";
import { LoadError } from "../components/LoadError.tsx";
import { createPagedList } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { directoryTexts } from "./texts/index.ts";
import { api, useCall } from "../lib/api.ts";

export const PAGE_SIZE = 20;

export default function OffersPage() {
  const { t } = useTexts(directoryTexts);
  usePageTitle(() => t("directory.offers.title"));

  const call = useCall();
  const [total, setTotal] = createSignal(0);
  const list = createPagedList(
    () => true,
    async (_, cursor, signal) => {
      const page = await call(api.directory.offers.$get, {}, { query: { limit: PAGE_SIZE, cursor }, signal });
      setTotal(page.total);
      return page;
    },
  );
  const { items: offers, cursor, loading, loaded, error } = list;
  let cards: HTMLUListElement | undefined;

  async function more() {
    const firstNew = await list.more();
    // After "Vis flere", keyboard and screen reader users continue at the first new offer.
    if (firstNew !== undefined) cards?.children[firstNew]?.querySelector<HTMLElement>("a")?.focus();
  }

  const status = () => {
    if (loading()) return t("directory.offers.loading");
    if (!loaded()) return "";
    const count = offers().length;
    if (count === 0) return t("directory.offers.empty");
    // The count in all comes from a briefly cached index: never say fewer than are shown.
    return cursor() ? t("directory.offers.shown", { count, total: Math.max(total(), count) }) : t("directory.offers.shownAll", { count });
  };

  return (
    <>
      <PageHeading title={t("directory.offers.title")} lead={t("directory.offers.lead")} />
      {/* Search: the way in for most people, so it comes first. */}
      <p>
        <A href="/tilbud/soeg" class="button button-primary search-link">
          {t("directory.search.link")}
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
            title={t("directory.offers.error")}
            error={problem()}
            takeFocus={loaded()}
            onRetry={() => void (loaded() ? more() : list.reload())}
          />
        )}
      </Show>
      <Show when={cursor() && !error()}>
        <MoreButton label={t("directory.offers.more")} busy={loading()} onClick={() => void more()} />
      </Show>
      {/* Suggestions: anyone may tell us about an offer that is missing. */}
      <p class="after-form">
        <A href="/tilbud/foreslaa" class="big-link">
          {t("directory.suggest.link")}
        </A>
      </p>
    </>
  );
}
