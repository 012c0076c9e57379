import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Offer } from "@naerhed/core/directory/offer";
import type { Suggestion } from "@naerhed/core/directory/search";
import { createDirectoryStore, type DirectoryStore } from "@naerhed/core/directory/store";
import { makeOffer } from "../../core/test/offer-fixtures.ts";
import { testApi } from "./support.ts";

/** GET /api/directory/search against DynamoDB Local: Danish matching, filters, ranking, paging, errors, suggestions. */

const offers = {
  aeblehaven: makeOffer({
    name: "Æblehaven",
    description: "En café med kaffe og kage. Du kan møde andre her.",
    organization_name: "Foreningen Frugt",
    category: "meeting_place",
    centre_id: "nord",
    area: "Vestby",
    free: true,
  }),
  aaben: makeOffer({
    name: "Åben værksted",
    description: "Du kan male og tegne. Vi har papir og farver.",
    organization_name: "Kunstforeningen Farve",
    category: "creative",
    centre_id: "syd",
    area: "Sydhavn",
    free: false,
    fees_description: "Det koster 10 kr.",
    minimum_age: 18,
  }),
  swim: makeOffer({
    name: "Svømning i varmt vand",
    description: "Du svømmer i et varmt bassin. Der er en træner.",
    organization_name: "Svømmeklubben Bølgen",
    category: "sport",
    centre_id: "nord",
    area: "Skovhøj",
    free: false,
    fees_description: "Det koster 20 kr.",
    minimum_age: 18,
  }),
  walks: makeOffer({
    name: "Gåture i skoven",
    description: "Vi går en tur i skoven hver uge. Alle tilbuddene er gratis.",
    organization_name: "Naturklubben",
    category: "nature",
    centre_id: "midt",
    area: "Midtby",
    free: true,
    minimum_age: 16,
    maximum_age: 30,
  }),
  // Ranking: "kortspil" in this name must rank above the offer that only mentions it in its description,
  // although that offer's name comes first in the alphabet.
  cards: makeOffer({
    name: "Kortspil om torsdagen",
    description: "Vi spiller sammen og hygger os.",
    organization_name: "Spilleklubben",
    category: "meeting_place",
    centre_id: "syd",
    area: "Sydhavn",
    free: true,
  }),
  evening: makeOffer({
    name: "Aftenhygge",
    description: "Vi drikker te og spiller kortspil.",
    organization_name: "Aftenklubben",
    category: "meeting_place",
    centre_id: "midt",
    area: "Midtby",
    free: true,
  }),
};
const draft = makeOffer({ name: "Svømmeklub for kladder", publication: "draft" });
const archived = makeOffer({ name: "Svømmehold der er slut", publication: "archived" });

let t: Awaited<ReturnType<typeof testApi>>;
let store: DirectoryStore;

beforeAll(async () => {
  t = await testApi();
  store = createDirectoryStore(t.db, t.config.tableNames.directory!);
  for (const offer of [...Object.values(offers), draft, archived]) await store.putOffer(offer);
});
afterAll(() => t.db.destroy());

type Page = { items: Offer[]; total: number; next_cursor: string | null; suggestions?: Suggestion[] };

