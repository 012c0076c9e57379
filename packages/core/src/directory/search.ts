import { stemmer } from "@orama/stemmers/danish";
import MiniSearch from "minisearch";
import * as v from "valibot";
import { CentreId } from "../shared/centres.ts";
import { AccessibilityFact, accessibilityFacts } from "./accessibility.ts";
import { categories, CategoryId } from "./categories.ts";
import type { Offer } from "./offer.ts";
import { distanceKm, KnownPostcode, pointOf, postcodePoint, type Point } from "./places.ts";
import { publicOffer } from "./public-offers.ts";
import { copenhagenMoment, isOpenAt, isOpenOn, Weekday, type LocalMoment } from "./schedule.ts";
import { danishSortKey } from "./store.ts";

/**
 * Search for citizens and relatives: the published offers, found by words in plain Danish.
 *
 * Access patterns (in this order of frequency)
 * 1. A citizen types a word, maybe with filters     → search the in-memory index (no DynamoDB call);
 *                                                     a search asked recently comes from its result cache
 * 2. The first search in a process, the first after
 *    half the maximum age (in the background), or
 *    the first after the maximum age (waiting)      → ONE Query on gsi1 gsi1pk=PUBLISHED_OFFERS (every
 *                                                     page of it: `listAllPublishedOffers`), then build
 *                                                     the index in memory
 * 3. "Vis flere"                                     → the same search again with an offset cursor (a
 *                                                     result-cache hit: the next page is a slice)
 *
 * Design, trade-offs, matching, filters and the cost of a search: docs/search.md.
 */

// Text folding and stemming
/** One spelling for æ/ø/å however they were typed, lowercase, without other accents. */
export function foldDanish(text: string): string {
  const lower = text.toLocaleLowerCase("da").normalize("NFC");
  let out = "";
  for (const char of lower) {
    if (char === "æ" || char === "ø" || char === "å") out += char;
    else if (char === "ä") out += "æ";
    else if (char === "ö") out += "ø";
    else out += char.normalize("NFD").replace(/\p{M}/gu, "");
  }
  return out.replace(/aa/g, "å").replace(/ae/g, "æ").replace(/oe/g, "ø");
}

/** Words repeat a lot across offers: remember their terms (bounded, so odd input cannot grow it forever). */
const termCache = new Map<string, string>();
const TERM_CACHE_SIZE = 50_000;

/** The form a word is indexed and searched by: folded, then its Snowball Danish stem. */
export function searchTerm(word: string): string {
  let term = termCache.get(word);
  if (term === undefined) {
    term = stemmer(foldDanish(word));
    if (termCache.size >= TERM_CACHE_SIZE) termCache.clear();
    termCache.set(word, term);
  }
  return term;
}

/** Words in a text: letters and digits, split at everything else. */
export function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** Snowball's Danish stop words, folded. Left out of queries, not out of the index. */
const STOP_WORDS = new Set(
  (
    "og i jeg det at en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu over " +
    "da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget ville jo " +
    "deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor mod disse hvis " +
    "din nogle hos blive mange ad bliver hendes været thi jer sådan"
  )
    .split(" ")
    .map(foldDanish),
);

/** The words of a query the index is asked about: stop words left out, unless they are all there is. */
export function queryWords(query: string): string[] {
  const all = words(query);
  const meaningful = all.filter((word) => !STOP_WORDS.has(foldDanish(word)));
  return meaningful.length > 0 ? meaningful : all;
}

// The query
const MAX_LIMIT = 50;
const MAX_OFFSET = 100_000;

/** Offset-style cursor: opaque to clients (base64url JSON), checked on the way back in. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeOffsetCursor(cursor: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (decoded && typeof decoded === "object" && Object.keys(decoded).length === 1) {
      const offset = (decoded as { o?: unknown }).o;
      if (typeof offset === "number" && Number.isInteger(offset) && offset > 0 && offset <= MAX_OFFSET) return offset;
    }
  } catch {
    // Not base64url JSON: the same answer as a wrong shape.
  }
  return Number.NaN;
}

/** A latitude (up to 90) or longitude (up to 180) in decimal degrees, as the browser gives it. */
const coordinate = (limit: number) =>
  v.optional(
    v.pipe(
      v.string("search_point_invalid"),
      v.regex(/^-?\d{1,3}(\.\d{1,8})?$/, "search_point_invalid"),
      v.transform(Number),
      v.minValue(-limit, "search_point_invalid"),
      v.maxValue(limit, "search_point_invalid"),
    ),
  );

