import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { demoOffers } from "../src/directory/demo-offers.ts";
import { danishSortKey } from "../src/directory/store.ts";
import { buildSearchIndex, createSearchIndexCache, foldDanish, queryWords, SearchQuery, searchTerm } from "../src/directory/search.ts";
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
