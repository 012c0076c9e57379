import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { configFromEnv, type Config } from "@naerhed/core/shared/config";
import { centreInPath } from "@naerhed/core/shared/centres";
import { ConflictError, InvalidInputError } from "@naerhed/core/shared/errors";
import { tables } from "@naerhed/core/shared/tables";
import { originCheck, sessionCheck, UNSAFE_METHODS } from "./shared/auth.ts";
import { healthRoute } from "./shared/health.ts";
import { handleError, handleNotFound, requestContext, type AppEnv } from "./shared/http.ts";
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
  // A route that sets one of these itself keeps it (the logo's own policy: organisation/routes.ts).
  api.use(secureHeaders({ crossOriginResourcePolicy: "same-origin", contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] }, overwrite: false }));
  const uploads = modules.flatMap((module) => module.uploads ?? []);
  api.use(async (c, next) => {
    // 64 KB for every body, except an upload route's own larger limit with its own message.
    const upload = uploads.find((candidate) => candidate.method === c.req.method && `/api${candidate.path}` === c.req.path);
    const limit = bodyLimit({
      maxSize: upload?.maxBytes ?? 64 * 1024,
      onError: () => {
        throw new InvalidInputError([upload ? upload.tooLarge : { field: "", message: "body_too_large" }]);
      },
    });
    return limit(c, next);
  });
  api.use(originCheck(config.siteUrl));
  api.use(sessionCheck(services));
  for (const module of modules) {
    // A centre in the address must be stored (404); a closed one keeps its history readable and takes no change (409).
    for (const prefix of module.manifest.prefixes) {
      for (const path of [`/${prefix}/centres/:centre`, `/${prefix}/centres/:centre/*`]) {
        api.use(path, async (c, next) => {
          const centre = await centreInPath(services.centres, c.req.param("centre") ?? "");
          if (centre.status === "closed" && UNSAFE_METHODS.has(c.req.method)) throw new ConflictError("centre_closed", { centre: centre.id });
          await next();
        });
      }
    }
    api.route("/", healthRoute(module, services));
    api.route("/", module.routes(services));
  }
  api.onError(handleError);
  api.notFound(handleNotFound);
  return api;
}
