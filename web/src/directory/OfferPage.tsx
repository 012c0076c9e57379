import { A, useLocation, useParams } from "@solidjs/router";
import type { OfferLinkState } from "./OfferCard.tsx";
import { Match, Show, Switch } from "solid-js";
import { LoadError } from "../components/LoadError.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { api, useCall } from "../lib/api.ts";
import { createLoader } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { OfferTools } from "./OfferTools.tsx";
import { OfferView } from "./OfferView.tsx";
import { PaperLink } from "./PaperLink.tsx";
import { directoryTexts } from "./texts/index.ts";

/** /tilbud/:id — one offer as citizens see it, with "Læs op" and "Udskriv". */
export default function OfferPage() {
  const { t } = useTexts(directoryTexts);
  const params = useParams<{ id: string }>();
  const call = useCall();
  const offer = createLoader(
    () => params.id,
    (id, signal) => call(api.directory.offers[":id"].$get, { param: { id } }, { signal }),
  );

  // Back to the search as it was (its address holds every filter), or to all offers.
  const location = useLocation<Partial<OfferLinkState>>();
  const back = () => {
    const from = location.state?.from;
    return from?.startsWith("/tilbud/soeg") ? { href: from, text: t("directory.offer.backToSearch") } : { href: "/tilbud", text: t("directory.offer.back") };
  };

  usePageTitle(() => {
    if (offer.data()) return offer.data()!.name;
    if (offer.missing()) return t("directory.offer.missingTitle");
    if (offer.error()) return t("directory.offer.error");
    return t("directory.offer.loading");
  });

  return (
    <>
      {/* The not-found page has its own, bigger link back. */}
      <Show when={!offer.missing()}>
        <p class="back">
          <A href={back().href} class="back__link">
            <span aria-hidden="true">←</span>
            <span class="back__text">{back().text}</span>
          </A>
        </p>
      </Show>
      <p class="status" role="status">
        {offer.loading() ? t("directory.offer.loading") : ""}
      </p>
      <Switch>
        <Match when={offer.data()}>
          {(shown) => (
            <>
              <OfferView offer={shown()} tools={<OfferTools offer={shown()} />} />
              <PaperLink id={shown().id} />
            </>
          )}
        </Match>
        <Match when={offer.missing()}>
          <PageHeading title={t("directory.offer.missingTitle")} lead={t("directory.offer.missingText")} />
          <p>
            <A href="/tilbud" class="big-link">
              {t("directory.offer.back")}
            </A>
          </p>
        </Match>
        <Match when={offer.error()}>
          {(error) => (
            <>
              <PageHeading title={t("directory.offer.error")} />
              <LoadError error={error()} onRetry={offer.reload} />
            </>
          )}
        </Match>
      </Switch>
    </>
  );
}
