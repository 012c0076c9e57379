import { Hono } from "hono";
import { configFromEnv, type Config } from "@naerhed/core/shared/config";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { handleError, handleNotFound, requestContext, type AppEnv } from "./shared/http.ts";
import type { ApiModule } from "./shared/module.ts";

/**
 * The API for a set of modules. Locally one process serves every module; on AWS each
 * module's Lambda builds the app with its own module only.
 */
export function createApi(modules: readonly ApiModule[], config: Config = configFromEnv(modules.flatMap((m) => m.tables))) {
  const db = createDocumentClient(config);
  const api = new Hono<AppEnv>().basePath("/api");
  api.use(requestContext);
  for (const module of modules) api.route(`/${module.name}`, module.routes({ db, config }));
  api.onError(handleError);
  api.notFound(handleNotFound);
  return api;
}
