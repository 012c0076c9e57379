import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import fc from "fast-check";
import { languageFrom, messages } from "@naerhed/core/shared/messages";
import { prefixOwner } from "../../../local/src/gateway.ts";
import { personas, type Route } from "../routes.ts";
import type { FuzzRequest } from "./generators.ts";
import type { Api, Seeded } from "./seed.ts";

/**
 * How the fuzz test judges an answer: never a 5xx, every 4xx a dictionary message in the
 * language asked for, and nothing stored changed by a refused request (see fuzz.test.ts).
 */

export const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
/** Requests per route for a persona the route's rule lets in (for centre nord); one for the others. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 3);

/** Routes after whose success the persona's session is gone (signed out or erased): a new person takes its place. */
export const ENDS_SESSION = new Set(["POST /api/identity/sign-out", "POST /api/identity/sign-out-everywhere", "DELETE /api/me"]);

type Item = Record<string, unknown>;

/**
 * What of an item must stay the same when a request is refused. Left out, each for a reason:
 * - rate-limit counters (pk RATE#…, sk RATE): they count attempts, refused ones too; that is what they are for (shared/rate-limit.ts);
 * - a sign-in challenge's `tries`: checking a wrong code counts the try before saying it is wrong (identity/sign-in.ts).
 */
export function kept(table: string, item: Item): Item | undefined {
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

export type Snapshot = Map<string, string>;

export function changes(before: Snapshot, after: Snapshot): string[] {
  const found: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) found.push(`added ${key}: ${value.slice(0, 300)}`);
    else if (before.get(key) !== value) found.push(`changed ${key}: ${before.get(key)!.slice(0, 300)} → ${value.slice(0, 300)}`);
  }
  for (const key of before.keys()) if (!after.has(key)) found.push(`removed ${key}`);
  return found;
}

const allMessages = { da: new Set(Object.values(messages.da)), en: new Set(Object.values(messages.en)) };
/** Messages with a {placeholder} the answer fills with what was typed ("Vi kender ikke postnummer 9999."), as patterns. */
const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
const filledMessages = Object.fromEntries(
  (["da", "en"] as const).map((language) => [
    language,
    Object.values(messages[language])
      .filter((text) => /\{\w+\}/.test(text))
      .map((text) => new RegExp(`^${escape(text).replace(/\\?\{\w+\\?\}/g, ".*")}$`, "s")),
  ]),
) as Record<"da" | "en", RegExp[]>;
const isMessage = (language: "da" | "en", text: string) => allMessages[language].has(text) || filledMessages[language].some((pattern) => pattern.test(text));
const WRITES = new Set(["PutItemCommand", "UpdateItemCommand", "DeleteItemCommand", "TransactWriteItemsCommand", "BatchWriteItemCommand"]);

function watchWrites(client: Api["services"]["db"], onWrite: () => void) {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (WRITES.has(context.commandName ?? "")) onWrite();
      return result;
    },
    { step: "initialize", name: "fuzzWatchWrites" },
  );
}

function describeRequest(method: string, url: string, init: { headers: Record<string, string>; body?: string | Uint8Array }) {
  const body = init.body === undefined ? "(none)" : typeof init.body === "string" ? JSON.stringify(init.body.slice(0, 400)) : `bytes ${Buffer.from(init.body).toString("hex").slice(0, 200)}`;
  return `${method} ${url.slice(0, 400)}\nheaders: ${JSON.stringify(init.headers).slice(0, 600)}\nbody: ${body}`;
}

/** The checks against one test API and its seeded people: scans of every table and the judging of each answer. */
export function createChecks(t: Api, people: Seeded["people"]) {
  /** Successful writes (put, update, delete, transaction, batch) sent by every module's own DynamoDB client, and by the test's. */
  let writes = 0;
  for (const client of [t.services.db, ...t.moduleClients.values()]) watchWrites(client, () => writes++);

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

  /** The stored state before the next request; null when a valid request wrote since the last scan. */
  let baseline: Snapshot | null = null;

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
      if (!isMessage(language, error.message)) return `a ${response.status} whose message is not from the ${language} dictionary\n${what()}`;
      for (const field of error.fields ?? []) {
        if (typeof field.field !== "string" || typeof field.message !== "string" || !isMessage(language, field.message))
          return `a ${response.status} with a field problem without a ${language} message\n${what()}`;
      }
      if (inApi && (typeof body.request_id !== "string" || body.request_id !== response.headers.get("x-request-id")))
        return `a ${response.status} without the request id it answers with\n${what()}`;
    }

    if (changed.length > 0) return `a refused request (${response.status}) changed stored items:\n  ${changed.slice(0, 10).join("\n  ")}\n${what()}`;
    return null;
  }

  return {
    snapshot,
    sameAsBefore,
    exchange,
    stats,
    /** Takes the stored state now as the state to compare with. */
    remember: async () => void (baseline = await snapshot()),
    comparedAfterRefusal: () => comparedAfterRefusal,
  };
}

/** Whether the route's declared rule lets the persona in (for the centre nord). */
export function letsIn(route: Route, persona: string): boolean {
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

export async function fuzz<T>(label: string, arbitrary: fc.Arbitrary<T>, numRuns: number, send: (request: T) => Promise<string | null>, examples: T[] = []) {
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
