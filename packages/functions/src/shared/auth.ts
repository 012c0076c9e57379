import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { checkSession, SESSION_IDLE_SECONDS } from "@naerhed/core/identity/sessions";
import { decide, type AccessRule } from "@naerhed/core/shared/access";
import { ForbiddenError, UnauthenticatedError } from "@naerhed/core/shared/errors";
import { STATE_CHANGING, type AppEnv } from "./http.ts";
import type { Services } from "./services.ts";

export const SESSION_COOKIE = "naerhed_session";

const isHttps = (c: Context) => new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  c.set("sessionStarted", true);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    path: "/",
    maxAge: SESSION_IDLE_SECONDS,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c) });
}

export const sessionToken = (c: Context<AppEnv>) => getCookie(c, SESSION_COOKIE);

/** Who is asking: the session check every module runs before its routes. */
export function sessionCheck(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const check = await checkSession(services.identity.store, sessionToken(c), services.now());
    c.set("actor", check.actor);
    c.set("sessionExpired", check.actor === null && check.expired);
    await next();
    // A cookie that no longer works is removed, so the site stops sending it; unless this very
    // request signed in: then its new cookie replaces the old one, and removing would sign it out.
    if (check.actor === null && check.expired && !c.get("sessionStarted")) clearSessionCookie(c);
  };
}

/**
 * Refuses state-changing requests that a browser sent from another site (CSRF). `Origin` must be
 * one of the site's own origins, compared as a whole; nothing the request says about itself
 * (`Host`, its own URL) widens that list. `Sec-Fetch-Site` can only add a reason to refuse: any
 * client can write "same-origin". Browsers always send Origin on such requests; a request
 * without one is not from a browser, so it carries nobody's cookie by accident.
 */
export function originCheck(allowedOrigins: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    if (STATE_CHANGING.has(c.req.method)) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      if ((origin !== undefined && !allowed.has(origin)) || site === "cross-site" || site === "same-site") throw new ForbiddenError("origin_refused");
    }
    await next();
  };
}

/** The rule each route declared, found by its guard; the route × role test reads it. */
export const routeRules = new WeakMap<object, AccessRule>();

/** States who may call a route. Every route passes one of these before its handler. */
export function guard(rule: AccessRule): MiddlewareHandler<AppEnv> {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const decision = decide(rule, c.get("actor"), c.req.param() as Record<string, string>);
    if (decision === "unauthenticated") throw new UnauthenticatedError(c.get("sessionExpired") ? "session_expired" : "sign_in_required");
    if (decision === "forbidden") throw new ForbiddenError();
    await next();
  };
  routeRules.set(middleware, rule);
  return middleware;
}

/** The signed-in person; only for routes whose guard already required one. */
export function actorOf(c: Context<AppEnv>) {
  const actor = c.get("actor");
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
