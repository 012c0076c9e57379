import type { CuratedOffer } from "@naerhed/core/directory/offer";
import { A } from "@solidjs/router";
import { batch, createSignal, For, onMount, Show } from "solid-js";
import { ApiError, apiGet, apiSend } from "../../api.ts";
import { Button } from "../../components/Button.tsx";
import { createPagedList } from "../../components/paged-list.ts";
import { LoadError } from "../../components/LoadError.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { usePageTitle } from "../../components/navigation.ts";
import { type MessageKey } from "../../i18n/index.tsx";
import { useI18n } from "../texts.ts";
import { NoAccess, RequireSignIn, useSignInRedirect } from "../../identity/access.tsx";
import type { SessionPerson } from "../../identity/session.tsx";
import { centreName, formatDate } from "../format.ts";
import { centreQuery, WithCentre } from "./centres.tsx";

/** What the worklist gets of each offer (core directory/curation.ts); the editor reads the whole offer. */
export type WorklistOffer = Pick<CuratedOffer, "id" | "name" | "publication" | "assured_date" | "version"> & { needs_checking: boolean };

export type Filter = "all" | "check" | "draft" | "published" | "archived";
const filters: { id: Filter; label: MessageKey }[] = [
  { id: "all", label: "staffOffers.all" },
  { id: "check", label: "staffOffers.check" },
  { id: "draft", label: "staffOffers.drafts" },
  { id: "published", label: "staffOffers.published" },
  { id: "archived", label: "staffOffers.archived" },
];

export const publicationKey = (publication: CuratedOffer["publication"]): MessageKey => `publication.${publication}`;

export const offersPath = (centre: string) => `/directory/centres/${encodeURIComponent(centre)}/offers`;

/** /personale/tilbud: the centre's offers in every state, for staff (and admins). */
export default function StaffOffersPage() {
  const { t } = useI18n();
  usePageTitle(() => t("staffOffers.title"));
  return (
    <RequireSignIn roles={["staff", "admin"]}>
      {(person) => <WithCentre person={person()}>{(centre) => <Worklist person={person()} centre={centre} />}</WithCentre>}
    </RequireSignIn>
  );
}

