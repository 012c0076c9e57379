import type { CuratedOffer } from "@naerhed/core/directory/offer";
import { A } from "@solidjs/router";
import { batch, createSignal, For, onCleanup, Show } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { FormField } from "../../components/FormField.tsx";
import { MoreButton } from "../../components/MoreButton.tsx";
import { TYPING_PAUSE_MS } from "../../lib/forms.ts";
import { LoadError } from "../../components/LoadError.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { centreQuery, WithCentre } from "./centres.tsx";
import { centreName } from "../../lib/site.ts";
import { NoAccess } from "../../components/NoAccess.tsx";
import { RequireSignIn } from "../../components/RequireSignIn.tsx";
import { api, ApiError, useCall, type Answer } from "../../lib/api.ts";
import { formatDate } from "../../lib/dates.ts";
import { createLoader, createPagedList } from "../../lib/load.ts";
import { usePageTitle } from "../../lib/navigation.ts";
import type { SessionPerson } from "../../lib/session.tsx";
import { useSignInRedirect } from "../../lib/sign-in.ts";
import { useTexts } from "../../lib/texts.ts";
import { siteTexts } from "../../lib/texts/index.ts";
import { directoryTexts, type DirectoryKey } from "../texts/index.ts";
import "./StaffOffersPage.scss";
import "../toggles.scss";

/** Offers per page of the worklist. */
export const PAGE_SIZE = 25;

/** What the worklist gets of each offer; the editor reads the whole offer. */
type WorklistOffer = Answer<(typeof api.directory.centres)[":centre"]["offers"]["$get"]>["items"][number];

export type Filter = "all" | "check" | "draft" | "published" | "archived";
const filters: { id: Filter; label: DirectoryKey }[] = [
  { id: "all", label: "directory.staffOffers.all" },
  { id: "check", label: "directory.staffOffers.check" },
  { id: "draft", label: "directory.staffOffers.drafts" },
  { id: "published", label: "directory.staffOffers.published" },
  { id: "archived", label: "directory.staffOffers.archived" },
];

export const publicationKey = (publication: CuratedOffer["publication"]): DirectoryKey => `directory.publication.${publication}`;

/** /personale/tilbud: the centre's offers in every state, for staff (and admins). */
export default function StaffOffersPage() {
  const { t } = useTexts(directoryTexts);
  usePageTitle(() => t("directory.staffOffers.title"));
  return (
    <RequireSignIn roles={["staff", "admin"]}>
      {(person) => <WithCentre person={person()}>{(centre) => <Worklist person={person()} centre={centre} />}</WithCentre>}
    </RequireSignIn>
  );
}

