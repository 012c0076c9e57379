import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { demoOffers } from "@naerhed/local/demo/offers";
import { danishSortKey } from "../src/directory/store.ts";
import { buildSearchIndex, buildSearchIndexInSteps, createSearchIndexCache, foldDanish, queryWords, SearchQuery, searchTerm } from "../src/directory/search.ts";
import { makeOffer } from "./offer-fixtures.ts";

describe("foldDanish", () => {
  it.each([
    ["Æblehaven", "æblehaven"],
    ["Aeblehaven", "æblehaven"],
    ["AABEN", "åben"],
    ["Åben", "åben"],
    ["Svoemning", "svømning"],
    ["Svömning", "svømning"],
    ["Café", "cafe"],
    ["Gaatur", "gåtur"],
  ])("%s → %s", (word, folded) => {
    expect(foldDanish(word)).toBe(folded);
  });
});

describe("searchTerm (folded Snowball Danish stem)", () => {
  it.each([
    ["tilbuddene", "tilbud"],
    ["Tilbud", "tilbud"],
    ["gåture", "gåtur"],
    ["gaature", "gåtur"],
    ["svømmer", "svøm"],
    ["svømme", "svøm"],
    ["naturen", "natur"],
    ["musikken", "musik"],
    ["værkstedet", "værksted"],
    ["samtalegrupper", "samtalegrup"],
  ])("%s → %s", (word, stem) => {
    expect(searchTerm(word)).toBe(stem);
  });

  it("gives the same term for the old and the new spelling", () => {
    expect(searchTerm("Aeblehaven")).toBe(searchTerm("æblehaven"));
    expect(searchTerm("aabne")).toBe(searchTerm("åbne"));
    expect(searchTerm("SVOEMMER")).toBe(searchTerm("svømmer"));
  });
});

describe("queryWords", () => {
  it("leaves out little words, unless they are all there is", () => {
    expect(queryWords("svømning i varmt vand")).toEqual(["svømning", "varmt", "vand"]);
    expect(queryWords("for alle")).toEqual(["for", "alle"]);
    expect(queryWords("  café, og   kaffe! ")).toEqual(["café", "kaffe"]);
  });
});

const query = (input: Record<string, string>) => v.parse(SearchQuery, input);
const published = demoOffers.filter((offer) => offer.publication === "published");
const index = buildSearchIndex(published);
const names = (input: Record<string, string>) => index.search(query({ limit: "50", ...input })).items.map((offer) => offer.name);

