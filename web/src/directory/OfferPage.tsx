import type { Offer } from "@naerhed/core/directory/offer";
import { A, useParams } from "@solidjs/router";
import { createEffect, createSignal, Match, on, onCleanup, Show, Switch } from "solid-js";
import { ApiError, apiGet } from "../api.ts";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "./texts.ts";
import { LoadError } from "./errors.tsx";
import { OfferTools } from "./OfferTools.tsx";
import { OfferView } from "./OfferView.tsx";

type State =
  | { kind: "loading" }
  | { kind: "ready"; offer: Offer }
  | { kind: "missing" }
  | { kind: "error"; error: unknown };

export default function OfferPage() {
  const { t, lang } = useI18n();
  const params = useParams<{ id: string }>();
  const [state, setState] = createSignal<State>({ kind: "loading" });
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  async function load(id: string) {
    controller?.abort();
    controller = new AbortController();
    const signal = controller.signal;
    setState({ kind: "loading" });
    try {
      const offer = await apiGet<Offer>(`/directory/offers/${encodeURIComponent(id)}`, lang(), signal);
      setState({ kind: "ready", offer });
    } catch (error) {
      if (signal.aborted) return;
      // 400: the address has no valid offer id in it. Both mean: there is no such offer.
      const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
      setState(missing ? { kind: "missing" } : { kind: "error", error });
    }
  }

  createEffect(on(() => params.id, (id) => void load(id)));

  const ready = () => {
    const current = state();
    return current.kind === "ready" ? current.offer : undefined;
  };
  const failure = () => {
    const current = state();
    return current.kind === "error" ? current : undefined;
  };

  usePageTitle(() => {
    const current = state();
    if (current.kind === "ready") return current.offer.name;
    if (current.kind === "missing") return t("offer.missingTitle");
    if (current.kind === "error") return t("offer.error");
    return t("offer.loading");
  });

  return (
    <>
      {/* The not-found page has its own, bigger link back. */}
      <Show when={state().kind !== "missing"}>
        <p class="back">
          <A href="/tilbud" class="back__link">
            <span aria-hidden="true">←</span>
            <span class="back__text">{t("offer.back")}</span>
          </A>
        </p>
      </Show>
      <p class="status" role="status">
        {state().kind === "loading" ? t("offer.loading") : ""}
      </p>
      <Switch>
        <Match when={ready()}>
          {(offer) => <OfferView offer={offer()} tools={<OfferTools offer={offer()} />} />}
        </Match>
        <Match when={state().kind === "missing"}>
          <PageHeading title={t("offer.missingTitle")} lead={t("offer.missingText")} />
          <p>
            <A href="/tilbud" class="big-link">
              {t("offer.back")}
            </A>
          </p>
        </Match>
        <Match when={failure()}>
          {(current) => (
            <>
              <PageHeading title={t("offer.error")} />
              <LoadError error={current().error} onRetry={() => void load(params.id)} />
            </>
          )}
        </Match>
      </Switch>
    </>
  );
}
