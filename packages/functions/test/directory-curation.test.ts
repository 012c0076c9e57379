import { beforeAll, describe, expect, it } from "vitest";
import { json, testApi } from "./support.ts";

let t: Awaited<ReturnType<typeof testApi>>;
let staff: Awaited<ReturnType<typeof t.personWith>>;
let admin: Awaited<ReturnType<typeof t.personWith>>;

beforeAll(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  admin = await t.personWith([{ role: "admin" }]);
});

type Curated = { id: string; version: number; publication: string; assured_date?: string; name: string };
type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[]; details?: { current: Curated } } };

const send = (method: string, path: string, body: unknown, cookie = staff.cookie) =>
  t.api.request(`/api/directory/centres/nord${path}`, { method, ...json(body, { cookie }) });
const read = (path: string, cookie = staff.cookie) => t.api.request(`/api/directory/centres/nord${path}`, { headers: { cookie } });

const complete = {
  name: "Strikkecafé",
  description: "Vi strikker og drikker kaffe. Alle kan være med.",
  organization_name: "Strikkeklubben Maske",
  status: "active",
  centre_id: "nord",
  area: "Lyngbakken",
  category: "creative",
  free: true,
};

async function draft(body: object = complete): Promise<Curated> {
  const response = await send("POST", "/offers", body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { offer: Curated }).offer;
}

const publicStatus = async (id: string) => (await t.api.request(`/api/directory/offers/${id}`)).status;

