import type { Offer } from "@naerhed/core/directory/offer";
import { A } from "@solidjs/router";
import { batch, createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { apiGet } from "../api.ts";
import { Button } from "../components/Button.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { LoadError } from "./errors.tsx";
import { OfferCard } from "./OfferCard.tsx";
import type { OfferPage } from "./format.ts";

export const PAGE_SIZE = 20;

export default function OffersPage() {
  const { t, lang } = useI18n();
  usePageTitle(() => t("offers.title"));

  const [offers, setOffers] = createSignal<Offer[]>([]);
  const [cursor, setCursor] = createSignal<string | null>(null);
  const [loading, setLoading] = createSignal(true);
  const [error, setError] = createSignal<unknown>();
  const [loaded, setLoaded] = createSignal(false);
  let list: HTMLUListElement | undefined;
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  async function load(more: boolean) {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    const next = cursor();
    if (more && next) params.set("cursor", next);
    batch(() => {
      setLoading(true);
      setError(undefined);
    });
    try {
      const page = await apiGet<OfferPage>(`/directory/offers?${params}`, lang(), signal);
      const firstNew = more ? offers().length : 0;
      batch(() => {
        setOffers(more ? [...offers(), ...page.items] : page.items);
        setCursor(page.next_cursor);
        setLoaded(true);
        setLoading(false);
      });
      // After "Vis flere", keyboard and screen reader users continue at the first new offer.
      if (more) list?.children[firstNew]?.querySelector<HTMLElement>("a")?.focus();
    } catch (problem) {
      if (signal.aborted) return;
      batch(() => {
        setError(() => problem);
        setLoading(false);
      });
    }
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
      {/* Always on the page, so screen readers hear each change (polite). */}
      <p class="status" role="status">
        {status()}
      </p>
      <Show when={offers().length > 0}>
        <ul class="cards" ref={list}>
          <For each={offers()}>
            {(offer) => (
              <li>
                <OfferCard offer={offer} />
              </li>
            )}
          </For>
        </ul>
      </Show>
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
        <p class="more">
          <Button onClick={() => void load(true)} busy={loading()}>
            {t("offers.more")}
          </Button>
        </p>
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