function Worklist(props: { person: SessionPerson; centre: string }) {
  const { t, lang } = useI18n();
  const redirect = useSignInRedirect();
  const [forbidden, setForbidden] = createSignal(false);
  const [filter, setFilter] = createSignal<Filter>("all");
  // Checked under "Skal tjekkes": the row stays until the filter changes, so focus is not lost.
  const [justChecked, setJustChecked] = createSignal<ReadonlySet<string>>(new Set());
  const [news, setNews] = createSignal("");
  const [working, setWorking] = createSignal<string>();

  const query = () => centreQuery(props.person, props.centre);

  const list = createPagedList<WorklistOffer>(
    async (_cursor, signal) => {
      const answer = await apiGet<{ items: WorklistOffer[] }>(offersPath(props.centre), lang(), signal);
      return { items: [...answer.items].sort((a, b) => a.name.localeCompare(b.name, "da")), next_cursor: null };
    },
    (problem) => {
      if (redirect(problem)) return true;
      if (!(problem instanceof ApiError)) return false;
      if (problem.status === 403) {
        setForbidden(true);
        return true;
      }
      return false;
    },
  );
  const { items: offers, loading, loaded, error } = list;
  const load = () => list.load(false);
  onMount(() => void load());

  const shown = () =>
    offers().filter((offer) => {
      switch (filter()) {
        case "all":
          return true;
        case "check":
          return offer.needs_checking || justChecked().has(offer.id);
        default:
          return offer.publication === filter();
      }
    });

  function choose(next: Filter) {
    batch(() => {
      setFilter(next);
      setJustChecked(new Set<string>());
    });
  }

  async function verify(offer: WorklistOffer) {
    if (working()) return;
    setWorking(offer.id);
    setNews("");
    try {
      const answer = await apiSend<{ offer: CuratedOffer }>("POST", `${offersPath(props.centre)}/${offer.id}/verify`, lang(), {
        version: offer.version,
      });
      batch(() => {
        list.update((items) => items.map((item) => (item.id === offer.id ? { ...answer.offer, needs_checking: false } : item)));
        setJustChecked(new Set([...justChecked(), offer.id]));
        setNews(t("staffOffers.verified", { name: offer.name }));
      });
      // The row was drawn again with the new version: keep the keyboard user's place.
      document.querySelector<HTMLElement>(`[data-verify="${offer.id}"]`)?.focus();
    } catch (problem) {
      if (redirect(problem)) return;
      // 409: someone changed it meanwhile. Say so, and show the list as it is now.
      const why = problem instanceof ApiError ? problem.message : t("error.offline");
      setNews(`${t("staffOffers.failed", { name: offer.name })} ${why}`);
      if (problem instanceof ApiError && problem.status === 409) void load();
    } finally {
      setWorking(undefined);
    }
  }

  const status = () => {
    if (loading()) return t("staffOffers.loading");
    if (!loaded()) return "";
    return shown().length === 0 ? t("staffOffers.empty") : t("staffOffers.shown", { count: shown().length });
  };

  return (
    <Show when={!forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("staffOffers.title")} lead={t("staffOffers.lead", { centre: centreName(props.centre as never, lang()) })} />
      <p>
        <A href={`/personale/tilbud/nyt${query()}`} class="button button--primary">
          {t("staffOffers.new")}
        </A>
      </p>
      <p>
        <A href={`/personale/import${query()}`}>{t("import.staffLink")}</A>
      </p>
      <div class="toggles" role="group" aria-labelledby="staff-offers-filter">
        <span class="toggles__label" id="staff-offers-filter">
          {t("staffOffers.filter")}
        </span>
        <For each={filters}>
          {(option) => (
            <button type="button" class="toggle" aria-pressed={filter() === option.id} onClick={() => choose(option.id)}>
              {t(option.label)}
            </button>
          )}
        </For>
      </div>
      <p class="status" role="status">
        {status()}
      </p>
      {/* The result of "Tjekket i dag", read politely; on the page from the start. */}
      <p class="status" role="status">
        {news()}
      </p>
      <Show when={error()}>
        {(problem) => <LoadError title={t("staffOffers.error")} error={problem()} onRetry={() => void load()} />}
      </Show>
      <Show when={shown().length > 0}>
        <ul class="cards worklist">
          <For each={shown()}>
            {(offer) => (
              <li>
                <article class="card worklist__item">
                  <h2 class="card__title">
                    <A href={`/personale/tilbud/${offer.id}${query()}`}>{offer.name}</A>
                  </h2>
                  <Show when={offer.needs_checking}>
                    <p>
                      <span class="tag">{t("staffOffers.check")}</span>
                    </p>
                  </Show>
                  <dl class="facts">
                    <div>
                      <dt>{t("staffOffers.state")}</dt>
                      <dd>{t(publicationKey(offer.publication))}</dd>
                    </div>
                    <div>
                      <dt>{t("staffOffers.checked")}</dt>
                      <dd>
                        <Show when={offer.assured_date} fallback={t("staffOffers.never")}>
                          {(date) => <time datetime={date()}>{formatDate(date(), lang())}</time>}
                        </Show>
                      </dd>
                    </div>
                  </dl>
                  <Show when={offer.publication === "published"}>
                    <p class="worklist__actions">
                      <Button
                        variant="secondary"
                        data-verify={offer.id}
                        // The visible words first (label in name), then which offer.
                        aria-label={`${t("staffOffers.verify")}: ${offer.name}`}
                        busy={working() === offer.id}
                        onClick={() => void verify(offer)}
                      >
                        {t("staffOffers.verify")}
                      </Button>
                    </p>
                  </Show>
                </article>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </Show>
  );
}
