import { beforeAll, describe, expect, it } from "vitest";
import { json, testApi } from "./support.ts";

/**
 * The site organisation, its centres and every Danish postcode, as an administrator and a
 * relative meet them, through the Lambda-shaped runner (each module its own handler, its own
 * grants and its own cache of the centres).
 */

let t: Awaited<ReturnType<typeof testApi>>;
let admin: Awaited<ReturnType<typeof t.personWith>>;

type Problem = { field: string; message: string };
type ErrorBody = { error: { code: string; message: string; fields?: Problem[]; details?: Record<string, unknown> } };
type Centre = { id: string; version: number; status: string; name: { da: string; en?: string }; municipality: string };
type Site = { organisation: { name: string; version: number; colour: string; logo_url: string | null } | null; centres: Centre[] };

const send = (method: string, path: string, body: unknown, cookie = admin.cookie, headers: Record<string, string> = {}) =>
  t.api.request(`/api${path}`, { method, ...json(body, { cookie, ...headers }) });
const site = async () => (await (await t.api.request("/api/organisation/site")).json()) as Site;
const problems = async (response: Response) => ((await response.json()) as ErrorBody).error.fields ?? [];

const organisation = {
  name: "Aarhus og København Ledsagerservice",
  short_name: "Ledsagerservice",
  colour: "#0b4f6c",
  contact: { phone: "70 10 20 30", email: "kontakt@ledsager.example.dk", address: "Banegårdspladsen 1, 8000 Aarhus C", opening_hours: "Hverdage 9-15" },
  municipalities: ["Aarhus Kommune", "Københavns Kommune"],
};

const centre = (name: string, postal_code: string, city: string, municipality: string, region: string) => ({
  name_da: name,
  address: { address_1: "Torvet 1", postal_code, city },
  municipality,
  region,
});

async function createCentre(body: object): Promise<Centre> {
  const response = await send("POST", "/organisation/centres", body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { centre: Centre }).centre;
}

beforeAll(async () => {
  // An empty platform: no organisation, no centres (a deployed stage starts like this).
  t = await testApi({ centres: false });
  admin = await t.personWith([{ role: "admin" }], "Anne Admin");
});

describe("the organisation on an empty platform", () => {
  it("is not there yet: the site says so instead of showing a made-up name", async () => {
    expect(await site()).toEqual({ organisation: null, centres: [] });
  });

  it("refuses a main colour without AA contrast, and stores nothing", async () => {
    const response = await send("PUT", "/organisation/site", { version: 0, organisation: { ...organisation, colour: "#ffcc00" } });
    expect(response.status).toBe(400);
    expect(await problems(response)).toEqual([{ field: "organisation.colour", message: expect.stringMatching(/Farven er for lys/) }]);
    expect((await site()).organisation).toBeNull();
  });

  it("is set up by an administrator; a second admin who saw the old version gets 409 with both versions", async () => {
    const first = await send("PUT", "/organisation/site", { version: 0, organisation });
    expect(first.status).toBe(200);
    expect((await site()).organisation).toMatchObject({ name: organisation.name, version: 1, colour: "#0b4f6c" });

    const late = await send("PUT", "/organisation/site", { version: 0, organisation: { ...organisation, short_name: "Anden" } });
    expect(late.status).toBe(409);
    const details = ((await late.json()) as ErrorBody).error.details!;
    expect(details).toMatchObject({ current: { short_name: "Ledsagerservice", version: 1 }, edited: { short_name: "Anden" }, edited_version: 0 });
  });

  // The site hides everything but the set-up until it is done; the API needs no switch of its own,
  // because what the public may write belongs to a centre, and none exists yet.
  it("refuses a public suggestion before any centre exists, at its centre field", async () => {
    const suggestion = { name: "Strikkecafé", description: "Vi strikker.", where: "Biblioteket", centre_id: "nord" };
    const response = await t.api.request("/api/directory/suggestions", { method: "POST", ...json(suggestion, { "accept-language": "da" }) });
    expect(response.status).toBe(400);
    expect(await problems(response)).toEqual([{ field: "centre_id", message: expect.any(String) }]);
  });

  it("is changed by administrators only", async () => {
    const staff = await t.personWith([{ role: "citizen" }]);
    expect((await send("PUT", "/organisation/site", { version: 1, organisation }, staff.cookie)).status).toBe(403);
  });
});