async function search(query: string, headers: Record<string, string> = {}): Promise<Page> {
  const response = await t.api.request(`/api/directory/search?${query}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}
const names = async (query: string) => (await search(query)).items.map((offer) => offer.name);

describe("Danish matching", () => {
  it.each([
    ["q=æblehaven", "Æblehaven"],
    ["q=%C3%86BLEHAVEN", "Æblehaven"],
    ["q=Aeblehaven", "Æblehaven"],
    ["q=aeblehaven", "Æblehaven"],
    ["q=%C3%85ben", "Åben værksted"],
    ["q=aaben", "Åben værksted"],
    ["q=Aaben", "Åben værksted"],
    ["q=svoemning", "Svømning i varmt vand"],
    ["q=svømmer", "Svømning i varmt vand"],
    ["q=sv%C3%B8m", "Svømning i varmt vand"],
    ["q=gaature", "Gåture i skoven"],
    ["q=g%C3%A5tur", "Gåture i skoven"],
    ["q=tilbud", "Gåture i skoven"],
    ["q=cafe", "Æblehaven"],
    ["q=kaffe%20og%20kage", "Æblehaven"],
  ])("%s finds %s", async (query, name) => {
    expect(await names(query)).toContain(name);
  });

  it("finds by a few letters while you type, and forgives a typo in a longer word", async () => {
    expect(await names("q=sv")).toContain("Svømning i varmt vand");
    expect(await names("q=svømnig")).toContain("Svømning i varmt vand");
    expect(await names("q=kunstforening")).toEqual(["Åben værksted"]);
  });

  it("finds by organisation, area and category name", async () => {
    expect(await names("q=B%C3%B8lgen")).toEqual(["Svømning i varmt vand"]);
    expect((await names("q=sydhavn")).sort()).toEqual(["Åben værksted", "Kortspil om torsdagen"].sort());
    expect(await names("q=friluftsliv")).toEqual(["Gåture i skoven"]);
  });

  it("never finds a draft or an archived offer", async () => {
    const found = await names("q=sv%C3%B8m");
    expect(found).not.toContain(draft.name);
    expect(found).not.toContain(archived.name);
  });
});

describe("ranking", () => {
  it("puts a match in the name above a match in the description", async () => {
    expect(await names("q=kortspil")).toEqual(["Kortspil om torsdagen", "Aftenhygge"]);
  });

  it("lists every published offer in Danish name order without words", async () => {
    const page = await search("limit=50");
    expect(page.total).toBe(Object.keys(offers).length);
    expect(page.items.map((o) => o.name)).toEqual([
      "Aftenhygge",
      "Gåture i skoven",
      "Kortspil om torsdagen",
      "Svømning i varmt vand",
      "Æblehaven",
      "Åben værksted",
    ]);
  });
});

describe("filters", () => {
  it("free=true keeps only free offers", async () => {
    const page = await search("free=true&limit=50");
    expect(page.items.length).toBe(4);
    expect(page.items.every((offer) => offer.free)).toBe(true);
  });

  it("category keeps one category", async () => {
    expect(await names("category=meeting_place")).toEqual(["Aftenhygge", "Kortspil om torsdagen", "Æblehaven"]);
  });

  it("centre keeps one centre", async () => {
    expect(await names("centre=syd")).toEqual(["Kortspil om torsdagen", "Åben værksted"]);
  });

  it("age keeps offers whose age range holds it; a missing bound is open", async () => {
    const at17 = await names("age=17");
    expect(at17).toContain("Gåture i skoven");
    expect(at17).toContain("Æblehaven");
    expect(at17).not.toContain("Svømning i varmt vand");
    const at40 = await names("age=40");
    expect(at40).not.toContain("Gåture i skoven");
    expect(at40).toContain("Svømning i varmt vand");
  });

  it("combines words and filters", async () => {
    expect(await names("q=sv%C3%B8m&centre=nord&age=30")).toEqual(["Svømning i varmt vand"]);
    expect(await names("free=false&category=creative")).toEqual(["Åben værksted"]);
  });
});

describe("paging", () => {
  it("pages with an opaque cursor and a total", async () => {
    const first = await search("limit=4");
    expect(first.total).toBe(6);
    expect(first.items).toHaveLength(4);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await search(`limit=4&cursor=${first.next_cursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.next_cursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((o) => o.id)).size).toBe(6);
  });
});

