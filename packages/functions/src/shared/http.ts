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
  Variables: { requestId: string; language: Language; actor: Actor | null; sessionExpired: boolean; siteOrigin: string };
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
  const headline = fields?.length === 1 && fields[0] ? fields[0].message : code;
  return c.json(
    {
      error: {
        code,
        message: message(headline, language),
        ...(fields ? { fields: fields.map((p) => ({ field: p.field, message: message(p.message, language) })) } : {}),
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
