import { randomUUID } from "node:crypto";
import type { Grant, Person } from "@naerhed/core/identity/person";
import { startSession } from "@naerhed/core/identity/sessions";
import { createApi } from "../src/app.ts";
import { modules } from "../src/modules.ts";
import { SESSION_COOKIE } from "../src/shared/auth.ts";
import { createServices } from "../src/shared/services.ts";
import { freshTables } from "../../local/test/tables.ts";

/** The whole API on fresh tables, with a clock the test can move. */
export async function testApi() {
  const { config, db } = await freshTables();
  const clock = { now: new Date("2026-11-23T10:00:00.000Z") };
  const services = createServices(config, () => new Date(clock.now));
  const api = createApi(modules, config, services);
  const advance = (seconds: number) => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000);
  };

  /** A new person with these grants and a cookie header that signs them in. */
  async function personWith(grants: Grant[], name = "Test Person") {
    const person: Person = {
      id: randomUUID(),
      email: `${randomUUID()}@example.dk`,
      display_name: name,
      language: "da",
      grants,
      created_at: clock.now.toISOString(),
    };
    await services.identity.store.createPerson(person);
    const token = await startSession(services.identity, person);
    return { person, token, cookie: `${SESSION_COOKIE}=${token}` };
  }

  return { api, services, db, config, clock, advance, personWith };
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export const cookieFrom = (response: Response) => /naerhed_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
