import { randomUUID as uuidv7 } from "node:crypto";
import type { Grant, Person } from "@naerhed/core/identity/person";
import { startSession } from "@naerhed/core/identity/sessions";
import type { Config } from "@naerhed/core/shared/config";
import { createApi } from "../src/app.ts";
import { modules } from "../src/modules.ts";
import { SESSION_COOKIE } from "../src/shared/auth.ts";
import { createServices } from "../src/shared/services.ts";
import { throughLocalCloudFront } from "../../local/src/cloudfront.ts";
import { freshTables } from "../../local/test/tables.ts";

/** An API as a client reaches it: behind the local CloudFront stand-in (see testApi). */
export const behindCloudFront = (api: { fetch: (request: Request) => Response | Promise<Response> }, config: Config) =>
  throughLocalCloudFront((request) => api.fetch(request), config.originVerifySecret);

/**
 * The whole API on fresh tables, with a clock the test can move. `api` is what a client reaches:
 * the API behind the local CloudFront stand-in, as `npm start` serves it (`api.request(path, init,
 * { clientAddress })` comes from that address, else 127.0.0.1); `origin` is the API itself, for listing its routes.
 */
export async function testApi() {
  const { config, db } = await freshTables();
  const clock = { now: new Date("2026-11-23T10:00:00.000Z") };
  const services = createServices(config, () => new Date(clock.now));
  const origin = createApi(modules, config, services);
  const api = behindCloudFront(origin, config);
  const advance = (seconds: number) => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000);
  };

  /** A new person with these grants and a cookie header that signs them in. */
  async function personWith(grants: Grant[], name = "Test Person") {
    const person: Person = {
      id: uuidv7(),
      email: `${uuidv7()}@example.dk`,
      display_name: name,
      language: "da",
      grants,
      created_at: clock.now.toISOString(),
    };
    await services.identity.store.createPerson(person);
    const token = await startSession(services.identity, person);
    return { person, token, cookie: `${SESSION_COOKIE}=${token}` };
  }

  return { api, origin, services, db, config, clock, advance, personWith };
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export const cookieFrom = (response: Response) => /naerhed_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
