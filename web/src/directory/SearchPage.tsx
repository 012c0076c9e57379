import { accessibilityFacts, categories, categoryGroups, weekdays } from "@naerhed/core/directory/lists";
import type { Suggestion } from "@naerhed/core/directory/search";
import { centreName, openCentres } from "../lib/site.ts";
import { A, useSearchParams } from "@solidjs/router";
import { createEffect, createSignal, For, on, onCleanup, Show } from "solid-js";
import { Accordion } from "../components/Accordion.tsx";
import { Button } from "../components/Button.tsx";
import { MoreButton } from "../components/MoreButton.tsx";
import { FormField } from "../components/FormField.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { OfferCards } from "./OfferCard.tsx";
import { categoryName } from "./format.ts";
import { LoadError } from "../components/LoadError.tsx";
import { createPagedList } from "../lib/load.ts";
import { usePageTitle } from "../lib/navigation.ts";
import { useTexts } from "../lib/texts.ts";
import { directoryTexts, type DirectoryKey } from "./texts/index.ts";
import { api, ApiError, useCall } from "../lib/api.ts";
import { focusElement } from "../lib/navigation.ts";
import { TYPING_PAUSE_MS } from "../lib/forms.ts";
import "./SearchPage.scss";
import "./toggles.scss";

export const SEARCH_PAGE_SIZE = 20;

/**
 * What the address holds: ?q=&category=&centre=&age=&free=true&access=step_free,quiet_room&day=tu
 * &open=true&postcode=7000 (or &lat=&lon=). Back and forward move between searches.
 */
type SearchParams = {
  q?: string;
  category?: string;
  centre?: string;
  age?: string;
  free?: string;
  access?: string;
  day?: string;
  open?: string;
  postcode?: string;
  lat?: string;
  lon?: string;
};

const AGE = /^\d{1,3}$/;
const validAge = (value: string) => AGE.test(value) && Number(value) <= 120;
const POSTCODE = /^\d{4}$/;
const COORDINATE = /^-?\d{1,3}(\.\d{1,8})?$/;
const CENTRE_ID = /^[a-z0-9-]{1,40}$/;
const chosenFacts = (access: string | undefined) => (access ?? "").split(",").filter((id) => accessibilityFacts.some((fact) => fact.id === id));

const suggestionText: Record<Suggestion["action"], DirectoryKey> = {
  drop_free: "directory.search.dropFree",
  drop_category: "directory.search.dropCategory",
  drop_centre: "directory.search.dropCentre",
  drop_age: "directory.search.dropAge",
  drop_access: "directory.search.dropAccess",
  drop_day: "directory.search.dropDay",
  drop_open_now: "directory.search.dropOpenNow",
  drop_filters: "directory.search.dropFilters",
};
const suggestionParams: Record<Suggestion["action"], Partial<Record<keyof SearchParams, undefined>>> = {
  drop_free: { free: undefined },
  drop_category: { category: undefined },
  drop_centre: { centre: undefined },
  drop_age: { age: undefined },
  drop_access: { access: undefined },
  drop_day: { day: undefined },
  drop_open_now: { open: undefined },
  drop_filters: { free: undefined, category: undefined, centre: undefined, age: undefined, access: undefined, day: undefined, open: undefined },
};

