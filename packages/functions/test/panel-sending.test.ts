import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { BatchWriteCommand, GetCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Member } from "@naerhed/core/panel/consultation";
import { createPanelStore, memberItem } from "@naerhed/core/panel/store";
import { queryAll } from "@naerhed/core/shared/dynamo";
import type { Mail, Mailer } from "@naerhed/core/shared/mailer";
import { PART_SIZE, STALLED_AFTER_MS } from "@naerhed/core/shared/resumable-jobs";
import { identityTable, panelTable } from "@naerhed/core/shared/tables";
import { json, testApi } from "./support.ts";

/**
 * Publishing a consultation to many members, through each module's Lambda handler with the
 * deployed 10-second timeout: the request answers at once with "being sent", the invitations go
 * out in parts (every event delivered twice by the test bus), and a part that fails or is stopped
 * half-way is resumed without inviting or mailing anyone twice and without leaving anyone out.
 * The 10,000-member run is `npm run bench:publish` (bench/publish.ts).
 */

const MEMBERS = 2 * PART_SIZE + 50;
const ORIGIN = { origin: "http://localhost:3000" };

type Api = Awaited<ReturnType<typeof testApi>>;

/** Members straight into the panel's table, 25 to a batch; every fifth wants no mail. */
async function seedMembers(t: Api, count: number): Promise<Member[]> {
  const members: Member[] = Array.from({ length: count }, (_, i) => ({
    person_id: randomUUID(),
    joined_at: "2026-11-01T10:00:00.000Z",
    consent_version: "2026-11",
    profile: { area: "nord" },
    contact: i % 5 === 4 ? "site" : "email",
    ...(i % 5 === 4 ? {} : { email: `member-${i}@example.dk` }),
    language: i % 2 ? "en" : "da",
  }));
  const table = t.config.tableNames[panelTable.id]!;
  const batches = Array.from({ length: Math.ceil(count / 25) }, (_, i) => members.slice(i * 25, i * 25 + 25));
  for (const batch of batches) {
    await t.db.send(new BatchWriteCommand({ RequestItems: { [table]: batch.map((member) => ({ PutRequest: { Item: memberItem(member) } })) } }));
  }
  return members;
}

async function call(t: Api, method: string, path: string, cookie: string, body?: unknown) {
  return t.api.request(path, { method, ...json(body ?? {}, { ...ORIGIN, cookie }), ...(method === "GET" ? { body: undefined } : {}) });
}

async function draft(t: Api, cookie: string): Promise<string> {
  const created = await call(t, "POST", "/api/panel/centres/nord/consultations", cookie, {
    title: "Hvad synes du om centret?",
    intro: "Vi vil gerne høre din mening.",
    opens_at: "2026-11-23T09:00:00.000Z",
    closes_at: "2026-11-30T09:00:00.000Z",
    target: { kind: "all" },
    questions: [{ type: "yes_no", text: "Er åbningstiderne gode?" }],
  });
  expect(created.status).toBe(201);
  return ((await created.json()) as { consultation: { id: string } }).consultation.id;
}

/** Every mail in the outbox, by address. */
async function mailsByAddress(t: Api, subjectStart: string): Promise<Map<string, number>> {
  const items = await queryAll(t.db, {
    TableName: t.config.tableNames[identityTable.id]!,
    KeyConditionExpression: "pk = :outbox",
    ExpressionAttributeValues: { ":outbox": "OUTBOX" },
  });
  const counts = new Map<string, number>();
  for (const mail of items) {
    const subject = String(mail.subject);
    if (subject.startsWith(subjectStart)) counts.set(String(mail.to), (counts.get(String(mail.to)) ?? 0) + 1);
  }
  return counts;
}

/** Exactly one invitation and, for those who want mail, exactly one mail each: nobody twice, nobody left out. */
async function expectEachOnce(t: Api, id: string, members: Member[]) {
  const invited = (await createPanelStore(t.db, t.config.tableNames[panelTable.id]!).invitationsOf(id)).map((i) => i.person_id);
  expect(invited.length).toBe(members.length);
  expect(new Set(invited)).toEqual(new Set(members.map((m) => m.person_id)));
  const mails = await mailsByAddress(t, "");
  const wanted = members.filter((m) => m.contact === "email").map((m) => m.email!);
  expect([...mails.keys()].sort()).toEqual(wanted.sort());
  expect([...mails.values()].filter((n) => n !== 1)).toEqual([]);
}

