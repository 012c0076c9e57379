import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { configFromEnv, type Config } from "@naerhed/core/shared/config";
import { tables } from "@naerhed/core/shared/tables";
import { originCheck, sessionCheck } from "./shared/auth.ts";
import { originVerify } from "./shared/client.ts";
import { healthRoute } from "./shared/health.ts";
import { bodyTooLarge, bodyTypeCheck, handleError, handleNotFound, requestContext, type AppEnv } from "./shared/http.ts";
import { accessLog } from "./shared/log.ts";
import type { ApiModule } from "./shared/module.ts";
import { createServices, type Services } from "./shared/services.ts";

/**
 * The API of a module's Lambda function (shared/lambda.ts), on AWS as locally. Tests and
 * benchmarks that only list routes or time one module's code may build it for several modules.
 */
export function createApi(modules: readonly ApiModule[], config: Config = configFromEnv(tables), services: Services = createServices(config)) {
  const api = new Hono<AppEnv>().basePath("/api");
  api.use(requestContext);
  api.use(accessLog(modules.map((module) => module.manifest)));
  // A page the API serves itself (/api/docs, /api/hsds/profile) sets the site's own policy; everything else gets none.
  api.use(
    secureHeaders({
      crossOriginResourcePolicy: "same-origin",
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      overwrite: false,
    }),
  );
  // Through our CloudFront only, from our site only, as JSON (or an import file), not too big.
  api.use(originVerify(config.originVerifySecret));
  api.use(originCheck(config.allowedOrigins));
  api.use(bodyTypeCheck);
  api.use(bodyLimit({ maxSize: 64 * 1024, onError: bodyTooLarge }));
  api.use(sessionCheck(services));
  for (const module of modules) {
    api.route("/", healthRoute(module, services));
    api.route("/", module.routes(services));
  }
  api.onError(handleError);
  api.notFound(handleNotFound);
  return api;
}
