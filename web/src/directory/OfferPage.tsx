import type { Offer } from "@naerhed/core/directory/offer";
import { A, useParams } from "@solidjs/router";
import { createEffect, createSignal, Match, on, onCleanup, Show, Switch, type ParentProps } from "solid-js";
import { ApiError, apiGet } from "../api.ts";
import { Notice } from "../components/Notice.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { usePageTitle } from "../components/navigation.ts";
import { useI18n } from "../i18n/index.tsx";
import { LoadError } from "./errors.tsx";
import { ageText, categoryName, centreName, formatDate, priceText, telHref } from "./format.ts";

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
          {(offer) => <OfferDetails offer={offer()} />}
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

function Section(props: ParentProps<{ title: string }>) {
  return (
    <section class="offer-section">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}

function OfferDetails(props: { offer: Offer }) {
  const { t, lang } = useI18n();
  const offer = () => props.offer;
  return (
    <article class="offer">
      <PageHeading title={offer().name} lead={categoryName(offer().category, lang())} />
      <Show when={offer().status === "temporarily closed"}>
        <Notice kind="warning">
          <p>{t("offer.paused")}</p>
        </Notice>
      </Show>
      <Show when={offer().status === "inactive" || offer().status === "defunct"}>
        <Notice kind="warning">
          <p>{t("offer.stopped")}</p>
        </Notice>
      </Show>
      <p class="offer__description">{offer().description}</p>

      <Show when={offer().schedule_description}>
        <Section title={t("offer.when")}>
          <p class="offer__text">{offer().schedule_description}</p>
        </Section>
      </Show>

      <Section title={t("offer.where")}>
        <Show when={offer().location}>
          {(location) => (
            <p class="offer__address">
              <Show when={location().name}>
                {location().name}
                <br />
              </Show>
              {location().address_1}
              <br />
              {location().postal_code} {location().city}
            </p>
          )}
        </Show>
        <p>
          {centreName(offer().centre_id, lang())}, {offer().area}
        </p>
      </Section>

      <Section title={t("offer.price")}>
        <p class="offer__text">{priceText(offer(), t)}</p>
      </Section>

      <Section title={t("offer.who")}>
        <p>{ageText(offer(), t)}</p>
        <Show when={offer().eligibility_description}>
          <p class="offer__text">{offer().eligibility_description}</p>
        </Show>
      </Section>

      <Show when={offer().application_process}>
        <Section title={t("offer.join")}>
          <p class="offer__text">{offer().application_process}</p>
        </Section>
      </Show>

      <Show when={offer().accessibility_notes}>
        <Section title={t("offer.access")}>
          <p class="offer__text">{offer().accessibility_notes}</p>
        </Section>
      </Show>

      <Show when={offer().phone || offer().email || offer().url}>
        <Section title={t("offer.contact")}>
          <dl class="contact">
            <Show when={offer().phone}>
              {(phone) => (
                <div>
                  <dt>{t("offer.phone")}</dt>
                  <dd>
                    <a href={telHref(phone())}>{phone()}</a>
                  </dd>
                </div>
              )}
            </Show>
            <Show when={offer().email}>
              {(email) => (
                <div>
                  <dt>{t("offer.email")}</dt>
                  <dd>
                    <a href={`mailto:${email()}`}>{email()}</a>
                  </dd>
                </div>
              )}
            </Show>
            <Show when={offer().url}>
              {(url) => (
                <div>
                  <dt>{t("offer.web")}</dt>
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

      <Section title={t("offer.by")}>
        <p>{offer().organization_name}</p>
      </Section>

      <p class="checked">
        <time datetime={offer().assured_date}>
          {t("offer.checked", { date: formatDate(offer().assured_date, lang()) })}
        </time>
      </p>
    </article>
  );
}
