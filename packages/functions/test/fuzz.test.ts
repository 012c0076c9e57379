import { readFileSync } from "node:fs";
import { DeleteCommand, PutCommand, ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { Hono } from "hono";
import { beforeAll, describe, expect, it } from "vitest";
import { profilePatches } from "@naerhed/core/directory/hsds-profile";
import { languageFrom, messages } from "@naerhed/core/shared/messages";
import { localConfig } from "../../local/src/config.ts";
import { prefixOwner } from "../../local/src/gateway.ts";
import { createApi } from "../src/app.ts";
import { SESSION_COOKIE } from "../src/shared/auth.ts";
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
 * Reproducible: a fixed seed, or FUZZ_SEED=<n> to explore; FUZZ_RUNS=<n> runs more per route
 * and persona (e.g. FUZZ_RUNS=40 with -t "panel" to dig into one module); FUZZ_LOG=<part of a
 * route> prints every request to it with its answer. A failure names the route, the persona,
 * the request and the seed.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** Requests per route for a persona the route's rule lets in (for centre nord); one for the others. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);

type Api = Awaited<ReturnType<typeof testApi>>;
type Signed = { cookie: string; person: { id: string; email: string; display_name: string } };

/** Routes after whose success the persona's session is gone (signed out or erased): a new person takes its place. */
const ENDS_SESSION = new Set(["POST /api/identity/sign-out", "POST /api/identity/sign-out-everywhere", "DELETE /api/me"]);

/**
 * The routes, listed from an app of every module that is never called (the requests go through each module's own Lambda handler).
 * Those that end the caller's session or erase them come last, so the seeded council chair and mentor stay who they are until then.
 */
const ROUTES = listRoutes(createApi(await apiModules(), localConfig("http://127.0.0.1:9", "list-"))).sort(
  (a, b) => Number(ENDS_SESSION.has(`${a.method} ${a.path}`)) - Number(ENDS_SESSION.has(`${b.method} ${b.path}`)),
);

let t: Api;
let routes: Route[];
const people: Record<string, Signed | null> = {};
/** Real ids by path parameter name, so parameters also hit stored items. */
const real: Record<string, string[]> = { id: [], centre: ["nord", "syd", "midt"], goal: [], receipt: [], file: Object.keys(profilePatches) };
/** Valid bodies (and their content type) per route, the starting points for mutations; the first is the plain one. */
type Example = { body: unknown; type?: string };
let examples: Record<string, Example[]> = {};
/** A valid query string per route that reads one. */
let exampleQueries: Record<string, string> = {};

// ── Snapshot of every table ──

type Item = Record<string, unknown>;

/**
 * What of an item must stay the same when a request is refused. Left out, each for a reason:
 * - rate-limit counters (pk RATE#…, sk RATE): they count attempts, refused ones too; that is what they are for (shared/rate-limit.ts);
 * - a sign-in challenge's `tries`: checking a wrong code counts the try before saying it is wrong (identity/sign-in.ts).
 */
function kept(table: string, item: Item): Item | undefined {
  if (typeof item.pk === "string" && item.pk.startsWith("RATE#") && item.sk === "RATE") return undefined;
  if (table === "identity" && typeof item.pk === "string" && item.pk.startsWith("CHALLENGE#")) {
    const { tries: _tries, ...rest } = item;
    return rest;
  }
  return item;
}

const stable = (value: unknown): unknown => {
  if (value instanceof Set) return [...value].map(stable).sort();
  if (Array.isArray(value)) return value.map(stable);
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, stable((value as Item)[key])]),
    );
  }
  return value;
};

type Snapshot = Map<string, string>;

async function snapshot(): Promise<Snapshot> {
  const all: Snapshot = new Map();
  await Promise.all(
    Object.entries(t.config.tableNames).map(async ([table, name]) => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await t.db.send(new ScanCommand({ TableName: name, ExclusiveStartKey: start, ConsistentRead: true }));
        for (const item of page.Items ?? []) {
          const keep = kept(table, item);
          if (keep) all.set(`${table} ${String(item.pk)} ${String(item.sk)}`, JSON.stringify(stable(keep)));
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
  return all;
}

function changes(before: Snapshot, after: Snapshot): string[] {
  const found: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) found.push(`added ${key}: ${value.slice(0, 300)}`);
    else if (before.get(key) !== value) found.push(`changed ${key}: ${before.get(key)!.slice(0, 300)} → ${value.slice(0, 300)}`);
  }
  for (const key of before.keys()) if (!after.has(key)) found.push(`removed ${key}`);
  return found;
}

// ── Sending one request and judging the answer ──

type Body = { text: string | Uint8Array; type?: string | null } | null;
type FuzzRequest = {
  params: Record<string, string>;
  query: string;
  cookie: { kind: "own" } | { kind: "own+junk"; junk: string } | { kind: "forged"; value: string };
  headers: Record<string, string>;
  body: Body;
};

const allMessages = { da: new Set(Object.values(messages.da)), en: new Set(Object.values(messages.en)) };

/** The stored state before the next request; null when a valid request wrote since the last scan. */
let baseline: Snapshot | null = null;
/** Successful writes (put, update, delete, transaction, batch) the app's DynamoDB client has sent. */
let writes = 0;
const WRITES = new Set(["PutItemCommand", "UpdateItemCommand", "DeleteItemCommand", "TransactWriteItemsCommand", "BatchWriteItemCommand"]);

function watchWrites(client: Api["services"]["db"]) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (WRITES.has(context.commandName ?? "")) writes++;
      return result;
    },
    { step: "initialize", name: "fuzzWatchWrites" },
  );
}

/** Scans every table and compares with the state before; for after each route, and whenever a refused request wrote. */
async function sameAsBefore(): Promise<string[]> {
  const after = await snapshot();
  const changed = baseline ? changes(baseline, after) : [];
  baseline = after;
  return changed;
}

/** Refused requests after which the tables were compared because the app wrote (rate-limit counters, tries). */
let comparedAfterRefusal = 0;
const stats = new Map<string, Map<string, number>>();

function count(route: string, outcome: string) {
  const byOutcome = stats.get(route) ?? new Map<string, number>();
  byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
  stats.set(route, byOutcome);
}

function describeRequest(method: string, url: string, init: { headers: Record<string, string>; body?: string | Uint8Array }) {
  const body = init.body === undefined ? "(none)" : typeof init.body === "string" ? JSON.stringify(init.body.slice(0, 400)) : `bytes ${Buffer.from(init.body).toString("hex").slice(0, 200)}`;
  return `${method} ${url.slice(0, 400)}\nheaders: ${JSON.stringify(init.headers).slice(0, 600)}\nbody: ${body}`;
}

