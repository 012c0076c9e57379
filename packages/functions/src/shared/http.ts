import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Actor } from "@naerhed/core/identity/person";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
  UnavailableError,
  UnsupportedMediaTypeError,
} from "@naerhed/core/shared/errors";
import { languageFrom, message, type Language, type MessageKey } from "@naerhed/core/shared/messages";
import { errorFields, logger, requestFields } from "./log.ts";

/**
 * What every request carries through the app: its id (shown to the person on errors), its
 * language, and who is asking (null when nobody is signed in; `sessionExpired` when a
 * session cookie came along but no longer works).
 */
export type AppEnv = {
  Variables: { requestId: string; language: Language; actor: Actor | null; sessionExpired: boolean; sessionStarted: boolean };
};

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;

export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const lambdaId = (c.env as { lambdaContext?: { awsRequestId?: string } } | undefined)?.lambdaContext?.awsRequestId;
  const given = c.req.header("x-request-id");
  const requestId = lambdaId ?? (given && REQUEST_ID.test(given) ? given : crypto.randomUUID());
  c.set("requestId", requestId);
  c.set("language", languageFrom(c.req.header("accept-language")));
  await next();
  c.header("x-request-id", requestId);
  c.header("content-language", c.get("language"));
  c.header("vary", "Accept-Language");
};

function problem(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: MessageKey,
  fields?: InvalidInputError["problems"],
  details?: Record<string, unknown>,
) {
  const language = c.get("language") ?? "da";
  // One wrong field: its own message says more than the general one.
  const only = fields?.length === 1 ? fields[0] : undefined;
  return c.json(
    {
      error: {
        code,
        message: only ? message(only.message, language, only.values) : message(code, language),
        ...(fields ? { fields: fields.map((p) => ({ field: p.field, message: message(p.message, language, p.values) })) } : {}),
        ...(details ? { details } : {}),
      },
      request_id: c.get("requestId"),
    },
    status,
  );
}

/** A failed request: its id and route (shared/log.ts says what may be logged), and what went wrong inside. */
function log(level: "warn" | "error", c: Context<AppEnv>, error: Error) {
  logger[level](error.message, { ...requestFields(c), error: errorFields(error) });
}

/** The methods that change something: the ones the origin and body checks are about. */
export const STATE_CHANGING: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The media types a state-changing request's body may have: JSON, or the CSV file the directory
 * import reads (its HSDS JSON is JSON). A cross-site HTML form can send none of them (forms send
 * form-urlencoded, multipart or text/plain), and a cross-site fetch with them needs a CORS
 * preflight the API never grants. A request without a body needs no type.
 */
export const BODY_TYPES: readonly string[] = ["application/json", "text/csv"];

/**
 * The import's own paths are the exception: they say themselves what they take (a 415 naming the
 * forms the import reads, before reading anything), and they also take HSDS tables as the files
 * of a multipart form, which a cross-site form could send. There the origin check, run before, is
 * what stands in the way.
 */
const IMPORT_PATHS = /^\/api\/directory\/centres\/[^/]+\/import(\/preview)?$/;

export const bodyTypeCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (STATE_CHANGING.has(c.req.method)) {
    const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    const hasBody = type !== undefined || Number(c.req.header("content-length") ?? "0") !== 0 || c.req.header("transfer-encoding") !== undefined;
    if (hasBody && !BODY_TYPES.includes(type ?? "") && !IMPORT_PATHS.test(c.req.path)) return problem(c, 415, "content_type_refused");
  }
  await next();
};

/** A body over the limit (hono's bodyLimit calls this): 413, so a client knows sending it again will not help. */
export const bodyTooLarge = (c: Context<AppEnv>) => problem(c, 413, "body_too_large");

/** The one place where domain errors become HTTP statuses and plain-language messages. */
export const handleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof InvalidInputError) {
    return problem(c, 400, "invalid_input", error.problems);
  }
  if (error instanceof NotFoundError) return problem(c, 404, error.what);
  if (error instanceof UnsupportedMediaTypeError) return problem(c, 415, error.what);
  if (error instanceof ConflictError) return problem(c, 409, error.reason, undefined, error.details);
  if (error instanceof UnauthenticatedError) return problem(c, 401, error.reason);
  if (error instanceof ForbiddenError) return problem(c, 403, error.reason);
  if (error instanceof TooManyRequestsError) {
    c.header("retry-after", String(error.retryAfterSeconds));
    return problem(c, 429, error.reason);
  }
  if (error instanceof UnavailableError) {
    log("warn", c, error);
    c.header("retry-after", "5");
    return problem(c, 503, "unavailable");
  }
  log("error", c, error);
  return problem(c, 500, "internal");
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c) => problem(c, 404, "route_not_found");

/** The JSON body, or a 400 with a plain message when it is not JSON. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new InvalidInputError([{ field: "", message: "body_invalid" }]);
  }
}