/** The job item of a consultation's invitations, or of another job by its full id. */
const job = async (t: Api, id: string) =>
  (await t.db.send(new GetCommand({ TableName: t.config.tableNames[panelTable.id]!, Key: { pk: `JOB#${id.includes(":") ? id : `invite:${id}`}`, sk: "JOB" } }))).Item as
    | { state: string; part: number; done: number; total: number | null; lease?: string }
    | undefined;

/**
 * A mail service that fails, or hangs, at the n-th mail it watches (once), and otherwise hands
 * mails to the outbox. `tries()` counts the watched mails it was given, the failed one too.
 */
function faultyMailer(fault: "throw" | "hang", nth: number, watches: (mail: Mail) => boolean = () => true) {
  let tries = 0;
  let released: () => void = () => undefined;
  const hangOver = new Promise<void>((resolve) => (released = resolve));
  const wrap = (outbox: Mailer): Mailer => ({
    async send(mail: Mail) {
      if (watches(mail) && ++tries === nth) {
        if (fault === "throw") throw Object.assign(new Error("Maximum sending rate exceeded."), { name: "TooManyRequestsException" });
        // Like a mail service that does not answer until the function's time is up; the mail never went.
        await sleep(11_000);
        released();
        return;
      }
      await outbox.send(mail);
    },
  });
  return { wrap, tries: () => tries, hangOver };
}

afterEach(() => vi.restoreAllMocks());

