import { stemmer } from "@orama/stemmers/danish";
import MiniSearch, { type SearchResult } from "minisearch";
import * as v from "valibot";
import { CentreId } from "../shared/centres.ts";
import { categories, CategoryId } from "./categories.ts";
import type { Offer } from "./offer.ts";
import { danishSortKey } from "./store.ts";

/**
 * Search for citizens and relatives: the published offers, found by words in plain Danish.
 *
 * Access patterns (in this order of frequency)
 * 1. A citizen types a word, maybe with filters     → search the in-memory index (no DynamoDB call)
 * 2. The first search in a process, or the first
 *    after the index got too old                    → ONE Query on gsi1 gsi1pk=PUBLISHED_OFFERS (every
 *                                                     page of it: `listAllPublishedOffers`), then build
 *                                                     the index in memory
 * 3. "Vis flere"                                     → the same search again with an offset cursor
 *
 * Design for speed. A municipality has hundreds or a few thousand published offers: all of them
 * fit in memory (about 2 KB each, so 20,000 offers are about 40 MB) and full-text search needs
 * every one of them anyway. So each process (one Lambda container, or the local server) loads
 * the published offers with the sparse index gsi1 — which holds only published offers, so a
 * draft can never be found — and builds a MiniSearch index. The index is kept for at most
 * `maxAgeSeconds` (config `DIRECTORY_SEARCH_MAX_AGE_SECONDS`, default 60) and rebuilt lazily:
 * the first search after that waits for one rebuild; searches at the same moment share it.
 *
 * The trade-off: a just-published, changed or unpublished offer can take up to `maxAgeSeconds`
 * to show up (or to disappear) in search, per container. The offer's own page
 * (GET /directory/offers/{id}) always reads DynamoDB, so it is always current, and a hit that
 * was unpublished in the meantime leads to "Vi kan ikke finde tilbuddet", never to a draft.
 * The cost is one gsi1 query (a few read units per 1 MB) per container per `maxAgeSeconds`,
 * whether citizens search once or a thousand times.
 *
 * Matching, the same for the index and the query (`searchTerms`):
 * - lowercase; accents dropped (café = cafe); ä/ö written as æ/ø;
 * - the old and the keyboard-less spellings aa/ae/oe folded to å/æ/ø, so "Aeblehaven" finds
 *   "Æblehaven" and "aaben" finds "Åben" (folding to the Danish letters, not away from them,
 *   lets the stemmer see real Danish vowels);
 * - Snowball Danish stems: "tilbuddene" → "tilbud", "gåture" → "gåtur", "svømmer" → "svøm";
 * - every query word of 2 letters or more also matches as a prefix of an indexed word, so
 *   "svøm" finds "svømning" while the citizen types;
 * - a typo in a longer word is forgiven: 1 letter from 5 letters, 2 from 8;
 * - common little words ("i", "og", "for") are left out of the query unless it has only those.
 * All query words must match (more words, fewer results); if that finds nothing, any word may.
 * Ranking: relevance (a word in the name counts most), then the name in Danish order.
 */

// ── Text folding and stemming ────────────────────────────────────────────────────────────

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

// ── The query ────────────────────────────────────────────────────────────────────────────

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

/** The query string of GET /directory/search: strings in, typed values out, one message key per field. */
export const SearchQuery = v.object({
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
export type SearchQuery = v.InferOutput<typeof SearchQuery>;

/** The filters a search can loosen, in the order suggestions list them. */
export const FILTERS = ["free", "category", "centre", "age"] as const;
export type Filter = (typeof FILTERS)[number];

/** "Try without this filter (or without every filter): then there are `total` offers." */
export type Suggestion = { action: `drop_${Filter}` | "drop_filters"; total: number };

export type SearchResultPage = {
  items: Offer[];
  total: number;
  next_cursor: string | null;
  /** Only when nothing was found and loosening would find something. */
  suggestions?: Suggestion[];
};

// ── The index ────────────────────────────────────────────────────────────────────────────

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
    accessibility: offer.accessibility_notes ?? "",
  };
};

const fuzzyFor = (term: string) => (term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0);

export type SearchIndex = {
  /** Every published offer, in Danish name order. */
  offers: Offer[];
  search: (query: SearchQuery) => SearchResultPage;
};

/** Builds the in-memory index over these published offers. Pure: no I/O. */
export function buildSearchIndex(published: Offer[]): SearchIndex {
  const keyed = published.map((offer) => ({ offer, key: danishSortKey(offer.name) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const offers = keyed.map(({ offer }) => offer);
  // Each offer with its place in name order: the tie-break of equal scores is a number comparison.
  const byId = new Map(offers.map((offer, rank) => [offer.id, { offer, rank }]));

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
  index.addAll(offers.map(toDoc));

  /** Offers that match the words, best first; every offer in name order when there are no words. */
  function matching(text: string): Offer[] {
    const query = queryWords(text).join(" ");
    if (query === "") return offers;
    let hits: SearchResult[] = index.search(query, { combineWith: "AND" });
    if (hits.length === 0) hits = index.search(query, { combineWith: "OR" });
    return hits
      .map((hit) => ({ ...byId.get(hit.id as string)!, score: hit.score }))
      .sort((a, b) => b.score - a.score || a.rank - b.rank)
      .map((hit) => hit.offer);
  }

  function filtersOf(query: SearchQuery) {
    const active: Partial<Record<Filter, (offer: Offer) => boolean>> = {};
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

  function search(query: SearchQuery): SearchResultPage {
    const found = matching(query.q);
    const active = filtersOf(query);
    const checks = Object.values(active);
    const results = found.filter(applying(checks));
    const offset = query.cursor ?? 0;
    const items = results.slice(offset, offset + query.limit);
    const next = offset + query.limit;
    const page: SearchResultPage = {
      items,
      total: results.length,
      next_cursor: next < results.length ? encodeOffsetCursor(next) : null,
    };
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
      page.suggestions = suggestions;
    }
    return page;
  }

  return { offers, search };
}

// ── The per-process cache ────────────────────────────────────────────────────────────────

export const DEFAULT_SEARCH_MAX_AGE_SECONDS = 60;

export type SearchIndexCache = {
  /** The index, rebuilt first when it is older than the maximum age. */
  get: () => Promise<SearchIndex>;
  /** When the current index was built (ms since epoch), or undefined before the first build. */
  builtAt: () => number | undefined;
};

/**
 * Holds one index per process and rebuilds it lazily once it is older than `maxAgeSeconds`.
 * Searches that arrive during a rebuild wait for the same one. A failed rebuild is not kept:
 * the search fails ("try again in a moment") and the next search tries again.
 */
export function createSearchIndexCache(options: {
  load: () => Promise<Offer[]>;
  maxAgeSeconds: number;
  now: () => Date;
}): SearchIndexCache {
  let current: { index: SearchIndex; builtAt: number } | undefined;
  let building: Promise<SearchIndex> | undefined;

  function rebuild(): Promise<SearchIndex> {
    building ??= (async () => {
      try {
        const startedAt = options.now().getTime();
        const index = buildSearchIndex(await options.load());
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
      if (current && options.now().getTime() - current.builtAt < options.maxAgeSeconds * 1000) return current.index;
      return rebuild();
    },
    builtAt: () => current?.builtAt,
  };
}

/** The use case behind GET /directory/search. */
export async function searchOffers(cache: SearchIndexCache, query: SearchQuery): Promise<SearchResultPage> {
  return (await cache.get()).search(query);
}
