import { toJsonSchema } from "@valibot/to-json-schema";
import * as v from "valibot";
import {
  HsdsId,
  HsdsNoQuery,
  HsdsOrganizationQuery,
  HsdsOrganizationsQuery,
  HsdsServiceAtLocationsQuery,
  HsdsServicesQuery,
  HsdsTaxonomiesQuery,
  HsdsTaxonomyTermsQuery,
} from "@naerhed/core/directory/hsds";
import { profilePatches } from "@naerhed/core/directory/hsds-profile";
import { manifests } from "@naerhed/core/manifests";
import { hsdsTableSchemas } from "@naerhed/core/directory/hsds-tables";
import { Offer } from "@naerhed/core/directory/offer";
import { ListOffersQuery, OfferPath } from "@naerhed/core/directory/public-offers";
import { SearchQuery } from "@naerhed/core/directory/search";
import { SuggestionInput } from "@naerhed/core/directory/suggestion";
import { CentrePath, MeetingPath, ProposalPath, ReceiptPath } from "./council/routes.ts";
import { CentrePath as OrganisationCentrePath, LogoPath, PostcodePath } from "./organisation/routes.ts";
import { IdPath } from "./panel/routes.ts";

/**
 * The OpenAPI 3.1 document of Nærhed's public API (GET /api/openapi.json, shown at /api/docs):
 * open data (HSDS 3.0), the directory, council results, panel results, the organisation that runs
 * the site with its centres, and each module's health probe. Parameters and bodies are converted from the very valibot schemas the routes parse with
 * (@valibot/to-json-schema, input side: what a client sends); HSDS answers refer to the official
 * HSDS 3.0 table schemas, embedded as components (a viewer under the site's CSP may not fetch
 * them from elsewhere). A test holds the document to the OpenAPI 3.1 schema and to the app's
 * routes: every public route is here, and everything here is a route.
 */

/** JSON Schema keywords kept from the HSDS files; the rest are Frictionless Data annotations (name, path, constraints, core, …). */
const KEYWORDS = new Set(["$ref", "type", "format", "title", "description", "properties", "items", "required", "enum", "minimum", "maximum", "pattern", "oneOf", "anyOf", "allOf"]);

/** An HSDS table schema as an OpenAPI component: annotations dropped, `"phone.json"` refs pointed at the component. */
function component(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(component);
  if (!schema || typeof schema !== "object") return schema;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!KEYWORDS.has(key)) continue;
    if (key === "$ref") kept.$ref = `#/components/schemas/${String(value).replace(/\.json$/, "")}`;
    else if (key === "properties") kept.properties = Object.fromEntries(Object.entries(value as object).map(([name, field]) => [name, component(field)]));
    else kept[key] = key === "items" || key.endsWith("Of") ? component(value) : value;
  }
  return kept;
}

function hsdsComponents(): Record<string, unknown> {
  const schemas = Object.fromEntries(Object.entries(hsdsTableSchemas).map(([name, schema]) => [name, component(schema)])) as Record<string, { properties: Record<string, { type?: string }>; required?: string[] }>;
  const service = schemas.service!;
  // A page's item: the service's one-to-one fields (as HSDS compiled/service_list.json).
  const oneToOne = Object.fromEntries(Object.entries(service.properties).filter(([, field]) => field.type !== "array" && field.type !== "object"));
  return { ...schemas, service_list: { ...service, description: "A service with its one-to-one fields only.", properties: oneToOne } };
}

type Schema = v.GenericSchema;
type Operation = {
  method: "get" | "post";
  path: string;
  tag: "Open data (HSDS 3.0)" | "Directory" | "Council" | "Panel" | "Organisation" | "Operations";
  summary: string;
  description?: string;
  pathParams?: Schema;
  query?: Schema;
  body?: Schema;
  status?: 200 | 201;
  /** Media type → JSON Schema of the answer. */
  content: Record<string, Record<string, unknown>>;
};

const json = (schema: Record<string, unknown>) => ({ "application/json": { schema } });
/** An HSDS object by its table name (service_list: a service's one-to-one fields). */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const hsdsPage = (items: Record<string, unknown>) => ({
  allOf: [{ $ref: "#/components/schemas/Page" }],
  properties: { contents: { type: "array", items } },
});
const ndjson = (description: string) => ({ "application/x-ndjson": { schema: { type: "string", description } } });
const object = (description: string) => ({ type: "object", description });

/** The JSON Schema of what a client sends for `schema` (strings in a query, before the route converts them). */
function converted(schema: Schema): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = toJsonSchema(schema as never, { errorMode: "ignore", typeMode: "input", target: "draft-2020-12" });
  return rest as Record<string, unknown>;
}