/** The query string of GET /directory/search: strings in, typed values out, one message key per field. */
const SearchQueryFields = v.object({
  q: v.optional(v.pipe(v.string("search_text_invalid"), v.trim(), v.maxLength(100, "search_text_invalid")), ""),
  category: v.optional(v.pipe(v.string("category_invalid"), CategoryId)),
  centre: v.optional(v.pipe(v.string("centre_invalid"), CentreId)),
  age: v.optional(
    v.pipe(
      v.string("search_age_invalid"),
      v.regex(/^\d{1,3}$/, "search_age_invalid"),
      v.transform(Number),
      v.maxValue(120, "search_age_invalid"),
    ),
  ),
  free: v.optional(
    v.pipe(
      v.picklist(["true", "false"], "search_free_invalid"),
      v.transform((value) => value === "true"),
    ),
    "false",
  ),
  /** Comma-separated accessibility facts: "step_free,hearing_loop". */
  access: v.optional(
    v.pipe(
      v.string("accessibility_fact_invalid"),
      v.maxLength(200, "accessibility_fact_invalid"),
      v.transform((value) => [...new Set(value.split(",").filter(Boolean))].sort()),
      v.array(AccessibilityFact, "accessibility_fact_invalid"),
    ),
  ),
  day: v.optional(v.pipe(v.string("weekday_invalid"), Weekday)),
  open_now: v.optional(
    v.pipe(
      v.picklist(["true", "false"], "search_open_now_invalid"),
      v.transform((value) => value === "true"),
    ),
    "false",
  ),
  postcode: v.optional(KnownPostcode),
  lat: coordinate(90),
  lon: coordinate(180),
  limit: v.optional(
    v.pipe(
      v.string("limit_invalid"),
      v.regex(/^\d{1,3}$/, "limit_invalid"),
      v.transform(Number),
      v.minValue(1, "limit_invalid"),
      v.maxValue(MAX_LIMIT, "limit_invalid"),
    ),
    "20",
  ),
  cursor: v.optional(
    v.pipe(
      v.string("cursor_invalid"),
      v.regex(/^[A-Za-z0-9_-]{1,64}$/, "cursor_invalid"),
      v.transform(decodeOffsetCursor),
      v.check((offset) => !Number.isNaN(offset), "cursor_invalid"),
    ),
  ),
});

/** The query string of GET /directory/search, with the checks across fields: a point needs both `lat` and `lon`. */
export const SearchQuery = v.pipe(
  SearchQueryFields,
  v.forward(
    v.check((query) => (query.lat === undefined) === (query.lon === undefined), "search_point_invalid"),
    ["lon"],
  ),
);
export type SearchQuery = v.InferOutput<typeof SearchQuery>;

/** The filters a search can loosen, in the order suggestions list them. */
export const FILTERS = ["free", "access", "day", "open_now", "category", "centre", "age"] as const;
export type Filter = (typeof FILTERS)[number];

/** "Try without this filter (or without every filter): then there are `total` offers." */
export type Suggestion = { action: `drop_${Filter}` | "drop_filters"; total: number };

/** A search hit: the offer as the public sees it, and how far away it is when the search had a place. */
export type SearchHit = Offer & { distance_km?: number };

export type SearchResultPage = {
  items: SearchHit[];
  total: number;
  next_cursor: string | null;
  /** Only when nothing was found and loosening would find something. */
  suggestions?: Suggestion[];
};

// The index
type Doc = { id: string; name: string; description: string; organization: string; area: string; category: string; accessibility: string };

/** A word in the name counts most; the notes on accessibility least. */
const BOOST = { name: 4, category: 2, organization: 1.5, area: 1.5, description: 1, accessibility: 0.5 };

const toDoc = (offer: Offer): Doc => {
  const category = categories.find((c) => c.id === offer.category);
  return {
    id: offer.id,
    name: [offer.name, offer.alternate_name].filter(Boolean).join(" "),
    description: offer.description,
    organization: offer.organization_name,
    area: [offer.area, offer.location?.city].filter(Boolean).join(" "),
    category: category ? `${category.name.da} ${category.name.en}` : "",
    accessibility: [offer.accessibility_notes, ...(offer.accessibility ?? []).map((id) => accessibilityFacts.find((fact) => fact.id === id)?.name.da)]
      .filter(Boolean)
      .join(" "),
  };
};

const fuzzyFor = (term: string) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0);

export type SearchIndex = {
  /** Every published offer, in Danish name order. */
  offers: Offer[];
  /** `now` decides "open now" and which sessions are still ahead. */
  search: (query: SearchQuery, now?: Date) => SearchResultPage;
};