describe("centres", () => {
  let aarhus: Centre;
  let copenhagen: Centre;

  beforeAll(async () => {
    aarhus = await createCentre(centre("Borgercenter Aarhus Midt", "8000", "Aarhus C", "Aarhus Kommune", "Region Midtjylland"));
    copenhagen = await createCentre(centre("Borgercenter Østerbro", "2100", "København Ø", "Københavns Kommune", "Region Hovedstaden"));
  });

  it("get an id from their name that stays when they are renamed or moved", async () => {
    expect(aarhus.id).toBe("borgercenter-aarhus-midt");
    expect(copenhagen.id).toBe("borgercenter-oesterbro");
    const renamed = await send("PUT", `/organisation/centres/${aarhus.id}`, {
      version: 1,
      ...centre("Borgercenter Aarhus", "8200", "Aarhus N", "Aarhus Kommune", "Region Midtjylland"),
      name_en: "Citizen Centre Aarhus",
    });
    expect(renamed.status).toBe(200);
    const shown = (await site()).centres.find((c) => c.id === aarhus.id)!;
    expect(shown).toMatchObject({ name: { da: "Borgercenter Aarhus", en: "Citizen Centre Aarhus" }, version: 2 });
    expect((await t.api.request(`/api/organisation/centres/${aarhus.id}`)).status).toBe(200);
    aarhus = shown;
  });

  it("refuse a postcode that does not exist, naming it, and an id that is taken", async () => {
    const unknown = await send("POST", "/organisation/centres", centre("Borgercenter Atlantis", "9999", "Atlantis", "Aarhus Kommune", "Region Midtjylland"));
    expect(unknown.status).toBe(400);
    expect(await problems(unknown)).toEqual([{ field: "address.postal_code", message: "Vi kender ikke postnummer 9999. Tjek, at du har skrevet det rigtigt." }]);
    const taken = await send("POST", "/organisation/centres", { id: copenhagen.id, ...centre("Andet center", "2100", "København Ø", "Københavns Kommune", "Region Hovedstaden") });
    expect(taken.status).toBe(400);
    expect((await problems(taken)).map((p) => p.field)).toEqual(["id"]);
  });

  it("an unknown centre is 404 in an address, never a 500", async () => {
    expect((await t.api.request("/api/organisation/centres/findes-ikke")).status).toBe(404);
    expect((await send("PUT", "/organisation/centres/findes-ikke", { version: 1, ...centre("X", "8000", "Aarhus C", "A", "B") })).status).toBe(404);
    expect((await t.api.request("/api/council/centres/findes-ikke")).status).toBe(404);
  });

  it("a new centre is usable at once in the other modules, whose cached lists are older (no deploy)", async () => {
    // The directory module's function has read the centres already (warm cache)…
    const staffOfAarhus = await t.personWith([{ role: "staff", centre_id: aarhus.id }]);
    expect((await send("GET", `/directory/centres/${aarhus.id}/offers`, undefined, staffOfAarhus.cookie)).status).toBe(200);
    // …and a centre made a moment later is known to it straight away.
    const fresh = await createCentre(centre("Borgercenter Nord Aarhus", "8200", "Aarhus N", "Aarhus Kommune", "Region Midtjylland"));
    const staffOfFresh = await t.personWith([{ role: "staff", centre_id: fresh.id }]);
    expect((await send("GET", `/directory/centres/${fresh.id}/offers`, undefined, staffOfFresh.cookie)).status).toBe(200);
    const invited = await send("POST", "/identity/invitations", { email: "ny@example.dk", display_name: "Ny Medarbejder", role: "staff", centre_id: fresh.id });
    expect(invited.status).toBe(201);
    const unknown = await send("POST", "/identity/invitations", { email: "ny2@example.dk", display_name: "Ny To", role: "staff", centre_id: "atlantis" });
    expect(unknown.status).toBe(400);
    expect(await problems(unknown)).toEqual([{ field: "centre_id", message: expect.stringMatching(/Vi kender ikke det borgercenter/) }]);
  });
});

