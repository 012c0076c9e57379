import fc from "fast-check";
import { SESSION_COOKIE } from "../../src/shared/auth.ts";
import type { Route } from "../routes.ts";
import type { Example, Seeded } from "./seed.ts";

/**
 * The fuzz test's requests: random and adversarial path parameters, query strings, headers,
 * cookies and bodies, most of them one part away from a valid request made from the seeded data.
 */

export type Body = { text: string | Uint8Array; type?: string | null } | null;
export type FuzzRequest = {
  params: Record<string, string>;
  query: string;
  cookie: { kind: "own" } | { kind: "own+junk"; junk: string } | { kind: "forged"; value: string };
  headers: Record<string, string>;
  body: Body;
};

export const enc = (text: string) => encodeURIComponent(text);
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
export const RAW_SEGMENTS = ["%", "%ZZ", "%00", "%E0%A4%A", "%C0%AF", "%FF%FE", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2F", "a%2Fb", "%252F", "%u0041", "x;y=z", "@", "~"];

const paramArb = (name: string, real: Seeded["real"]) =>
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
const MORE_QUERY_KEYS = ["taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "proximity", "format", "first_row", "plan", "person", "item", "month", "lang", "name", "state"];
const queryKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...QUERY_KEYS, ...MORE_QUERY_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "prototype", "q[]", "a[b]", "", "limit[]", "__proto__[x]") },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const queryValue = fc.oneof(
  fc.constantFrom(...ADVERSARIAL),
  fc.constantFrom("1", "20", "50", "51", "200", "201", "999999999999", "-5", "2.5", "csv", "json", "xml", "nord", "sport", "mo", "step_free,hearing_loop", "7000", "55.5", "2026-11", "2026-11-01T00:00:00+01:00", "check", "draft", "archived", "aa", "Å"),
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
const CURSOR_SHAPES = [["pk", "sk"], ["pk", "sk", "gsi1pk", "gsi1sk"], ["pk", "sk", "gsi2pk", "gsi2sk"], ["pk", "sk", "actor_id"], ["pk", "sk", "item"], ["o"], ["pk"], []];
const cursorValue = fc.oneof(
  fc.constantFrom("AUDIT#2020-01", "AUDIT#2026-11", "AUDIT#2026-12", "PUBLISHED", "OFFER#x", "OFFER", "CENTRE#nord", "CENTRE#syd", "strik", "SESSION#x", "", "x".repeat(1100), 0, -1, 10_000, null, [], {}),
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
function nearMisses(value: unknown, realIds: readonly string[]): unknown[] {
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return TIMESTAMPS;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return DATES;
    if (UUID.test(value)) return [value.toUpperCase(), value.slice(0, -1), `${value}0`, "00000000-0000-0000-0000-000000000000", ...realIds.slice(0, 6)];
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
function csvArb(csv: string, realIds: readonly string[]): fc.Arbitrary<string> {
  const rows = csv.split("\n").map((line) => line.split(","));
  const cells = rows.flatMap((row, r) => row.map((_cell, c) => [r, c] as const));
  const oneCell = fc.constantFrom(...cells).chain(([r, c]) =>
    fc.oneof(fc.constantFrom(...nearMisses(rows[r]![c]!.replace(/^"|"$/g, ""), realIds).map(String)), fc.constantFrom('"', '""', '"a,b"', "\r", "=cmd|' /C calc'!A0", "\u0000"), fc.string({ unit: "grapheme", maxLength: 30 })).map((text) =>
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
function mutationsOf(example: Example, withType: (text: fc.Arbitrary<string | Uint8Array>) => fc.Arbitrary<Body>, realIds: readonly string[]) {
  if (typeof example.body === "string") {
    return [
      { weight: 2, arbitrary: withType(fc.constant(example.body)) },
      { weight: 10, arbitrary: withType(csvArb(example.body, realIds)) },
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
          .chain((path) => fc.constantFrom(...nearMisses(getAt(example.body, path), realIds)).map((value) => jsonText(setAt(example.body, path, value, false)))),
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

function bodyArb(route: Route, { examples, real }: Seeded): fc.Arbitrary<Body> {
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
    ...list.flatMap((example) => mutationsOf(example, typed(example), real.id!).map((branch) => ({ ...branch, weight: Math.ceil((branch.weight * 2) / list.length) }))),
  );
}

/** Which seeded items a route's :id is about, for the one plain request each route gets first. */
const idsFor = (route: Route, { exampleIds, real }: Seeded) => exampleIds.find(([pattern]) => pattern.test(route.path))?.[1] ?? [real.id![0]!];

/** A plain, well-formed request: real ids, the example body, the persona's own cookie. The fuzzing starts from here. */
export function plainRequest(route: Route, seeded: Seeded, id = idsFor(route, seeded)[0]!): FuzzRequest {
  const { real, examples, exampleQueries } = seeded;
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
export function requestArb(route: Route, seeded: Seeded): fc.Arbitrary<FuzzRequest> {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  const params = fc.record(Object.fromEntries(names.map((name) => [name, paramArb(name, seeded.real)])) as Record<string, fc.Arbitrary<string>>);
  const query = queryArb(seeded.exampleQueries[`${route.method} ${route.path}`]);
  const body = route.method === "GET" ? fc.constant(null) : bodyArb(route, seeded);
  // Some routes use their item up when they succeed (a vote opens once): they have a few to choose from.
  const plain = fc.constantFrom(...idsFor(route, seeded)).map((id) => plainRequest(route, seeded, id));
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
export function boundaryRequests(route: Route, seeded: Seeded): FuzzRequest[] {
  const base = plainRequest(route, seeded, idsFor(route, seeded).at(-1));
  return (seeded.examples[`${route.method} ${route.path}`] ?? []).flatMap((example) =>
    typeof example.body === "string"
      ? []
      : paths(example.body)
          .filter((path) => leafWeight(getAt(example.body, path)) > 1)
          .flatMap((path) =>
            nearMisses(getAt(example.body, path), seeded.real.id!).map((value) => ({ ...base, body: { text: jsonText(setAt(example.body, path, value, false)), type: example.type ?? "application/json" } })),
          ),
  );
}