/** Sends one request; returns what is wrong with the answer, or null. */
async function exchange(
  route: Route,
  persona: string,
  request: FuzzRequest,
  { method = route.method, path: pathOverride, app = t.api }: { method?: string; path?: string; app?: Pick<Api["api"], "request"> } = {},
): Promise<string | null> {
  const signed = people[persona] ?? null;
  const path = pathOverride ?? route.path.replace(/:(\w+)/g, (_match, name: string) => request.params[name] ?? "x");
  const url = request.query ? `${path}?${request.query}` : path;
  const headers: Record<string, string> = { ...request.headers };
  const cookie =
    request.cookie.kind === "forged" ? request.cookie.value : request.cookie.kind === "own+junk" ? `${signed?.cookie ?? ""}; ${request.cookie.junk}` : signed?.cookie;
  if (cookie) headers.cookie = cookie;
  const init: { method: string; headers: Record<string, string>; body?: string | Uint8Array } = { method, headers };
  if (request.body && method !== "GET" && method !== "HEAD") {
    init.body = request.body.text;
    if (request.body.type !== undefined && request.body.type !== null) headers["content-type"] = request.body.type;
  }

  baseline ??= await snapshot();
  const writesBefore = writes;
  const response = await app.request(url, init);
  const text = await response.text();
  const what = () => `${describeRequest(method, url, init)}\nas ${persona}: ${response.status} ${text.slice(0, 600)}`;
  const routeKey = `${route.method} ${route.path}`;
  if (process.env.FUZZ_LOG && routeKey.includes(process.env.FUZZ_LOG)) console.log(`${what()}\n`);

  const wrote = writes !== writesBefore;
  if (response.status >= 200 && response.status < 300) {
    if (wrote) baseline = null;
    count(routeKey, "2xx");
    if (ENDS_SESSION.has(routeKey) && personas[persona]) {
      people[persona] = await t.personWith(personas[persona]!, `Fuzz ${persona}`);
      baseline = null;
    }
    if (method !== "HEAD" && response.headers.get("content-type")?.startsWith("application/json")) {
      try {
        JSON.parse(text);
      } catch {
        return `2xx with a JSON content type but a body that is not JSON\n${what()}`;
      }
    }
    return null;
  }

  if (wrote) comparedAfterRefusal++;
  const changed = wrote ? await sameAsBefore() : [];
  if (response.status < 400 || response.status >= 500) return `status ${response.status}\n${what()}`;

  count(routeKey, response.status === 401 || response.status === 403 ? "refused" : text.includes('"route_not_found"') ? "route_not_found" : `${response.status}`);
  // Outside /api (a path like /api/%2e%2e is /) the API's middleware does not run: on AWS only /api/* reaches it, locally the site answers.
  const inApi = /^\/api(\/|$)/.test(new URL(url, "http://localhost").pathname);
  let body: { error?: { code?: unknown; message?: unknown; fields?: { field?: unknown; message?: unknown }[] }; request_id?: unknown };
  if (method !== "HEAD") {
    try {
      body = JSON.parse(text);
    } catch {
      return `a ${response.status} whose body is not JSON\n${what()}`;
    }
    // Under no module's prefix API Gateway (or, outside /api, the site) answers by itself, as on AWS: no module runs, nothing is stored.
    if (!prefixOwner(new URL(url, "http://localhost").pathname) && response.status === 404 && (body as { message?: unknown }).message === "Not Found") return null;
    const language = inApi ? languageFrom(headers["accept-language"]) : "da";
    const error = body.error;
    if (typeof error?.code !== "string" || typeof error.message !== "string" || error.message.trim() === "")
      return `a ${response.status} without an error code and message\n${what()}`;
    if (!allMessages[language].has(error.message)) return `a ${response.status} whose message is not from the ${language} dictionary\n${what()}`;
    for (const field of error.fields ?? []) {
      if (typeof field.field !== "string" || typeof field.message !== "string" || !allMessages[language].has(field.message))
        return `a ${response.status} with a field problem without a ${language} message\n${what()}`;
    }
    if (inApi && (typeof body.request_id !== "string" || body.request_id !== response.headers.get("x-request-id")))
      return `a ${response.status} without the request id it answers with\n${what()}`;
  }

  if (changed.length > 0) return `a refused request (${response.status}) changed stored items:\n  ${changed.slice(0, 10).join("\n  ")}\n${what()}`;
  return null;
}

// ── Generators ──

const enc = (text: string) => encodeURIComponent(text);
const headerSafe = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 });
const latin1 = fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 20 });

/** Dates and times that a pattern takes and a calendar does not, or that JavaScript reads differently. */
const TIMESTAMPS = [
  "2026-02-30T10:00:00Z",
  "2026-11-23T10:00:00+23",
  "2026-11-23T10:00:00+2359",
  "2026-11-23T10:00:00.123456789Z",
  "2026-11-23T24:00:00Z",
  "2026-11-23T10:00:00",
  "2026-11-23t10:00:00z",
  "2026-11-23",
  "0000-01-01T00:00:00Z",
  "1970-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "275760-09-13T00:00:00Z",
];
const DATES = ["2026-02-30", "2028-02-29", "2026-13-01", "2026-00-10", "0000-01-01", "9999-12-31", "1900-01-01", "2026-11-23T10:00:00Z", "20261123", "2026-1-1"];
const ADVERSARIAL = [
  "",
  " ",
  ".",
  "..",
  "../../etc/passwd",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "' OR '1'='1",
  "1; DROP TABLE offers --",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "${7*7}",
  "{{7*7}}",
  "0",
  "-1",
  "1.5",
  "1e309",
  "NaN",
  "Infinity",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "NORD",
  "Nord",
  " nord",
  "nord ",
  "ñørð",
  "Ærø Å",
  "😀👩‍👩‍👧",
  "\u202eabc",
  "\u0000",
  "\ufeff",
  "\r\n",
  "a".repeat(3000),
  "019AB000-0000-7000-8000-0000000000FF",
  "{019ab000-0000-7000-8000-0000000000ff}",
  "019ab000-0000-7000-8000-0000000000f",
  "019ab000-0000-7000-8000-0000000000ff0",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "K7QM2XPA",
  "k7qm2xpa ",
  ...TIMESTAMPS,
  ...DATES,
];
/** Path segments sent as they are, not encoded: broken escapes, traversal, NUL. */
const RAW_SEGMENTS = ["%", "%ZZ", "%00", "%E0%A4%A", "%C0%AF", "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2F", "a%2Fb", "%252F", "%u0041", "x;y=z", "@", "~"];

const paramArb = (name: string) =>
  fc.oneof(
    // The centre most personas hold a role for comes up most, so role rules let them in.
    { weight: name === "centre" ? 4 : 0, arbitrary: fc.constant("nord") },
    { weight: 6, arbitrary: fc.constantFrom(...(real[name]?.length ? real[name]! : real.id!)).map(enc) },
    { weight: 2, arbitrary: fc.uuid().map(enc) },
    { weight: 2, arbitrary: fc.constantFrom(...ADVERSARIAL).map(enc) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }).map(enc) },
  );

