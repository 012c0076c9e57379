import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { createApi } from "../src/app.ts";
import { directoryModule } from "../src/directory/routes.ts";
import { freshTables } from "../../local/test/tables.ts";
import { viaCloudFront } from "../../local/src/gateway.ts";
import { makeOffer } from "../../core/test/offer-fixtures.ts";

const extras: Record<string, Partial<Parameters<typeof makeOffer>[0]>> = {
  Cykelhold: { weekly: [{ weekday: "tu", opens_at: "14:00", closes_at: "16:00" }] },
  Zumba: { location: { name: "Krisecentret", address_1: "Skjultvej 7", postal_code: "7000", city: "Fredericia", latitude: 55.57, longitude: 9.75, confidential: true } },
};
const published = ["Øvehold for kor", "Aftenbadning", "Åben café", "Æblehaven", "bueskydning", "Cykelhold", "Zumba"].map((name) =>
  makeOffer({ name, ...extras[name] }),
);
const draft = makeOffer({ name: "Kladde til strikkeklub", publication: "draft" });
const archived = makeOffer({ name: "Gammel fotoklub", publication: "archived" });

let api: ReturnType<typeof viaCloudFront>;
let db: Awaited<ReturnType<typeof freshTables>>["db"];

beforeAll(async () => {
  const tables = await freshTables();
  db = tables.db;
  const store = createDirectoryStore(db, tables.config.tableNames.directory!);
  for (const offer of [...published, draft, archived]) await store.putOffer(offer);
  api = viaCloudFront(createApi([directoryModule], tables.config), tables.config.originVerifySecret);
});
afterAll(() => db.destroy());

const get = (path: string, headers: Record<string, string> = {}) => api.request(path, { headers });

async function listAll(limit: number) {
  const names: string[] = [];
  const pages: number[] = [];
  let cursor: string | null = null;
  do {
    const response = await get(`/api/directory/offers?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: { name: string }[]; next_cursor: string | null };
    names.push(...page.items.map((item) => item.name));
    pages.push(page.items.length);
    cursor = page.next_cursor;
  } while (cursor);
  return { names, pages };
}

describe("GET /api/directory/offers", () => {
  it("lists only published offers, in Danish alphabetical order (æ, ø, å last)", async () => {
    const { names } = await listAll(50);
    expect(names).toEqual(["Aftenbadning", "bueskydning", "Cykelhold", "Zumba", "Æblehaven", "Øvehold for kor", "Åben café"]);
  });

  it("says how many published offers there are in all, on every page (the site says '20 af 36')", async () => {
    const page = (await (await get("/api/directory/offers?limit=3")).json()) as { items: unknown[]; total: number };
    expect(page.items).toHaveLength(3);
    expect(page.total).toBe(published.length);
  });

  it("pages with an opaque cursor without losing or repeating an offer", async () => {
    const { names, pages } = await listAll(3);
    expect(pages.slice(0, 3)).toEqual([3, 3, 1]);
    expect(new Set(names).size).toBe(published.length);
    expect(names).toHaveLength(published.length);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=51", "limit"],
    ["limit=abc", "limit"],
    ["cursor=not-a-cursor", "cursor"],
    // Well-formed JSON pointing into another partition: still refused.
    [`cursor=${Buffer.from(JSON.stringify({ pk: "OFFER#x", sk: "OFFER", gsi1pk: "SOMETHING_ELSE", gsi1sk: "a" })).toString("base64url")}`, "cursor"],
  ])("refuses %s with 400 and a message for the field", async (query, field) => {
    const response = await get(`/api/directory/offers?${query}`);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string; fields: { field: string; message: string }[] } };
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.fields.map((f) => f.field)).toEqual([field]);
    expect(body.error.fields[0]!.message.length).toBeGreaterThan(10);
  });
});

describe("GET /api/directory/offers/{id}", () => {
  it("shows a published offer with its HSDS fields", async () => {
    const offer = published[0]!;
    const response = await get(`/api/directory/offers/${offer.id}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(offer);
  });

  it.each([
    ["draft", draft],
    ["archived", archived],
  ])("hides a %s offer as not found", async (_state, offer) => {
    expect((await get(`/api/directory/offers/${offer.id}`)).status).toBe(404);
  });

  it("answers a well-formed unknown id with 404 in Danish by default and in English when asked", async () => {
    const id = makeOffer().id;
    const danish = await get(`/api/directory/offers/${id}`);
    expect(danish.status).toBe(404);
    expect(((await danish.json()) as { error: { message: string } }).error.message).toMatch(/Vi kan ikke finde tilbuddet/);
    const english = await get(`/api/directory/offers/${id}`, { "accept-language": "en-GB,en;q=0.9,da;q=0.5" });
    expect(((await english.json()) as { error: { message: string } }).error.message).toMatch(/We cannot find this activity/);
  });

  it("answers a malformed id with 400 and a plain message in the asked language", async () => {
    const response = await get("/api/directory/offers/not-a-uuid", { "accept-language": "en" });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; fields: { field: string }[] }; request_id: string };
    expect(body.error.message).toMatch(/link to this activity is not right/);
    expect(body.error.fields[0]!.field).toBe("id");
    expect(body.request_id).toBe(response.headers.get("x-request-id"));
  });
});

describe("unknown API paths", () => {
  it("answer 404 as JSON with a message, never the site", async () => {
    const response = await get("/api/nothing/here");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("route_not_found");
  });
});

describe("an offer's times and place", () => {
  const byName = (name: string) => published.find((offer) => offer.name === name)!;

  it("gives the times as an iCalendar file a phone can add", async () => {
    const response = await get(`/api/directory/offers/${byName("Cykelhold").id}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await response.text();
    expect(ics).toContain("RRULE:FREQ=WEEKLY;BYDAY=TU");
    expect(ics).toContain("SUMMARY:Cykelhold");
    expect((await get(`/api/directory/offers/${draft.id}/calendar.ics`)).status).toBe(404);
  });

  it("never shows the public a confidential address: not on the page, not in the list", async () => {
    const zumba = byName("Zumba");
    const page = (await (await get(`/api/directory/offers/${zumba.id}`)).json()) as { location: unknown };
    expect(page.location).toEqual({ address_1: "", postal_code: "7000", city: "Fredericia", confidential: true });
    const list = await (await get("/api/directory/offers?limit=50")).text();
    expect(list).toContain("Zumba");
    expect(list).not.toContain("Skjultvej");
    expect(list).not.toContain("Krisecentret");
  });
});
