/**
 * Publishing a consultation to 10,000 panel members: `npm run bench:publish` (not part of `npm test`;
 * `packages/functions/test/panel-sending.test.ts` runs the same with 250 members in three parts).
 *
 * Starts DynamoDB Local in memory and every module as its own Lambda handler through the local
 * runner, with the deployed 10-second timeout, as `npm start` and the tests do. Seeds the members
 * (25 to a batch; every fifth wants no mail), publishes one consultation to all of them through API
 * Gateway's event, as staff's page does, and waits until the invitations are out. Then the same
 * again with faults: the mail service throws once half-way, and later hangs once past the
 * function's timeout; the bus tries the first part again, and the resume-jobs schedule sends on the
 * one that was stopped. Prints the publish answer's time, the parts (how many, how long against the
 * 10 s), the whole run, and checks that every member was invited once and mailed once.
 * BENCH_PUBLISH_MEMBERS=n changes the number of members.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchWriteCommand, GetCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Person } from "@naerhed/core/identity/person";
import { startSession } from "@naerhed/core/identity/sessions";
import type { Member } from "@naerhed/core/panel/consultation";
import type { StaffProgress } from "@naerhed/core/panel/consultations";
import type { ShownCount } from "@naerhed/core/panel/results";
import { createPanelStore, memberItem } from "@naerhed/core/panel/store";
import { queryAll } from "@naerhed/core/shared/dynamo";
import type { Mail, Mailer } from "@naerhed/core/shared/mailer";
import { STALLED_AFTER_MS } from "@naerhed/core/shared/resumable-jobs";
import { identityTable, panelTable, tables } from "@naerhed/core/shared/tables";
import { SESSION_COOKIE } from "../packages/functions/src/shared/auth.ts";
import { createServices } from "../packages/functions/src/shared/services.ts";
import { createMissingTables } from "../packages/local/src/bootstrap.ts";
import { localConfig } from "../packages/local/src/config.ts";
import { startDynamoLocal } from "../packages/local/src/dynamo-local.ts";
import { createGateway } from "../packages/local/src/gateway.ts";
import { LAMBDA_TIMEOUT_MS, startLocalModules } from "../packages/local/src/lambda-runner.ts";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
process.env.POWERTOOLS_LOG_LEVEL ??= "ERROR";

const MEMBERS = Number(process.env.BENCH_PUBLISH_MEMBERS) || 10_000;
// The staff route shows counts under 5 as "<5" (the panel's rule of 5), printed as they come.
const number = (n: ShownCount | null) => (typeof n === "number" ? n.toLocaleString("en-GB") : String(n));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

type Fault = { at: number; kind: "throw" | "hang" };

/** The outbox behind a mail service that throws or hangs once at the given mails. */
function mailService(faults: Fault[]) {
  let count = 0;
  return (outbox: Mailer): Mailer => ({
    async send(mail: Mail) {
      count += 1;
      const fault = faults.find((f) => f.at === count);
      if (fault?.kind === "throw") throw Object.assign(new Error("Maximum sending rate exceeded."), { name: "TooManyRequestsException" });
      if (fault?.kind === "hang") return new Promise<void>(() => undefined); // never answers; the mail never went
      await outbox.send(mail);
    },
  });
}

async function seed(db: DynamoDBDocumentClient, table: string): Promise<Member[]> {
  const members: Member[] = Array.from({ length: MEMBERS }, (_, i) => ({
    person_id: randomUUID(),
    joined_at: "2026-11-01T10:00:00.000Z",
    consent_version: "2026-11",
    profile: { area: (["nord", "midt", "syd"] as const)[i % 3] },
    contact: i % 5 === 4 ? "site" : "email",
    ...(i % 5 === 4 ? {} : { email: `member-${i}@example.dk` }),
    language: i % 4 ? "da" : "en",
  }));
  const batches = Array.from({ length: Math.ceil(members.length / 25) }, (_, i) => members.slice(i * 25, i * 25 + 25));
  const write = async (batch: Member[]) => {
    let requests: Record<string, unknown>[] = batch.map((member) => ({ PutRequest: { Item: memberItem(member) } }));
    while (requests.length > 0) {
      const { UnprocessedItems } = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests as never } }));
      requests = (UnprocessedItems?.[table] ?? []) as Record<string, unknown>[];
    }
  };
  for (let i = 0; i < batches.length; i += 8) await Promise.all(batches.slice(i, i + 8).map(write));
  return members;
}