/** How many recent (words, filters) → ranked results one index remembers (config `directorySearchResultCacheSize`). */
export const DEFAULT_SEARCH_RESULT_CACHE_SIZE = 100;

/**
 * MiniSearch's `search` builds a result object per hit (matched terms, fields, stored fields) and
 * sorts every hit by score; we need neither, only each hit's score. `executeQuery` is the step
 * before that: the same query, options and BM25 scores, without the per-hit objects. It is not in
 * MiniSearch's typings, so it is reached through this narrow type; `buildSearchIndex` checks it is
 * there (and the tests pin the ranking), so a MiniSearch upgrade that moves it fails loudly.
 */
type RawSearch = {
  executeQuery: (query: string, options: { combineWith: "AND" | "OR" }) => Map<number, { score: number; terms: string[] }>;
  _documentIds: Map<number, string>;
};

/** One (words, filters) search, ranked and filtered, before paging: what the result cache keeps. */
type Ranked = { results: Offer[]; suggestions?: Suggestion[] };

type Unfilled = { offers: Offer[]; index: MiniSearch<Doc>; docs: Doc[] };

/** The offers in name order and an empty MiniSearch index for them. */
function startIndex(published: Offer[]): Unfilled {
  const keyed = published.map((offer) => ({ offer, key: danishSortKey(offer.name) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const offers = keyed.map(({ offer }) => offer);

  const index = new MiniSearch<Doc>({
    fields: ["name", "description", "organization", "area", "category", "accessibility"],
    tokenize: words,
    processTerm: (term) => searchTerm(term),
    searchOptions: {
      tokenize: (text) => text.split(" ").filter(Boolean),
      processTerm: (term) => searchTerm(term),
      boost: BOOST,
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => fuzzyFor(term),
      maxFuzzy: 2,
    },
  });
  return { offers, index, docs: offers.map(toDoc) };
}

/** Builds the in-memory index over these published offers. Pure: no I/O. */
export function buildSearchIndex(published: Offer[], options: { resultCacheSize?: number } = {}): SearchIndex {
  const { offers, index, docs } = startIndex(published);
  index.addAll(docs);
  return finishIndex(offers, index, options);
}

/** Offers added per step when building in steps: a few tens of milliseconds of work each. */
const BUILD_CHUNK = 500;

/**
 * The same index, built in steps of `BUILD_CHUNK` offers with a timer turn between them, so that
 * searches arriving during a background rebuild are answered in between instead of after it.
 */
export async function buildSearchIndexInSteps(published: Offer[], options: { resultCacheSize?: number } = {}): Promise<SearchIndex> {
  const { offers, index, docs } = startIndex(published);
  await index.addAllAsync(docs, { chunkSize: BUILD_CHUNK });
  return finishIndex(offers, index, options);
}

/** The search over a filled index. */
function finishIndex(offers: Offer[], index: MiniSearch<Doc>, options: { resultCacheSize?: number }): SearchIndex {
  // MiniSearch numbers documents 0, 1, 2, … in the order they are added: an offer's number is its
  // place in name order, so a hit's number is both its offer and the tie-break of equal scores.
  const raw = index as unknown as RawSearch;
  if (
    typeof raw.executeQuery !== "function" ||
    (offers.length > 0 && (raw._documentIds.get(0) !== offers[0]!.id || raw._documentIds.get(offers.length - 1) !== offers.at(-1)!.id))
  ) {
    throw new Error("MiniSearch internals changed: check buildSearchIndex in directory/search.ts");
  }
  const scores = new Float64Array(offers.length);
  // The offers of each category, each centre, and the free ones, in name order: a search without
  // words starts from the smallest of these instead of from every offer.
  const groups = new Map<string, Offer[]>();
  const addTo = (group: string, offer: Offer) => {
    const members = groups.get(group);
    if (members) members.push(offer);
    else groups.set(group, [offer]);
  };
  for (const offer of offers) {
    addTo(`category:${offer.category}`, offer);
    addTo(`centre:${offer.centre_id}`, offer);
    if (offer.free) addTo("free", offer);
  }
  function narrowest(query: SearchQuery): Offer[] {
    let from = offers;
    for (const group of [query.category && `category:${query.category}`, query.centre && `centre:${query.centre}`, query.free && "free"]) {
      if (!group) continue;
      const members = groups.get(group) ?? [];
      if (members.length < from.length) from = members;
    }
    return from;
  }

  function filtersOf(query: SearchQuery, moment: LocalMoment) {
    const active: Partial<Record<Filter, (offer: Offer) => boolean>> = {};
    if (query.access && query.access.length > 0) {
      const wanted = query.access;
      active.access = (offer) => wanted.every((fact) => offer.accessibility?.includes(fact));
    }
    if (query.day) {
      const day = query.day;
      active.day = (offer) => isOpenOn(offer, day, moment.date);
    }
    if (query.open_now) active.open_now = (offer) => isOpenAt(offer, moment);
    if (query.free) active.free = (offer) => offer.free;
    if (query.category) active.category = (offer) => offer.category === query.category;
    if (query.centre) active.centre = (offer) => offer.centre_id === query.centre;
    if (query.age !== undefined) {
      const age = query.age;
      active.age = (offer) => (offer.minimum_age ?? 0) <= age && age <= (offer.maximum_age ?? Number.POSITIVE_INFINITY);
    }
    return active;
  }

  const applying = (checks: ((offer: Offer) => boolean)[]) => (offer: Offer) => checks.every((check) => check(offer));

  // Where each offer is (by its place in name order); an offer without a place sorts last.
  const points = offers.map((offer) => pointOf(offer.location));
  const placeOf = new Map(offers.map((offer, place) => [offer, place]));
  const distanceTo = (origin: Point, place: number) => {
    const point = points[place];
    return point ? distanceKm(origin, point) : Number.POSITIVE_INFINITY;
  };
  /** Nearest first; equally near (or both without a place) in name order. */
  const nearestFirst = (list: Offer[], origin: Point) =>
    list
      .map((offer) => ({ offer, place: placeOf.get(offer)! }))
      .map((entry) => ({ ...entry, distance: distanceTo(origin, entry.place) }))
      .sort((a, b) => a.distance - b.distance || a.place - b.place)
      .map((entry) => entry.offer);
  const withDistance = (offer: Offer, origin: Point | undefined): SearchHit => {
    const shown = publicOffer(offer);
    if (!origin) return shown;
    const distance = distanceTo(origin, placeOf.get(offer)!);
    // Whole kilometres under 10 km would overstate the precision of a postcode's middle point: one decimal.
    return Number.isFinite(distance) ? { ...shown, distance_km: Math.round(distance * 10) / 10 } : shown;
  };

  /**
   * The offers that match the words and the filters, best first (relevance, then name order);
   * every offer in name order when there are no words. The words are scored once: all query
   * words must match, and only if that finds nothing, any word may.
   */
  function rank(terms: string, query: SearchQuery, moment: LocalMoment, origin: Point | undefined): Ranked {
    const active = filtersOf(query, moment);
    const checks = Object.values(active);
    const passes = applying(checks);
    let found: Offer[];
    let results: Offer[];
    if (terms === "") {
      found = offers;
      results = checks.length > 0 ? narrowest(query).filter(passes) : offers;
      if (origin) results = nearestFirst(results, origin);
    } else {
      let hits = raw.executeQuery(terms, { combineWith: "AND" });
      if (hits.size === 0) hits = raw.executeQuery(terms, { combineWith: "OR" });
      const kept: number[] = [];
      for (const [place, hit] of hits) {
        // As MiniSearch's `search`: the score times the number of query words the offer matched.
        scores[place] = hit.score * (hit.terms.length || 1);
        if (checks.length === 0 || passes(offers[place]!)) kept.push(place);
      }
      if (origin) kept.sort((a, b) => scores[b]! - scores[a]! || distanceTo(origin, a) - distanceTo(origin, b) || a - b);
      else kept.sort((a, b) => scores[b]! - scores[a]! || a - b);
      results = kept.map((place) => offers[place]!);
      found = results.length === 0 && checks.length > 0 ? [...hits.keys()].map((place) => offers[place]!) : results;
    }
    const ranked: Ranked = { results };
    if (results.length === 0 && checks.length > 0 && found.length > 0) {
      // Which one filter, left out, would find something? If none, would leaving them all out?
      const suggestions: Suggestion[] = [];
      for (const filter of FILTERS) {
        if (!active[filter]) continue;
        const others = FILTERS.filter((other) => other !== filter && active[other]).map((other) => active[other]!);
        const total = found.filter(applying(others)).length;
        if (total > 0) suggestions.push({ action: `drop_${filter}`, total });
      }
      if (suggestions.length === 0) suggestions.push({ action: "drop_filters", total: found.length });
      ranked.suggestions = suggestions;
    }
    return ranked;
  }

  // Recent searches of this index, most recent last (a Map keeps insertion order). It belongs to
  // this index, so a rebuild starts with an empty one: a cached answer is never older than its index.
  const cacheSize = options.resultCacheSize ?? DEFAULT_SEARCH_RESULT_CACHE_SIZE;
  const recent = new Map<string, Ranked>();

  function search(query: SearchQuery, now = new Date()): SearchResultPage {
    // The terms the index is asked about: two spellings with the same terms are the same search.
    const terms = queryWords(query.q).map(searchTerm).filter(Boolean).join(" ");
    const moment = copenhagenMoment(now);
    const origin =
      query.lat !== undefined && query.lon !== undefined
        ? { latitude: query.lat, longitude: query.lon }
        : query.postcode
          ? postcodePoint(query.postcode)
          : undefined;
    const key = JSON.stringify([
      terms,
      query.free,
      query.category ?? "",
      query.centre ?? "",
      query.age ?? -1,
      query.access ?? [],
      query.day ?? "",
      // Only searches that depend on the clock are keyed by it (to the minute, or the day).
      query.open_now ? `${moment.date} ${moment.time}` : query.day ? moment.date : "",
      origin ? [origin.latitude, origin.longitude] : null,
    ]);
    let ranked = recent.get(key);
    if (ranked) {
      recent.delete(key);
    } else {
      ranked = rank(terms, query, moment, origin);
    }
    if (cacheSize > 0) {
      recent.set(key, ranked);
      if (recent.size > cacheSize) recent.delete(recent.keys().next().value!);
    }
    const { results, suggestions } = ranked;
    const offset = query.cursor ?? 0;
    const next = offset + query.limit;
    const page: SearchResultPage = {
      items: results.slice(offset, next).map((offer) => withDistance(offer, origin)),
      total: results.length,
      next_cursor: next < results.length ? encodeOffsetCursor(next) : null,
    };
    if (suggestions) page.suggestions = suggestions.map((suggestion) => ({ ...suggestion }));
    return page;
  }

  return { offers, search };
}

// The per-process cache
export const DEFAULT_SEARCH_MAX_AGE_SECONDS = 60;

export type SearchIndexCache = {
  /** The index: the current one while it is younger than the maximum age, else a fresh one. */
  get: () => Promise<SearchIndex>;
  /** When the current index was built (ms since epoch), or undefined before the first build. */
  builtAt: () => number | undefined;
};

/**
 * Holds one index per process. Younger than half the maximum age: used as it is. Between half
 * and the whole maximum age: still used, and the first search in that window starts a rebuild in
 * the background (refresh ahead), so under steady traffic no search waits for a rebuild. Older
 * than the maximum age (nobody searched in the second half of the window, or the background
 * rebuild failed): the search waits for a rebuild, as it always did, so a search never sees an
 * index older than `maxAgeSeconds`. Searches at the same moment share one rebuild. A failed
 * rebuild is not kept: in the background the old index stays and the next search tries again;
 * in the foreground the search fails ("try again in a moment") and the next search tries again.
 */
export function createSearchIndexCache(options: {
  load: () => Promise<Offer[]>;
  maxAgeSeconds: number;
  now: () => Date;
  resultCacheSize?: number;
  /** Told about a failed background rebuild (the old index stays in use). */
  onBackgroundError?: (error: unknown) => void;
}): SearchIndexCache {
  let current: { index: SearchIndex; builtAt: number } | undefined;
  let building: Promise<SearchIndex> | undefined;

  function rebuild(): Promise<SearchIndex> {
    building ??= (async () => {
      try {
        const startedAt = options.now().getTime();
        const index = await buildSearchIndexInSteps(await options.load(), { resultCacheSize: options.resultCacheSize });
        current = { index, builtAt: startedAt };
        return index;
      } finally {
        building = undefined;
      }
    })();
    return building;
  }

  return {
    async get() {
      if (current) {
        const age = options.now().getTime() - current.builtAt;
        if (age < options.maxAgeSeconds * 500) return current.index;
        if (age < options.maxAgeSeconds * 1000) {
          if (!building) rebuild().catch((error: unknown) => options.onBackgroundError?.(error));
          return current.index;
        }
      }
      return rebuild();
    },
    builtAt: () => current?.builtAt,
  };
}

/** The use case behind GET /directory/search. */
export async function searchOffers(cache: SearchIndexCache, query: SearchQuery, now: Date): Promise<SearchResultPage> {
  return (await cache.get()).search(query, now);
}
