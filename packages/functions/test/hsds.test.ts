import { v5 as uuidv5 } from "uuid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityFacts } from "@naerhed/core/directory/accessibility";
import { categories, categoryGroups } from "@naerhed/core/directory/categories";
import { distanceKm, pointOf, postcodePoint } from "@naerhed/core/directory/places";
import { demoOffers } from "@naerhed/local/demo/offers";
import { HSDS_CSV_HEADERS } from "@naerhed/core/directory/hsds-csv";
import { HSDS_NAMESPACE, organizationId, ACCESSIBILITY_TAXONOMY_ID, TAXONOMY_ID, taxonomyTermId } from "@naerhed/core/directory/hsds";
import type { Offer } from "@naerhed/core/directory/offer";
import { createDirectoryStore, danishSortKey, type DirectoryStore } from "@naerhed/core/directory/store";
import { messages, type MessageKey } from "@naerhed/core/shared/messages";
import { makeOffer } from "../../core/test/offer-fixtures.ts";
import { hsdsValidators, problemsOf } from "./hsds-schemas.ts";
import { testApi } from "./support.ts";

/**
 * Open data: /api/hsds against DynamoDB Local, every response body checked against the
 * official HSDS 3.0 schemas (hsds-schemas.ts).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Names and texts a CSV must quote, and one a spreadsheet would run as a formula. */
const tricky = makeOffer({
  name: 'Kaffe, kage og "hygge"',
  alternate_name: "=1+1",
  description: "Vi mødes over en kop kaffe.\nAlle er velkomne; også børn.",
  organization_name: 'Foreningen "Æblehaven", Sønderlund',
  category: "meeting_place",
  free: false,
  fees_description: "Det koster 10 kr.",
  phone: "+45 70 00 09 99",
  location: { address_1: "Åvej 9", postal_code: "6800", city: "Sønderlund" },
  last_modified: "2026-11-20T09:00:00.000Z",
});

