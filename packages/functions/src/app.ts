import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { configFromEnv, type Config } from "@naerhed/core/shared/config";
import { centreInPath } from "@naerhed/core/shared/centres";
import { ConflictError, InvalidInputError } from "@naerhed/core/shared/errors";
import { tables } from "@naerhed/core/shared/tables";
import { originCheck, sessionCheck } from "./shared/auth.ts";
import { originVerify } from "./shared/client.ts";
import { healthRoute } from "./shared/health.ts";
import { bodyTooLarge, bodyTypeCheck, handleError, handleNotFound, requestContext, STATE_CHANGING, type AppEnv } from "./shared/http.ts";
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
  // A page the API serves itself (/api/docs, /api/hsds/profile) sets the site's own policy, and the logo its own (organisation/routes.ts); everything else gets none.
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
  const uploads = modules.flatMap((module) => module.uploads ?? []);
  api.use(async (c, next) => {
    // 64 KB for every body (413), except an upload route's own larger limit, refused at its field.
    const upload = uploads.find((candidate) => candidate.method === c.req.method && `/api${candidate.path}` === c.req.path);
    const limit = upload
      ? bodyLimit({
          maxSize: upload.maxBytes,
          onError: () => {
            throw new InvalidInputError([upload.tooLarge]);
          },
        })
      : bodyLimit({ maxSize: 64 * 1024, onError: bodyTooLarge });
    return limit(c, next);
  });
  api.use(sessionCheck(services));
  for (const module of modules) {
    // A centre in the address must be stored (404); a closed one keeps its history readable and takes no change (409).
    for (const prefix of module.manifest.prefixes) {
      for (const path of [`/${prefix}/centres/:centre`, `/${prefix}/centres/:centre/*`]) {
        api.use(path, async (c, next) => {
          const centre = await centreInPath(services.centres, c.req.param("centre") ?? "");
          if (centre.status === "closed" && STATE_CHANGING.has(c.req.method)) throw new ConflictError("centre_closed", { centre: centre.id });
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