describe("when nothing is found", () => {
  it("names each filter that, left out, would find offers, with the counts", async () => {
    const page = await search("q=sv%C3%B8m&free=true&centre=syd");
    expect(page.total).toBe(0);
    expect(page.items).toEqual([]);
    // Leaving out "free" still leaves centre syd (no swimming there); leaving out "centre" still needs free.
    expect(page.suggestions).toEqual([{ action: "drop_filters", total: 1 }]);
    const one = await search("q=sv%C3%B8m&free=true");
    expect(one.suggestions).toEqual([{ action: "drop_free", total: 1 }]);
    const two = await search("category=nature&age=50");
    expect(two.suggestions).toEqual([
      { action: "drop_category", total: 5 },
      { action: "drop_age", total: 1 },
    ]);
  });

  it("has no suggestions when the words themselves find nothing", async () => {
    const page = await search("q=zebraer&free=true");
    expect(page).toEqual({ items: [], total: 0, next_cursor: null });
  });
});

describe("bad input", () => {
  it.each([
    ["q=" + "a".repeat(101), "q", /højst 100 tegn/, /at most 100 characters/],
    ["category=boats", "category", /Vælg en af kategorierne/, /Choose one of the categories/],
    ["centre=vest", "centre", /Vælg et af borgercentrene/, /Choose one of the citizen centres/],
    ["age=abc", "age", /Skriv din alder/, /Write your age/],
    ["age=121", "age", /Skriv din alder/, /Write your age/],
    ["age=-1", "age", /Skriv din alder/, /Write your age/],
    ["free=yes", "free", /gratis tilbud/, /free activities/],
    ["limit=0", "limit", /Antal skal være/, /The number must be/],
    ["limit=51", "limit", /Antal skal være/, /The number must be/],
    ["cursor=not-a-cursor", "cursor", /næste side virker ikke/, /next page does not work/],
    [`cursor=${Buffer.from(JSON.stringify({ o: -3 })).toString("base64url")}`, "cursor", /næste side/, /next page/],
  ])("refuses %s with 400 and a message for the field, in Danish and English", async (query, field, danish, english) => {
    for (const [language, text] of [
      ["da", danish],
      ["en", english],
    ] as const) {
      const response = await t.api.request(`/api/directory/search?${query}`, { headers: { "accept-language": language } });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; fields: { field: string; message: string }[] } };
      expect(body.error.code).toBe("invalid_input");
      expect(body.error.fields.map((f) => f.field)).toEqual([field]);
      expect(body.error.fields[0]!.message).toMatch(text);
    }
  });

  it("names every wrong field at once", async () => {
    const response = await t.api.request("/api/directory/search?age=x&free=1&centre=vest");
    const body = (await response.json()) as { error: { fields: { field: string }[] } };
    expect(body.error.fields.map((f) => f.field).sort()).toEqual(["age", "centre", "free"]);
  });
});

describe("the index in memory", () => {
  it("shows a just-published offer once the index is older than its maximum age (60 s), not before", async () => {
    await search("q=boccia"); // the index exists
    const late = makeOffer({ name: "Boccia om fredagen" });
    await store.putOffer(late);
    expect((await search("q=boccia")).total).toBe(0);
    t.advance(61);
    expect(await names("q=boccia")).toEqual(["Boccia om fredagen"]);
    // And an unpublished one disappears the same way.
    await store.putOffer({ ...late, publication: "draft" });
    t.advance(61);
    expect((await search("q=boccia")).total).toBe(0);
  });
});

describe("the index in memory, refreshed ahead", () => {
  it("keeps answering from the index after half its maximum age while it rebuilds in the background, then shows the change", async () => {
    t.advance(61);
    expect((await search("q=petanque")).total).toBe(0); // a fresh index
    await store.putOffer(makeOffer({ name: "Petanque i parken" }));
    t.advance(31);
    expect((await search("q=petanque")).total).toBe(0); // the old index, answered without waiting
    let found: string[] = [];
    for (let tries = 0; tries < 100 && found.length === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      found = await names("q=petanque");
    }
    expect(found).toEqual(["Petanque i parken"]);
  });
});