/** An object schema (possibly inside a pipe of checks across its fields) → its fields. */
function entriesOf(schema: Schema): Record<string, Schema> {
  const withEntries = schema as unknown as { entries?: Record<string, Schema>; pipe?: Schema[] };
  if (withEntries.entries) return withEntries.entries;
  const inner = withEntries.pipe?.[0];
  if (!inner) throw new Error("Not an object schema");
  return entriesOf(inner);
}

function parameters(schema: Schema | undefined, where: "path" | "query") {
  if (!schema) return [];
  return Object.entries(entriesOf(schema)).map(([name, field]) => {
    const optional = (field as { type: string }).type === "optional";
    return { name, in: where, required: where === "path" || !optional, schema: converted(field) };
  });
}

const list = (items: Record<string, unknown>) => ({
  ...json(hsdsPage(items)),
  ...ndjson("With format=ndjson: every result without pages, one JSON object per line."),
});

const operations: Operation[] = [
  {
    method: "get",
    path: "/hsds",
    tag: "Open data (HSDS 3.0)",
    summary: "About this API: HSDS version, profile, OpenAPI document and publisher",
    query: HsdsNoQuery,
    content: json({
      type: "object",
      required: ["version", "profile", "openapi_url", "publisher"],
      properties: {
        version: { type: "string" },
        profile: { type: "string", format: "uri" },
        openapi_url: { type: "string", format: "uri" },
        publisher: { type: "object", properties: { name: { type: "string" }, url: { type: "string", format: "uri" }, country: { type: "string" } } },
      },
    }),
  },
  {
    method: "get",
    path: "/hsds/services",
    tag: "Open data (HSDS 3.0)",
    summary: "Published services, a page at a time",
    description:
      "minimal=true gives each service's id and last_modified only (every service on one page unless per_page is given); full=true nests each service fully. postcode with proximity (metres) finds services near a Danish postcode.",
    query: HsdsServicesQuery,
    content: list({ anyOf: [ref("service_list"), ref("service"), { type: "object", required: ["id", "last_modified"], properties: { id: { type: "string" }, last_modified: { type: "string" } } }] }),
  },
  { method: "get", path: "/hsds/services/{id}", tag: "Open data (HSDS 3.0)", summary: "One published service, fully nested", pathParams: HsdsId, query: HsdsNoQuery, content: json(ref("service")) },
  {
    method: "get",
    path: "/hsds/service_at_locations",
    tag: "Open data (HSDS 3.0)",
    summary: "Published services at their places, a page at a time",
    query: HsdsServiceAtLocationsQuery,
    content: list(ref("service_at_location")),
  },
  {
    method: "get",
    path: "/hsds/service_at_locations/{id}",
    tag: "Open data (HSDS 3.0)",
    summary: "One service at its place, with the service fully nested",
    pathParams: HsdsId,
    query: HsdsNoQuery,
    content: json(ref("service_at_location")),
  },
  {
    method: "get",
    path: "/hsds/organizations",
    tag: "Open data (HSDS 3.0)",
    summary: "Organisations behind published services",
    description: "full and full_service are not offered: read an organisation's services with /hsds/services?organization_id=….",
    query: HsdsOrganizationsQuery,
    content: list(ref("organization")),
  },
  { method: "get", path: "/hsds/organizations/{id}", tag: "Open data (HSDS 3.0)", summary: "One organisation", pathParams: HsdsId, query: HsdsOrganizationQuery, content: json(ref("organization")) },
  { method: "get", path: "/hsds/taxonomies", tag: "Open data (HSDS 3.0)", summary: "The taxonomies: Nærhed kategorier and Nærhed tilgængelighed", query: HsdsTaxonomiesQuery, content: list(ref("taxonomy")) },
  { method: "get", path: "/hsds/taxonomies/{id}", tag: "Open data (HSDS 3.0)", summary: "One taxonomy", pathParams: HsdsId, query: HsdsNoQuery, content: json(ref("taxonomy")) },
  {
    method: "get",
    path: "/hsds/taxonomy_terms",
    tag: "Open data (HSDS 3.0)",
    summary: "The taxonomy terms: category groups, categories and accessibility facts",
    description: "top_only=true gives the terms without a parent.",
    query: HsdsTaxonomyTermsQuery,
    content: list(ref("taxonomy_term")),
  },
  { method: "get", path: "/hsds/taxonomy_terms/{id}", tag: "Open data (HSDS 3.0)", summary: "One taxonomy term", pathParams: HsdsId, query: HsdsNoQuery, content: json(ref("taxonomy_term")) },
  {
    method: "get",
    path: "/hsds/profile",
    tag: "Open data (HSDS 3.0)",
    summary: "The Danish HSDS profile (Nærhed DK) as a page",
    query: HsdsNoQuery,
    content: { "text/html": { schema: { type: "string" } } },
  },
  {
    method: "get",
    path: "/hsds/profile/{file}",
    tag: "Open data (HSDS 3.0)",
    summary: "One schema patch of the profile (JSON Merge Patch to the HSDS core schema of the same name)",
    pathParams: v.object({ file: v.picklist(Object.keys(profilePatches)) }),
    query: HsdsNoQuery,
    content: json({ type: "object" }),
  },
  { method: "get", path: "/hsds/export.json", tag: "Open data (HSDS 3.0)", summary: "Every published service, fully nested", content: json({ type: "array", items: ref("service") }) },
  {
    method: "get",
    path: "/hsds/export.csv",
    tag: "Open data (HSDS 3.0)",
    summary: "Every published service as one CSV row (UTF-8 with byte order mark)",
    content: { "text/csv": { schema: { type: "string" } } },
  },
  { method: "get", path: "/openapi.json", tag: "Open data (HSDS 3.0)", summary: "This document", query: HsdsNoQuery, content: json({ type: "object" }) },
  { method: "get", path: "/docs", tag: "Open data (HSDS 3.0)", summary: "This document as a page", query: HsdsNoQuery, content: { "text/html": { schema: { type: "string" } } } },
  {
    method: "get",
    path: "/directory/offers",
    tag: "Directory",
    summary: "Published offers in Danish alphabetical order",
    query: ListOffersQuery,
    content: json({ type: "object", properties: { items: { type: "array", items: converted(Offer) }, next_cursor: { type: ["string", "null"] }, total: { type: "integer", minimum: 0, description: "How many offers are published in all, on every page." } } }),
  },
  { method: "get", path: "/directory/offers/{id}", tag: "Directory", summary: "One published offer", pathParams: OfferPath, content: json(converted(Offer)) },
  {
    method: "get",
    path: "/directory/offers/{id}/calendar.ics",
    tag: "Directory",
    summary: "The offer's times as an iCalendar file",
    pathParams: OfferPath,
    content: { "text/calendar": { schema: { type: "string" } } },
  },
  {
    method: "get",
    path: "/directory/search",
    tag: "Directory",
    summary: "Search offers in plain Danish, with filters",
    query: SearchQuery,
    content: json(object("Matching offers with the reasons they match, and facet counts.")),
  },
  {
    method: "post",
    path: "/directory/suggestions",
    tag: "Directory",
    summary: "Suggest an offer to the centre's staff",
    description: "Limited to 5 an hour per address (20 a day for a signed-in person).",
    body: SuggestionInput,
    status: 201,
    content: json(object("The suggestion as stored.")),
  },
  { method: "get", path: "/council/centres/{centre}", tag: "Council", summary: "A centre's citizen council: members, meetings, proposals and results", pathParams: CentrePath, content: json(object("The council overview.")) },
  { method: "get", path: "/council/centres/{centre}/proposals/{id}", tag: "Council", summary: "One proposal with its vote and result", pathParams: ProposalPath, content: json(object("The proposal; its vote's `mode` says how it was decided: `online`, or `meeting` (a vote taken at the meeting `meeting_id`, where those present voted).")) },
  {
    method: "get",
    path: "/council/centres/{centre}/votes/{id}/receipts/{receipt}",
    tag: "Council",
    summary: "Check that a ballot with this receipt was counted",
    pathParams: ReceiptPath,
    content: json(object("Whether the receipt was counted.")),
  },
  { method: "get", path: "/council/centres/{centre}/meetings.ics", tag: "Council", summary: "Upcoming meetings as an iCalendar feed", pathParams: CentrePath, content: { "text/calendar": { schema: { type: "string" } } } },
  { method: "get", path: "/council/centres/{centre}/meetings/{id}", tag: "Council", summary: "One meeting with agenda and minutes", pathParams: MeetingPath, content: json(object("The meeting; `cancelled` (when, by whom, why) if it was called off.")) },
  { method: "get", path: "/panel/results", tag: "Panel", summary: "Published results of consultations", content: json(object("The published results.")) },
  {
    method: "get",
    path: "/panel/results/{id}",
    tag: "Panel",
    summary: "One published result, in aggregate (groups under 5 are never shown)",
    pathParams: IdPath,
    content: json(object("The result.")),
  },
  {
    method: "get",
    path: "/organisation/site",
    tag: "Organisation",
    summary: "The organisation that runs this site, and its centres",
    description: "Name, short name, logo address, main colour, contact, municipalities and accessibility details (null before the first set-up); every centre, closed ones too, with its status.",
    content: json({ type: "object", required: ["organisation", "centres"], properties: { organisation: { type: ["object", "null"] }, centres: { type: "array", items: { type: "object" } } } }),
  },
  {
    method: "get",
    path: "/organisation/site/logo/{file}",
    tag: "Organisation",
    summary: "The organisation's logo (PNG or SVG); the name holds its checksum, so it never changes",
    pathParams: LogoPath,
    content: { "image/png": { schema: { type: "string", contentMediaType: "image/png" } }, "image/svg+xml": { schema: { type: "string", contentMediaType: "image/svg+xml" } } },
  },
  { method: "get", path: "/organisation/centres/{centre}", tag: "Organisation", summary: "One centre: its name, municipality, region and whether it is open", pathParams: OrganisationCentrePath, content: json(object("The centre.")) },
  {
    method: "get",
    path: "/organisation/places/{postcode}",
    tag: "Organisation",
    summary: "The town of a Danish postcode",
    description: "Every Danish postcode (GeoNames, CC BY 4.0); an unknown one is a 400 naming it.",
    pathParams: PostcodePath,
    content: json({ type: "object", required: ["postcode", "city"], properties: { postcode: { type: "string" }, city: { type: "string" } } }),
  },
  // Each module's function answers its own probe (shared/health.ts): on AWS each is a Lambda of its own.
  ...manifests.map(
    ({ name, prefixes }): Operation => ({
      method: "get",
      path: `/${prefixes[0]}/health`,
      tag: "Operations",
      summary: `Whether the ${name} module can read its tables`,
      description: "503 (try again in a moment) when it cannot.",
      content: json({ type: "object", required: ["status", "module"], properties: { status: { const: "ok" }, module: { const: name } } }),
    }),
  ),
];

