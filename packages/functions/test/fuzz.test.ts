import { DeleteCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { localConfig } from "../../local/src/config.ts";
import { createApi } from "../src/app.ts";
import { changes, createChecks, ENDS_SESSION, fuzz, kept, letsIn, RUNS, type Snapshot } from "./fuzz/checks.ts";
import { boundaryRequests, enc, plainRequest, RAW_SEGMENTS, requestArb } from "./fuzz/generators.ts";
import { seed, type Api, type Seeded } from "./fuzz/seed.ts";
import { apiModules, listRoutes, personas, type Route } from "./routes.ts";
import { testApi } from "./support.ts";

/**
 * Property-based fuzzing of every route of every module, as every kind of person: random and
 * adversarial path parameters, query strings, headers and bodies. For every answer:
 * - never a 5xx (nor a 1xx/3xx): the app either does it (2xx) or says no (4xx);
 * - every 4xx is JSON with a code and a message from the dictionary, in the language asked for;
 * - no stored item changed unless the request was valid. Every write the app's own DynamoDB
 *   client sends is watched (not replaced: it still goes to DynamoDB Local); when a refused
 *   request made one, every table is scanned and compared with the scan from before it (apart
 *   from the few things that count attempts on purpose, see `kept`). After each route all tables
 *   are scanned anyway, so a write the watch missed is caught too. Scanning after every request
 *   would cost three times the requests themselves.
 *
 * The parts: fuzz/generators.ts (the requests), fuzz/seed.ts (real data to aim them at),
 * fuzz/checks.ts (judging each answer and the stored state).
 *
 * Reproducible: a fixed seed, or FUZZ_SEED=<n> to explore; FUZZ_RUNS=<n> runs more per route
 * and persona (e.g. FUZZ_RUNS=40 with -t "panel" to dig into one module); FUZZ_LOG=<part of a
 * route> prints every request to it with its answer. A failure names the route, the persona,
 * the request and the seed.
 */

/**
 * The routes, listed from an app of every module that is never called (the requests go through each module's own Lambda handler).
 * Those that end the caller's session or erase them come last, so the seeded council chair and mentor stay who they are until then.
 */
const ROUTES = listRoutes(createApi(await apiModules(), localConfig("http://127.0.0.1:9", "list-"))).sort(
  (a, b) => Number(ENDS_SESSION.has(`${a.method} ${a.path}`)) - Number(ENDS_SESSION.has(`${b.method} ${b.path}`)),
);

let t: Api;
let routes: Route[];
let seeded: Seeded;
let checks: ReturnType<typeof createChecks>;

beforeAll(async () => {
  t = await testApi();
  seeded = await seed(t);
  checks = createChecks(t, seeded.people);
  routes = ROUTES;
}, 60_000);

describe("the stored-state check the fuzzing relies on", () => {
  it("sees an added, a changed and a removed item, and ignores only what counts attempts", async () => {
    const before = await checks.snapshot();
    const removed = [...before.keys()].find((key) => key.startsWith("directory "))!;
    const fake = (entries: Record<string, unknown>): Snapshot => new Map([...before, ...Object.entries(entries).map(([key, value]) => [key, JSON.stringify(value)] as [string, string])]);
    expect(changes(before, fake({ "panel NEW NEW": { pk: "NEW" } }))).toHaveLength(1);
    expect(changes(before, fake({ [removed]: { changed: true } }))).toHaveLength(1);
    const less = new Map(before);
    less.delete(removed);
    expect(changes(before, less)).toEqual([`removed ${removed}`]);
    expect(kept("identity", { pk: "RATE#email#x#1", sk: "RATE", hits: 1 })).toBeUndefined();
    expect(kept("identity", { pk: "CHALLENGE#1", sk: "CHALLENGE", tries: 2, used: false })).toEqual({ pk: "CHALLENGE#1", sk: "CHALLENGE", used: false });
    expect(kept("identity", { pk: "SESSION#1", sk: "SESSION", expires_at: 1 })).toEqual({ pk: "SESSION#1", sk: "SESSION", expires_at: 1 });
  });

  it("catches a refused request that writes", async () => {
    // The API behind a middleware that writes before every request, as a route that writes and then says no would.
    const leaky = new Hono();
    leaky.use(async (_c, next) => {
      await t.services.db.send(new PutCommand({ TableName: t.config.tableNames.directory, Item: { pk: "LEAK", sk: "LEAK", at: Math.random() } }));
      await next();
    });
    leaky.route("/", t.api);
    const route: Route = { method: "POST", path: "/api/directory/suggestions", rule: { kind: "public" } };
    const refused = { params: {}, query: "", cookie: { kind: "own" as const }, headers: {}, body: { text: "{", type: "application/json" } };
    expect(await checks.exchange(route, "anonymous", refused, { app: leaky })).toMatch(/a refused request \(400\) changed stored items:\n {2}added directory LEAK LEAK/);
    expect(await checks.exchange(route, "anonymous", refused, { app: leaky })).toMatch(/changed directory LEAK LEAK/);
    expect(await checks.exchange(route, "anonymous", refused)).toBeNull();
  });

  it("catches a write the watch does not see in the scan after the route", async () => {
    await checks.remember();
    await t.db.send(new DeleteCommand({ TableName: t.config.tableNames.directory, Key: { pk: "LEAK", sk: "LEAK" } }));
    expect(await checks.sameAsBefore()).toEqual(["removed directory LEAK LEAK"]);
    expect(await checks.sameAsBefore()).toEqual([]);
  });
});

describe("fuzzing every route as every persona", () => {
  it("finds every module's routes", () => {
    expect(routes.length).toBeGreaterThan(90);
    expect(new Set(routes.map((route) => route.path.split("/")[2]))).toEqual(
      new Set(["identity", "me", "directory", "hsds", "openapi.json", "docs", "council", "panel", "mentor", "organisation"]),
    );
  });

  // One test per route, so a failure names it; each persona in turn, more requests for those the route lets in.
  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))("%s", async (_name, listed) => {
    const route = routes.find((candidate) => candidate.method === listed.method && candidate.path === listed.path)!;
    for (const request of boundaryRequests(route, seeded)) {
      const problem = await checks.exchange(route, "admin", request);
      if (problem) throw new Error(`${route.method} ${route.path}, a value beside a valid one, as admin\n${problem}`);
    }
    const arbitrary = requestArb(route, seeded);
    for (const persona of Object.keys(personas)) {
      const label = `${route.method} ${route.path} as ${persona}`;
      const allowed = letsIn(route, persona);
      await fuzz(label, arbitrary, allowed ? RUNS : 1, (request) => checks.exchange(route, persona, request), allowed ? [plainRequest(route, seeded)] : []);
    }
    expect(await checks.sameAsBefore(), "stored items changed without a write the watch saw").toEqual([]);
  });

  it("answers paths and methods that are no route with a message too", async () => {
    const segment = fc.oneof(fc.constantFrom("directory", "council", "panel", "mentor", "organisation", "identity", "me", "hsds", "centres", "nord", "offers", "..", ".", ""), fc.constantFrom(...RAW_SEGMENTS), fc.string({ unit: "grapheme", maxLength: 12 }).map(enc));
    const arbitrary = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND"),
      path: fc.array(segment, { minLength: 0, maxLength: 6 }).map((parts) => `/api/${parts.join("/")}`),
      request: requestArb({ method: "POST", path: "/api/unknown", rule: { kind: "public" } }, seeded),
    });
    const unknown: Route = { method: "ANY", path: "(no route)", rule: { kind: "public" } };
    await fuzz("paths that are no route", arbitrary, 60, ({ method, path, request }) => checks.exchange(unknown, "citizen", request, { method, path }));
  });

  it("got past the guard to the handler on every route, with valid and invalid requests", () => {
    const summary = Object.fromEntries([...checks.stats].map(([route, outcomes]) => [route, Object.fromEntries(outcomes)]));
    const neverHandled = ROUTES.map((route) => `${route.method} ${route.path}`).filter((route) =>
      [...(checks.stats.get(route)?.keys() ?? [])].every((outcome) => outcome === "refused" || outcome === "route_not_found"),
    );
    expect(neverHandled, JSON.stringify(summary, null, 1)).toEqual([]);
    const total = (outcome: string) => [...checks.stats.values()].reduce((sum, outcomes) => sum + (outcomes.get(outcome) ?? 0), 0);
    for (const outcome of ["2xx", "refused", "400", "404", "409", "route_not_found"]) expect(total(outcome), outcome).toBeGreaterThan(0);
    // The scan-and-compare after a refused request that wrote did run (a wrong password counts against the rate limit, for one).
    expect(checks.comparedAfterRefusal()).toBeGreaterThan(0);
  });
});
