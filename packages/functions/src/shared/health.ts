import { Hono } from "hono";
import { access } from "@naerhed/core/shared/access";
import { probeTable } from "@naerhed/core/shared/dynamo";
import { guard } from "./auth.ts";
import type { AppEnv } from "./http.ts";
import type { ApiModule } from "./module.ts";
import type { Services } from "./services.ts";

/**
 * `GET /api/<module's first prefix>/health` (e.g. /api/council/health): 200 when the module's
 * function can read each of its own tables, 503 "try again" when it cannot. One route per
 * module, under its own prefix, because on AWS each module is its own Lambda behind its own
 * routes: a single /api/health would reach one module and say nothing about the others.
 */
export function healthRoute(module: Pick<ApiModule, "manifest">, services: Services) {
  const { name, prefixes } = module.manifest;
  // Its own tables: those it may read whole (the session and audit grants are narrowed to some keys or to writes).
  const own = module.manifest.tables.filter((grant) => grant.actions.includes("dynamodb:GetItem") && !grant.leadingKeys).map((grant) => grant.table);
  return new Hono<AppEnv>().get(`/${prefixes[0]}/health`, guard(access.public), async (c) => {
    await Promise.all(own.map((spec) => probeTable(services.db, services.config.tableNames[spec.id]!, spec)));
    c.header("cache-control", "no-store");
    return c.json({ status: "ok", module: name });
  });
}
