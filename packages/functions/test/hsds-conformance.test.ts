import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOffers } from "@naerhed/local/demo/offers";
import { profilePatches } from "@naerhed/core/directory/hsds-profile";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { messages } from "@naerhed/core/shared/messages";
import { HSDS_DIR, hsdsValidators, problemsOf } from "./hsds-schemas.ts";
import { testApi } from "./support.ts";

/**
 * HSDS conformance as other systems judge it. The Open Referral UK validator (the one Open
 * Referral's guidance recommends) runs its test profile HSDS-UK-3.0: Level 1 (errors) — `/`, the
 * paged `/services`, `/services/{id}` with the id at `contents[0].id`; Level 2 (warnings) —
 * `/taxonomies`, `/taxonomy_terms`, `/service_at_locations` and each `{id}`. Its pagination rules
 * (PaginationTestingService: per_page=5, the first page, pages in between, the last page; flags
 * first_page, last_page, empty; items per page; size) are implemented here as published, and
 * every answer is held to the official schemas. The run must end with no issue at all.
 */

let t: Awaited<ReturnType<typeof testApi>>;
const h = hsdsValidators();
const openapi = JSON.parse(readFileSync(`${HSDS_DIR}openapi.json`, "utf8")) as {
  paths: Record<string, Record<string, { parameters?: ({ $ref: string } | { name: string })[] } | unknown[]>>;
  components: { parameters: Record<string, { name: string }> };
};

beforeAll(async () => {
  t = await testApi();
  const store = createDirectoryStore(t.db, t.config.tableNames.directory!);
  for (const offer of demoOffers) await store.putOffer(offer);
});
afterAll(() => t.db.destroy());

const get = async (path: string) => {
  const response = await t.api.request(`/api/hsds${path}`);
  const text = await response.text();
  return { status: response.status, response, text, body: (response.headers.get("content-type") ?? "").includes("application/json") ? JSON.parse(text) : undefined };
};

type Issue = { level: "error" | "warning"; test: string; message: string };

/** The validator's api_details.json: version, profile and openapi_url are required; the last two are URIs. */
const apiDetails = h.ajv.compile({
  type: "object",
  required: ["version", "profile", "openapi_url"],
  properties: { version: { type: "string" }, profile: { type: "string", format: "uri" }, openapi_url: { type: "string", format: "uri" } },
});

const PER_PAGE = 5;

/** PaginationTestingService.ValidatePageDetails, for one page. */
function pageIssues(page: any, pageNumber: number, totalPages: number): string[] {
  const issues: string[] = [];
  if ((pageNumber === 1) !== page.first_page) issues.push(`first_page is ${page.first_page} on page ${pageNumber}`);
  if ((pageNumber === totalPages) !== page.last_page) issues.push(`last_page is ${page.last_page} on page ${pageNumber} of ${totalPages}`);
  if ((page.contents.length === 0) !== page.empty) issues.push(`empty is ${page.empty} with ${page.contents.length} items`);
  if (!(page.contents.length === PER_PAGE || (page.contents.length < PER_PAGE && page.last_page))) issues.push(`${page.contents.length} items when ${PER_PAGE} were asked for`);
  if (page.size !== page.contents.length) issues.push(`size is ${page.size} with ${page.contents.length} items`);
  return issues;
}

/** One list test of the profile: schema of every page, pagination rules, and the ids saved for the `{id}` test. */
async function listTest(endpoint: string, validate: ReturnType<typeof h.ajv.compile>): Promise<{ issues: string[]; firstId?: string }> {
  const issues: string[] = [];
  const first = await get(`${endpoint}?per_page=${PER_PAGE}&page=1`);
  if (first.status !== 200) return { issues: [`status ${first.status}`] };
  issues.push(...problemsOf(validate, first.body), ...pageIssues(first.body, 1, first.body.total_pages));
  const total = first.body.total_pages as number;
  // The validator picks pages between the first and the last at random; here every one of them is read.
  for (let number = 2; number <= total; number++) {
    const page = await get(`${endpoint}?per_page=${PER_PAGE}&page=${number}`);
    issues.push(...problemsOf(validate, page.body), ...pageIssues(page.body, number, total));
  }
  return { issues, firstId: first.body.contents[0]?.id };
}

