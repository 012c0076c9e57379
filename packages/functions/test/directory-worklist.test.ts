import { beforeAll, describe, expect, it } from "vitest";
import type { Offer } from "@naerhed/core/directory/offer";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { makeOffer } from "../../core/test/offer-fixtures.ts";
import { testApi } from "./support.ts";

/** GET /api/directory/centres/:centre/offers: the staff worklist, paged on the server by a cursor, searched by the start of a name. */

type Page = { items: { id: string; name: string; publication: string; needs_checking: boolean }[]; next_cursor: string | null };
type ErrorBody = { error: { code: string; fields?: { field: string; message: string }[] } };

let t: Awaited<ReturnType<typeof testApi>>;
let staff: Awaited<ReturnType<typeof t.personWith>>;
let staffSyd: Awaited<ReturnType<typeof t.personWith>>;
/** Items DynamoDB read for the directory module's queries since the last reset. */
let scanned = 0;

const id = (n: number) => `0190c000-0000-7000-8000-${String(n).padStart(12, "0")}`;
const STATES = ["published", "published", "draft", "published", "archived"] as const;
/** 60 ordinary offers in nord ("Tilbud 00" … "Tilbud 59"), a few whose names test the search, 10 in syd. */
const named = ["Strikkeklub", "STRIKKECAFÉ", "Kaares cykelværksted", "Kajak på fjorden", "Åbent hus", "Aalborg-turen", "Ølsmagning", "Kor for alle"];
const nordOffers: Offer[] = [
  ...Array.from({ length: 60 }, (_, i) => makeOffer({
    id: id(i),
    name: `Tilbud ${String(i).padStart(2, "0")}`,
    centre_id: "nord",
    publication: STATES[i % 5]!,
    // Every fifth was last checked long ago: published, so due for checking.
    ...(i % 5 === 0 ? { assured_date: "2026-01-01" } : {}),
  })),
  ...named.map((name, i) => makeOffer({ id: id(100 + i), name, centre_id: "nord", publication: "published" })),
];
const sydOffers = Array.from({ length: 10 }, (_, i) => makeOffer({ id: id(200 + i), name: `Strikke syd ${i}`, centre_id: "syd", publication: "published" }));

const read = async (query: string, cookie = staff.cookie) => t.api.request(`/api/directory/centres/nord/offers${query}`, { headers: { cookie } });
async function page(query: string): Promise<Page> {
  const response = await read(query);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}
/** Every page of a worklist query, following the cursor. */
async function all(query: string): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const next: Page = await page(`?${query}${cursor ? `&cursor=${cursor}` : ""}`);
    names.push(...next.items.map((offer) => offer.name));
    cursor = next.next_cursor;
    pages++;
  } while (cursor);
  return { names, pages };
}

beforeAll(async () => {
  t = await testApi();
  const store = createDirectoryStore(t.db, t.config.tableNames.directory!);
  for (const offer of [...nordOffers, ...sydOffers]) await store.putOffer(offer);
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
  staffSyd = await t.personWith([{ role: "staff", centre_id: "syd" }]);
  t.moduleClients.get("directory")!.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      scanned += Number((result.output as { ScannedCount?: number }).ScannedCount ?? 0);
      return result;
    },
    { step: "initialize", name: "countScanned" },
  );
});

const danish = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, "da"));