describe("staff curating their centre's offers", () => {
  it("save an incomplete draft, which citizens cannot see", async () => {
    const offer = await draft({ name: "Halvfærdig idé", centre_id: "nord" });
    expect(offer).toMatchObject({ publication: "draft", version: 1 });
    expect(await publicStatus(offer.id)).toBe(404);
  });

  it("cannot publish an incomplete draft: each missing field is named", async () => {
    const offer = await draft({ name: "Mangler noget", centre_id: "nord" });
    const response = await send("POST", `/offers/${offer.id}/publish`, { version: 1 });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as ErrorBody).error.fields!.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["description", "organization_name", "status", "area", "category", "free"]));
    expect(await publicStatus(offer.id)).toBe(404);
  });

  it("publish a complete offer (which counts as checked today), then unpublish and archive it", async () => {
    const offer = await draft();
    const published = await send("POST", `/offers/${offer.id}/publish`, { version: 1 });
    expect(published.status).toBe(200);
    expect(((await published.json()) as { offer: Curated }).offer).toMatchObject({ publication: "published", version: 2, assured_date: "2026-11-23" });
    expect(await publicStatus(offer.id)).toBe(200);

    expect((await send("POST", `/offers/${offer.id}/unpublish`, { version: 2 })).status).toBe(200);
    expect(await publicStatus(offer.id)).toBe(404);
    expect((await send("POST", `/offers/${offer.id}/archive`, { version: 3 })).status).toBe(200);
    const edit = await send("PUT", `/offers/${offer.id}`, { version: 4, offer: complete });
    expect(edit.status).toBe(400);
    expect(((await edit.json()) as ErrorBody).error.message).toBe("Tilbuddet er arkiveret. Det kan ikke ændres.");
  });

  it("list offers not checked for 6 months as 'needs checking'; verifying is one call", async () => {
    const offer = await draft({ ...complete, name: "Gammelt tjek" });
    await send("POST", `/offers/${offer.id}/publish`, { version: 1 });
    t.advance(183 * 24 * 3600);
    // Half a year on, everyone's sessions have ended: sign in again.
    staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
    admin = await t.personWith([{ role: "admin" }]);
    const listed = async () =>
      ((await (await read("/offers?name=gammelt")).json()) as { items: (Curated & { needs_checking: boolean })[] }).items.find((o) => o.id === offer.id)!;
    expect((await listed()).needs_checking).toBe(true);
    expect((await send("POST", `/offers/${offer.id}/verify`, { version: 2 })).status).toBe(200);
    expect(await listed()).toMatchObject({ needs_checking: false, assured_date: "2027-05-25" });
    // The worklist carries what it shows, not every offer's whole text (a centre can have thousands).
    expect(Object.keys(await listed()).sort()).toEqual(["assured_date", "id", "name", "needs_checking", "publication", "version"]);
  });

  it("never silently overwrite each other: the second save is told what the first one changed", async () => {
    const offer = await draft({ ...complete, name: "Fælles redigering" });
    const first = await send("PUT", `/offers/${offer.id}`, { version: 1, offer: { ...complete, name: "Fælles redigering", area: "Havnen" } });
    expect(first.status).toBe(200);
    const second = await send("PUT", `/offers/${offer.id}`, { version: 1, offer: { ...complete, name: "Fælles redigering", free: false } });
    expect(second.status).toBe(409);
    const body = (await second.json()) as ErrorBody;
    expect(body.error.message).toMatch(/En anden har ændret tilbuddet/);
    expect(body.error.details!.current).toMatchObject({ version: 2, area: "Havnen" });
    const stored = ((await (await read(`/offers/${offer.id}`)).json()) as { offer: Curated & { free: boolean; area: string } }).offer;
    expect(stored).toMatchObject({ version: 2, area: "Havnen", free: true });
  });

  it("save at the same moment: one edit wins, the others are told, and the audit log has exactly the one change", async () => {
    const offer = await draft({ ...complete, name: "Samtidig redigering" });
    const areas = ["Havnen", "Skoven", "Torvet", "Stranden", "Bakken", "Engen"];
    const statuses = await Promise.all(
      areas.map(async (area) => (await send("PUT", `/offers/${offer.id}`, { version: 1, offer: { ...complete, name: "Samtidig redigering", area } })).status),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(areas.length - 1);
    const stored = ((await (await read(`/offers/${offer.id}`)).json()) as { offer: Curated & { area: string } }).offer;
    expect(stored.version).toBe(2);
    const log = (await (await t.api.request(`/api/identity/audit?item=directory:offer:${offer.id}`, { headers: { cookie: admin.cookie } })).json()) as {
      items: { action: string; summary: string }[];
    };
    expect(log.items.map((entry) => entry.action)).toEqual(["directory.offer.edit", "directory.offer.create"]);
    expect(JSON.parse(log.items[0]!.summary)).toMatchObject({ changed: ["area"] });
    expect(areas[statuses.indexOf(200)]).toBe(stored.area);
  });

  it("refuse an edit that would leave a published offer incomplete, and keep what was there", async () => {
    const offer = await draft({ ...complete, name: "Skal forblive hel" });
    await send("POST", `/offers/${offer.id}/publish`, { version: 1 });
    const { description: _gone, ...withoutDescription } = complete;
    const response = await send("PUT", `/offers/${offer.id}`, { version: 2, offer: { ...withoutDescription, name: "Skal forblive hel" } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.fields).toEqual([{ field: "description", message: "Feltet må ikke være tomt." }]);
    expect(await publicStatus(offer.id)).toBe(200);
  });

  it("store a name with a script tag as text, exactly as typed", async () => {
    const offer = await draft({ name: "<script>alert(1)</script>", centre_id: "nord" });
    const stored = ((await (await read(`/offers/${offer.id}`)).json()) as { offer: Curated }).offer;
    expect(stored.name).toBe("<script>alert(1)</script>");
  });

  it("record every change in the audit log", async () => {
    const offer = await draft({ ...complete, name: "Revideret" });
    await send("POST", `/offers/${offer.id}/publish`, { version: 1 });
    const log = (await (await t.api.request(`/api/identity/audit?item=directory:offer:${offer.id}`, { headers: { cookie: admin.cookie } })).json()) as {
      items: { action: string; actor_name: string }[];
    };
    expect(log.items.map((entry) => entry.action)).toEqual(["directory.offer.publish", "directory.offer.create"]);
    expect(log.items[0]!.actor_name).toBe("Sara Staff");
  });
});

describe("staff of another centre", () => {
  it("cannot see or change this centre's offers, nor move one to their own centre", async () => {
    const offer = await draft({ ...complete, name: "Kun for Nord" });
    const other = await t.personWith([{ role: "staff", centre_id: "syd" }]);
    expect((await read("/offers", other.cookie)).status).toBe(403);
    const viaOwnCentre = await t.api.request(`/api/directory/centres/syd/offers/${offer.id}`, { headers: { cookie: other.cookie } });
    expect(viaOwnCentre.status).toBe(404);
    const moved = await send("PUT", `/offers/${offer.id}`, { version: 1, offer: { ...complete, centre_id: "syd" } });
    expect(moved.status).toBe(400);
  });
});