describe("the Open Referral UK validator's HSDS-UK-3.0 profile", () => {
  it("Level 1 (must pass) and Level 2 (warnings): no issue at all", async () => {
    const issues: Issue[] = [];
    const add = (level: Issue["level"], test: string, messages: string[]) => issues.push(...messages.map((message) => ({ level, test, message })));

    const root = await get("");
    add("error", "API meta info", root.status === 200 ? problemsOf(apiDetails, root.body) : [`status ${root.status}`]);

    const services = await listTest("/services", h.servicePage);
    add("error", "Services list", services.issues);
    const service = await get(`/services/${services.firstId}`);
    add("error", "Service by id", service.status === 200 ? problemsOf(h.service, service.body) : [`status ${service.status}`]);

    for (const [endpoint, validateList, validateOne] of [
      ["/taxonomies", h.taxonomyPage, h.taxonomy],
      ["/taxonomy_terms", h.taxonomyTermPage, h.taxonomyTerm],
      ["/service_at_locations", h.serviceAtLocationPage, h.serviceAtLocation],
    ] as const) {
      const listed = await listTest(endpoint, validateList);
      add("warning", `${endpoint} list`, listed.issues);
      const one = await get(`${endpoint}/${listed.firstId}`);
      add("warning", `${endpoint} by id`, one.status === 200 ? problemsOf(validateOne, one.body) : [`status ${one.status}`]);
    }
    expect(issues).toEqual([]);
  });

  it("the rules fail on a page that breaks them, so passing means something", () => {
    const page = { first_page: true, last_page: false, empty: false, size: 4, contents: [{}, {}, {}, {}] };
    expect(pageIssues(page, 1, 3)).toContain("4 items when 5 were asked for");
    expect(pageIssues({ ...page, size: 5 }, 1, 3)).toContain("size is 5 with 4 items");
    expect(pageIssues({ ...page, first_page: false }, 1, 3)).toContain("first_page is false on page 1");
    expect(pageIssues({ ...page, empty: true }, 1, 3)).toContain("empty is true with 4 items");
    expect(problemsOf(apiDetails, { version: "3.0", openapi_url: "x" }).join()).toMatch(/profile/);
  });
});

describe("GET /api/hsds", () => {
  it("gives the version, our profile, our OpenAPI document and the publisher", async () => {
    const { body } = await get("");
    expect(body).toEqual({
      version: "3.0",
      profile: `${t.config.siteUrl}/api/hsds/profile`,
      openapi_url: `${t.config.siteUrl}/api/openapi.json`,
      publisher: { name: expect.any(String), url: t.config.siteUrl, country: "DK" },
    });
    // Both addresses answer.
    expect((await t.api.request("/api/hsds/profile")).status).toBe(200);
    expect((await t.api.request("/api/openapi.json")).status).toBe(200);
  });
});

/** A value for each official parameter that a supporting API must take. */
const sample: Record<string, string> = {
  search: "kaffe",
  page: "1",
  per_page: "5",
  format: "json",
  taxonomy_term_id: "8e5bc4a0-6a3c-5c5a-9a51-1c1d5a0e0f00",
  taxonomy_id: "8e5bc4a0-6a3c-5c5a-9a51-1c1d5a0e0f00",
  organization_id: "8e5bc4a0-6a3c-5c5a-9a51-1c1d5a0e0f00",
  modified_after: "2026-01-01T00:00:00Z",
  minimal: "true",
  full: "true",
  full_service: "true",
  postcode: "7000",
  proximity: "5000",
  top_only: "true",
  parent_id: "8e5bc4a0-6a3c-5c5a-9a51-1c1d5a0e0f00",
};

describe("every query parameter of the official openapi.json", () => {
  const cases: [path: string, parameter: string][] = [];
  for (const [path, item] of Object.entries(openapi.paths)) {
    const operation = item.get as { parameters?: ({ $ref: string } | { name: string })[] } | undefined;
    for (const parameter of operation?.parameters ?? []) {
      const name = "$ref" in parameter ? openapi.components.parameters[parameter.$ref.split("/").pop()!]!.name : parameter.name;
      cases.push([path, name]);
    }
  }

  it("covers the lists of the official API", () => {
    expect(new Set(cases.map(([path]) => path))).toEqual(new Set(["/services", "/taxonomies", "/taxonomy_terms", "/organizations", "/organizations/{id}", "/service_at_locations"]));
  });

  it.each(cases)("%s?%s is supported, or refused with a 400 that names it", async (path, parameter) => {
    const { body: services } = await get("/services?per_page=1");
    const { body: organizations } = await get("/organizations?per_page=1");
    const concrete = path.replace("{id}", path.startsWith("/organizations") ? organizations.contents[0].id : services.contents[0].id);
    const answer = await get(`${concrete}?${parameter}=${encodeURIComponent(sample[parameter]!)}`);
    if (answer.status === 200) return;
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual([{ field: parameter, message: messages.da.hsds_parameter_not_offered }]);
  });

  it("refuses a parameter that is not there, naming it", async () => {
    for (const path of ["", "/services", "/taxonomies", `/taxonomy_terms`, "/service_at_locations", "/organizations"]) {
      const answer = await get(`${path}?colour=blue`);
      expect(answer.status, path).toBe(400);
      expect(answer.body.error.fields).toEqual([{ field: "colour", message: messages.da.hsds_parameter_unknown }]);
    }
  });
});