function Worklist(props: { person: SessionPerson; centre: string }) {
  const { t, lang } = useTexts(directoryTexts);
  const site = useTexts(siteTexts);
  const redirect = useSignInRedirect();
  const call = useCall();
  const [filter, setFilter] = createSignal<Filter>("all");
  // What is typed, and the name the list was asked for: the list follows the field after a pause in the typing, or at once on Enter.
  const [typed, setTyped] = createSignal("");
  const [name, setName] = createSignal("");
  let typing: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(typing));
  const [news, setNews] = createSignal("");
  const [working, setWorking] = createSignal<string>();
  let cards: HTMLUListElement | undefined;

  const query = () => centreQuery(props.person, props.centre);

  // The server pages, searches and filters: a centre can have thousands of offers.
  const list = createPagedList(
    () => ({ centre: props.centre, state: filter(), name: name() }),
    (source, cursor, signal) =>
      call(
        api.directory.centres[":centre"].offers.$get,
        { param: { centre: source.centre } },
        { query: { limit: String(PAGE_SIZE), state: source.state, ...(source.name ? { name: source.name } : {}), ...(cursor ? { cursor } : {}) }, signal },
      ),
  );
  const { items: offers, cursor, loading, loaded, error } = list;
  // After the list, so the worklist comes first.
  const suggestions = createLoader(
    () => ({ centre: props.centre }),
    (param, signal) => call(api.directory.centres[":centre"].suggestions.$get, { param }, { signal }),
  );

  const load = list.reload;

  function search(now: string) {
    clearTimeout(typing);
    setName(now.trim());
  }

  async function more() {
    const firstNew = await list.more();
    // After "Vis flere", keyboard and screen reader users continue at the first new offer.
    if (firstNew !== undefined) cards?.children[firstNew]?.querySelector<HTMLElement>("a")?.focus();
  }

  async function verify(offer: WorklistOffer) {
    if (working()) return;
    setWorking(offer.id);
    setNews("");
    try {
      const param = { centre: props.centre, id: offer.id };
      const answer = await call(api.directory.centres[":centre"].offers[":id"].verify.$post, { param }, { body: { version: offer.version } });
      // Changed in place: under "Skal tjekkes" the row stays until the list is read again, so focus is not lost.
      batch(() => {
        list.update((items) => items.map((item) => (item.id === offer.id ? { ...answer.offer, needs_checking: false } : item)));
        setNews(t("directory.staffOffers.verified", { name: offer.name }));
      });
      // The row was drawn again with the new version: keep the keyboard user's place.
      document.querySelector<HTMLElement>(`[data-verify="${offer.id}"]`)?.focus();
    } catch (problem) {
      if (redirect(problem)) return;
      // 409: someone changed it meanwhile. Say so, and show the list as it is now.
      const why = problem instanceof ApiError ? problem.message : site.t("site.error.offline");
      setNews(`${t("directory.staffOffers.failed", { name: offer.name })} ${why}`);
      if (problem instanceof ApiError && problem.status === 409) void load();
    } finally {
      setWorking(undefined);
    }
  }

  const status = () => {
    if (loading()) return t("directory.staffOffers.loading");
    if (!loaded()) return "";
    const count = offers().length;
    if (count === 0) return name() ? t("directory.staffOffers.noMatch", { name: name() }) : t("directory.staffOffers.empty");
    return cursor() ? t("directory.staffOffers.shownMore", { count }) : t("directory.staffOffers.shown", { count });
  };

  return (
    <Show when={!list.forbidden()} fallback={<NoAccess />}>
      <PageHeading title={t("directory.staffOffers.title")} lead={t("directory.staffOffers.lead", { centre: centreName(props.centre, lang()) })} />
      <p>
        <A href={`/personale/tilbud/nyt${query()}`} class="button button-primary">
          {t("directory.staffOffers.new")}
        </A>
      </p>
      <p>
        <A href={`/personale/import${query()}`}>{t("directory.import.staffLink")}</A>
      </p>
      {/* Citizens' suggestions wait here too: the count says whether there is work. */}
      <Show when={suggestions.data()}>
        {(waiting) => (
          <p>
            <A href="/personale/forslag">{t("directory.staffOffers.suggestions", { count: waiting().items.length })}</A>
          </p>
        )}
      </Show>
      <form
        class="worklist__search"
        role="search"
        aria-label={t("directory.staffOffers.search")}
        onSubmit={(event) => {
          event.preventDefault();
          search(typed());
        }}
      >
        <FormField
          id="worklist-name"
          type="search"
          label={t("directory.staffOffers.search")}
          hint={t("directory.staffOffers.searchHint")}
          value={typed()}
          autocomplete="off"
          onInput={(value) => {
            setTyped(value);
            clearTimeout(typing);
            typing = setTimeout(() => search(value), TYPING_PAUSE_MS);
          }}
        />
        <Button type="submit">{t("directory.staffOffers.searchButton")}</Button>
      </form>
      <div class="toggles" role="group" aria-labelledby="staff-offers-filter">
        <span class="toggles__label" id="staff-offers-filter">
          {t("directory.staffOffers.filter")}
        </span>
        <For each={filters}>
          {(option) => (
            <button type="button" class="toggle" aria-pressed={filter() === option.id} onClick={() => setFilter(option.id)}>
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
      <Show when={offers().length > 0}>
        <ul class="cards worklist" ref={(element) => (cards = element)}>
          <For each={offers()}>
            {(offer) => (
              <li>
                <article class="card worklist__item">
                  <h2 class="card__title">
                    <A href={`/personale/tilbud/${offer.id}${query()}`}>{offer.name}</A>
                  </h2>
                  <Show when={offer.needs_checking}>
                    <p>
                      <span class="badge">{t("directory.staffOffers.check")}</span>
                    </p>
                  </Show>
                  <dl class="facts">
                    <div>
                      <dt>{t("directory.staffOffers.state")}</dt>
                      <dd>{t(publicationKey(offer.publication))}</dd>
                    </div>
                    <div>
                      <dt>{t("directory.staffOffers.checked")}</dt>
                      <dd>
                        <Show when={offer.assured_date} fallback={t("directory.staffOffers.never")}>
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
                        aria-label={`${t("directory.staffOffers.verify")}: ${offer.name}`}
                        busy={working() === offer.id}
                        onClick={() => void verify(offer)}
                      >
                        {t("directory.staffOffers.verify")}
                      </Button>
                    </p>
                  </Show>
                </article>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={error()}>
        {(problem) => (
          <LoadError title={t("directory.staffOffers.error")} error={problem()} takeFocus={loaded()} onRetry={() => void (loaded() ? more() : load())} />
        )}
      </Show>
      <Show when={cursor() && !error()}>
        <MoreButton label={t("directory.staffOffers.more")} busy={loading()} onClick={() => void more()} />
      </Show>
    </Show>
  );
}
