import type { CouncilRoutes } from "@naerhed/functions/council/routes";
import type { DirectoryRoutes } from "@naerhed/functions/directory/routes";
import type { IdentityRoutes } from "@naerhed/functions/identity/routes";
import type { MentorRoutes } from "@naerhed/functions/mentor/routes";
import type { OrganisationRoutes } from "@naerhed/functions/organisation/routes";
import type { PanelRoutes } from "@naerhed/functions/panel/routes";
import { hc, type ClientResponse } from "hono/client";
import type { Language } from "@naerhed/core/shared/language";
import { useLanguage } from "./language.tsx";

/**
 * The API, typed from the server's own routes: each module's route file exports its routes'
 * type, and `hc` turns them into `api.council.centres[":centre"].$get`. A page that reads a
 * field the server does not send, or calls a path it does not have, does not type-check.
 * Types only: no server code reaches the browser.
 */
type Routes = IdentityRoutes | DirectoryRoutes | CouncilRoutes | PanelRoutes | MentorRoutes | OrganisationRoutes;

/** Same origin everywhere: locally one server, on AWS CloudFront sends /api to the API. VITE_API_URL only for a separate API in development. */
export const apiBase: string = (import.meta.env.VITE_API_URL ?? "").replace(/\/+$/, "");

/** The full address of an API path, e.g. for a download link. */
export const apiUrl = (path: string): string => `${apiBase}/api${path}`;

export const api = hc<Routes>(apiUrl(""));

export type FieldProblem = { field: string; message: string };

/** An error answer from the API. Its message is already in the language we asked for. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly requestId?: string,
    /** Seconds to wait before trying again (429 answers). */
    readonly retryAfter?: number,
    /** More about the problem, e.g. a 409 conflict's current version of the item. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The API could not be reached at all (offline, DNS, CORS). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("network", { cause });
    this.name = "NetworkError";
  }
}

/** 404, or 400 for an id that cannot be one: either way there is no such thing to show. */
export const isMissing = (error: unknown): boolean => error instanceof ApiError && (error.status === 404 || error.status === 400);

type ErrorBody = {
  error?: { code?: string; message?: string; fields?: FieldProblem[]; details?: Record<string, unknown> };
  request_id?: string;
};

/** Any endpoint of the client, whatever its arguments. */
type Endpoint = (args: any, options?: any) => Promise<ClientResponse<unknown, number, string>>;
/** What a call resolves to: the JSON of the route's answers (routes throw their errors, so these are its 2xx answers). */
export type Answer<E extends Endpoint> = Awaited<ReturnType<E>> extends ClientResponse<infer T, number, "json"> ? T : undefined;
type Args<E extends Endpoint> = Parameters<E>[0];

export type CallOptions = {
  /** A JSON body, or a file's text sent as it is with its type. */
  body?: unknown;
  text?: { type: string; content: string };
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
};

/**
 * Calls one endpoint in the person's language, with the session cookie, and gives the answer's
 * JSON; an error answer throws ApiError, no answer at all NetworkError.
 */
export async function request<E extends Endpoint>(language: Language, endpoint: E, args: Args<E>, options: CallOptions = {}): Promise<Answer<E>> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": language };
  const body = options.text ? options.text.content : options.body === undefined ? undefined : JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] = options.text?.type ?? "application/json";
  const encoded = args?.param ? { ...args, param: Object.fromEntries(Object.entries(args.param as Record<string, string>).map(([k, v]) => [k, encodeURIComponent(v)])) } : args;
  let response: Response;
  try {
    // hc builds the address from the route; the request goes with the person's language and cookie.
    response = (await endpoint(encoded, {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => {
        const query = new URLSearchParams(Object.entries(options.query ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();
        return fetch(query ? `${String(input)}?${query}` : String(input), {
          method: init?.method,
          headers,
          // The session cookie (HttpOnly) goes along; the site never sees the token itself.
          credentials: "same-origin",
          body,
          signal: options.signal,
        });
      },
    })) as unknown as Response;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  if (response.ok) {
    // 202/204 may have no body.
    const text = response.status === 204 ? "" : await response.text();
    return (text ? JSON.parse(text) : undefined) as Answer<E>;
  }
  let problem: ErrorBody = {};
  try {
    problem = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy or gateway answered): keep the status only.
  }
  const retryAfter = Number(response.headers.get("retry-after"));
  throw new ApiError(
    response.status,
    problem.error?.code ?? "unknown",
    problem.error?.message ?? response.statusText,
    problem.error?.fields ?? [],
    problem.request_id ?? response.headers.get("x-request-id") ?? undefined,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    problem.error?.details,
  );
}

/**
 * `request` in the person's language, for a component:
 * `const call = useCall(); const overview = await call(api.council.centres[":centre"].$get, { param: { centre } });`
 */
export function useCall() {
  const { lang } = useLanguage();
  return <E extends Endpoint>(endpoint: E, args: Args<E>, options?: CallOptions) => request(lang(), endpoint, args, options);
}