describe("the staff worklist", () => {
  it("comes a page at a time (25 unless asked), in Danish name order, every offer of the centre once and no other centre's", async () => {
    const first = await page("");
    expect(first.items).toHaveLength(25);
    expect(first.next_cursor).toEqual(expect.any(String));
    const { names, pages } = await all("limit=20");
    expect(pages).toBe(4);
    expect(names).toEqual(danish(nordOffers.map((offer) => offer.name)));
    expect(names.filter((name) => name.includes("syd"))).toEqual([]);
  });

  it("says there is no next page when the last page is exactly full", async () => {
    const { pages } = await all(`limit=${nordOffers.length / 2}`);
    expect(pages).toBe(2);
  });

  it("finds offers by the start of the name in any case, reading only the offers it finds", async () => {
    scanned = 0;
    expect((await all("name=strik")).names).toEqual(["Strikkeklub", "STRIKKECAFÉ"].sort((a, b) => a.localeCompare(b, "da")));
    expect(scanned).toBeLessThanOrEqual(2);
    expect((await all("name=%20STRIKKEC%20")).names).toEqual(["STRIKKECAFÉ"]);
    expect((await all("name=%C3%B8l")).names).toEqual(["Ølsmagning"]);
    expect((await all("name=tilbud%205")).names).toHaveLength(10);
    expect((await all("name=ingen")).names).toEqual([]);
  });

  it("finds a name written with aa or å whichever way it is typed", async () => {
    // "Kaare" sorts as "Kåre": typing "Ka" must still find it, next to "Kajak".
    expect((await all("name=ka")).names).toEqual(["Kajak på fjorden", "Kaares cykelværksted"]);
    expect((await all("name=kaa")).names).toEqual(["Kaares cykelværksted"]);
    expect((await all("name=a")).names).toEqual(["Åbent hus", "Aalborg-turen"]);
    expect((await all("name=%C3%A5")).names).toEqual(["Åbent hus", "Aalborg-turen"]);
  });

  it("pages a search, and each state, with full pages", async () => {
    const search = await all("name=tilbud&limit=7");
    expect(search.names).toHaveLength(60);
    expect(search.pages).toBe(9);
    const drafts = await page("?state=draft&limit=5");
    expect(drafts.items.map((offer) => offer.publication)).toEqual(Array(5).fill("draft"));
    expect((await all("state=draft&limit=5")).names).toHaveLength(12);
    expect((await all("state=archived")).names).toHaveLength(12);
    expect((await all("state=published&name=tilbud")).names).toHaveLength(36);
    const check = await page("?state=check");
    expect(check.items).toHaveLength(12);
    expect(check.items.every((offer) => offer.needs_checking && offer.publication === "published")).toBe(true);
  });

  it("refuses a cursor from another centre, from another search, or made up, and says which field", async () => {
    const syd = (await (await t.api.request("/api/directory/centres/syd/offers?limit=2", { headers: { cookie: staffSyd.cookie } })).json()) as Page;
    expect(syd.items.map((offer) => offer.name)).toEqual(["Strikke syd 0", "Strikke syd 1"]);
    const tilbud = await page("?name=tilbud&limit=2");
    for (const query of [`?cursor=${syd.next_cursor}`, `?name=strik&cursor=${tilbud.next_cursor}`, "?cursor=eyJwayI6Ik9GRkVSI3gifQ"]) {
      const response = await read(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as ErrorBody).error.fields).toEqual([{ field: "cursor", message: "Linket til næste side virker ikke. Start forfra på listen." }]);
    }
    // The same search goes on where it stopped.
    expect((await page(`?name=tilbud&limit=2&cursor=${tilbud.next_cursor}`)).items.map((offer) => offer.name)).toEqual(["Tilbud 02", "Tilbud 03"]);
  });

  it("answers a name that is too long, a state that does not exist and a bad limit with a message per field", async () => {
    for (const [query, field, message] of [
      [`?name=${"x".repeat(121)}`, "name", "Du kan højst skrive 120 tegn, når du søger efter et navn."],
      ["?state=deleted", "state", "Vælg en af visningerne: alle, skal tjekkes, kladder, udgivne eller arkiverede."],
      ["?limit=51", "limit", "Antal skal være et helt tal fra 1 til 50."],
    ] as const) {
      const response = await read(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as ErrorBody).error.fields).toEqual([{ field, message }]);
    }
  });

  it("is not shown to staff of another centre", async () => {
    expect((await read("?name=strik", staffSyd.cookie)).status).toBe(403);
  });
});