const QUERY_KEYS = ["q", "limit", "cursor", "centre", "category", "age", "free", "access", "day", "open_now", "postcode", "lat", "lon", "page", "per_page", "search"];
const MORE_QUERY_KEYS = ["taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "proximity", "format", "first_row", "plan", "person", "item", "month", "lang"];
const queryKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS, ...MORE_QUERY_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "q[]", "a[b]", "", "limit[]", "__proto__[x]") },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const queryValue = fc.oneof(
  fc.constantFrom(...ADVERSARIAL),
  fc.constantFrom("1", "20", "50", "51", "200", "201", "999999999999", "-5", "2.5", "csv", "json", "xml", "nord", "sport", "mo", "step_free,hearing_loop", "7000", "55.5", "2026-11", "2026-11-01T00:00:00+01:00"),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.integer().map(String),
  fc.double().map(String),
);
const RAW_QUERIES = [
  "%",
  "=",
  "&&&",
  "q=%ZZ",
  "q=%",
  "%ZZ=1",
  "limit=1&limit=2&limit=x",
  `cursor=${"A".repeat(3000)}`,
  "cursor=eyJwayI6Ik9GRkVSI3gifQ",
  "q",
  "=x",
  "page=0",
  "per_page=201",
  "format=xml",
  "lat=91&lon=0",
  "lat=1",
  "lat=1e400&lon=-1e400",
  "postcode=0000",
  "access=step_free,,nope",
  "day=xx",
  "modified_after=2026-13-45",
  "modified_after=2026-11-01T10:00%2B99:99",
  "proximity=1e5",
  "first_row=0",
  `plan=${"x".repeat(43)}`,
  "month=2026-13",
  "person=not-a-uuid",
];
/** Page cursors are base64url JSON of a DynamoDB key: well-formed ones with the key names the app uses, pointing anywhere. */
const CURSOR_SHAPES = [["pk", "sk"], ["pk", "sk", "gsi1pk", "gsi1sk"], ["pk", "sk", "actor_id"], ["pk", "sk", "item"], ["o"], ["pk"], []];
const cursorValue = fc.oneof(
  fc.constantFrom("AUDIT#2020-01", "AUDIT#2026-11", "AUDIT#2026-12", "PUBLISHED", "OFFER#x", "OFFER", "SESSION#x", "", "x".repeat(1100), 0, -1, 10_000, null, [], {}),
  fc.uuid(),
  fc.string({ maxLength: 20 }),
);
const craftedCursor = fc
  .tuple(fc.constantFrom(...CURSOR_SHAPES), fc.array(cursorValue, { minLength: 4, maxLength: 4 }))
  .map(([shape, values]) => Buffer.from(JSON.stringify(Object.fromEntries(shape.map((key, index) => [key, values[index]])))).toString("base64url"));

const queryArb = (example: string | undefined) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant("") },
    { weight: example ? 2 : 0, arbitrary: fc.constant(example ?? "") },
    {
      weight: 4,
      arbitrary: fc
        .array(
          fc.oneof(
            { weight: 4, arbitrary: fc.tuple(queryKey, queryValue).map(([key, value]) => `${enc(key)}=${enc(value)}`) },
            { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
            { weight: 1, arbitrary: craftedCursor.map((cursor) => `cursor=${cursor}`) },
          ),
          {
          minLength: 1,
          maxLength: 5,
        })
        .map((parts) => [...(example ? [example] : []), ...parts].join("&")),
    },
  );

const ACCEPT_LANGUAGES = ["da", "en", "en-GB,en;q=0.9", "da-DK,da;q=0.9,en;q=0.8", "de", "*", "en;q=abc", "da;q=0,en;q=0", "en;q=0.1,da;q=0.2", ",,,", ";q=1"];
const CONTENT_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=utf-16",
  "text/plain",
  "text/csv",
  "text/csv; charset=utf-8",
  "multipart/form-data",
  "multipart/form-data; boundary=x",
  "application/x-www-form-urlencoded",
  "application/xml",
  "",
  "application/json;;;",
];
const headersArb = fc.record(
  {
    "accept-language": fc.oneof(fc.constantFrom(...ACCEPT_LANGUAGES), headerSafe),
    "x-request-id": fc.oneof(fc.constantFrom("fuzz-request-0001", "short", "a".repeat(65), "ok-but-with space", "'; DROP"), headerSafe),
    origin: fc.oneof({ weight: 2, arbitrary: fc.constantFrom("http://localhost:3000", "https://evil.example", "null") }, { weight: 1, arbitrary: headerSafe }),
    "sec-fetch-site": fc.constantFrom("same-origin", "cross-site", "none"),
    "x-forwarded-proto": fc.constantFrom("https", "http", "gopher"),
    "cloudfront-viewer-address": fc.oneof(fc.constantFrom("203.0.113.9:443", "[2001:db8::1]:80", "no-port", ":", ""), headerSafe),
    "user-agent": fc.oneof(headerSafe, latin1),
  },
  { requiredKeys: [] },
);

const cookieArb = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ kind: "own" as const }) },
  {
    weight: 1,
    arbitrary: fc
      .oneof(fc.constantFrom(`${SESSION_COOKIE}=other`, `${SESSION_COOKIE}=${"B".repeat(43)}`, "a=b", ";"), headerSafe)
      .map((junk) => ({ kind: "own+junk" as const, junk })),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom(
          `${SESSION_COOKIE}=`,
          `${SESSION_COOKIE}=garbage`,
          `${SESSION_COOKIE}=${"A".repeat(43)}`,
          `${SESSION_COOKIE}="${"A".repeat(43)}"`,
          `${SESSION_COOKIE}=%ZZ`,
          `${SESSION_COOKIE}=${"A".repeat(5000)}`,
          `${SESSION_COOKIE}=__proto__`,
          ";;;",
          "=",
        ),
        headerSafe.map((text) => `${SESSION_COOKIE}=${text}`),
        headerSafe,
      )
      .map((value) => ({ kind: "forged" as const, value })),
  },
);