const offers: Offer[] = [...demoOffers, tricky];
const byGsi1 = (a: Offer, b: Offer) => {
  const ka = `${danishSortKey(a.name)}#${a.id}`;
  const kb = `${danishSortKey(b.name)}#${b.id}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
const published = offers.filter((o) => o.publication === "published").sort(byGsi1);
const unpublished = offers.filter((o) => o.publication !== "published");

let t: Awaited<ReturnType<typeof testApi>>;
let store: DirectoryStore;
const h = hsdsValidators();

beforeAll(async () => {
  t = await testApi();
  store = createDirectoryStore(t.db, t.config.tableNames.directory!);
  for (const offer of offers) await store.putOffer(offer);
});
afterAll(() => t.db.destroy());

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await t.api.request(`/api${path}`, { headers });
  // Bodies are held to the HSDS schemas by the tests; after that they are read freely.
  return { response, status: response.status, body: (await response.json()) as any };
}

type Page = { total_items: number; total_pages: number; page_number: number; size: number; first_page: boolean; last_page: boolean; empty: boolean; contents: any[] };

/** GET a services page; 200 and valid against openapi's Page + service_list.json, or the test fails. */
async function servicesPage(query = ""): Promise<Page> {
  const { status, body } = await get(`/hsds/services${query ? `?${query}` : ""}`);
  expect(status).toBe(200);
  expect(problemsOf(h.servicePage, body)).toEqual([]);
  return body as Page;
}

async function allServiceNames(query = ""): Promise<string[]> {
  const page = await servicesPage(`per_page=200${query ? `&${query}` : ""}`);
  expect(page.last_page).toBe(true);
  return page.contents.map((s: { name: string }) => s.name);
}

describe("the schema check itself", () => {
  it("fails on a broken body, so a passing check means something", async () => {
    const boccia = published.find((o) => o.name === "Boccia for alle")!;
    const { body: service } = await get(`/hsds/services/${boccia.id}`);
    expect(problemsOf(h.service, service)).toEqual([]);

    const { name: _name, ...withoutName } = service;
    expect(problemsOf(h.service, withoutName).join()).toMatch(/required property 'name'/);
    expect(problemsOf(h.service, { ...service, id: "not-a-uuid" }).join()).toMatch(/format "uuid"/);
    const badAddress = structuredClone(service);
    delete badAddress.service_at_locations[0].location.addresses[0].state_province;
    expect(problemsOf(h.service, badAddress).join()).toMatch(/state_province/);
    expect(problemsOf(h.service, { ...service, status: "open" }).join()).toMatch(/allowed values/);

    const page = await servicesPage("per_page=2");
    const { status: _status, ...itemWithoutStatus } = page.contents[0];
    expect(problemsOf(h.servicePage, { ...page, contents: [itemWithoutStatus] }).join()).toMatch(/required property 'status'/);
    expect(problemsOf(h.servicePage, { ...page, total_items: "3" }).join()).toMatch(/total_items must be integer/);
    const { empty: _empty, ...pageWithoutEmpty } = page;
    expect(problemsOf(h.servicePage, pageWithoutEmpty).join()).toMatch(/required property 'empty'/);

    expect(problemsOf(h.organization, { id: organizationId("X"), name: "X" }).join()).toMatch(/required property 'description'/);
    expect(problemsOf(h.taxonomyTerm, { id: taxonomyTermId("sport"), description: "x" }).join()).toMatch(/required property 'name'/);
  });
});

describe("GET /api/hsds/services", () => {
  it("lists every published offer and nothing else, in Danish alphabetical order, as valid HSDS", async () => {
    const page = await servicesPage("per_page=200");
    expect(page).toMatchObject({ total_items: published.length, total_pages: 1, page_number: 1, size: published.length, first_page: true, last_page: true, empty: false });
    expect(page.contents.map((s: { id: string }) => s.id)).toEqual(published.map((o) => o.id));
    expect(published.length).toBe(37); // 36 demo offers + the tricky one
    const ids = new Set(page.contents.map((s: { id: string }) => s.id));
    for (const offer of unpublished) expect(ids.has(offer.id)).toBe(false);
    for (const item of page.contents) {
      expect(item.id).toMatch(UUID);
      expect(item.organization_id).toMatch(UUID);
      expect(item.organization.id).toBe(item.organization_id);
    }
  });

  it("pages with page and per_page (default 50), as an HSDS Page object", async () => {
    const first = await servicesPage();
    expect(first).toMatchObject({ page_number: 1, size: 37, total_pages: 1 });

    const seen: string[] = [];
    for (let number = 1; number <= 4; number++) {
      const page = await servicesPage(`per_page=10&page=${number}`);
      expect(page).toMatchObject({
        total_items: 37,
        total_pages: 4,
        page_number: number,
        size: number < 4 ? 10 : 7,
        first_page: number === 1,
        last_page: number === 4,
        empty: false,
      });
      seen.push(...page.contents.map((s: { id: string }) => s.id));
    }
    expect(seen).toEqual(published.map((o) => o.id));

    const past = await servicesPage("per_page=10&page=5");
    expect(past).toMatchObject({ total_items: 37, page_number: 5, size: 0, first_page: false, last_page: true, empty: true, contents: [] });
  });

  it("filters by taxonomy_term_id (the category)", async () => {
    for (const category of categories) {
      const names = await allServiceNames(`taxonomy_term_id=${taxonomyTermId(category.id)}`);
      expect(names).toEqual(published.filter((o) => o.category === category.id).map((o) => o.name));
      expect(names.length).toBeGreaterThan(0);
    }
    // A well-formed id that is no term: nothing, not an error.
    expect(await allServiceNames(`taxonomy_term_id=${uuidv5("nothing", HSDS_NAMESPACE)}`)).toEqual([]);
    expect(await allServiceNames(`taxonomy_id=${TAXONOMY_ID}`)).toHaveLength(37);
    expect(await allServiceNames(`taxonomy_id=${uuidv5("other", HSDS_NAMESPACE)}`)).toEqual([]);
  });

  it("filters by modified_after (on or after; a date means midnight UTC)", async () => {
    const since = "2026-09-20T07:50:00.000Z"; // exactly one offer's last_modified: included
    const names = await allServiceNames(`modified_after=${since}`);
    expect(names).toEqual(published.filter((o) => o.last_modified >= since).map((o) => o.name));
    expect(names.length).toBeGreaterThan(5);
    expect(names.length).toBeLessThan(published.length);
    expect(await allServiceNames("modified_after=2026-10-01")).toEqual(published.filter((o) => o.last_modified >= "2026-10-01").map((o) => o.name));
    // An offset is understood (URL-encoded +): 10:00+01:00 is 09:00Z, exactly the newest offer's time.
    expect(await allServiceNames("modified_after=2026-11-20T10:00:00%2B01:00")).toEqual([tricky.name]);
  });

  it("filters by postcode (the offer's place), and with proximity by distance from the postcode's middle", async () => {
    const names = await allServiceNames("postcode=7000");
    expect(names).toEqual(published.filter((o) => o.location?.postal_code === "7000").map((o) => o.name));
    expect(names.length).toBeGreaterThan(5);
    // The Fredericia offers lie within 3.5 km of 7000's point (GeoNames); Middelfart (5500) is 5-8 km away, Børkop (7080) 8.5-11.
    expect(await allServiceNames("postcode=7000&proximity=3500")).toEqual(names);
    const within8km = await allServiceNames("postcode=7000&proximity=8000");
    const fredericia = postcodePoint("7000")!;
    expect(within8km).toEqual(published.filter((o) => pointOf(o.location) && distanceKm(fredericia, pointOf(o.location)!) <= 8).map((o) => o.name));
    expect(within8km.length).toBeGreaterThan(names.length);
    expect(within8km.length).toBeLessThan(published.length);
    expect(await allServiceNames("postcode=9999")).toEqual([]);
  });

  it("filters by an accessibility fact and by a category group (the upper level of the taxonomy)", async () => {
    expect(await allServiceNames(`taxonomy_term_id=${taxonomyTermId("hearing_loop")}`)).toEqual(
      published.filter((o) => o.accessibility?.includes("hearing_loop")).map((o) => o.name),
    );
    const support = await allServiceNames(`taxonomy_term_id=${taxonomyTermId("support")}`);
    expect(support).toEqual(published.filter((o) => o.category === "self_help" || o.category === "counselling").map((o) => o.name));
    expect(support.length).toBeGreaterThan(3);
  });

  it("searches name and description, ignoring case", async () => {
    const mentions = (word: string) => published.filter((o) => `${o.name} ${o.description}`.toLowerCase().includes(word)).map((o) => o.name);
    expect(await allServiceNames("search=BOCCIA")).toEqual(mentions("boccia"));
    expect(mentions("boccia")).toContain("Boccia for alle");
    expect(await allServiceNames(`search=${encodeURIComponent("Boccia for ALLE")}`)).toEqual(["Boccia for alle"]);
    const names = await allServiceNames(`search=${encodeURIComponent("KØRESTOL")}`);
    expect(names).toEqual(mentions("kørestol"));
    expect(names.length).toBeGreaterThan(1);
    expect(await allServiceNames("search=zzzqqq")).toEqual([]);
  });

  it("filters by organization_id and combines filters", async () => {
    const organization = published[3]!.organization_name;
    expect(await allServiceNames(`organization_id=${organizationId(organization)}`)).toEqual(
      published.filter((o) => o.organization_name === organization).map((o) => o.name),
    );
    const sport = taxonomyTermId("sport");
    expect(await allServiceNames(`taxonomy_term_id=${sport}&postcode=7080&search=og`)).toEqual(
      published.filter((o) => o.category === "sport" && o.location?.postal_code === "7080" && `${o.name} ${o.description}`.toLowerCase().includes("og")).map((o) => o.name),
    );
  });

  const bad: [query: string, field: string, key: MessageKey][] = [
    ["page=0", "page", "hsds_page_invalid"],
    ["page=two", "page", "hsds_page_invalid"],
    ["per_page=0", "per_page", "hsds_per_page_invalid"],
    ["per_page=201", "per_page", "hsds_per_page_invalid"],
    ["per_page=1.5", "per_page", "hsds_per_page_invalid"],
    [`search=${"a".repeat(201)}`, "search", "hsds_search_invalid"],
    ["taxonomy_term_id=sport", "taxonomy_term_id", "hsds_taxonomy_term_id_invalid"],
    ["taxonomy_id=1", "taxonomy_id", "hsds_taxonomy_id_invalid"],
    ["organization_id=abc", "organization_id", "hsds_organization_id_invalid"],
    ["modified_after=yesterday", "modified_after", "hsds_modified_after_invalid"],
    ["modified_after=2026-13-45", "modified_after", "hsds_modified_after_invalid"],
    ["postcode=67", "postcode", "hsds_postcode_invalid"],
    ["postcode=abcd", "postcode", "hsds_postcode_invalid"],
    ["proximity=-5", "proximity", "hsds_proximity_invalid"],
    ["proximity=0", "proximity", "hsds_proximity_invalid"],
    ["proximity=far", "proximity", "hsds_proximity_invalid"],
  ];
  it.each(bad)("refuses %s with 400, naming the field in Danish and English", async (query, field, key) => {
    const danish = await get(`/hsds/services?${query}`);
    expect(danish.status).toBe(400);
    expect(danish.body.error.code).toBe("invalid_input");
    expect(danish.body.error.fields).toEqual([{ field, message: messages.da[key] }]);
    const english = await get(`/hsds/services?${query}`, { "accept-language": "en" });
    expect(english.status).toBe(400);
    expect(english.body.error.fields).toEqual([{ field, message: messages.en[key] }]);
  });

  it("names every wrong field at once", async () => {
    const { status, body } = await get("/hsds/services?page=0&postcode=1&proximity=x");
    expect(status).toBe(400);
    expect(body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["page", "postcode", "proximity"]);
  });
});

describe("GET /api/hsds/services/{id}", () => {
  it("shows every published offer as a fully nested HSDS service", async () => {
    for (const offer of published) {
      const { status, body } = await get(`/hsds/services/${offer.id}`);
      expect(status).toBe(200);
      expect(problemsOf(h.service, body), offer.name).toEqual([]);
    }
  });

  it("maps the offer's fields to HSDS", async () => {
    const offer = demoOffers.find((o) => o.name === "Boccia for alle")!;
    const { body } = await get(`/hsds/services/${offer.id}`);
    expect(body).toMatchObject({
      id: offer.id,
      name: offer.name,
      description: offer.description,
      status: "active",
      url: offer.url,
      email: offer.email,
      minimum_age: 18,
      fees_description: "Gratis.",
      assured_date: offer.assured_date,
      last_modified: offer.last_modified,
      organization: { id: organizationId(offer.organization_name), name: offer.organization_name },
      phones: [{ number: offer.phone, service_id: offer.id }],
      schedules: [{ description: offer.schedule_description }, { freq: "WEEKLY", byday: "MO", opens_at: "10:00", closes_at: "12:00" }],
      languages: [{ code: "da", name: "Dansk" }],
      cost_options: [{ amount: 0, currency: "DKK" }],
      contacts: [{ email: offer.email }],
      service_areas: [{ name: offer.area }],
      attributes: [
        { link_id: offer.id, link_entity: "service", taxonomy_term_id: taxonomyTermId("sport"), taxonomy_term: { name: "Sport og bevægelse", code: "sport" } },
        { taxonomy_term_id: taxonomyTermId("step_free"), taxonomy_term: { name: "Uden trin", taxonomy_id: ACCESSIBILITY_TAXONOMY_ID } },
        { taxonomy_term_id: taxonomyTermId("accessible_toilet") },
        { taxonomy_term_id: taxonomyTermId("companion_welcome") },
      ],
    });
    const [at] = body.service_at_locations;
    expect(at.location_id).toBe(at.location.id);
    expect(at.location).toMatchObject({
      location_type: "physical",
      name: offer.location!.name,
      latitude: offer.location!.latitude,
      longitude: offer.location!.longitude,
      addresses: [{ address_1: "Bakkevej 14", postal_code: "7080", city: "Børkop", country: "DK", state_province: "Region Syddanmark", address_type: "physical" }],
      accessibility: [{ description: offer.accessibility_notes }],
    });
  });

  it("maps dated sessions and languages, and never shows a confidential address", async () => {
    const withSessions = published.find((o) => (o.sessions?.length ?? 0) > 0)!;
    const { body: dated } = await get(`/hsds/services/${withSessions.id}`);
    const first = withSessions.sessions![0]!;
    expect(dated.schedules).toContainEqual(expect.objectContaining({ valid_from: first.date, valid_to: first.date, opens_at: first.opens_at, closes_at: first.closes_at }));
    const multilingual = published.find((o) => o.languages?.includes("ar"))!;
    expect((await get(`/hsds/services/${multilingual.id}`)).body.languages.map((l: { code: string; name: string }) => `${l.code} ${l.name}`)).toEqual([
      "da Dansk",
      "en Engelsk",
      "ar Arabisk",
    ]);
    const hidden = published.find((o) => o.location?.confidential)!;
    const { body } = await get(`/hsds/services/${hidden.id}`);
    expect(problemsOf(h.service, body)).toEqual([]);
    expect(body.service_at_locations[0].location).toMatchObject({ addresses: [], description: expect.stringMatching(/kontakter/) });
    const csv = await (await t.api.request("/api/hsds/export.csv")).text();
    const everything = JSON.stringify([body, (await get("/hsds/export.json")).body]) + csv;
    expect(everything).not.toContain(hidden.location!.address_1);
    expect(everything).not.toContain(String(hidden.location!.latitude));
  });

  it("gives every id as a UUID that stays the same between calls", async () => {
    const { body: once } = await get(`/hsds/services/${tricky.id}`);
    const { body: twice } = await get(`/hsds/services/${tricky.id}`);
    expect(twice).toEqual(once);
    const ids: string[] = [];
    JSON.stringify(once, (key, value) => {
      if ((key === "id" || key.endsWith("_id")) && typeof value === "string") ids.push(value);
      return value;
    });
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it("describes a fee as a cost option and an offer without a place without locations", async () => {
    const { body } = await get(`/hsds/services/${tricky.id}`);
    expect(body.cost_options).toEqual([expect.objectContaining({ currency: "DKK", amount_description: "Det koster 10 kr." })]);
    const volunteer = demoOffers.find((o) => !o.location)!;
    const { body: noPlace } = await get(`/hsds/services/${volunteer.id}`);
    expect(noPlace.service_at_locations).toEqual([]);
  });

  it.each(unpublished.map((o) => [o.publication, o.name, o.id] as const))("hides a %s offer (%s) as not found", async (_state, _name, id) => {
    expect((await get(`/hsds/services/${id}`)).status).toBe(404);
  });

  it("answers an unknown id with 404 in Danish and English, and a malformed id with 400", async () => {
    const id = makeOffer().id;
    const danish = await get(`/hsds/services/${id}`);
    expect(danish.status).toBe(404);
    expect(danish.body.error.message).toBe(messages.da.hsds_service_not_found);
    const english = await get(`/hsds/services/${id}`, { "accept-language": "en" });
    expect(english.body.error.message).toBe(messages.en.hsds_service_not_found);
    const malformed = await get("/hsds/services/123", { "accept-language": "en" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields).toEqual([{ field: "id", message: messages.en.hsds_id_invalid }]);
  });
});

describe("GET /api/hsds/organizations", () => {
  const names = [...new Set(published.map((o) => o.organization_name))];

  it("lists the organisations behind published offers, once each, as valid HSDS", async () => {
    const { status, body } = await get("/hsds/organizations?per_page=200");
    expect(status).toBe(200);
    expect(problemsOf(h.organizationPage, body)).toEqual([]);
    expect(body.total_items).toBe(names.length);
    expect(body.contents.map((o: { name: string }) => o.name).sort()).toEqual([...names].sort());
    for (const organization of body.contents) {
      expect(organization.id).toBe(organizationId(organization.name));
      expect(organization.id).toMatch(UUID);
    }
    // An organisation whose offers are all drafts or archived is not there.
    const hidden = unpublished.map((o) => o.organization_name).filter((name) => !names.includes(name));
    expect(hidden.length).toBeGreaterThan(0);
    for (const name of hidden) expect(body.contents.some((o: { name: string }) => o.name === name)).toBe(false);
  });

  it("pages and searches", async () => {
    const { body } = await get("/hsds/organizations?per_page=5&page=2");
    expect(problemsOf(h.organizationPage, body)).toEqual([]);
    expect(body).toMatchObject({ page_number: 2, size: 5, total_pages: Math.ceil(names.length / 5), first_page: false });
    const { body: found } = await get(`/hsds/organizations?search=${encodeURIComponent("æblehaven")}`);
    expect(found.contents.map((o: { name: string }) => o.name)).toEqual([tricky.organization_name]);
    expect((await get("/hsds/organizations?per_page=0")).status).toBe(400);
  });

  it("shows one organisation; an organisation without published offers is not found", async () => {
    const id = organizationId(tricky.organization_name);
    const { status, body } = await get(`/hsds/organizations/${id}`);
    expect(status).toBe(200);
    expect(problemsOf(h.organization, body)).toEqual([]);
    expect(body).toMatchObject({ id, name: tricky.organization_name });
    const draftOnly = await get(`/hsds/organizations/${organizationId("Strikkeklubben Masken")}`, { "accept-language": "en" });
    expect(draftOnly.status).toBe(404);
    expect(draftOnly.body.error.message).toBe(messages.en.hsds_organization_not_found);
    expect((await get("/hsds/organizations/nope")).status).toBe(400);
  });
});

describe("GET /api/hsds/taxonomies and /taxonomy_terms", () => {
  it("has two taxonomies, Nærhed kategorier and Nærhed tilgængelighed", async () => {
    const { body } = await get("/hsds/taxonomies");
    expect(problemsOf(h.taxonomyPage, body)).toEqual([]);
    expect(body.contents).toEqual([
      expect.objectContaining({ id: TAXONOMY_ID, name: "Nærhed kategorier" }),
      expect.objectContaining({ id: ACCESSIBILITY_TAXONOMY_ID, name: "Nærhed tilgængelighed" }),
    ]);
    const one = await get(`/hsds/taxonomies/${ACCESSIBILITY_TAXONOMY_ID}`);
    expect(problemsOf(h.taxonomy, one.body)).toEqual([]);
    expect((await get(`/hsds/taxonomies/${uuidv5("x", HSDS_NAMESPACE)}`)).status).toBe(404);
  });

  it("has the categories in two levels and the accessibility facts as terms: Danish names, the English in the description", async () => {
    const { body } = await get("/hsds/taxonomy_terms?per_page=100");
    expect(problemsOf(h.taxonomyTermPage, body)).toEqual([]);
    expect(body.total_items).toBe(categoryGroups.length + categories.length + accessibilityFacts.length);
    type Term = { id: string; code: string; name: string; description: string; parent_id?: string; taxonomy_id: string };
    const byCode = new Map<string, Term>(body.contents.map((t: Term) => [t.code, t]));
    for (const group of categoryGroups) {
      expect(byCode.get(group.id)).toMatchObject({ id: taxonomyTermId(group.id), name: group.name.da, taxonomy_id: TAXONOMY_ID });
      expect(byCode.get(group.id)!.parent_id).toBeUndefined();
    }
    for (const category of categories) {
      const term = byCode.get(category.id)!;
      expect(term).toMatchObject({ id: taxonomyTermId(category.id), name: category.name.da, taxonomy_id: TAXONOMY_ID, parent_id: taxonomyTermId(category.group) });
      expect(term.description).toContain(category.name.en);
    }
    for (const fact of accessibilityFacts) {
      expect(byCode.get(fact.id)).toMatchObject({ id: taxonomyTermId(fact.id), name: fact.name.da, taxonomy_id: ACCESSIBILITY_TAXONOMY_ID });
    }
    const one = await get(`/hsds/taxonomy_terms/${taxonomyTermId("nature")}`);
    expect(problemsOf(h.taxonomyTerm, one.body)).toEqual([]);
    expect(one.body.name).toBe("Natur og friluftsliv");
    expect((await get(`/hsds/taxonomy_terms/${TAXONOMY_ID}`)).status).toBe(404);
    const { body: paged } = await get("/hsds/taxonomy_terms?per_page=5&page=4");
    expect(problemsOf(h.taxonomyTermPage, paged)).toEqual([]);
    expect(paged).toMatchObject({ size: 2, last_page: true, total_pages: 4 });
  });
});

describe("GET /api/hsds (about this API)", () => {
  it("says it is HSDS 3.0", async () => {
    const { status, body } = await get("/hsds");
    expect(status).toBe(200);
    expect(body.version).toBe("3.0");
  });
});

/** RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") row.push(field), (field = "");
    else if (char === "\r" && text[i + 1] === "\n") {
      row.push(field), rows.push(row), (row = []), (field = ""), i++;
    } else field += char;
  }
  if (field !== "" || row.length > 0) row.push(field), rows.push(row);
  return rows;
}

describe("exports", () => {
  it("GET /api/hsds/export.json: every published offer as a fully nested HSDS service", async () => {
    const { status, body, response } = await get("/hsds/export.json");
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(Array.isArray(body)).toBe(true);
    expect(body.map((s: { id: string }) => s.id)).toEqual(published.map((o) => o.id));
    for (const service of body) expect(problemsOf(h.service, service), service.name).toEqual([]);
  });

  it("GET /api/hsds/export.csv: one row per service, UTF-8 with BOM, RFC 4180 quoting", async () => {
    const response = await t.api.request("/api/hsds/export.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="naerhed-tilbud\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);

    const [header, ...rows] = parseCsv(text.slice(1));
    expect(header).toEqual(HSDS_CSV_HEADERS);
    expect(rows).toHaveLength(published.length);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    const record = (row: string[]) => Object.fromEntries(header!.map((name, index) => [name, row[index]!]));
    const records = rows.map(record);
    expect(records.map((r) => r.id)).toEqual(published.map((o) => o.id));

    const row = records.find((r) => r.id === tricky.id)!;
    expect(row.name).toBe('Kaffe, kage og "hygge"');
    expect(row.organization_name).toBe('Foreningen "Æblehaven", Sønderlund');
    expect(row.description).toBe(tricky.description);
    expect(row.city).toBe("Sønderlund");
    expect(row.phone).toBe("+45 70 00 09 99"); // a phone number is not a formula: left as it is
    expect(row.alternate_name).toBe("'=1+1"); // a formula is not run by a spreadsheet
    expect(row.taxonomy_term_id).toBe(taxonomyTermId("meeting_place"));
    expect(row.organization_id).toBe(organizationId(tricky.organization_name));
    expect(row).toMatchObject({ free: "nej", country: "DK", postal_code: "6800", languages: "da" });
    // The raw text quotes exactly as RFC 4180 says.
    expect(text).toContain(`,"Kaffe, kage og ""hygge""",`);
  });
});

describe("only published offers, also after a change", () => {
  it("an offer that is archived leaves every endpoint: at once as a service, within the search index's maximum age from the lists", async () => {
    const gone = makeOffer({ name: "Snart arkiveret", organization_name: "Foreningen Kortlivet" });
    await store.putOffer(gone);
    t.advance(61);
    expect(await allServiceNames("search=Snart")).toEqual(["Snart arkiveret"]);
    await store.putOffer({ ...gone, publication: "archived" });
    expect((await get(`/hsds/services/${gone.id}`)).status).toBe(404);
    // Lists come from the search index's copy of the published offers (at most a minute old).
    expect(await allServiceNames("search=Snart")).toEqual(["Snart arkiveret"]);
    t.advance(61);
    expect(await allServiceNames("search=Snart")).toEqual([]);
    expect((await get(`/hsds/services/${gone.id}`)).status).toBe(404);
    expect((await get(`/hsds/organizations/${organizationId("Foreningen Kortlivet")}`)).status).toBe(404);
    const exported = (await get("/hsds/export.json")).body as { id: string }[];
    expect(exported.some((s) => s.id === gone.id)).toBe(false);
    const csv = await (await t.api.request("/api/hsds/export.csv")).text();
    expect(csv).not.toContain(gone.id);
  });
});