/** The error answer every route gives (functions/src/shared/http.ts), in the language asked for. */
const problem = {
  type: "object",
  required: ["error", "request_id"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string" },
        message: { type: "string", description: "Plain Danish or English (Accept-Language)." },
        fields: { type: "array", items: { type: "object", properties: { field: { type: "string" }, message: { type: "string" } } } },
      },
    },
    request_id: { type: "string" },
  },
};

let built: Record<string, unknown> | undefined;

export function openApiDocument(siteUrl: string): Record<string, unknown> {
  built ??= {
    openapi: "3.1.0",
    info: {
      title: "Nærhed API",
      version: "1.0.0",
      summary: "Local offers (Open Referral HSDS 3.0), council results and panel results of a Danish municipality's citizen centres.",
      description:
        "Everything here is public and read without signing in. Errors are JSON with a plain message in Danish or English (Accept-Language). The HSDS answers follow the Danish profile at /api/hsds/profile.",
      license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    tags: [{ name: "Open data (HSDS 3.0)" }, { name: "Directory" }, { name: "Council" }, { name: "Panel" }, { name: "Organisation" }, { name: "Operations" }],
    paths: Object.fromEntries(
      [...new Set(operations.map((o) => o.path))].map((path) => [
        path,
        Object.fromEntries(
          operations
            .filter((o) => o.path === path)
            .map((o) => [
              o.method,
              {
                tags: [o.tag],
                summary: o.summary,
                ...(o.description ? { description: o.description } : {}),
                operationId: `${o.method}${o.path.replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
                parameters: [...parameters(o.pathParams, "path"), ...parameters(o.query, "query")],
                ...(o.body ? { requestBody: { required: true, content: json(converted(o.body)) } } : {}),
                responses: {
                  [String(o.status ?? 200)]: { description: o.summary, content: o.content },
                  "400": { description: "A parameter or the body is not valid; each wrong field is named.", content: json({ $ref: "#/components/schemas/Problem" }) },
                  ...(o.pathParams ? { "404": { description: "Not found.", content: json({ $ref: "#/components/schemas/Problem" }) } } : {}),
                },
              },
            ]),
        ),
      ]),
    ),
    components: {
      schemas: {
        Page: {
          type: "object",
          description: "HSDS Page (the official openapi.json): a list a page at a time.",
          required: ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"],
          properties: {
            total_items: { type: "integer" },
            total_pages: { type: "integer" },
            page_number: { type: "integer" },
            size: { type: "integer" },
            first_page: { type: "boolean" },
            last_page: { type: "boolean" },
            empty: { type: "boolean" },
          },
        },
        Problem: problem,
        ...hsdsComponents(),
      },
    },
  };
  return { ...built, servers: [{ url: `${siteUrl}/api` }] };
}
