import { Logger } from "@aws-lambda-powertools/logger";
import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";

/**
 * Structured logs through Powertools for AWS Lambda's Logger: one JSON line each, with the
 * function's context on AWS (name, cold start, Lambda request id; see shared/lambda.ts). Level:
 * POWERTOOLS_LOG_LEVEL, INFO by default (the tests run at WARN).
 * What a line may hold: request id, module, method, the route's pattern (never the path, which
 * can carry an id or a sign-in token), status, duration, an error's name, message and stack.
 * Never a body, query, header, cookie, address, email, code or token.
 */
export const logger = new Logger({ serviceName: "naerhed" });

/** What the log reads of a request besides the request itself: the id that http.ts `requestContext` gives it. */
type RequestEnv = { Variables: { requestId: string } };

/** What every line about a request carries: its id and what it asked for, not what it sent. */
export const requestFields = <E extends RequestEnv>(c: Context<E>) => ({ request_id: c.get("requestId"), method: c.req.method, route: routePath(c) });

/** An error as a log field: what it is and where, no request data. */
export const errorFields = (error: unknown) => {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  return { name, message, stack };
};

/** One line per request when it is answered: the module it is for, its route, status and duration. */
export function accessLog(modules: readonly { name: string; prefixes: readonly string[] }[]): MiddlewareHandler<RequestEnv> {
  const moduleOf = (path: string) => {
    const segment = path.split("/")[2];
    return modules.find((module) => module.prefixes.includes(segment ?? ""))?.name;
  };
  return async (c, next) => {
    const started = performance.now();
    await next();
    const fields = { ...requestFields(c), module: moduleOf(c.req.path) ?? "none", status: c.res.status, duration_ms: Math.round(performance.now() - started) };
    logger.info("request", fields);
  };
}