describe("publishing to many members", () => {
  it(`answers at once with "being sent", then invites ${MEMBERS} members in several parts, each exactly once`, async () => {
    const t = await testApi();
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const members = await seedMembers(t, MEMBERS);
    const id = await draft(t, staff.cookie);

    t.bus.hold();
    const publish = await call(t, "POST", `/api/panel/centres/nord/consultations/${id}/publish`, staff.cookie);
    expect(publish.status).toBe(202);
    expect(await publish.json()).toMatchObject({ consultation: { status: "published", invited_count: MEMBERS }, sending: { state: "running", done: "<5", total: MEMBERS } });
    const progress = async () => (await (await call(t, "GET", `/api/panel/centres/nord/consultations/${id}/sending`, staff.cookie)).json()) as { sending: unknown };
    expect(await progress()).toEqual({ sending: { state: "running", done: "<5", total: MEMBERS } });
    // The panel's rule of 5 holds for the progress too: "sent to 3" would name a small group's size.
    const setDone = (done: number) =>
      t.db.send(new UpdateCommand({ TableName: t.config.tableNames[panelTable.id]!, Key: { pk: `JOB#invite:${id}`, sk: "JOB" }, UpdateExpression: "SET #done = :done", ExpressionAttributeNames: { "#done": "done" }, ExpressionAttributeValues: { ":done": done } }));
    await setDone(3);
    expect(await progress()).toEqual({ sending: { state: "running", done: "<5", total: MEMBERS } });
    await setDone(5);
    expect(await progress()).toEqual({ sending: { state: "running", done: 5, total: MEMBERS } });
    await setDone(0);

    t.bus.release();
    await t.bus.idle();
    expect(await progress()).toEqual({ sending: { state: "done", done: MEMBERS, total: MEMBERS } });
    await expectEachOnce(t, id, members);
    // Parts 0, 1 and 2 at least (a busy machine may cut a part short); nothing left for the bus's dead letters.
    expect((await job(t, id))!.part).toBeGreaterThanOrEqual(2);
    expect(t.bus.deadLetters).toEqual([]);
    // Staff of another centre see nothing of it.
    const other = await t.personWith([{ role: "staff", centre_id: "syd" }]);
    expect((await call(t, "GET", `/api/panel/centres/syd/consultations/${id}/sending`, other.cookie)).status).toBe(404);
  });

  it("goes on where it stopped when a part fails half-way (the mail service throws): nobody is mailed twice or left out", async () => {
    const mailer = faultyMailer("throw", PART_SIZE + 50);
    const t = await testApi({ mailer: mailer.wrap });
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const members = await seedMembers(t, MEMBERS);
    const id = await draft(t, staff.cookie);

    expect((await call(t, "POST", `/api/panel/centres/nord/consultations/${id}/publish`, staff.cookie)).status).toBe(202);
    // The bus tried the failed part again, and it went on from the last mail it had written down.
    expect(mailer.tries()).toBe(members.filter((m) => m.contact === "email").length + 1);
    expect(await job(t, id)).toMatchObject({ state: "done", done: MEMBERS });
    await expectEachOnce(t, id, members);
  });

  it("resumes a part that ran past the function's 10 seconds: Lambda stopped it, and the resume-jobs schedule sends it on", async () => {
    const mailer = faultyMailer("hang", PART_SIZE + 20);
    const t = await testApi({ mailer: mailer.wrap });
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const members = await seedMembers(t, MEMBERS);
    const id = await draft(t, staff.cookie);
    vi.spyOn(console, "error").mockImplementation(() => undefined);

    expect((await call(t, "POST", `/api/panel/centres/nord/consultations/${id}/publish`, staff.cookie)).status).toBe(202);
    // The second part timed out at its 120th member; the bus's retries found it still held (its lease).
    const stopped = await job(t, id);
    expect(stopped).toMatchObject({ state: "running", part: 1 });
    const mailedBefore = [...(await mailsByAddress(t, "")).values()].length;

    // The stopped part wakes up after its timeout: whatever it tries now is refused, as on AWS nothing would run.
    await mailer.hangOver;
    await sleep(200);
    expect(await job(t, id)).toEqual(stopped);
    expect([...(await mailsByAddress(t, "")).values()].length).toBe(mailedBefore);

    t.advance(STALLED_AFTER_MS / 1000 + 60);
    await t.runJob("panel", "resume-jobs");
    expect(await job(t, id)).toMatchObject({ state: "done", done: MEMBERS });
    await expectEachOnce(t, id, members);
  });

  it("skips a mail the mail service refuses for good, says so in the log without the address, and goes on", async () => {
    let refused = "";
    const t = await testApi({
      mailer: (outbox) => ({
        async send(mail) {
          if (mail.to === refused) throw Object.assign(new Error("Email address is not verified."), { name: "MessageRejected" });
          await outbox.send(mail);
        },
      }),
    });
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const members = await seedMembers(t, PART_SIZE + 10);
    const bad = members.find((m) => m.contact === "email")!;
    refused = bad.email!;
    const id = await draft(t, staff.cookie);
    const warnings: string[] = [];
    vi.spyOn(console, "warn").mockImplementation((line: string) => void warnings.push(line));

    expect((await call(t, "POST", `/api/panel/centres/nord/consultations/${id}/publish`, staff.cookie)).status).toBe(202);
    expect(await job(t, id)).toMatchObject({ state: "done", done: members.length });
    const mails = await mailsByAddress(t, "");
    expect(mails.has(bad.email!)).toBe(false);
    expect(mails.size).toBe(members.filter((m) => m.contact === "email").length - 1);
    const refusals = warnings.filter((line) => line.includes("mail_refused"));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toContain(bad.person_id);
    expect(refusals[0]).not.toContain(bad.email!);
  });

  it("sends the reminder in parts too, once to each member who wants mail and has not answered, through a failure", async () => {
    const isReminder = (mail: Mail) => /^(Husk|Reminder):/.test(mail.subject);
    const mailer = faultyMailer("throw", PART_SIZE - 10, isReminder);
    const t = await testApi({ mailer: mailer.wrap });
    const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const members = await seedMembers(t, MEMBERS);
    const id = await draft(t, staff.cookie);
    expect((await call(t, "POST", `/api/panel/centres/nord/consultations/${id}/publish`, staff.cookie)).status).toBe(202);
    const store = createPanelStore(t.db, t.config.tableNames[panelTable.id]!);
    const answered = new Set(members.filter((_, i) => i % 3 === 0).map((m) => m.person_id));
    for (const person of answered) expect(await store.submit(id, person, { answers: { q1: "yes" } }, t.clock.now.toISOString())).toBe("stored");

    t.advance(6 * 24 * 3600); // one day before closing
    await t.runJob("panel", "panel-reminders");
    await t.runJob("panel", "panel-reminders");
    const wanted = members.filter((m) => m.contact === "email" && !answered.has(m.person_id)).map((m) => m.email!);
    expect(mailer.tries()).toBe(wanted.length + 1);
    const reminders = new Map([...(await mailsByAddress(t, "Husk:")), ...(await mailsByAddress(t, "Reminder:"))]);
    expect([...reminders.keys()].sort()).toEqual(wanted.sort());
    expect([...reminders.values()].filter((n) => n !== 1)).toEqual([]);
    expect(await job(t, `remind:${id}`)).toMatchObject({ state: "done" });
  });
});
