import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizationId } from "@naerhed/core/directory/hsds";
import { createDirectoryStore, type DirectoryStore } from "@naerhed/core/directory/store";
import { messages } from "@naerhed/core/shared/messages";
import { makeOffer } from "../../core/test/offer-fixtures.ts";
import { hsdsValidators, problemsOf } from "./hsds-schemas.ts";
import { json, testApi } from "./support.ts";

/**
 * Organisations as records of their own: staff create and correct them, offers point at them,
 * open data shows their details, and the id an organisation had as a name keeps working.
 */

let t: Awaited<ReturnType<typeof testApi>>;
let store: DirectoryStore;
let staff: { cookie: string };
let staffSyd: { cookie: string };
const h = hsdsValidators();

beforeAll(async () => {
  t = await testApi();
  store = createDirectoryStore(t.db, t.config.tableNames.directory!);
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
  staffSyd = await t.personWith([{ role: "staff", centre_id: "syd" }]);
});
afterAll(() => t.db.destroy());

const call = async (method: string, path: string, body?: unknown, cookie = staff.cookie) => {
  const response = await t.api.request(`/api${path}`, { method, ...(body === undefined ? { headers: { cookie } } : json(body, { cookie })) });
  return { status: response.status, body: (await response.json()) as any };
};

const aabenDoer = {
  name: "Foreningen Åben Dør",
  description: "En forening, der laver caféer og værksteder for voksne med handicap.",
  website: "https://aabendoer.example.dk",
  email: "kontakt@aabendoer.example.dk",
  phone: "+45 70 10 20 30",
  legal_status: "Forening",
  identifiers: [{ identifier_scheme: "DK-CVR", identifier_type: "CVR-nummer", identifier: "29876543" }],
};

describe("organisations", () => {
  it("staff create one; its id is the one its name already had in open data; a second with the same CVR number is refused", async () => {
    // Before: an offer that names the organisation only; open data gives it the id of its name.
    const offer = makeOffer({ organization_name: aabenDoer.name });
    await store.putOffer(offer);
    t.advance(61);
    const before = await call("GET", `/hsds/organizations/${organizationId(aabenDoer.name)}`);
    expect(before.status).toBe(200);

    const created = await call("POST", "/directory/organizations", aabenDoer);
    expect(created.status).toBe(201);
    expect(created.body.organization).toMatchObject({ ...aabenDoer, id: organizationId(aabenDoer.name), version: 1 });
    const twice = await call("POST", "/directory/organizations", { ...aabenDoer, name: "Åben Dør", identifiers: [{ identifier_type: "CVR-nummer", identifier: "2987 6543" }] });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe(messages.da.organization_exists);

    // Open data now shows the record's details under the same id, valid HSDS.
    const after = await call("GET", `/hsds/organizations/${organizationId(aabenDoer.name)}`);
    expect(problemsOf(h.organization, after.body)).toEqual([]);
    expect(after.body).toMatchObject({
      id: organizationId(aabenDoer.name),
      description: aabenDoer.description,
      website: aabenDoer.website,
      email: aabenDoer.email,
      legal_status: "Forening",
      phones: [{ number: aabenDoer.phone }],
      organization_identifiers: [{ identifier_type: "CVR-nummer", identifier: "29876543" }],
    });
  });

  it("a renamed organisation keeps its id, and offers that point at it follow", async () => {
    const id = organizationId(aabenDoer.name);
    const draft = await call("POST", "/directory/centres/nord/offers", {
      name: "Åben café",
      centre_id: "nord",
      organization_id: id,
      organization_name: "whatever the page sent",
    });
    expect(draft.status).toBe(201);
    expect(draft.body.offer).toMatchObject({ organization_id: id, organization_name: aabenDoer.name });

    const renamed = await call("PUT", `/directory/organizations/${id}`, { version: 1, organization: { ...aabenDoer, name: "Åben Dør Kolding" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.organization).toMatchObject({ id, name: "Åben Dør Kolding", version: 2 });
    const stale = await call("PUT", `/directory/organizations/${id}`, { version: 1, organization: aabenDoer });
    expect(stale.status).toBe(409);

    const published = makeOffer({ organization_name: "Gammelt navn", organization_id: id });
    await store.putOffer(published);
    t.advance(61);
    const service = await call("GET", `/hsds/services/${published.id}`);
    expect(service.body).toMatchObject({ organization_id: id, organization: { id, name: "Åben Dør Kolding" } });
    const list = await call("GET", `/hsds/services?organization_id=${id}&per_page=200`);
    expect(list.body.contents.map((s: { id: string }) => s.id)).toContain(published.id);
  });

  it("an offer may not point at an organisation that is not there", async () => {
    const answer = await call("POST", "/directory/centres/nord/offers", { name: "X", centre_id: "nord", organization_id: organizationId("Findes ikke") });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([{ field: "organization_id", message: messages.da.organization_not_found }]);
  });

  it("staff of any centre see and keep the shared list; citizens do not", async () => {
    expect((await call("GET", "/directory/organizations", undefined, staffSyd.cookie)).body.items.map((o: { name: string }) => o.name)).toContain("Åben Dør Kolding");
    const citizen = await t.personWith([{ role: "citizen" }]);
    expect((await call("GET", "/directory/organizations", undefined, citizen.cookie)).status).toBe(403);
    expect((await call("POST", "/directory/organizations", { name: "Ny" }, citizen.cookie)).status).toBe(403);
    const bad = await call("POST", "/directory/organizations", { name: "", website: "javascript:alert(1)" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(["name", "website"]);
  });
});

describe("an offer's web address", () => {
  it("is only http(s): a javascript: address, which would run in our site when a citizen clicks it, is refused", async () => {
    for (const url of ["javascript:alert(document.cookie)", "data:text/html,<script>alert(1)</script>", "ftp://filer.example.dk"]) {
      const answer = await call("POST", "/directory/centres/nord/offers", { name: "Link", centre_id: "nord", url });
      expect(answer.status, url).toBe(400);
      expect(answer.body.error.fields).toEqual([{ field: "url", message: messages.da.url_invalid }]);
    }
    expect((await call("POST", "/directory/centres/nord/offers", { name: "Link", centre_id: "nord", url: "https://example.dk" })).status).toBe(201);
  });
});
