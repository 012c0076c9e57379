import type { APIGatewayProxyEventV2, APIGatewayProxyResult, Context } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { tables } from "@naerhed/core/shared/tables";
import { freshTables } from "../../local/test/tables.ts";
import { makeOffer } from "../../core/test/offer-fixtures.ts";

/** The module's Lambda entry, fed an HTTP API (payload 2.0) event as API Gateway sends it. */

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResult>;
let handler: Handler;
const offers = [makeOffer({ name: "Alfa" }), makeOffer({ name: "Beta" }), makeOffer({ name: "Gamma" })];

beforeAll(async () => {
  const { config, db } = await freshTables();
  const store = createDirectoryStore(db, config.tableNames.directory!);
  for (const offer of offers) await store.putOffer(offer);
  // On AWS the stack sets these; the handler reads them once, when it is loaded.
  vi.stubEnv("DYNAMODB_ENDPOINT", config.dynamoEndpoint);
  vi.stubEnv("SITE_URL", "https://naerhed.example.dk");
  vi.stubEnv("ORIGIN_VERIFY_SECRET", SECRET);
  for (const spec of tables) vi.stubEnv(spec.envVar, config.tableNames[spec.id]);
  ({ handler } = (await import("../src/directory/lambda.ts")) as unknown as { handler: Handler });
});

afterAll(() => vi.unstubAllEnvs());

/** What CloudFront adds to every request it sends on (stacks/Web.ts). */
const SECRET = "test-origin-secret";
const fromCloudFront = { "x-naerhed-origin-verify": SECRET, "cloudfront-viewer-address": "198.51.100.23:51234" };

function event(method: string, path: string, query = "", headers: Record<string, string> = fromCloudFront): APIGatewayProxyEventV2 {
  return {
    version: "2.0",
    routeKey: "ANY /api/directory/{proxy+}",
    rawPath: path,
    rawQueryString: query,
    headers: { host: "abc.execute-api.eu-north-1.amazonaws.com", "accept-language": "en", ...headers },
    isBase64Encoded: false,
    requestContext: {
      accountId: "123456789012",
      apiId: "abc",
      domainName: "abc.execute-api.eu-north-1.amazonaws.com",
      domainPrefix: "abc",
      http: { method, path, protocol: "HTTP/1.1", sourceIp: "192.0.2.1", userAgent: "test" },
      requestId: "req",
      routeKey: "ANY /api/directory/{proxy+}",
      stage: "$default",
      time: "23/Nov/2026:10:00:00 +0000",
      timeEpoch: 0,
    },
  } as APIGatewayProxyEventV2;
}

const context = { awsRequestId: "lambda-request-0001" } as Context;

describe("the directory Lambda", () => {
  it("serves the same API as the local server", async () => {
    const result = await handler(event("GET", "/api/directory/offers", "limit=2"), context);
    expect(result.statusCode).toBe(200);
    const page = JSON.parse(result.body) as { items: { name: string }[]; next_cursor: string | null };
    expect(page.items.map((offer) => offer.name)).toEqual(["Alfa", "Beta"]);
    expect(page.next_cursor).not.toBeNull();
  });

  it("answers with Lambda's request id and a plain English message for a bad id", async () => {
    const result = await handler(event("GET", "/api/directory/offers/42"), context);
    expect(result.statusCode).toBe(400);
    expect(result.headers?.["x-request-id"]).toBe("lambda-request-0001");
    expect(JSON.parse(result.body)).toMatchObject({ request_id: "lambda-request-0001", error: { message: expect.stringMatching(/link to this activity/) } });
  });

  // Open data (HSDS): the same function answers under its second prefix, /api/hsds
  it("serves the HSDS CSV export as UTF-8 text with its byte order mark", async () => {
    const result = await handler({ ...event("GET", "/api/hsds/export.csv"), routeKey: "ANY /api/hsds/{proxy+}" }, context);
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["content-type"]).toMatch(/^text\/csv; charset=utf-8/);
    // As bytes: a text body would lose the byte order mark on the way out.
    expect(result.isBase64Encoded).toBe(true);
    const bytes = Buffer.from(result.body, "base64");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith("id,name,")).toBe(true);
    expect(text.split("\r\n").filter(Boolean)).toHaveLength(offers.length + 1);
  });
});

describe("a request that did not come through our CloudFront", () => {
  // Someone who calls the API Gateway endpoint directly can write any CloudFront-Viewer-Address.
  it.each([
    ["no origin header", { "cloudfront-viewer-address": "203.0.113.1:443" }],
    ["a wrong origin header", { "x-naerhed-origin-verify": "guess", "cloudfront-viewer-address": "203.0.113.1:443" }],
    ["the origin header but no viewer address", { "x-naerhed-origin-verify": SECRET }],
  ])("is refused with a plain 403: %s", async (_name, headers) => {
    const result = await handler(event("GET", "/api/directory/offers", "", headers), context);
    expect(result.statusCode).toBe(403);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: "origin_unverified", message: expect.stringMatching(/did not come through our website/) } });
  });
});

describe("a module's Lambda entry on a schedule", () => {
  it("runs the job an EventBridge rule names, and refuses a job the module does not have", async () => {
    const { moduleHandler } = await import("../src/shared/lambda.ts");
    const { Hono } = await import("hono");
    const runs: string[] = [];
    const scheduled = moduleHandler({
      manifest: { name: "clock", prefixes: ["clock"], tables: [], sendsMail: false, settings: [], jobs: [{ name: "tick", everyMinutes: 1 }], publishes: [], handles: [], personalData: false },
      routes: () => new Hono(),
      jobs: { tick: async () => void runs.push("tick") },
    });
    await expect(scheduled({ job: "tick" }, context)).resolves.toEqual({ job: "tick", done: true });
    expect(runs).toEqual(["tick"]);
    await expect(scheduled({ job: "tock" }, context)).rejects.toThrow(/no job "tock"/);
    expect(runs).toEqual(["tick"]);
  });

  it("refuses an EventBridge event its manifest does not handle, so EventBridge retries it and keeps it as a dead letter", async () => {
    const { moduleHandler } = await import("../src/shared/lambda.ts");
    const { Hono } = await import("hono");
    const handler = moduleHandler({
      manifest: { name: "quiet", prefixes: ["quiet"], tables: [], sendsMail: false, settings: [], jobs: [], publishes: [], handles: [], personalData: false },
      routes: () => new Hono(),
    });
    const event = { version: "0", id: "1", "detail-type": "personal-data.erase-requested", source: "naerhed.identity", account: "1", time: "", region: "", resources: [], detail: {} };
    await expect(handler(event, context)).rejects.toThrow(/does not handle "personal-data.erase-requested"/);
  });
});
