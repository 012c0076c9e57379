import type { Hono } from "hono";
import type { Grant } from "@naerhed/core/identity/person";
import type { AccessRule } from "@naerhed/core/shared/access";
import { manifests } from "@naerhed/core/manifests";
import { routeRules } from "../src/shared/auth.ts";
import type { ApiModule } from "../src/shared/module.ts";

/** The kinds of person every route is called by (access matrix, fuzz test); null is nobody signed in. */
export const personas: Record<string, Grant[] | null> = {
  anonymous: null,
  citizen: [{ role: "citizen" }],
  council_member: [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }],
  mentor: [{ role: "mentor", centre_id: "nord" }],
  staff_nord: [{ role: "staff", centre_id: "nord" }],
  staff_syd: [{ role: "staff", centre_id: "syd" }],
  admin: [{ role: "admin" }],
};

export type Route = { method: string; path: string; rule: AccessRule | undefined };

/** Every registered route of the app, once per method and path, with the rule its guard declared. */
export function listRoutes(api: Hono<any, any, any>): Route[] {
  const byRoute = new Map<string, Route>();
  for (const route of api.routes) {
    if (route.method === "ALL") continue; // middleware for every route, not a route
    const key = `${route.method} ${route.path}`;
    const entry = byRoute.get(key) ?? { method: route.method, path: route.path, rule: undefined };
    entry.rule ??= routeRules.get(route.handler);
    byRoute.set(key, entry);
  }
  return [...byRoute.values()];
}

/** Every module's code (packages/functions/src/<name>/routes.ts exports `<name>Module`), for tests that list or build routes. */
export async function apiModules(): Promise<ApiModule[]> {
  return Promise.all(
    manifests.map(async ({ name }) => ((await import(`../src/${name}/routes.ts`)) as Record<string, ApiModule>)[`${name}Module`]!),
  );
}