/** Values of the wrong type, size or shape for any field. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 1, "", " ", "x".repeat(10_000), "😀".repeat(200), "\u0000", [], {}, [null], { __proto__: null }, "nord", "admin", "2026-02-30", "999999-01-01T00:00:00Z"),
  fc.constantFrom(...ADVERSARIAL),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: "grapheme", maxLength: 50 }),
);

const INVALID_JSON = ["", "{", '{"a":', "nul", "[1,2", "{'a':1}", '"unterminated', "NaN", '{"a":1}{}', "\u0000", "\ufeff{}", "{\"a\":1,}", "[".repeat(3000)];
const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const deepArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

/** Every path into an example, e.g. ["location", "postal_code"], ["agenda", 0, "title"]. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => paths(item, [...prefix, index]))];
  if (value && typeof value === "object") return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return [prefix];
}

function setAt(value: unknown, path: (string | number)[], replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  const copy: any = Array.isArray(value) ? [...value] : { ...(value as object) };
  if (rest.length === 0 && remove) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head!];
  } else copy[head!] = setAt(copy[head!], rest, replacement, remove);
  return copy;
}

const fieldNames = (value: unknown): string[] => [...new Set(paths(value).flatMap((path) => path.filter((part): part is string => typeof part === "string")))];

/** Marks a value that goes into the JSON text as it is: numbers JSON.stringify cannot write (1e400, -0). */
const RAW = "\u0001raw:";
/** Anything JSON.stringify makes text of (undefined and friends become "null"), with RAW values written as they are. */
const jsonText = (value: unknown) => (JSON.stringify(value) ?? "null").replace(/"\\u0001raw:([^"\\]*)"/g, "$1");
const exampleText = (value: unknown) => (typeof value === "string" ? value : jsonText(value));

const getAt = (value: unknown, path: (string | number)[]): unknown => path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)?.[key], value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAILS = ["a@b", "A@EXAMPLE.DK", " x@example.dk ", "x@example.dk\n", "æøå@æøå.dk", `${"x".repeat(250)}@example.dk`, "x@@example.dk", "@example.dk", "x@example.dk,y@example.dk"];
const LIMITS = [80, 120, 160, 200, 300, 500, 600, 1000, 2000, 4000, 6000, 10000];

/** Values just beside a valid one: the limits, formats and types a schema draws a line at. */
function nearMisses(value: unknown): unknown[] {
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return TIMESTAMPS;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return DATES;
    if (UUID.test(value)) return [value.toUpperCase(), value.slice(0, -1), `${value}0`, "00000000-0000-0000-0000-000000000000", ...real.id!.slice(0, 6)];
    if (value.includes("@")) return EMAILS;
    return [
      "",
      " ",
      "\t\n",
      ` ${value} `,
      value.toUpperCase(),
      ...LIMITS.flatMap((length) => ["x".repeat(length), "x".repeat(length + 1)]),
      "😀".repeat(41),
      "e\u0301".repeat(60),
      "\u200b",
      "<b>fed</b>",
      "=1+1",
    ];
  }
  if (typeof value === "number") return [0, -1, value - 1, value + 1, value * 1000, 0.5, 2 ** 31, 2 ** 53 + 2, `${RAW}1e400`, `${RAW}-1e400`, `${RAW}1e-400`, `${RAW}-0`, String(value), null];
  if (typeof value === "boolean") return [!value, String(value), value ? 1 : 0, null];
  if (Array.isArray(value)) return [[], [null], Array(31).fill(value[0] ?? "x"), Array(200).fill(value[0] ?? "x"), [...value, ...value], {}];
  if (value && typeof value === "object") return [{}, null, [], "x"];
  return [null, ""];
}

function leafWeight(value: unknown): number {
  if (typeof value === "string") return /^\d{4}-\d{2}-\d{2}/.test(value) || UUID.test(value) || value.includes("@") ? 4 : 1;
  return typeof value === "number" || typeof value === "boolean" ? 2 : 1;
}

/** A CSV file changed in one cell, or as a whole. */
function csvArb(csv: string): fc.Arbitrary<string> {
  const rows = csv.split("\n").map((line) => line.split(","));
  const cells = rows.flatMap((row, r) => row.map((_cell, c) => [r, c] as const));
  const oneCell = fc.constantFrom(...cells).chain(([r, c]) =>
    fc.oneof(fc.constantFrom(...nearMisses(rows[r]![c]!.replace(/^"|"$/g, "")).map(String)), fc.constantFrom('"', '""', '"a,b"', "\r", "=cmd|' /C calc'!A0", "\u0000"), fc.string({ unit: "grapheme", maxLength: 30 })).map((text) =>
      rows.map((row, i) => (i === r ? row.map((cell, j) => (j === c ? text : cell)) : row).join(",")).join("\n"),
    ),
  );
  const lines = csv.split("\n");
  const whole = fc.constantFrom(
    lines.slice(1).join("\n"),
    lines[0]!,
    [lines[0], ...Array(150).fill(lines[1])].join("\n"),
    `\ufeff${csv}`,
    csv.replaceAll("\n", "\r\n"),
    csv.slice(0, Math.floor(csv.length / 2)),
    `${csv}\n${lines[1]!.split(",").slice(0, 3).join(",")}`,
  );
  return fc.oneof({ weight: 3, arbitrary: oneCell }, { weight: 1, arbitrary: whole });
}

/** Mutations of one valid body, weighted; structure-aware, so they get past the first check and reach the next. */
function mutationsOf(example: Example, withType: (text: fc.Arbitrary<string | Uint8Array>) => fc.Arbitrary<Body>) {
  if (typeof example.body === "string") {
    return [
      { weight: 2, arbitrary: withType(fc.constant(example.body)) },
      { weight: 10, arbitrary: withType(csvArb(example.body)) },
    ];
  }
  const names = fieldNames(example.body);
  const allPaths = paths(example.body);
  return [
    // The valid example itself: the use case runs (and may say no for its own reasons).
    { weight: 2, arbitrary: withType(fc.constant(exampleText(example.body))) },
    // One field just beside what is valid: a limit, a format, a type. Fields with a format (times, dates, ids, mail addresses) and numbers come up more.
    {
      weight: 10,
      arbitrary: withType(
        fc
          .oneof(...allPaths.map((path) => ({ weight: leafWeight(getAt(example.body, path)), arbitrary: fc.constant(path) })))
          .chain((path) => fc.constantFrom(...nearMisses(getAt(example.body, path))).map((value) => jsonText(setAt(example.body, path, value, false)))),
      ),
    },
    // One field changed to anything, or left out.
    {
      weight: 4,
      arbitrary: withType(
        fc.tuple(fc.constantFrom(...allPaths), badValue, fc.boolean()).map(([path, value, remove]) => jsonText(setAt(example.body, path, value, remove && path.length > 0))),
      ),
    },
    // The route's own field names with values of any kind.
    { weight: 2, arbitrary: withType(fc.dictionary(fc.constantFrom(...(names.length ? names : ["x"])), badValue, { maxKeys: 6 }).map(jsonText)) },
    // Prototype pollution riding on a valid body.
    {
      weight: 1,
      arbitrary: withType(
        fc.constantFrom("__proto__", "constructor", "prototype").map((key) =>
          typeof example.body === "object" && example.body !== null ? `{"${key}":{"role":"admin","centre_id":"nord","admin":true},${jsonText(example.body).slice(1)}` : `{"${key}":{}}`,
        ),
      ),
    },
  ];
}