describe("search near any Danish postcode", () => {
  let staff: Awaited<ReturnType<typeof t.personWith>>;
  const offerAt = (name: string, centre_id: string, postal_code: string, city: string) => ({
    name,
    description: "Vi mødes og hygger. Alle kan være med.",
    organization_name: "Foreningen Fælles",
    status: "active",
    centre_id,
    area: city,
    category: "meeting_place",
    free: true,
    location: { address_1: "Torvet 2", postal_code, city },
  });

  async function publish(centreId: string, body: object) {
    const created = await send("POST", `/directory/centres/${centreId}/offers`, body, staff.cookie);
    expect(created.status).toBe(201);
    const { offer } = (await created.json()) as { offer: { id: string } };
    expect((await send("POST", `/directory/centres/${centreId}/offers/${offer.id}/publish`, { version: 1 }, staff.cookie)).status).toBe(200);
    return offer.id;
  }

  beforeAll(async () => {
    const centres = (await site()).centres;
    const aarhus = centres.find((c) => c.municipality === "Aarhus Kommune")!.id;
    const copenhagen = centres.find((c) => c.municipality === "Københavns Kommune")!.id;
    staff = await t.personWith([{ role: "staff", centre_id: aarhus }, { role: "staff", centre_id: copenhagen }]);
    await publish(aarhus, offerAt("Café i Aarhus", aarhus, "8000", "Aarhus C"));
    await publish(copenhagen, offerAt("Café på Østerbro", copenhagen, "2100", "København Ø"));
    // The search index is rebuilt at most once a minute.
    t.advance(61);
  });

  const search = async (query: string) => {
    const response = await t.api.request(`/api/directory/search?${query}`);
    return { status: response.status, body: (await response.json()) as { items: { name: string; distance_km?: number }[] } & ErrorBody };
  };

  it("8000 Aarhus C and 8200 Aarhus N find the Aarhus offer first, with its distance", async () => {
    const near8000 = await search("postcode=8000");
    expect(near8000.status).toBe(200);
    expect(near8000.body.items[0]).toMatchObject({ name: "Café i Aarhus", distance_km: 0 });
    const near8200 = await search("postcode=8200");
    expect(near8200.body.items[0]!.name).toBe("Café i Aarhus");
    expect(near8200.body.items[0]!.distance_km).toBeGreaterThan(0);
    expect(near8200.body.items[0]!.distance_km).toBeLessThan(10);
  });

  it("2100 København Ø finds the Østerbro offer first, and Aarhus about 150 km away", async () => {
    const { body } = await search("postcode=2100");
    expect(body.items.map((item) => item.name)).toEqual(["Café på Østerbro", "Café i Aarhus"]);
    expect(body.items[1]!.distance_km).toBeGreaterThan(120);
    expect(body.items[1]!.distance_km).toBeLessThan(180);
  });

  it("an unknown postcode says so in plain words, in Danish and English, with no results", async () => {
    const { status, body } = await search("postcode=9999");
    expect(status).toBe(400);
    expect(body.error.fields).toEqual([{ field: "postcode", message: "Vi kender ikke postnummer 9999. Tjek, at du har skrevet det rigtigt." }]);
    expect(body.items).toBeUndefined();
    const english = await t.api.request("/api/directory/search?postcode=9999", { headers: { "accept-language": "en" } });
    expect(((await english.json()) as ErrorBody).error.fields![0]!.message).toBe("We do not know postcode 9999. Check that you wrote it correctly.");
  });

  it("open data is published by the stored organisation, and each place lies in its centre's region", async () => {
    const about = (await (await t.api.request("/api/hsds")).json()) as { publisher: unknown };
    expect(about.publisher).toEqual({ name: organisation.name, url: t.config.siteUrl, country: "DK" });
    type Service = { name: string; service_at_locations: { location: { addresses: { state_province: string }[] } }[] };
    const services = (await (await t.api.request("/api/hsds/export.json")).json()) as Service[];
    const region = (name: string) => services.find((service) => service.name === name)?.service_at_locations[0]?.location.addresses[0]?.state_province;
    expect(region("Café i Aarhus")).toBe("Region Midtjylland");
    expect(region("Café på Østerbro")).toBe("Region Hovedstaden");
  });

  it("the non-geographic codes with wrong points upstream are left out; a town is known by its postcode", async () => {
    for (const code of ["0900", "0960", "0999"]) expect((await search(`postcode=${code}`)).status).toBe(400);
    const place = await t.api.request("/api/organisation/places/8000");
    expect(await place.json()).toEqual({ postcode: "8000", city: "Aarhus C" });
  });
});

