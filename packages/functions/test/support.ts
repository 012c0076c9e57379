import { randomUUID } from "node:crypto";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Grant, Person } from "@naerhed/core/identity/person";
import type { Config } from "@naerhed/core/shared/config";
import type { Mailer } from "@naerhed/core/shared/mailer";
import type { SmsSender } from "@naerhed/core/shared/sms";
import { startSession } from "@naerhed/core/identity/sessions";
import { createGateway } from "../../local/src/gateway.ts";
import { startLocalModules } from "../../local/src/lambda-runner.ts";
import { freshTables } from "../../local/test/tables.ts";
import { createOrganisationStore } from "@naerhed/core/organisation/store";
import { organisationTable } from "@naerhed/core/shared/tables";
import { demoCentres } from "../../local/src/demo/organisation.ts";
import { SESSION_COOKIE } from "../src/shared/auth.ts";
import { createServices } from "../src/shared/services.ts";

/** The demo's centres (nord, midt, syd), as an administrator would have made them. */
export async function saveDemoCentres(db: DynamoDBDocumentClient, config: Config) {
  const organisation = createOrganisationStore(db, config.tableNames[organisationTable.id]!);
  await Promise.all(demoCentres.map((centre) => organisation.saveCentre(centre, 0, undefined)));
}

/**
 * The whole API on fresh tables, as deployed: every request goes through API Gateway's event to
 * its module's own Lambda handler (local/src/gateway.ts, lambda-runner.ts), each module with its
 * own environment and a client that refuses what its manifest does not grant. Events go through
 * the in-process bus, delivered twice each (at least once), and `api.request` returns when the
 * bus is idle, so a test sees what the events did; `bus.hold()` looks at the state in between.
 * A request comes from 127.0.0.1 unless the test says `t.api.request(path, init, { clientAddress })`.
 *
 * `services` are the test's own, outside every module (no guard): to seed and read tables.
 * `mailer` puts a mail service of the test's own in front of the outbox (one that fails or hangs);
 * `sms` does the same for text messages (one that refuses a number, as SNS does).
 */
export async function testApi({ centres = true, mailer, sms }: { centres?: boolean; mailer?: (outbox: Mailer) => Mailer; sms?: (outbox: SmsSender) => SmsSender } = {}) {
  const { config, db } = await freshTables();
  // The demo's centres (nord, midt, syd), as an administrator would have made them; `centres: false` starts with none.
  if (centres) await saveDemoCentres(db, config);
  const clock = { now: new Date("2026-11-23T10:00:00.000Z") };
  const now = () => new Date(clock.now);
  const services = createServices(config, { now });
  /** Each module's own DynamoDB client (guarded), by module name. */
  const moduleClients = new Map<string, DynamoDBDocumentClient>();
  const modules = await startLocalModules({
    config,
    now,
    bus: { duplicate: true },
    mailer,
    sms,
    onServices: (name, built) => moduleClients.set(name, built.db),
  });
  const api = createGateway(modules);
  const request = api.request.bind(api);
  api.request = (async (...args: Parameters<typeof request>) => {
    const response = await request(...args);
    await modules.bus.idle();
    return response;
  }) as typeof api.request;
  const advance = (seconds: number) => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000);
  };

  /** A new person with these grants and a cookie header that signs them in. */
  async function personWith(grants: Grant[], name = "Test Person") {
    const person: Person & { email: string } = {
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

  /** Runs a module's scheduled job as its EventBridge schedule would, through the module's handler. */
  const runJob = async (module: string, job: string) => {
    await modules.runJob(module, job);
    await modules.bus.idle();
  };

  return { api, services, db, config, clock, advance, personWith, bus: modules.bus, runJob, moduleClients };
}

export const json = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

export const cookieFrom = (response: Response) => /naerhed_session=([^;]*)/.exec(response.headers.get("set-cookie") ?? "")?.[1];