async function run(endpoint: string, label: string, faults: Fault[]): Promise<boolean> {
  const config = localConfig(endpoint, `benchpublish${label.replace(/\W/g, "")}-`);
  const client = new DynamoDBClient({ endpoint, region: config.region, credentials: { accessKeyId: "local", secretAccessKey: "local" } });
  await createMissingTables(client, tables, config.tableNames);
  client.destroy();
  // The schedule's clock: moved on when a stopped part's lease must run out.
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const parts: { ms: number; failed: boolean }[] = [];
  const modules = await startLocalModules({
    config,
    now,
    mailer: mailService(faults),
    onInvoked: ({ event, ms, failed }) => {
      if ((event as { "detail-type"?: string })["detail-type"] === "panel.job-part") parts.push({ ms, failed });
    },
  });
  const gateway = createGateway(modules);
  const services = createServices(config, { now });
  const panelTableName = config.tableNames[panelTable.id]!;

  let started = performance.now();
  const members = await seed(services.db, panelTableName);
  console.log(`${label}: seeded ${number(MEMBERS)} members in ${Math.ceil(MEMBERS / 25)} batches of 25, ${seconds(performance.now() - started)}`);

  const staff: Person = { id: randomUUID(), email: "staff@example.dk", display_name: "Bench", language: "da", grants: [{ role: "staff", centre_id: "nord" }], created_at: now().toISOString() };
  await services.identity.store.createPerson(staff);
  const headers = { "content-type": "application/json", origin: config.siteUrl, cookie: `${SESSION_COOKIE}=${await startSession(services.identity, staff)}` };
  const api = (method: string, path: string, body?: unknown) => gateway.request(`/api/panel/centres/nord/consultations${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const opens = now();
  const created = await api("POST", "", {
    title: "Hvad synes du om centret?",
    intro: "Vi vil gerne høre din mening.",
    opens_at: opens.toISOString(),
    closes_at: new Date(opens.getTime() + 14 * 86_400_000).toISOString(),
    target: { kind: "all" },
    questions: [{ type: "yes_no", text: "Er åbningstiderne gode?" }],
  });
  const { consultation } = (await created.json()) as { consultation: { id: string } };

  started = performance.now();
  const published = await api("POST", `/${consultation.id}/publish`);
  const answeredMs = performance.now() - started;
  const answer = (await published.json()) as { sending: StaffProgress };
  console.log(`${label}: publish answered ${published.status} in ${Math.round(answeredMs)} ms (Lambda limit ${LAMBDA_TIMEOUT_MS / 1000} s): "being sent", ${number(answer.sending.done)} of ${number(answer.sending.total)}`);

  // What staff's page shows meanwhile.
  let watching = true;
  const watch = (async () => {
    while (watching) {
      await sleep(10_000);
      if (!watching) break;
      const { sending } = (await (await api("GET", `/${consultation.id}/sending`)).json()) as { sending: StaffProgress };
      console.log(`${label}: after ${seconds(performance.now() - started)}: sent to ${number(sending.done)} of ${number(sending.total)}`);
    }
  })();
  await modules.bus.idle();
  const job = async () =>
    (await services.db.send(new GetCommand({ TableName: panelTableName, Key: { pk: `JOB#invite:${consultation.id}`, sk: "JOB" } }))).Item as { state: string; part: number };
  let resumed = 0;
  while ((await job()).state === "running" && resumed < 3) {
    // A part was stopped at its timeout and holds its lease: the schedule sends it on once the job has stood still.
    offset += STALLED_AFTER_MS + 60_000;
    await modules.runJob("panel", "resume-jobs");
    await modules.bus.idle();
    resumed += 1;
  }
  watching = false;
  const totalMs = performance.now() - started;
  await watch;

  const invited = (await createPanelStore(services.db, panelTableName).invitationsOf(consultation.id)).map((i) => i.person_id);
  const mails = await queryAll(services.db, {
    TableName: config.tableNames[identityTable.id]!,
    KeyConditionExpression: "pk = :outbox",
    ExpressionAttributeValues: { ":outbox": "OUTBOX" },
  });
  const invitedSet = new Set(invited);
  const mailCounts = new Map<string, number>();
  for (const mail of mails) mailCounts.set(String(mail.to), (mailCounts.get(String(mail.to)) ?? 0) + 1);
  const wanted = members.filter((m) => m.contact === "email").map((m) => m.email!);
  const checks = {
    invitedTwice: invited.length - invitedSet.size,
    notInvited: members.filter((m) => !invitedSet.has(m.person_id)).length,
    mailedTwice: [...mailCounts.values()].filter((n) => n > 1).length,
    notMailed: wanted.filter((to) => !mailCounts.has(to)).length,
  };
  const times = parts.map((p) => p.ms);
  const finalJob = await job();
  console.log(
    `${label}: ${parts.length} part invocations (${(finalJob.part ?? 0) + 1} parts; the rest were retries and resumes), each p50 ${seconds(percentile(times, 50))}, ` +
      `p95 ${seconds(percentile(times, 95))}, max ${seconds(Math.max(...times))}; ${parts.filter((p) => p.failed).length} failed or timed out; resumed by the schedule ${resumed} time(s)`,
  );
  console.log(
    `${label}: all done in ${seconds(totalMs)}: ${number(invited.length)} invitations (${checks.invitedTwice} twice, ${checks.notInvited} missing), ` +
      `${number(mails.length)} mails for ${number(wanted.length)} members who want mail (${checks.mailedTwice} twice, ${checks.notMailed} missing), ` +
      `${Math.round(mails.length / (totalMs / 1000))} mails/s`,
  );
  services.db.destroy();
  return finalJob.state === "done" && Object.values(checks).every((n) => n === 0) && invited.length === MEMBERS && mails.length === wanted.length;
}

const dynamo = await startDynamoLocal({ dataDir: null });
let ok = false;
try {
  const clean = await run(dynamo.endpoint, "clean", []);
  const wantMail = Math.floor(MEMBERS * 0.8);
  const faulty = await run(dynamo.endpoint, "faults", [
    { at: Math.floor(wantMail / 2), kind: "throw" },
    { at: Math.floor((wantMail * 3) / 4), kind: "hang" },
  ]);
  ok = clean && faulty;
} finally {
  await dynamo.stop();
}
console.log(ok ? "every member invited once and mailed once, in both runs" : "CHECK FAILED");
process.exit(ok ? 0 : 1);