describe("closing a centre", () => {
  it("is refused while an offer is published there, listing it; closes once it is archived; history stays readable", async () => {
    const closing = await createCentre(centre("Borgercenter Lukkes", "8000", "Aarhus C", "Aarhus Kommune", "Region Midtjylland"));
    const staff = await t.personWith([{ role: "staff", centre_id: closing.id }]);
    const created = await send(
      "POST",
      `/directory/centres/${closing.id}/offers`,
      { name: "Sidste tilbud", description: "Vi ses en sidste gang.", organization_name: "Foreningen", status: "active", centre_id: closing.id, area: "Aarhus", category: "meeting_place", free: true },
      staff.cookie,
    );
    const { offer } = (await created.json()) as { offer: { id: string } };
    expect((await send("POST", `/directory/centres/${closing.id}/offers/${offer.id}/publish`, { version: 1 }, staff.cookie)).status).toBe(200);

    const refused = await send("POST", `/organisation/centres/${closing.id}/close`, { version: 1 });
    expect(refused.status).toBe(409);
    const refusal = (await refused.json()) as ErrorBody;
    expect(refusal.error.message).toMatch(/kan ikke lukkes endnu/);
    expect(refusal.error.details).toEqual({ items: [{ kind: "offer", id: offer.id, title: "Sidste tilbud" }] });

    expect((await send("POST", `/directory/centres/${closing.id}/offers/${offer.id}/archive`, { version: 2 }, staff.cookie)).status).toBe(200);
    const closed = await send("POST", `/organisation/centres/${closing.id}/close`, { version: 1 });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: "closed", centre: { id: closing.id, status: "closed", version: 2 } });

    // Not a choice any more, even in a module that read the centres before (within its cache's minute).
    t.advance(61);
    const suggestion = await send("POST", "/directory/suggestions", { name: "Idé", description: "En idé.", where: "Her", centre_id: closing.id, category: "meeting_place" }, "");
    expect(suggestion.status).toBe(400);
    expect(await problems(suggestion)).toEqual([{ field: "centre_id", message: "Borgercentret er lukket. Vælg et andet borgercenter." }]);
    expect((await send("POST", `/directory/centres/${closing.id}/offers`, { name: "Nyt" }, staff.cookie)).status).toBe(409);
    // Its history is still there to read.
    expect((await t.api.request(`/api/council/centres/${closing.id}`)).status).toBe(200);
    expect((await send("GET", `/directory/centres/${closing.id}/offers`, undefined, staff.cookie)).status).toBe(200);
  });
});

describe("the logo", () => {
  // The smallest PNG there is: signature, a 1×1 header, one pixel, end.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  );
  const upload = async (bytes: Buffer) => {
    const { organisation: current } = await site();
    return send("PUT", "/organisation/site/logo", { version: current!.version, data_base64: bytes.toString("base64") });
  };

  it("takes a PNG and serves it with headers that let nothing run, and a checksum address kept for a year", async () => {
    const response = await upload(png);
    expect(response.status).toBe(200);
    const url = (await site()).organisation!.logo_url!;
    expect(url).toMatch(/^\/api\/organisation\/site\/logo\/[0-9a-f]{32}\.png$/);
    const served = await t.api.request(url);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    expect(served.headers.get("content-security-policy")).toContain("sandbox");
    expect(served.headers.get("cache-control")).toContain("immutable");
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it.each([
    ["an SVG with script", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), "logo_svg_unsafe", /SVG-filen indeholder kode/],
    ["an SVG with an event attribute", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'), "logo_svg_unsafe", /SVG-filen indeholder kode/],
    ["a text file", Buffer.from("Dette er ikke et billede."), "logo_not_image", /PNG- eller SVG-fil/],
    ["a PNG over 200 KB", Buffer.concat([png, Buffer.alloc(201 * 1024)]), "logo_too_large", /højst fylde 200 KB/],
  ])("refuses %s with a plain reason and stores nothing", async (_what, bytes, _key, message) => {
    const before = (await site()).organisation!;
    const response = await upload(bytes);
    expect(response.status).toBe(400);
    expect(await problems(response)).toEqual([{ field: "logo", message: expect.stringMatching(message) }]);
    expect((await site()).organisation).toEqual(before);
  });

  it("a logo that is not the current one is not found", async () => {
    expect((await t.api.request(`/api/organisation/site/logo/${"0".repeat(32)}.png`)).status).toBe(404);
  });
});