describe("buildSearchIndex over the demo offers", () => {
  it("finds by prefix while you type", () => {
    expect(names({ q: "svøm" })).toContain("Svømning i varmt vand");
    expect(names({ q: "svoem" })).toContain("Svømning i varmt vand");
    expect(names({ q: "SVØMNING" })[0]).toBe("Svømning i varmt vand");
  });

  it("forgives a typo in a longer word", () => {
    expect(names({ q: "svømnig" })).toContain("Svømning i varmt vand");
    expect(names({ q: "bocia" })).toContain("Boccia for alle");
  });

  it("lists every published offer in Danish name order without words", () => {
    const page = index.search(query({ limit: "50" }));
    expect(page.total).toBe(published.length);
    const keys = page.items.map((offer) => danishSortKey(offer.name));
    expect(keys).toEqual([...keys].sort());
  });

  it("filters by free, category, centre and age", () => {
    const all = (input: Record<string, string>) => index.search(query({ limit: "50", ...input })).items;
    expect(all({ free: "true" }).every((offer) => offer.free)).toBe(true);
    expect(all({ category: "nature" }).every((offer) => offer.category === "nature")).toBe(true);
    expect(all({ centre: "syd" }).every((offer) => offer.centre_id === "syd")).toBe(true);
    const young = all({ age: "16" });
    expect(young.length).toBeGreaterThan(0);
    expect(young.every((offer) => (offer.minimum_age ?? 0) <= 16 && 16 <= (offer.maximum_age ?? 200))).toBe(true);
  });

  it("pages with an offset cursor", () => {
    const first = index.search(query({ limit: "10" }));
    expect(first.items).toHaveLength(10);
    const second = index.search(query({ limit: "10", cursor: first.next_cursor! }));
    expect(second.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(new Set([...first.items, ...second.items].map((o) => o.id)).size).toBe(20);
  });
});

describe("suggestions when nothing is found", () => {
  const small = buildSearchIndex([
    makeOffer({ name: "Svømning", free: false, category: "sport", centre_id: "nord" }),
    makeOffer({ name: "Svømmehold", free: false, category: "sport", centre_id: "syd" }),
    makeOffer({ name: "Maling", free: true, category: "creative", centre_id: "nord" }),
  ]);

  it("names each filter that, left out, would find something, with the count", () => {
    const page = small.search(query({ q: "svøm", free: "true", centre: "nord" }));
    expect(page.total).toBe(0);
    expect(page.suggestions).toEqual([
      { action: "drop_free", total: 1 },
    ]);
  });

  it("suggests leaving out every filter when no single one helps", () => {
    const page = small.search(query({ q: "svøm", free: "true", category: "creative" }));
    expect(page.suggestions).toEqual([{ action: "drop_filters", total: 2 }]);
  });

  it("has no suggestions when the words find nothing at all", () => {
    const page = small.search(query({ q: "zebra", free: "true" }));
    expect(page.total).toBe(0);
    expect(page.suggestions).toBeUndefined();
  });
});

describe("createSearchIndexCache", () => {
  it("builds once, shares a build in progress, and rebuilds lazily when older than the maximum age", async () => {
    let loads = 0;
    let offers = [makeOffer({ name: "Første" })];
    const clock = { now: 0 };
    const cache = createSearchIndexCache({
      load: async () => {
        loads += 1;
        return offers;
      },
      maxAgeSeconds: 60,
      now: () => new Date(clock.now),
    });
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
    offers = [...offers, makeOffer({ name: "Anden" })];
    clock.now = 59_000;
    expect((await cache.get()).offers).toHaveLength(1);
    clock.now = 60_000;
    expect((await cache.get()).offers).toHaveLength(2);
    expect(loads).toBe(2);
  });

  it("does not keep a failed build", async () => {
    let fail = true;
    const cache = createSearchIndexCache({
      load: async () => {
        if (fail) throw new Error("down");
        return [];
      },
      maxAgeSeconds: 60,
      now: () => new Date(0),
    });
    await expect(cache.get()).rejects.toThrow("down");
    fail = false;
    expect((await cache.get()).offers).toEqual([]);
  });
});

describe("the result cache of an index", () => {
  const uncached = buildSearchIndex(published, { resultCacheSize: 0 });
  const tiny = buildSearchIndex(published, { resultCacheSize: 2 });
  const inputs: Record<string, string>[] = [
    { q: "svøm" },
    { q: "SVOEM" },
    { q: "kaffe" },
    { q: "tur skoven", free: "true" },
    { q: "bocia" },
    { centre: "nord", category: "sport", age: "40" },
    { category: "nature" },
    { free: "true", centre: "syd" },
    { q: "svøm", free: "true", centre: "syd" },
    { q: "zebra" },
    {},
  ];

  it("answers every search, asked again and again, as the index without a cache does", () => {
    for (let round = 0; round < 3; round++) {
      for (const input of inputs) {
        for (const limit of ["5", "50"]) {
          const expected = uncached.search(query({ limit, ...input }));
          expect(index.search(query({ limit, ...input }))).toEqual(expected);
          expect(tiny.search(query({ limit, ...input }))).toEqual(expected);
        }
      }
    }
  });

  it("pages from a cached search", () => {
    const first = index.search(query({ q: "i", limit: "3" }));
    const second = index.search(query({ q: "i", limit: "3", cursor: first.next_cursor! }));
    expect(second).toEqual(uncached.search(query({ q: "i", limit: "3", cursor: first.next_cursor! })));
  });

  it("is not changed by what a caller does with a page", () => {
    const small = buildSearchIndex([
      makeOffer({ name: "Svømning", free: false, centre_id: "nord" }),
      makeOffer({ name: "Maling", free: true, centre_id: "nord" }),
    ]);
    const input = query({ q: "svøm", free: "true" });
    const page = small.search(input);
    page.items.push(makeOffer({ name: "Indsat" }));
    page.suggestions![0]!.total = 99;
    expect(small.search(input)).toEqual({ items: [], total: 0, next_cursor: null, suggestions: [{ action: "drop_free", total: 1 }] });
  });

  it("finds nothing for a category or centre without offers, with or without words", () => {
    const small = buildSearchIndex([makeOffer({ name: "Svømning", category: "sport", centre_id: "nord" })]);
    expect(small.search(query({ category: "creative" })).total).toBe(0);
    expect(small.search(query({ centre: "syd" })).total).toBe(0);
    expect(small.search(query({ centre: "nord", category: "sport" })).total).toBe(1);
  });
});

describe("createSearchIndexCache: refresh ahead", () => {
  const setup = () => {
    let loads = 0;
    let failing = false;
    let offers = [makeOffer({ name: "Første" })];
    const errors: unknown[] = [];
    const clock = { now: 0 };
    let release: () => void = () => {};
    let gate: Promise<void> | undefined;
    const cache = createSearchIndexCache({
      load: async () => {
        loads += 1;
        if (gate) await gate;
        if (failing) throw new Error("down");
        return offers;
      },
      maxAgeSeconds: 60,
      now: () => new Date(clock.now),
      onBackgroundError: (error) => errors.push(error),
    });
    return {
      cache,
      clock,
      errors,
      loads: () => loads,
      fail: (value: boolean) => (failing = value),
      publish: (name: string) => (offers = [...offers, makeOffer({ name })]),
      hold: () => (gate = new Promise<void>((resolve) => (release = resolve))),
      release: () => {
        gate = undefined;
        release();
      },
    };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it("serves the old index while a rebuild runs in the background after half the maximum age, then the new one", async () => {
    const s = setup();
    expect((await s.cache.get()).offers).toHaveLength(1);
    s.publish("Anden");
    s.clock.now = 29_999;
    expect((await s.cache.get()).offers).toHaveLength(1);
    expect(s.loads()).toBe(1);
    s.clock.now = 30_000;
    s.hold();
    expect((await s.cache.get()).offers).toHaveLength(1); // did not wait
    expect((await s.cache.get()).offers).toHaveLength(1); // one rebuild at a time
    expect(s.loads()).toBe(2);
    s.release();
    await settle();
    expect((await s.cache.get()).offers).toHaveLength(2);
    expect(s.cache.builtAt()).toBe(30_000);
    expect(s.loads()).toBe(2);
  });

  it("keeps the old index when a background rebuild fails, says so, and tries again at the next search", async () => {
    const s = setup();
    await s.cache.get();
    s.publish("Anden");
    s.fail(true);
    s.clock.now = 40_000;
    expect((await s.cache.get()).offers).toHaveLength(1);
    await settle();
    expect(s.errors).toHaveLength(1);
    expect((await s.cache.get()).offers).toHaveLength(1); // old index, and a new try
    expect(s.loads()).toBe(3);
    s.fail(false);
    await settle();
    expect(s.errors).toHaveLength(2);
    expect((await s.cache.get()).offers).toHaveLength(1); // the third try starts here
    await settle();
    expect((await s.cache.get()).offers).toHaveLength(2);
    expect(s.cache.builtAt()).toBe(40_000);
  });

  it("still waits for a rebuild once the index is older than the maximum age", async () => {
    const s = setup();
    await s.cache.get();
    s.publish("Anden");
    s.fail(true);
    s.clock.now = 60_000;
    await expect(s.cache.get()).rejects.toThrow("down");
    s.fail(false);
    expect((await s.cache.get()).offers).toHaveLength(2);
    expect(s.errors).toEqual([]);
  });
});

describe("buildSearchIndexInSteps", () => {
  it("builds the same index as buildSearchIndex, over more offers than one step", async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => ({
      ...published[i % published.length]!,
      id: `0190b000-0000-7000-8000-${String(i).padStart(12, "0")}`,
      name: `${published[i % published.length]!.name} ${i % 7}`,
    }));
    const inSteps = await buildSearchIndexInSteps(many, { resultCacheSize: 0 });
    const atOnce = buildSearchIndex(many, { resultCacheSize: 0 });
    expect(inSteps.offers).toEqual(atOnce.offers);
    const inputs: Record<string, string>[] = [{ q: "svøm" }, { q: "kaffe" }, { q: "tur skoven", free: "true" }, { q: "bocia" }, { category: "sport" }];
    for (const input of inputs) {
      expect(inSteps.search(query({ limit: "50", ...input }))).toEqual(atOnce.search(query({ limit: "50", ...input })));
    }
  });
});

