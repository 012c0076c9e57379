import type { MessageKey } from "./messages.ts";

/**
 * Errors the domain raises on purpose. The HTTP layer maps each kind to a status code and
 * a plain-language message in one place (packages/functions/src/shared/errors.ts).
 */

/** `values` fill the message's {placeholders}: "Vi kender ikke postnummer {value}." */
export type FieldProblem = { field: string; message: MessageKey; values?: Record<string, string> };

export class InvalidInputError extends Error {
  readonly kind = "invalid_input";
  constructor(readonly problems: FieldProblem[]) {
    super(`Invalid input: ${problems.map((p) => `${p.field}: ${p.message}`).join(", ")}`);
  }
}

export class NotFoundError extends Error {
  readonly kind = "not_found";
  constructor(readonly what: MessageKey) {
    super(`Not found: ${what}`);
  }
}

/** The body is of a kind the route does not take (415); the message says what it takes. */
export class UnsupportedMediaTypeError extends Error {
  readonly kind = "unsupported_media_type";
  constructor(readonly what: MessageKey) {
    super(`Unsupported media type: ${what}`);
  }
}

/** Nobody is signed in, and the request needs someone who is. */
export class UnauthenticatedError extends Error {
  readonly kind = "unauthenticated";
  constructor(readonly reason: MessageKey = "sign_in_required") {
    super(`Unauthenticated: ${reason}`);
  }
}

/** Someone is signed in but may not do this. */
export class ForbiddenError extends Error {
  readonly kind = "forbidden";
  constructor(readonly reason: MessageKey = "forbidden") {
    super(`Forbidden: ${reason}`);
  }
}

/** Too many attempts; `retryAfterSeconds` says when the next one is welcome. */
export class TooManyRequestsError extends Error {
  readonly kind = "too_many_requests";
  constructor(
    readonly reason: MessageKey,
    readonly retryAfterSeconds: number,
  ) {
    super(`Too many requests: ${reason}`);
  }
}

/** Someone else changed the item since the person loaded it; `details` shows what changed. */
export class ConflictError extends Error {
  readonly kind = "conflict";
  constructor(
    readonly reason: MessageKey,
    readonly details: Record<string, unknown>,
  ) {
    super(`Conflict: ${reason}`);
  }
}

/** The database could not be reached or is overloaded; the request may succeed if repeated. */
export class UnavailableError extends Error {
  readonly kind = "unavailable";
  constructor(cause: unknown) {
    super("The database is unavailable", { cause });
  }
}

const RETRYABLE_AWS_ERRORS = new Set([
  "ProvisionedThroughputExceededException",
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalServerError",
  "ServiceUnavailable",
  "TimeoutError",
]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** True when a DynamoDB call failed because the service could not answer, not because of the request. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code && NETWORK_CODES.has(code)) return true;
  if (RETRYABLE_AWS_ERRORS.has(error.name)) return true;
  return error.cause !== undefined && error.cause !== error && isUnavailable(error.cause);
}