function bodyArb(route: Route): fc.Arbitrary<Body> {
  const list = examples[`${route.method} ${route.path}`] ?? [];
  const typed = (example?: Example) => (text: fc.Arbitrary<string | Uint8Array>) =>
    fc
      .tuple(text, fc.oneof({ weight: 6, arbitrary: fc.constant(example?.type ?? "application/json") }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }))
      .map(([body, contentType]) => ({ text: body, type: contentType }));
  const withType = typed(list[0]);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 2, arbitrary: withType(fc.constantFrom(...INVALID_JSON)) },
    { weight: 3, arbitrary: withType(fc.jsonValue({ maxDepth: 3 }).map(jsonText)) },
    { weight: 1, arbitrary: withType(fc.anything({ maxDepth: 2 }).map(jsonText)) },
    { weight: 1, arbitrary: withType(fc.uint8Array({ maxLength: 200 })) },
    // Over the 64 KB limit, just under it, and nested deeper than any schema.
    {
      weight: 1,
      arbitrary: withType(
        fc.constantFrom("x".repeat(70_000), jsonText({ text: "å".repeat(30_000) }), deep(2_000), deepArray(5_000), `{"__proto__":{"role":"admin","grants":[{"role":"admin"}]}}`, `{"constructor":{"prototype":{"admin":true}}}`),
      ),
    },
    ...list.flatMap((example) => mutationsOf(example, typed(example)).map((branch) => ({ ...branch, weight: Math.ceil((branch.weight * 2) / list.length) }))),
  );
}

/** Which seeded item a route's :id is about, for the one plain request each route gets first. */
let exampleIds: [RegExp, string[]][] = [];
const idsFor = (route: Route) => exampleIds.find(([pattern]) => pattern.test(route.path))?.[1] ?? [real.id![0]!];

/** A plain, well-formed request: real ids, the example body, the persona's own cookie. The fuzzing starts from here. */
function plainRequest(route: Route, id = idsFor(route)[0]!): FuzzRequest {
  const ids: Record<string, string> = {
    centre: "nord",
    id,
    goal: real.goal![0]!,
    receipt: real.receipt![0]!,
    file: real.file![0]!,
  };
  const params = Object.fromEntries([...route.path.matchAll(/:(\w+)/g)].map(([, name]) => [name!, ids[name!]!]));
  const example = examples[`${route.method} ${route.path}`]?.[0];
  const body = route.method === "GET" ? null : example ? { text: exampleText(example.body), type: example.type ?? "application/json" } : null;
  return { params, query: exampleQueries[`${route.method} ${route.path}`] ?? "", cookie: { kind: "own" }, headers: {}, body };
}

/**
 * Most requests fuzz one part and keep the rest plain, so a bad body is not stopped by a bad id before the
 * body is read (and the other way round); some fuzz every part at once.
 */
function requestArb(route: Route): fc.Arbitrary<FuzzRequest> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const params = fc.record(Object.fromEntries(names.map((name) => [name, paramArb(name)])) as Record<string, fc.Arbitrary<string>>);
  const query = queryArb(exampleQueries[`${route.method} ${route.path}`]);
  const body = route.method === "GET" ? fc.constant(null) : bodyArb(route);
  // Some routes use their item up when they succeed (a vote opens once): they have a few to choose from.
  const plain = fc.constantFrom(...idsFor(route)).map((id) => plainRequest(route, id));
  const hasBody = route.method !== "GET";
  return fc.oneof(
    { weight: hasBody ? 6 : 0, arbitrary: fc.tuple(plain, body).map(([base, fuzzed]) => ({ ...base, body: fuzzed })) },
    { weight: names.length ? 2 : 0, arbitrary: fc.tuple(plain, params).map(([base, fuzzed]) => ({ ...base, params: fuzzed })) },
    { weight: hasBody ? 1 : 3, arbitrary: fc.tuple(plain, query).map(([base, fuzzed]) => ({ ...base, query: fuzzed })) },
    { weight: 1, arbitrary: fc.tuple(plain, cookieArb, headersArb).map(([base, cookie, headers]) => ({ ...base, cookie, headers })) },
    { weight: 2, arbitrary: fc.record({ params, query, cookie: cookieArb, headers: headersArb, body }) },
  );
}

/**
 * Every field with a format (a time, a date, an id, a mail address), every number and every yes/no of
 * each example, with each value just beside a valid one, once: a few hundred requests in all, and they
 * find what random picks find only now and then (e.g. a time valibot takes and JavaScript cannot read).
 * With the last of the route's items, as the first requests to it, so a use case that runs first
 * (opening a vote) still finds its item as seeded.
 */
function boundaryRequests(route: Route): FuzzRequest[] {
  const base = plainRequest(route, idsFor(route).at(-1));
  return (examples[`${route.method} ${route.path}`] ?? []).flatMap((example) =>
    typeof example.body === "string"
      ? []
      : paths(example.body)
          .filter((path) => leafWeight(getAt(example.body, path)) > 1)
          .flatMap((path) =>
            nearMisses(getAt(example.body, path)).map((value) => ({ ...base, body: { text: jsonText(setAt(example.body, path, value, false)), type: example.type ?? "application/json" } })),
          ),
  );
}

// ── The persona each route lets in, by its declared rule (for the centre nord) ──

function letsIn(route: Route, persona: string): boolean {
  const grants = personas[persona];
  const rule = route.rule!;
  if (rule.kind === "public") return true;
  if (!grants) return false;
  if (rule.kind !== "role") return true;
  return grants.some((grant) => grant.role === "admin" || (rule.roles.includes(grant.role) && (!rule.centreParam || grant.centre_id === "nord")));
}

function seedOf(text: string) {
  let hash = 2166136261 ^ SEED;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash | 0;
}

async function fuzz<T>(label: string, arbitrary: fc.Arbitrary<T>, numRuns: number, send: (request: T) => Promise<string | null>, examples: T[] = []) {
  try {
    await fc.assert(
      fc.asyncProperty(arbitrary, async (request) => {
        const problem = await send(request);
        if (problem) throw new Error(problem);
      }),
      { seed: seedOf(label), numRuns: numRuns + examples.length, examples: examples.map((example) => [example] as [T]), interruptAfterTimeLimit: 20_000, markInterruptAsFailure: false },
    );
  } catch (error) {
    throw new Error(`${label} (FUZZ_SEED=${SEED} reproduces this run)\n${(error as Error).message}`, { cause: error });
  }
}

// ── Some real data, made through the API as people would ──

