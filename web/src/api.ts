import type { Language } from "./i18n/index.tsx";

/** Same origin locally; on AWS the StaticSite is built with VITE_API_URL. */
export const apiBase: string = (import.meta.env.VITE_API_URL ?? "").replace(/\/+$/, "");

export type FieldProblem = { field: string; message: string };

/** An error answer from the API. Its message is already in the language we asked for. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly requestId?: string,
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

type ErrorBody = { error?: { code?: string; message?: string; fields?: FieldProblem[] }; request_id?: string };

export async function apiGet<T>(path: string, language: Language, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${apiBase}/api${path}`, {
      headers: { accept: "application/json", "accept-language": language },
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new NetworkError(error);
  }
  if (response.ok) return (await response.json()) as T;

  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // Not JSON (a proxy or gateway answered): keep the status only.
  }
  throw new ApiError(
    response.status,
    body.error?.code ?? "unknown",
    body.error?.message ?? response.statusText,
    body.error?.fields ?? [],
    body.request_id ?? response.headers.get("x-request-id") ?? undefined,
  );
}
