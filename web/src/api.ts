import type { Language } from "./i18n/index.tsx";

/** Same origin everywhere: locally one server, on AWS CloudFront sends /api to the API. VITE_API_URL only for a separate API in development. */
export const apiBase: string = (import.meta.env.VITE_API_URL ?? "").replace(/\/+$/, "");

/** The full address of an API path, e.g. for a download link. */
export const apiUrl = (path: string): string => `${apiBase}/api${path}`;

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

type ErrorBody = {
  error?: { code?: string; message?: string; fields?: FieldProblem[]; details?: Record<string, unknown> };
  request_id?: string;
};

async function request<T>(
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  language: Language,
  body: unknown,
  signal: AbortSignal | undefined,
  /** Sends `body` (then a string) as it is, with this type, instead of as JSON. */
  contentType?: string,
): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": language };
  if (body !== undefined) headers["content-type"] = contentType ?? "application/json";
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers,
      // The session cookie (HttpOnly) goes along; the site never sees the token itself.
      credentials: "same-origin",
      body: body === undefined ? undefined : contentType ? String(body) : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  if (response.ok) {
    // 202/204 may have no body.
    const text = response.status === 204 ? "" : await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
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

export function apiGet<T>(path: string, language: Language, signal?: AbortSignal): Promise<T> {
  return request<T>("GET", path, language, undefined, signal);
}

/** A change: POST, PUT, PATCH or DELETE with an optional JSON body. Resolves to the answer's JSON, if any. */
export function apiSend<T = undefined>(
  method: "POST" | "PUT" | "PATCH" | "DELETE",
  path: string,
  language: Language,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  return request<T>(method, path, language, body, signal);
}

/** POSTs a file's text as it is (e.g. text/csv). Resolves to the answer's JSON. */
export function apiPostText<T>(path: string, language: Language, contentType: string, text: string, signal?: AbortSignal): Promise<T> {
  return request<T>("POST", path, language, text, signal, contentType);
}