describe("filters for needs, days and nearness", () => {
  const near = (name: string, latitude: number, longitude: number, extra: Partial<Parameters<typeof makeOffer>[0]> = {}) =>
    makeOffer({ name, location: { address_1: "Vej 1", postal_code: "7000", city: "Fredericia", latitude, longitude }, ...extra });
  const tuesday = [{ weekday: "tu" as const, opens_at: "14:00", closes_at: "16:00" }];
  const offers = [
    near("Boccia langt væk", 55.7, 9.54, { accessibility: ["step_free"], weekly: tuesday }),
    near("Boccia tæt på", 55.5621, 9.7151, { accessibility: ["step_free", "hearing_loop"], weekly: tuesday }),
    near("Boccia med trapper", 55.5636, 9.7151, { weekly: [{ weekday: "we", opens_at: "10:00", closes_at: "12:00" }] }),
    near("Hemmelig gruppe", 55.6, 9.6, { location: { address_1: "Skjult Vej 3", postal_code: "7000", city: "Fredericia", latitude: 55.6, longitude: 9.6, confidential: true } }),
  ];
  const index = buildSearchIndex(offers);
  const tuesdayAfternoon = new Date("2026-11-24T14:30:00Z"); // 15:30 in Copenhagen
  const names = (input: Record<string, string>, now = tuesdayAfternoon) => index.search(query(input), now).items.map((o) => o.name);

  it("keeps offers with every chosen accessibility fact", () => {
    expect(names({ access: "step_free" })).toEqual(["Boccia langt væk", "Boccia tæt på"]);
    expect(names({ access: "step_free,hearing_loop" })).toEqual(["Boccia tæt på"]);
  });

  it("keeps offers open on a weekday, or open right now", () => {
    expect(names({ day: "we" })).toEqual(["Boccia med trapper"]);
    expect(names({ open_now: "true" })).toEqual(["Boccia langt væk", "Boccia tæt på"]);
    expect(names({ open_now: "true" }, new Date("2026-11-24T16:30:00Z"))).toEqual([]);
  });

  it("sorts by distance from a postcode and shows it; relevance still comes first", () => {
    const page = index.search(query({ postcode: "7000" }), tuesdayAfternoon);
    // The confidential group counts as the postcode's middle point, so it is 0 km from "7000".
    expect(page.items.map((o) => o.name)).toEqual(["Hemmelig gruppe", "Boccia tæt på", "Boccia med trapper", "Boccia langt væk"]);
    expect(page.items.map((o) => o.distance_km)).toEqual([0, 0, 0.2, expect.any(Number)]);
    expect(page.items.at(-1)!.distance_km).toBeGreaterThan(15);
    expect(names({ q: "trapper", postcode: "7000" })[0]).toBe("Boccia med trapper");
    expect(names({ lat: "55.70", lon: "9.54" })[0]).toBe("Boccia langt væk");
  });

  it("never shows a confidential address, and measures it from its postcode's middle", () => {
    const hit = index.search(query({ q: "hemmelig", postcode: "7000" }), tuesdayAfternoon).items[0]!;
    expect(hit.location).toEqual({ address_1: "", postal_code: "7000", city: "Fredericia", confidential: true });
    expect(hit.distance_km).toBe(0);
  });

  it("says which of the new filters to loosen when nothing fits", () => {
    const page = index.search(query({ access: "hearing_loop", day: "we" }), tuesdayAfternoon);
    expect(page.items).toEqual([]);
    expect(page.suggestions).toEqual([
      { action: "drop_access", total: 1 },
      { action: "drop_day", total: 1 },
    ]);
  });

  it("names the wrong field: unknown fact, day or postcode, or half a location", () => {
    const fields = (input: Record<string, string>) => v.safeParse(SearchQuery, input).issues?.map((i) => i.message);
    expect(fields({ access: "lift" })).toEqual(["accessibility_fact_invalid"]);
    expect(fields({ day: "tirsdag" })).toEqual(["weekday_invalid"]);
    expect(fields({ postcode: "9999" })).toEqual(["postcode_unknown"]);
    expect(fields({ lat: "55.5" })).toEqual(["search_point_invalid"]);
  });
});
