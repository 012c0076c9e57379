import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoOffers } from "@naerhed/local/demo/offers";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { createApi } from "../src/app.ts";
import { apiModules, listRoutes } from "./routes.ts";
import { testApi } from "./support.ts";

/**
 * /api/openapi.json: the OpenAPI 3.1 document of the public API. It is valid OpenAPI 3.1 (an
 * independent validator, @seriousme/openapi-schema-validator, against the official schema), it
 * documents every public route and nothing that is not a route, and the answers it describes are
 * the answers the API gives.
 */

let t: Awaited<ReturnType<typeof testApi>>;
let document: any;

beforeAll(async () => {
  t = await testApi();
  const store = createDirectoryStore(t.db, t.config.tableNames.directory!);
  for (const offer of demoOffers) await store.putOffer(offer);
  document = await (await t.api.request("/api/openapi.json")).json();
});
afterAll(() => t.db.destroy());

/** A documented path in the app's form: /hsds/services/{id} → GET /api/hsds/services/:id. */
const documented = (doc: any) =>
  Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ":$1")}`))
    .sort();

describe("GET /api/openapi.json", () => {
  it("is valid OpenAPI 3.1, and a broken copy is not", async () => {
    const validator = new Validator();
    expect(await validator.validate(document)).toEqual({ valid: true });
    expect(validator.version).toBe("3.1");
    const broken = structuredClone(document);
    delete broken.paths["/hsds/services"].get.responses["200"].description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
    expect(document.servers).toEqual([{ url: `${t.config.siteUrl}/api` }]);
  });

  it("documents every public route except signing in, and every documented route exists", async () => {
    const publicRoutes = listRoutes(createApi(await apiModules(), t.config))
      .filter((route) => route.rule?.kind === "public" && !/^\/api\/(identity|me)\b(?!\/health$)/.test(route.path))
      .map((route) => `${route.method} ${route.path}`)
      .sort();
    expect(documented(document)).toEqual(publicRoutes);
  });

  it("takes its parameters from the routes' own schemas", () => {
    const services = document.paths["/hsds/services"].get.parameters as { name: string; schema: { enum?: string[]; pattern?: string } }[];
    expect(services.map((p) => p.name)).toEqual(expect.arrayContaining(["page", "per_page", "search", "format", "minimal", "full", "postcode", "proximity"]));
    expect(services.find((p) => p.name === "format")!.schema.enum).toEqual(["json", "ndjson"]);
    expect(services.find((p) => p.name === "postcode")!.schema.pattern).toBe("^\\d{4}$");
    const receipt = document.paths["/council/centres/{centre}/votes/{id}/receipts/{receipt}"].get.parameters as { name: string; in: string; required: boolean }[];
    expect(receipt.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(["path:centre:true", "path:id:true", "path:receipt:true"]);
    expect(document.paths["/directory/suggestions"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("name");
  });

  it("describes the answers the API gives", async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: "urn:naerhed:openapi" });
    const schemaOf = (path: string, status = "200") =>
      ajv.compile({ $ref: `urn:naerhed:openapi#/paths/${path.replaceAll("/", "~1")}/get/responses/${status}/content/application~1json/schema` });
    const check = async (documentedPath: string, url: string, status = 200) => {
      const response = await t.api.request(`/api${url}`);
      expect(response.status, url).toBe(status);
      const validate = schemaOf(documentedPath, String(status));
      const body = (await response.json()) as any;
      expect(validate(body) ? [] : validate.errors, url).toEqual([]);
      return body;
    };
    const page = await check("/hsds/services", "/hsds/services?per_page=3");
    await check("/hsds/services/{id}", `/hsds/services/${page.contents[0].id}`);
    await check("/hsds/services", "/hsds/services?minimal=true");
    await check("/hsds", "/hsds");
    await check("/hsds/service_at_locations", "/hsds/service_at_locations?per_page=3");
    await check("/hsds/organizations", "/hsds/organizations?per_page=3");
    await check("/hsds/taxonomy_terms", "/hsds/taxonomy_terms?per_page=30");
    await check("/directory/offers", "/directory/offers?limit=3");
    await check("/hsds/services", "/hsds/services?page=0", 400);
    await check("/hsds/services/{id}", "/hsds/services/00000000-0000-4000-8000-000000000000", 404);
    // The check bites: a service without its name is not what the document says.
    const validate = schemaOf("/hsds/services/{id}");
    expect(validate({ id: page.contents[0].id, status: "active" })).toBe(false);
  });
});

describe("GET /api/docs", () => {
  it("is a page with the site's CSP that loads the viewer and the document from our own origin only", async () => {
    const response = await t.api.request("/api/docs");
    expect(response.headers.get("content-security-policy")).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    const html = await response.text();
    expect([...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "/api-docs/swagger-ui.css",
      "/api/openapi.json",
      "/api-docs/swagger-ui-bundle.js",
      "/api-docs/docs.js",
    ]);
    expect(html).not.toMatch(/<script>|<style|style=/);
  });
});