describe("lists: minimal, full and format=ndjson", () => {
  const published = demoOffers.filter((o) => o.publication === "published");

  it("minimal=true gives id and last_modified of every service on one page", async () => {
    const { body } = await get("/services?minimal=true");
    expect(body).toMatchObject({ total_items: published.length, total_pages: 1, size: published.length, first_page: true, last_page: true });
    expect(body.contents[0]).toEqual({ id: expect.any(String), last_modified: expect.any(String) });
    expect(new Set(body.contents.map((s: { id: string }) => s.id))).toEqual(new Set(published.map((o) => o.id)));
    expect((await get("/services?minimal=true&per_page=3")).body.size).toBe(3);
    expect((await get("/services?minimal=true&full=true")).status).toBe(400);
  });

  it("full=true nests each service of the page fully", async () => {
    const { body } = await get("/services?full=true&per_page=3");
    for (const service of body.contents) expect(problemsOf(h.service, service)).toEqual([]);
    expect(body.contents[0].schedules).toBeDefined();
  });

  it("format=ndjson gives every result, one JSON object a line, without pages", async () => {
    const { status, response, text } = await get("/services?format=ndjson&per_page=2");
    expect(status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(published.length);
    for (const line of lines) expect(problemsOf(h.serviceListItem, line)).toEqual([]);
    const terms = (await get("/taxonomy_terms?format=ndjson")).text.trimEnd().split("\n");
    expect(terms.length).toBeGreaterThan(10);
    expect((await get("/services?format=xml")).body.error.fields).toEqual([{ field: "format", message: messages.da.hsds_format_invalid }]);
  });

  it("taxonomy_terms: taxonomy_id, parent_id and top_only", async () => {
    const all = (await get("/taxonomy_terms?per_page=200")).body.contents as { id: string; parent_id?: string; taxonomy_id: string }[];
    const top = (await get("/taxonomy_terms?per_page=200&top_only=true")).body.contents as typeof all;
    expect(top.map((term) => term.id)).toEqual(all.filter((term) => !term.parent_id).map((term) => term.id));
    const parent = all.find((term) => all.some((child) => child.parent_id === term.id))!;
    const children = (await get(`/taxonomy_terms?per_page=200&parent_id=${parent.id}`)).body.contents as typeof all;
    expect(children.length).toBeGreaterThan(0);
    expect(children.every((term) => term.parent_id === parent.id)).toBe(true);
    const taxonomy = all.at(-1)!.taxonomy_id;
    expect((await get(`/taxonomy_terms?per_page=200&taxonomy_id=${taxonomy}`)).body.contents).toEqual(all.filter((term) => term.taxonomy_id === taxonomy));
  });
});

describe("/service_at_locations", () => {
  it("lists every published offer with a place once, with filters, and shows one by id", async () => {
    const placed = demoOffers.filter((o) => o.publication === "published" && o.location);
    const { body } = await get("/service_at_locations?per_page=200");
    expect(problemsOf(h.serviceAtLocationPage, body)).toEqual([]);
    expect(body.total_items).toBe(placed.length);
    expect(new Set(body.contents.map((item: { service_id: string }) => item.service_id))).toEqual(new Set(placed.map((o) => o.id)));
    const near = (await get("/service_at_locations?per_page=200&postcode=7000")).body;
    expect(near.contents.every((item: { location: { addresses: { postal_code: string }[] } }) => item.location.addresses[0]?.postal_code === "7000")).toBe(true);
    const hidden = placed.find((o) => o.location?.confidential)!;
    const secret = body.contents.find((item: { service_id: string }) => item.service_id === hidden.id);
    expect(secret.location.addresses).toEqual([]);
    const one = await get(`/service_at_locations/${secret.id}`);
    expect(one.status).toBe(200);
    expect(problemsOf(h.serviceAtLocation, one.body)).toEqual([]);
    expect(one.body.service).toMatchObject({ id: hidden.id, phones: expect.any(Array) });
    expect(JSON.stringify(one.body)).not.toContain(hidden.location!.address_1);
    expect((await get(`/service_at_locations/${hidden.id}`)).status).toBe(404);
  });
});

/** RFC 7386 JSON Merge Patch, as the profile's files are written. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const result: Record<string, unknown> = target && typeof target === "object" && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

describe("the Danish profile (Nærhed DK)", () => {
  it("is a page with the site's CSP, and schema patches that every answer meets", async () => {
    const page = await t.api.request("/api/hsds/profile");
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self'; style-src 'self'/);
    const html = await page.text();
    expect(html).toContain("Nærhed tilgængelighed");
    expect(html).not.toMatch(/<script|style=/);

    for (const [file, patch] of Object.entries(profilePatches)) expect((await get(`/profile/${file}`)).body).toEqual(patch);
    const profiled = hsdsValidators((file, schema) => (mergePatch(schema, profilePatches[file] ?? {}) as Record<string, unknown>));
    const validate = profiled.ajv.compile({ $ref: "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/service.json" });
    const services = (await (await t.api.request("/api/hsds/export.json")).json()) as unknown[];
    for (const service of services) expect(problemsOf(validate, service)).toEqual([]);
    // The patches bite: a foreign postcode or a service without assured_date fails the profile.
    const sample = structuredClone(services.find((s: any) => s.service_at_locations[0]?.location.addresses.length)) as any;
    sample.service_at_locations[0].location.addresses[0].postal_code = "SW1A 1AA";
    expect(problemsOf(validate, sample).join()).toMatch(/pattern/);
    const { assured_date: _a, ...unchecked } = services[0] as Record<string, unknown>;
    expect(problemsOf(validate, unchecked).join()).toMatch(/assured_date/);
  });
});