export default function SearchPage() {
  const { t, lang } = useTexts(directoryTexts);
  usePageTitle(() => t("directory.search.title"));
  const [params, setParams] = useSearchParams<SearchParams>();

  // Only values the API accepts go to it; anything else in the address is left out.
  const query = () => {
    const search = new URLSearchParams();
    const q = (params.q ?? "").trim();
    if (q) search.set("q", q.slice(0, 100));
    if (categories.some((c) => c.id === params.category)) search.set("category", params.category!);
    // The API checks that the centre is stored; the address only has to look like a centre id.
    if (params.centre && CENTRE_ID.test(params.centre)) search.set("centre", params.centre);
    if (params.age && validAge(params.age)) search.set("age", params.age);
    if (params.free === "true") search.set("free", "true");
    const facts = chosenFacts(params.access);
    if (facts.length > 0) search.set("access", facts.join(","));
    if (weekdays.some((day) => day.id === params.day)) search.set("day", params.day!);
    if (params.open === "true") search.set("open_now", "true");
    if (params.lat && params.lon && COORDINATE.test(params.lat) && COORDINATE.test(params.lon)) {
      search.set("lat", params.lat);
      search.set("lon", params.lon);
    } else if (params.postcode && POSTCODE.test(params.postcode)) search.set("postcode", params.postcode);
    return search.toString();
  };

  const [total, setTotal] = createSignal(0);
  const [suggestions, setSuggestions] = createSignal<Suggestion[]>([]);
  const call = useCall();
  // Every change of the search in the address (typing, a filter, Back) loads the first page again.
  const list = createPagedList(query, async (search, cursor, signal) => {
    const page = await call(api.directory.search.$get, {}, { query: { ...Object.fromEntries(new URLSearchParams(search)), limit: SEARCH_PAGE_SIZE, cursor }, signal });
    setTotal(page.total);
    setSuggestions(page.suggestions ?? []);
    return page;
  });
  const { items: offers, cursor, loading, loaded, error } = list;
  // A postcode the API does not know ("Vi kender ikke postnummer 9999.") is a mistake in the form:
  // said at the field, and the results of the last search are not shown as if they were near it.
  const postcodeRefused = () => {
    const problem = list.failure();
    return problem instanceof ApiError && problem.status === 400 ? problem.fields.find((field) => field.field === "postcode")?.message : undefined;
  };
  const loadError = () => (postcodeRefused() ? undefined : error());
  let cards: HTMLUListElement | undefined;
  let status: HTMLParagraphElement | undefined;

  async function more() {
    const firstNew = await list.more();
    if (firstNew !== undefined) cards?.children[firstNew]?.querySelector<HTMLElement>("a")?.focus();
  }

  // The search field and the age field: what the person types, sent to the address after a short pause.
  const [text, setText] = createSignal(params.q ?? "");
  const [age, setAge] = createSignal(params.age ?? "");
  const [ageError, setAgeError] = createSignal(false);
  const [postcode, setPostcode] = createSignal(params.postcode ?? "");
  const [postcodeError, setPostcodeError] = createSignal(false);
  const [locationFailed, setLocationFailed] = createSignal(false);
  let written = { q: params.q ?? "", age: params.age ?? "", postcode: params.postcode ?? "" };
  createEffect(
    on(
      () => [params.q ?? "", params.age ?? "", params.postcode ?? ""] as const,
      ([q, a, p]) => {
        // Back or forward changed the address: show what it holds. Our own writes are already shown.
        if (q !== written.q) setText(q);
        if (a !== written.age) {
          setAge(a);
          setAgeError(false);
        }
        if (p !== written.postcode) {
          setPostcode(p);
          setPostcodeError(false);
        }
        written = { q, age: a, postcode: p };
      },
    ),
  );

  // One pause timer per field: typing in the next field must not drop the one before.
  const typing: Record<"q" | "age" | "postcode", ReturnType<typeof setTimeout> | undefined> = { q: undefined, age: undefined, postcode: undefined };
  onCleanup(() => Object.values(typing).forEach(clearTimeout));
  const writeText = (replace: boolean) => {
    clearTimeout(typing.q);
    const q = text().trim();
    if (q === (params.q ?? "")) return;
    written = { ...written, q };
    setParams({ q: q || undefined }, { replace });
  };
  const writeAge = () => {
    clearTimeout(typing.age);
    const value = age().trim();
    if (value !== "" && !validAge(value)) {
      setAgeError(true);
      return;
    }
    setAgeError(false);
    if (value === (params.age ?? "")) return;
    written = { ...written, age: value };
    setParams({ age: value || undefined }, { replace: true });
  };

  const writePostcode = () => {
    clearTimeout(typing.postcode);
    const value = postcode().trim();
    if (value !== "" && !POSTCODE.test(value)) {
      setPostcodeError(true);
      return;
    }
    setPostcodeError(false);
    if (value === (params.postcode ?? "") && !params.lat) return;
    written = { ...written, postcode: value };
    setParams({ postcode: value || undefined, lat: undefined, lon: undefined }, { replace: true });
  };

  // The browser asks the person first. Three decimals (about 100 m) is near enough and says less about them.
  function useLocation() {
    setLocationFailed(false);
    if (!("geolocation" in navigator)) return setLocationFailed(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        written = { ...written, postcode: "" };
        setPostcode("");
        setParams({ lat: position.coords.latitude.toFixed(3), lon: position.coords.longitude.toFixed(3), postcode: undefined });
      },
      () => setLocationFailed(true),
      { maximumAge: 300_000, timeout: 10_000 },
    );
  }

  const choose = (change: Partial<SearchParams>) => setParams(change);
  const toggleFact = (id: string) => {
    const facts = chosenFacts(params.access);
    const next = facts.includes(id) ? facts.filter((fact) => fact !== id) : [...facts, id];
    choose({ access: next.length > 0 ? next.join(",") : undefined });
  };
  const toggle = (key: "category" | "centre", id: string | undefined) => choose({ [key]: params[key] === id ? undefined : id });

  function loosen(suggestion: Suggestion) {
    if (suggestion.action === "drop_age" || suggestion.action === "drop_filters") {
      written = { ...written, age: "" };
      setAge("");
      setAgeError(false);
    }
    choose(suggestionParams[suggestion.action]);
    // The button is gone after the new search: keep the place at the result.
    status?.focus();
  }

  // Every choice in the folded filters counts once: a type, a place, "only free", each access need, a day, "open now", near, an age.
  const chosen = () => {
    const names: string[] = [];
    const category = categories.find((c) => c.id === params.category);
    if (category) names.push(categoryName(category.id, lang()));
    if (openCentres().some((c) => c.id === params.centre)) names.push(centreName(params.centre!, lang()));
    if (params.free === "true") names.push(t("directory.search.free"));
    for (const id of chosenFacts(params.access)) names.push(accessibilityFacts.find((fact) => fact.id === id)!.name[lang()]);
    const day = weekdays.find((d) => d.id === params.day);
    if (day) names.push(day.name[lang()]);
    if (params.open === "true") names.push(t("directory.search.openNow"));
    if (params.lat && params.lon) names.push(t("directory.search.usingLocation"));
    else if (params.postcode && POSTCODE.test(params.postcode)) names.push(params.postcode);
    if (params.age && validAge(params.age)) names.push(t("directory.search.ageChosen", { age: params.age }));
    return names;
  };

  function clearAll() {
    written = { ...written, age: "", postcode: "" };
    setAge("");
    setAgeError(false);
    setPostcode("");
    setPostcodeError(false);
    choose({ ...suggestionParams.drop_filters, postcode: undefined, lat: undefined, lon: undefined });
    status?.focus();
  }

  // On a wide screen the filters sit open beside the results; on a phone they start folded.
  const wide = typeof window.matchMedia === "function" && window.matchMedia("(min-width: 64em)").matches;

  const statusText = () => {
    if (loading()) return t("directory.search.loading");
    if (!loaded() || error() || postcodeRefused()) return "";
    if (total() === 0) return t("directory.search.none");
    return total() === 1 ? t("directory.search.foundOne") : t("directory.search.found", { count: total() });
  };

  return (
    <>
      <PageHeading title={t("directory.search.title")} lead={t("directory.search.lead")} />
      <a
        class="skip-to-results"
        href="#search-results"
        on:click={(event) => {
          event.preventDefault();
          focusElement(status ?? null);
        }}
      >
        {t("directory.search.skipToResults")}
      </a>
      <div class="search-layout">
      <form
        class="search"
        role="search"
        aria-label={t("directory.search.title")}
        onSubmit={(event) => {
          event.preventDefault();
          writeText(false);
          writeAge();
          writePostcode();
        }}
      >
        <div class="search__row">
          <FormField
            id="search-q"
            name="q"
            type="search"
            label={t("directory.search.field")}
            hint={t("directory.search.hint")}
            value={text()}
            autocomplete="off"
            onInput={(value) => {
              setText(value);
              clearTimeout(typing.q);
              typing.q = setTimeout(() => writeText(true), TYPING_PAUSE_MS);
            }}
          />
          <Button type="submit">{t("directory.search.submit")}</Button>
        </div>

        <Accordion
          id="search-filters"
          class="search__filters"
          initiallyOpen={wide}
          reveal={postcodeRefused() !== undefined}
          title={chosen().length > 0 ? t("directory.search.filtersChosen", { count: chosen().length }) : t("directory.search.filters")}
          after={
            <Show when={chosen().length > 0}>
              <p class="search__chosen">{t("directory.search.chosen", { list: chosen().join(", ") })}</p>
            </Show>
          }
        >
        <Show when={chosen().length > 0}>
          <p>
            <Button variant="secondary" onClick={clearAll}>
              {t("directory.search.clearAll")}
            </Button>
          </p>
        </Show>

        <div class="toggles" role="group" aria-labelledby="search-category">
          <span class="toggles__label" id="search-category">
            {t("directory.search.category")}
          </span>
          <button type="button" class="toggle" aria-pressed={!params.category} onClick={() => choose({ category: undefined })}>
            {t("directory.search.allCategories")}
          </button>
          {/* Two levels: a few broad groups, each with its kinds. */}
          <For each={categoryGroups}>
            {(group) => (
              <div class="toggles__group" role="group" aria-labelledby={`search-group-${group.id}`}>
                <span class="toggles__sublabel" id={`search-group-${group.id}`}>
                  {group.name[lang()]}
                </span>
                <For each={categories.filter((category) => category.group === group.id)}>
                  {(category) => (
                    <button type="button" class="toggle" aria-pressed={params.category === category.id} onClick={() => toggle("category", category.id)}>
                      {categoryName(category.id, lang())}
                    </button>
                  )}
                </For>
              </div>
            )}
          </For>
        </div>

        <div class="toggles" role="group" aria-labelledby="search-centre">
          <span class="toggles__label" id="search-centre">
            {t("directory.search.centre")}
          </span>
          <button type="button" class="toggle" aria-pressed={!params.centre} onClick={() => choose({ centre: undefined })}>
            {t("directory.search.allCentres")}
          </button>
          <For each={openCentres()}>
            {(centre) => (
              <button type="button" class="toggle" aria-pressed={params.centre === centre.id} onClick={() => toggle("centre", centre.id)}>
                {centreName(centre.id, lang())}
              </button>
            )}
          </For>
        </div>

        <div class="toggles" role="group" aria-labelledby="search-price">
          <span class="toggles__label" id="search-price">
            {t("directory.search.price")}
          </span>
          <button
            type="button"
            class="toggle"
            aria-pressed={params.free === "true"}
            onClick={() => choose({ free: params.free === "true" ? undefined : "true" })}
          >
            {t("directory.search.free")}
          </button>
        </div>

        <div class="toggles" role="group" aria-labelledby="search-access">
          <span class="toggles__label" id="search-access">
            {t("directory.search.access")}
          </span>
          <For each={accessibilityFacts}>
            {(fact) => (
              <button type="button" class="toggle" aria-pressed={chosenFacts(params.access).includes(fact.id)} onClick={() => toggleFact(fact.id)}>
                {fact.name[lang()]}
              </button>
            )}
          </For>
        </div>

        <div class="toggles" role="group" aria-labelledby="search-day">
          <span class="toggles__label" id="search-day">
            {t("directory.search.day")}
          </span>
          <button type="button" class="toggle" aria-pressed={!params.day && params.open !== "true"} onClick={() => choose({ day: undefined, open: undefined })}>
            {t("directory.search.allDays")}
          </button>
          <For each={weekdays}>
            {(day) => (
              <button type="button" class="toggle" aria-pressed={params.day === day.id} onClick={() => choose({ day: params.day === day.id ? undefined : day.id })}>
                {day.name[lang()]}
              </button>
            )}
          </For>
          <button type="button" class="toggle" aria-pressed={params.open === "true"} onClick={() => choose({ open: params.open === "true" ? undefined : "true" })}>
            {t("directory.search.openNow")}
          </button>
        </div>

        <div class="search__near" role="group" aria-labelledby="search-near">
          <span class="toggles__label" id="search-near">
            {t("directory.search.near")}
          </span>
          <FormField
            id="search-postcode"
            name="postcode"
            type="text"
            inputmode="numeric"
            label={t("directory.search.postcode")}
            hint={t("directory.search.postcodeHint")}
            error={postcodeError() ? t("directory.search.postcodeInvalid") : postcodeRefused()}
            value={postcode()}
            autocomplete="postal-code"
            onInput={(value) => {
              setPostcode(value);
              clearTimeout(typing.postcode);
              typing.postcode = setTimeout(writePostcode, TYPING_PAUSE_MS);
            }}
          />
          <Button variant="secondary" onClick={useLocation}>
            {t("directory.search.useLocation")}
          </Button>
          <Show when={params.lat && params.lon}>
            <p class="hint">{t("directory.search.usingLocation")}</p>
          </Show>
          <p class="hint">{t("directory.search.postcodeSource")}</p>
          <Show when={locationFailed()}>
            <p class="hint" role="alert">
              {t("directory.search.locationFailed")}
            </p>
          </Show>
        </div>

        <div class="search__age">
          <FormField
            id="search-age"
            name="age"
            type="text"
            inputmode="numeric"
            label={t("directory.search.age")}
            hint={t("directory.search.ageHint")}
            error={ageError() ? t("directory.search.ageInvalid") : undefined}
            value={age()}
            autocomplete="off"
            onInput={(value) => {
              setAge(value);
              clearTimeout(typing.age);
              typing.age = setTimeout(writeAge, TYPING_PAUSE_MS);
            }}
          />
        </div>
        </Accordion>
      </form>

      <div class="search-results">

      {/* Always on the page, so screen readers hear each new count (polite). */}
      <p class="status" id="search-results" role="status" tabindex="-1" ref={status}>
        {statusText()}
      </p>

      <Show when={!postcodeRefused()}>
        <OfferCards offers={offers()} day={weekdays.find((d) => d.id === params.day)?.id} ref={(list) => (cards = list)} />
      </Show>

      <Show when={loaded() && !loading() && !error() && total() === 0}>
        <section class="loosen" aria-labelledby="search-loosen">
          <Show
            when={suggestions().length > 0}
            fallback={
              <>
                <h2 id="search-loosen">{t("directory.search.noWordsTitle")}</h2>
                <p>{t("directory.search.noWordsText")}</p>
                <p>
                  <A href="/tilbud" class="big-link">
                    {t("directory.search.allOffers")}
                  </A>
                </p>
              </>
            }
          >
            <h2 id="search-loosen">{t("directory.search.loosenTitle")}</h2>
            <ul class="loosen__list">
              <For each={suggestions()}>
                {(suggestion) => (
                  <li>
                    <Button variant="secondary" onClick={() => loosen(suggestion)}>
                      {t(suggestionText[suggestion.action], { count: suggestion.total })}
                    </Button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </Show>

      <Show when={loadError()}>
        {(problem) => <LoadError title={t("directory.search.error")} error={problem()} takeFocus={loaded()} onRetry={() => void (loaded() ? more() : list.reload())} />}
      </Show>
      <Show when={cursor() && !error()}>
        <MoreButton label={t("directory.offers.more")} busy={loading()} onClick={() => void more()} />
      </Show>
      </div>
      </div>
    </>
  );
}