async function call(persona: string, method: string, path: string, body?: unknown, type = "application/json") {
  const headers: Record<string, string> = { "content-type": type };
  const signed = people[persona];
  if (signed) headers.cookie = signed.cookie;
  const response = await t.api.request(path, { method, headers, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`seeding ${method} ${path} as ${persona}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const uuids = (text: string) => [...new Set(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [])];

async function seed() {
  for (const [persona, grants] of Object.entries(personas)) people[persona] = grants ? await t.personWith(grants, `Fuzz ${persona}`) : null;
  const citizen = people.citizen!;
  const member = people.council_member!;
  const mentorPerson = people.mentor!;
  const inHours = (hours: number) => new Date(t.clock.now.getTime() + hours * 3_600_000).toISOString();

  // Directory: a published offer, a draft, suggestions.
  const offerInput = {
    name: "Strikkeklub",
    description: "Vi strikker sammen og drikker kaffe.",
    organization_name: "Strikkeforeningen",
    status: "active",
    centre_id: "nord",
    area: "Nordby",
    category: "sport",
    free: true,
    location: { address_1: "Nørregade 1", postal_code: "7000", city: "Fredericia", latitude: 55.56, longitude: 9.75 },
    weekly: [{ weekday: "tu", opens_at: "14:00", closes_at: "16:00" }],
  };
  const offer = (await call("staff_nord", "POST", "/api/directory/centres/nord/offers", offerInput)).offer;
  await call("staff_nord", "POST", `/api/directory/centres/nord/offers/${offer.id}/publish`, { version: offer.version });
  const draft = (await call("staff_nord", "POST", "/api/directory/centres/nord/offers", { ...offerInput, name: "Kladde" })).offer;
  const suggestionInput = { name: "Gåtur", description: "Vi går en tur hver fredag.", where: "Ved kirken", centre_id: "nord" };
  const suggestions: string[] = [];
  for (const where of ["Ved kirken", "I parken", "På biblioteket"]) suggestions.push((await call("citizen", "POST", "/api/directory/suggestions", { ...suggestionInput, where })).suggestion.id);
  const csv = await (await t.api.request("/api/hsds/export.csv")).text();
  const hsdsJson = await call("anonymous", "GET", "/api/hsds/export.json");
  const { plan } = await call("staff_nord", "POST", "/api/directory/centres/nord/import/preview", csv, "text/csv");
  const hsdsIds = [
    ...uuids(JSON.stringify(await call("anonymous", "GET", "/api/hsds/services"))),
    ...uuids(JSON.stringify(await call("anonymous", "GET", "/api/hsds/taxonomy_terms?per_page=5"))),
  ].slice(0, 12);
  const serviceAtLocationIds = (await call("anonymous", "GET", "/api/hsds/service_at_locations")).contents.map((item: { id: string }) => item.id);
  // Organisations are shared by the centres; another publisher's services come in with their own organisations and terms.
  const organizationInput = { name: "Gangforeningen Nord", website: "https://gang.example.dk", identifiers: [{ identifier_type: "CVR", identifier: "12345678" }] };
  const organization = (await call("staff_syd", "POST", "/api/directory/organizations", organizationInput)).organization;
  const foreignServices = JSON.parse(readFileSync(new URL("fixtures/hsds-foreign/services.json", import.meta.url), "utf8")).contents.slice(0, 3);

  // Council: the council member chairs it; a proposal on the agenda with an open vote and a ballot, one waiting in the inbox, a meeting.
  const memberInput = { person_id: member.person.id, display_name: "Fuzz Formand", email: member.person.email, role: "chair", kind: "citizen", term_from: "2026-01-01" };
  await call("staff_nord", "PUT", "/api/council/centres/nord/members", memberInput);
  const proposalInput = { title: "Bænke ved stien", summary: "Vi vil have flere bænke.", body: "Der er langt mellem bænkene." };
  const proposal = (await call("council_member", "POST", "/api/council/centres/nord/proposals", proposalInput)).proposal;
  await call("council_member", "POST", `/api/council/centres/nord/proposals/${proposal.id}/accept`);
  const openVote = { closes_at: inHours(48), ballot: "open" };
  const vote = (await call("council_member", "POST", `/api/council/centres/nord/proposals/${proposal.id}/vote`, openVote)).vote;
  const ballotInput = { choice: "for", request_key: "fuzz-ballot-0001" };
  const ballot = (await call("council_member", "PUT", `/api/council/centres/nord/votes/${vote.id}/ballot`, ballotInput)).ballot;
  // More on the agenda and in the inbox: opening a vote, accepting and declining use them up.
  const agenda: string[] = [];
  const submitted: string[] = [];
  for (const title of ["Mere lys", "Flere bænke", "Bedre busser"]) {
    const onAgenda = (await call("council_member", "POST", "/api/council/centres/nord/proposals", { ...proposalInput, title })).proposal;
    await call("council_member", "POST", `/api/council/centres/nord/proposals/${onAgenda.id}/accept`);
    agenda.push(onAgenda.id);
    submitted.push((await call("citizen", "POST", "/api/council/centres/nord/proposals", { ...proposalInput, title })).proposal.id);
  }
  const meetingInput = {
    starts_at: "2026-12-01T17:00:00.000Z",
    ends_at: "2026-12-01T19:00:00.000Z",
    place: "Salen",
    accessibility: "Trinfri adgang og teleslynge.",
    agenda: [{ title: "Bænke", proposal_id: proposal.id }],
  };
  const meeting = (await call("staff_nord", "POST", "/api/council/centres/nord/meetings", meetingInput)).meeting;

  // Panel: the citizen is a member; one published consultation (they are invited), one draft.
  const joinInput = { consent: true, profile: { age_band: "30_49", area: "nord" }, contact: "site" };
  await call("citizen", "PUT", "/api/panel/membership", joinInput);
  const consultationInput = {
    title: "Hvad synes du om centret?",
    intro: "Vi vil gerne høre din mening.",
    opens_at: "2026-11-23T09:00:00.000Z",
    closes_at: "2026-11-30T09:00:00.000Z",
    target: { kind: "all" },
    questions: [
      { type: "single", text: "Hvor tit kommer du?", choices: [{ label: "Hver uge", icon: "home" }, { label: "Sjældent" }] },
      { type: "scale", text: "Hvordan har du det med centret?" },
      { type: "short_text", text: "Hvad er det bedste?", optional: true },
    ],
  };
  const consultation = (await call("staff_nord", "POST", "/api/panel/centres/nord/consultations", consultationInput)).consultation;
  await call("staff_nord", "POST", `/api/panel/centres/nord/consultations/${consultation.id}/publish`);
  const draftConsultation = (await call("staff_nord", "POST", "/api/panel/centres/nord/consultations", { ...consultationInput, title: "Kladde til høring" })).consultation;

  // Mentor: the mentor persona applied and was approved; the citizen asked and was proposed the mentor; the council member asked.
  const application = {
    about: "Jeg er pensioneret lærer.",
    interests: ["fishing", "music"],
    languages: ["da", "ar"],
    centre_id: "nord",
    area: "Fredericia Øst",
    availability: ["tue-afternoon"],
    frequency: "weekly",
    can_help_with: "Bus og breve fra kommunen.",
    capacity: 2,
    contact: "20 30 40 50",
  };
  await call("mentor", "POST", "/api/mentor/applications", application);
  const screening = { interview_on: "2026-11-01", straffeattest_on: "2026-10-20", training_on: "2026-11-10", decision: "approve" };
  await call("staff_nord", "POST", `/api/mentor/centres/nord/mentors/${mentorPerson.person.id}/screening`, screening);
  const requestInput = {
    asked_by: "self",
    mentee_name: "Ahmad",
    help_with: "Jeg vil gerne klare mere selv.",
    goals: ["Tage bussen alene"],
    interests: ["fishing"],
    languages: ["ar"],
    centre_id: "nord",
    availability: ["tue-afternoon"],
    contact_preference: "sms",
    contact: "11 22 33 44",
  };
  const pair = (await call("citizen", "POST", "/api/mentor/requests", requestInput)).pair;
  await call("staff_nord", "POST", `/api/mentor/centres/nord/pairs/${pair.id}/propose`, { mentor_id: mentorPerson.person.id });
  const otherPair = (await call("council_member", "POST", "/api/mentor/requests", requestInput)).pair;

  // Identity: a sign-in code waiting for the citizen.
  const challenge = await call("anonymous", "POST", "/api/identity/sign-in", { email: citizen.person.email });

  real.id = [
    offer.id,
    draft.id,
    ...suggestions,
    proposal.id,
    ...agenda,
    ...submitted,
    vote.id,
    meeting.id,
    consultation.id,
    draftConsultation.id,
    mentorPerson.person.id,
    citizen.person.id,
    pair.id,
    otherPair.id,
    ...hsdsIds,
    ...serviceAtLocationIds,
    organization.id,
  ];
  real.goal = pair.goals.map((goal: { id: string }) => goal.id);
  exampleIds = [
    [/proposals\/:id\/vote$/, agenda],
    [/proposals\/:id\/(accept|decline)$/, submitted],
    [/proposals\/:id/, [proposal.id, ...submitted]],
    [/suggestions\/:id/, suggestions],
    [/offers\/:id/, [offer.id, draft.id]],
    [/votes\/:id/, [vote.id]],
    [/meetings\/:id/, [meeting.id]],
    [/consultations\/:id(\/publish)?$/, [draftConsultation.id, consultation.id]],
    [/(consultations|results)\/:id/, [consultation.id]],
    [/pairs\/:id/, [pair.id, otherPair.id]],
    [/mentors\/:id/, [mentorPerson.person.id]],
    [/directory\/organizations\/:id/, [organization.id]],
    [/hsds\/service_at_locations\/:id/, serviceAtLocationIds.slice(0, 3)],
    [/hsds\//, hsdsIds.slice(0, 3)],
  ];
  real.receipt = [ballot.receipt];

  exampleQueries = {
    "GET /api/identity/audit": "month=2026-11",
    "GET /api/directory/offers": "limit=5",
    "GET /api/directory/search": "q=strik&centre=nord&lat=55.5&lon=9.7",
    "GET /api/hsds/services": "per_page=5&search=strik&postcode=7000&proximity=5000",
    "GET /api/hsds/organizations": "page=1&per_page=2",
    "GET /api/hsds/service_at_locations": "per_page=5&full=true",
    "GET /api/hsds/taxonomy_terms": "search=sport",
    "GET /api/panel/centres/:centre/consultations/:id/export": "format=csv",
    "POST /api/directory/centres/:centre/import": `plan=${plan}`,
  };
  const single: Record<string, Example> = {
    "POST /api/identity/sign-in": { body: { email: "fuzz@example.dk", language: "en" } },
    "POST /api/identity/sign-in/verify": { body: { challenge_id: challenge.challenge_id, code: "123456" } },
    "POST /api/identity/sign-in/password": { body: { email: people.staff_nord!.person.email, password: "not-the-password" } },
    "POST /api/identity/invitations": { body: { email: "ny@example.dk", display_name: "Ny Kollega", role: "staff", centre_id: "nord" } },
    "PATCH /api/me": { body: { display_name: "Nyt Navn", language: "en" } },
    "POST /api/me/password": { body: { password: "et-langt-kodeord-1234" } },
    "POST /api/directory/centres/:centre/offers": { body: offerInput },
    "PUT /api/directory/centres/:centre/offers/:id": { body: { version: 1, offer: offerInput } },
    "POST /api/directory/centres/:centre/offers/:id/publish": { body: { version: 1 } },
    "POST /api/directory/centres/:centre/offers/:id/unpublish": { body: { version: 2 } },
    "POST /api/directory/centres/:centre/offers/:id/archive": { body: { version: 2 } },
    "POST /api/directory/centres/:centre/offers/:id/verify": { body: { version: 2 } },
    "POST /api/directory/centres/:centre/import/preview": { body: csv, type: "text/csv" },
    "POST /api/directory/centres/:centre/import": { body: csv, type: "text/csv" },
    "POST /api/directory/suggestions": { body: suggestionInput },
    "POST /api/directory/organizations": { body: { ...organizationInput, name: "Nye Venner", identifiers: [] } },
    "PUT /api/directory/organizations/:id": { body: { version: 1, organization: { ...organizationInput, description: "Vi går ture." } } },
    "PUT /api/directory/centres/:centre/import/mapping": { body: { publisher: "Frivilligcenter Trekanten", terms: { "trekanten:motion": "sport" } } },
    "POST /api/directory/centres/:centre/suggestions/:id/decline": { body: { reason: "Findes allerede." } },
    "PUT /api/panel/membership": { body: joinInput },
    "POST /api/panel/consultations/:id/answers": { body: { answers: { q1: "c1", q2: 4, q3: "Personalet" } } },
    "POST /api/panel/centres/:centre/consultations": { body: consultationInput },
    "PUT /api/panel/centres/:centre/consultations/:id": { body: consultationInput },
    "POST /api/panel/centres/:centre/target-count": { body: { target: { kind: "segment", age_bands: ["30_49"], areas: ["nord"] } } },
    "POST /api/panel/centres/:centre/consultations/:id/results": { body: { summary: "Mange kommer hver uge." } },
    "POST /api/mentor/applications": { body: application },
    "POST /api/mentor/requests": { body: requestInput },
    "POST /api/mentor/pairs/:id/answer": { body: { answer: "accept" } },
    "POST /api/mentor/pairs/:id/log": { body: { on: "2026-11-20", what_we_did: "Vi tog bussen.", how_it_went: 4, note_for_staff: "Godt." } },
    "PUT /api/mentor/pairs/:id/goals/:goal": { body: { progress: 2 } },
    "POST /api/mentor/pairs/:id/feedback": { body: { good_to_meet: 5, helped_goals: 4, recommend: 5, words: "Tak." } },
    "POST /api/mentor/centres/:centre/mentors/:id/screening": { body: screening },
    "POST /api/mentor/centres/:centre/requests": { body: requestInput },
    "POST /api/mentor/centres/:centre/pairs/:id/propose": { body: { mentor_id: mentorPerson.person.id } },
    "POST /api/mentor/centres/:centre/pairs/:id/first-meeting": { body: { on: "2026-11-30", place: "Biblioteket" } },
    "POST /api/mentor/centres/:centre/pairs/:id/check-in": { body: { note: "Det går godt." } },
    "POST /api/mentor/centres/:centre/pairs/:id/end": { body: { outcome: "completed", closing_conversation_on: "2026-11-23", next_step: "Svømmeklub", next_offer_id: offer.id } },
    "POST /api/council/centres/:centre/meetings": { body: meetingInput },
    "PUT /api/council/centres/:centre/meetings/:id/minutes": {
      body: { attendance: [member.person.id], summary: "Vi talte om bænke.", decisions: ["Flere bænke"], details: "Referat.", publish: true },
    },
    "POST /api/council/centres/:centre/proposals": { body: proposalInput },
    "PUT /api/council/centres/:centre/my-notifications": { body: { notify: "digest", email: "mig@example.dk" } },
    "PUT /api/council/centres/:centre/votes/:id/ballot": { body: ballotInput },
    "POST /api/council/centres/:centre/proposals/:id/comments": { body: { text: "Godt forslag." } },
    "POST /api/council/centres/:centre/proposals/:id/decline": { body: { reason: "Det er ikke rådets opgave." } },
    "POST /api/council/centres/:centre/proposals/:id/vote": { body: openVote },
    "POST /api/council/centres/:centre/proposals/:id/follow-up": { body: { status: "planned", text: "Kommunen sætter bænke op." } },
    "PUT /api/council/centres/:centre/members": { body: { ...memberInput, role: "member" } },
  };
  examples = Object.fromEntries(Object.entries(single).map(([route, example]) => [route, [example]]));
  // Import takes the export's CSV, its HSDS JSON, or any publisher's nested HSDS.
  for (const route of ["POST /api/directory/centres/:centre/import/preview", "POST /api/directory/centres/:centre/import"]) examples[route]!.push({ body: hsdsJson }, { body: foreignServices });
}

beforeAll(async () => {
  t = await testApi();
  // The writes of every module's own client, and of the test's.
  for (const client of [t.services.db, ...t.moduleClients.values()]) watchWrites(client);
  routes = ROUTES;
  await seed();
}, 60_000);

describe("the stored-state check the fuzzing relies on", () => {
  it("sees an added, a changed and a removed item, and ignores only what counts attempts", async () => {
    const before = await snapshot();
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
    expect(await exchange(route, "anonymous", refused, { app: leaky })).toMatch(/a refused request \(400\) changed stored items:\n {2}added directory LEAK LEAK/);
    expect(await exchange(route, "anonymous", refused, { app: leaky })).toMatch(/changed directory LEAK LEAK/);
    expect(await exchange(route, "anonymous", refused)).toBeNull();
  });

  it("catches a write the watch does not see in the scan after the route", async () => {
    baseline = await snapshot();
    await t.db.send(new DeleteCommand({ TableName: t.config.tableNames.directory, Key: { pk: "LEAK", sk: "LEAK" } }));
    expect(await sameAsBefore()).toEqual(["removed directory LEAK LEAK"]);
    expect(await sameAsBefore()).toEqual([]);
  });
});

describe("fuzzing every route as every persona", () => {
  it("finds every module's routes", () => {
    expect(routes.length).toBeGreaterThan(90);
    expect(new Set(routes.map((route) => route.path.split("/")[2]))).toEqual(new Set(["identity", "me", "directory", "hsds", "openapi.json", "docs", "council", "panel", "mentor"]));
  });

  // One test per route, so a failure names it; each persona in turn, more requests for those the route lets in.
  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))("%s", async (_name, listed) => {
    const route = routes.find((candidate) => candidate.method === listed.method && candidate.path === listed.path)!;
    for (const request of boundaryRequests(route)) {
      const problem = await exchange(route, "admin", request);
      if (problem) throw new Error(`${route.method} ${route.path}, a value beside a valid one, as admin\n${problem}`);
    }
    const arbitrary = requestArb(route);
    for (const persona of Object.keys(personas)) {
      const label = `${route.method} ${route.path} as ${persona}`;
      const allowed = letsIn(route, persona);
      await fuzz(label, arbitrary, allowed ? RUNS : 1, (request) => exchange(route, persona, request), allowed ? [plainRequest(route)] : []);
    }
    expect(await sameAsBefore(), "stored items changed without a write the watch saw").toEqual([]);
  });

  it("answers paths and methods that are no route with a message too", async () => {
    const segment = fc.oneof(fc.constantFrom("directory", "council", "panel", "mentor", "identity", "me", "hsds", "centres", "nord", "offers", "..", ".", ""), fc.constantFrom(...RAW_SEGMENTS), fc.string({ unit: "grapheme", maxLength: 12 }).map(enc));
    const arbitrary = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "PROPFIND"),
      path: fc.array(segment, { minLength: 0, maxLength: 6 }).map((parts) => `/api/${parts.join("/")}`),
      request: requestArb({ method: "POST", path: "/api/unknown", rule: { kind: "public" } }),
    });
    const unknown: Route = { method: "ANY", path: "(no route)", rule: { kind: "public" } };
    await fuzz("paths that are no route", arbitrary, 60, ({ method, path, request }) => exchange(unknown, "citizen", request, { method, path }));
  });

  it("got past the guard to the handler on every route, with valid and invalid requests", () => {
    const summary = Object.fromEntries([...stats].map(([route, outcomes]) => [route, Object.fromEntries(outcomes)]));
    const neverHandled = ROUTES.map((route) => `${route.method} ${route.path}`).filter((route) =>
      [...(stats.get(route)?.keys() ?? [])].every((outcome) => outcome === "refused" || outcome === "route_not_found"),
    );
    expect(neverHandled, JSON.stringify(summary, null, 1)).toEqual([]);
    const total = (outcome: string) => [...stats.values()].reduce((sum, outcomes) => sum + (outcomes.get(outcome) ?? 0), 0);
    for (const outcome of ["2xx", "refused", "400", "404", "409", "route_not_found"]) expect(total(outcome), outcome).toBeGreaterThan(0);
    // The scan-and-compare after a refused request that wrote did run (a wrong password counts against the rate limit, for one).
    expect(comparedAfterRefusal).toBeGreaterThan(0);
  });
});
