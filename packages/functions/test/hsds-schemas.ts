import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

/**
 * The official Open Referral HSDS 3.0 schemas, from ../shared/reference/hsds-3.0/ (from the
 * repository root: beside the repository, so in CI too), compiled with Ajv.
 *
 * Which draft: the schema files declare no `$schema`; the openapi.json that refers to them
 * declares `jsonSchemaDialect: https://json-schema.org/draft/2020-12/schema` (OpenAPI 3.1), so
 * they are JSON Schema 2020-12 → Ajv2020.
 *
 * openapi.json refers to the schemas by their published addresses; we register each local file
 * under that address, so its `$ref`s resolve to the local copies and nothing is fetched:
 * - schema/<name>.json              → <name>.json (relative `$ref`s such as "attribute.json" resolve beside it)
 * - schema/compiled/service.json    → service_with_definitions.json (the fully nested service)
 * - schema/compiled/service_list.json → service_list.json (a service's one-to-one fields, as in a page)
 * Strict mode stays on: the HSDS annotation keywords (Frictionless Data Package fields such as
 * `constraints`, `core`, `example`) are declared as a vocabulary, so a typo in a real keyword still fails.
 */

export const HSDS_DIR = fileURLToPath(new URL("../../../../shared/reference/hsds-3.0/", import.meta.url));
const BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

const read = (file: string) => JSON.parse(readFileSync(`${HSDS_DIR}${file}`, "utf8")) as Record<string, unknown>;

type OpenApi = {
  paths: Record<string, { get: { responses: { "200": { content: { "application/json": { schema: Record<string, unknown> } } } } } }>;
  components: { schemas: { Page: Record<string, unknown> } };
};

/** `patch` changes a core schema file before it is used (a profile's patches, hsds-conformance.test.ts). */
export function hsdsValidators(patch: (file: string, schema: Record<string, unknown>) => Record<string, unknown> = (_file, schema) => schema) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  ajv.addVocabulary(["name", "path", "datapackage_metadata", "datapackage_type", "constraints", "example", "core", "tabular_required"]);

  for (const file of readdirSync(HSDS_DIR).filter((f) => f.endsWith(".json"))) {
    if (file === "openapi.json" || file === "service_with_definitions.json" || file === "service_list.json") continue;
    ajv.addSchema({ ...patch(file, read(file)), $id: `${BASE}${file}` });
  }
  ajv.addSchema({ ...read("service_with_definitions.json"), $id: `${BASE}compiled/service.json` });
  ajv.addSchema({ ...read("service_list.json"), $id: `${BASE}compiled/service_list.json` });

  // A page response of openapi.json: `Page` plus `contents` of the path's item schema. The
  // local `#/components/schemas/Page` ref is pointed at the openapi's own Page object.
  const openapi = read("openapi.json") as unknown as OpenApi;
  ajv.addSchema({ ...openapi.components.schemas.Page, $id: "urn:hsds:openapi:Page" });
  const pageOf = (path: string, items?: string) => {
    const schema = structuredClone(openapi.paths[path]!.get.responses["200"].content["application/json"].schema);
    const text = JSON.stringify(schema).replaceAll('"#/components/schemas/Page"', '"urn:hsds:openapi:Page"');
    const resolved = JSON.parse(items ? text.replaceAll(/"https:[^"]*organization_list\.json"/g, `"${BASE}${items}"`) : text) as Record<string, unknown>;
    // `Page` declares no required fields (nor `type`); Nærhed always sends an object with all of them, and the test holds it to that.
    return ajv.compile({
      ...resolved,
      type: "object",
      required: ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
    });
  };

  const compiled = (id: string) => ajv.getSchema(id) as ValidateFunction;
  // A service at its location as the validator's service_at_location_list.json has it: the link, its location, and the service.
  const serviceAtLocationOf = (service: string) => ({
    allOf: [{ $ref: `${BASE}service_at_location.json` }],
    type: "object",
    required: ["id", "service_id", "location_id", "location", "service"],
    properties: { id: {}, service_id: {}, location_id: {}, location: { $ref: `${BASE}location.json` }, service: { $ref: `${BASE}compiled/${service}` } },
  });
  return {
    ajv,
    servicePage: pageOf("/services"),
    // openapi.json points organisation pages at compiled/organization_list.json, which the
    // reference copy does not include; its items are checked against organization.json.
    organizationPage: pageOf("/organizations", "organization.json"),
    taxonomyPage: pageOf("/taxonomies"),
    taxonomyTermPage: pageOf("/taxonomy_terms"),
    serviceAtLocationPage: ajv.compile({
      allOf: [{ $ref: "urn:hsds:openapi:Page" }],
      type: "object",
      required: ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
      properties: { contents: { type: "array", items: serviceAtLocationOf("service_list.json") } },
    }),
    serviceAtLocation: ajv.compile(serviceAtLocationOf("service.json")),
    service: compiled(`${BASE}compiled/service.json`),
    serviceListItem: compiled(`${BASE}compiled/service_list.json`),
    organization: compiled(`${BASE}organization.json`),
    taxonomy: compiled(`${BASE}taxonomy.json`),
    taxonomyTerm: compiled(`${BASE}taxonomy_term.json`),
  };
}

/** Validates `body`; on failure the message lists every Ajv error, so a failing test says why. */
export function problemsOf(validate: ValidateFunction, body: unknown): string[] {
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
