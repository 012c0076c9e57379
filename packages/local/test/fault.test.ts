import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { QueryCommand, type DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Choice } from "@naerhed/core/council/council";
import { demoPeople } from "@naerhed/local/demo/people";
import type { Person } from "@naerhed/core/identity/person";
import { startSession } from "@naerhed/core/identity/sessions";
import { createIdentityStore } from "@naerhed/core/identity/store";
import { createDocumentClient } from "@naerhed/core/shared/dynamo";
import { councilTable, identityTable, panelTable } from "@naerhed/core/shared/tables";
import { SESSION_COOKIE } from "@naerhed/functions/shared/auth";
import { functionDefaults } from "../../../stacks/function-defaults.ts";
import { startDynamoLocal, type DynamoLocal } from "../src/dynamo-local.ts";
import { startPlatform, type Platform } from "../src/server.ts";

/**
 * DynamoDB fails twice while the server takes a stream of reads and writes from many people:
 * first it stops (connections refused), stays down and starts again on the same port and data;
 * then it hangs (SIGSTOP: connections are accepted, nothing answers) and goes on (SIGCONT).
 * Answers during each outage are a plain 503 "try again" (during the hang within a module
 * Lambda's timeout, not when DynamoDB comes back), no change is left half-written, and the same
 * server (no restart) serves again. One platform with DynamoDB Local on disk for the whole file.
 *
 * The multi-item changes in the stream, each one DynamoDB transaction:
 * - council: a member casts or changes a secret ballot (ballot + receipt + the vote's tally);
 * - panel: a member answers a consultation (answer + "has answered" marker + answer count);
 * - directory: staff take an offer down or put it up again (offer + its audit log line).
 */

const VOTERS = 12;
/** Enough that members are still answering when DynamoDB hangs, after the stop and start. */
const PANEL_MEMBERS = 48;
const PANEL_SENDERS = 2;
/**
 * Offers staff change at once. Enough that the stop catches some change between its writes:
 * when the audit line was a write of its own after the offer's, two offers never showed the
 * missing line (0 of 3 runs) and eight always did (4 of 4).
 */
const CURATED_OFFERS = 8;
const CHOICES: Choice[] = ["for", "against", "abstain"];
const UNAVAILABLE = "Vi kan ikke hente data lige nu. Prøv igen om et øjeblik.";
const staff = demoPeople.find((person) => person.email === "personale@example.dk")!;
const chair = demoPeople.find((person) => person.email === "formand@example.dk")!;
const admin = demoPeople.find((person) => person.email === "admin@example.dk")!;

/** A citizen reading offers, a member voting or answering, staff changing an offer or loading it again after a 503. */
type Kind = "read" | "ballot" | "answer" | "offer" | "reload";
type Reply = { kind: Kind; status: number; sentAt: number; doneAt: number; text: string; retryAfter: string | null };
type Ballot = { choice: Choice; receipt: string };
type CuratedOffer = { id: string; name: string; version: number; publication: string };

const dataDir = mkdtempSync(join(tmpdir(), "naerhed-fault-"));
let platform: Platform;
/** The DynamoDB Local that runs now: the platform's own, or the one started again after the outage. */
let dynamo: DynamoLocal;
let db: DynamoDBDocumentClient;

/** What the stream saw; filled in by beforeAll, checked by the tests. */
const replies: Reply[] = [];
const at = { stop: 0, stopped: 0, restart: 0, ready: 0, freeze: 0, thaw: 0 };
let staffCookie = "";
let chairCookie = "";
let adminCookie = "";
let voteId = "";
let consultationId = "";
let listedBefore: string[] = [];
let votes: { cookie: string; last: Ballot | null }[] = [];
let outcomes: { status: number; after503: boolean; text: string; id: string }[] = [];
let curations: { start: CuratedOffer; applied: number }[] = [];

async function api(method: string, path: string, cookie = "", body?: unknown) {
  const response = await fetch(`${platform.url}/api${path}`, {
    method,
    headers: { cookie, "accept-language": "da", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), retryAfter: response.headers.get("retry-after") };
}

/** A request that must succeed (set-up and checks); its JSON body. */
async function ok(method: string, path: string, cookie = "", body?: unknown) {
  const answer = await api(method, path, cookie, body);
  expect(answer.status, `${method} ${path}: ${answer.text}`).toBeLessThan(300);
  return JSON.parse(answer.text);
}

async function send(kind: Kind, method: string, path: string, cookie = "", body?: unknown): Promise<Reply> {
  const sentAt = performance.now();
  const answer = await api(method, path, cookie, body);
  const entry = { kind, ...answer, sentAt, doneAt: performance.now() };
  replies.push(entry);
  return entry;
}

async function until(what: string, condition: () => boolean, atLeastMs: number) {
  const from = performance.now();
  while (performance.now() - from < atLeastMs || !condition()) {
    if (performance.now() - from > 20_000) throw new Error(`waited 20 s for ${what}`);
    await sleep(25);
  }
}

const succeeded = (a: Reply) => a.status >= 200 && a.status < 300;
/** Sent while DynamoDB hung, and answered before it went on. */
const duringHang = (a: Reply) => a.sentAt > at.freeze && a.doneAt < at.thaw;
/** A module Lambda's timeout (stacks/function-defaults.ts): on AWS a request still waiting then is cut off. */
const LAMBDA_TIMEOUT_MS = functionDefaults.timeout * 1000;
const isWrite = (a: Reply) => a.kind === "ballot" || a.kind === "answer" || a.kind === "offer";
const listedNames = (text: string) => (JSON.parse(text) as { items: { name: string }[] }).items.map((offer) => offer.name);

beforeAll(async () => {
  const begun = performance.now();
  platform = await startPlatform({ port: 0, dataDir, quiet: true });
  const up = performance.now();
  dynamo = platform.dynamo;
  db = createDocumentClient(platform.config);
  // The server logs each 503 as a warning; the test reads the answers instead.
  vi.spyOn(console, "warn").mockImplementation(() => {});

  // Set-up through the API, as the demo staff member and the chair of Borgercenter Nord
  const identity = { store: createIdentityStore(db, platform.config.tableNames[identityTable.id]!), now: () => new Date() };
  const cookieOf = async (person: Person) => `${SESSION_COOKIE}=${await startSession(identity, person)}`;
  const newPerson = (name: string, grants: Person["grants"]): Person => ({
    id: randomUUID(),
    email: `${randomUUID()}@example.dk`,
    display_name: name,
    language: "da",
    grants,
    created_at: new Date().toISOString(),
  });
  [staffCookie, chairCookie, adminCookie] = await Promise.all([cookieOf(staff), cookieOf(chair), cookieOf(admin)]);

  // A secret motion vote, with more council members.
  const today = new Date().toISOString().slice(0, 10);
  const voters = await Promise.all(
    Array.from({ length: VOTERS }, async (_, i) => {
      const voter = newPerson(`Medlem ${i + 1}`, [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }]);
      const member = { person_id: voter.id, display_name: voter.display_name, role: "member", kind: "citizen", term_from: today, notify: "none" };
      await ok("PUT", "/council/centres/nord/members", staffCookie, member);
      return cookieOf(voter);
    }),
  );
  const { proposal } = await ok("POST", "/council/centres/nord/proposals", staffCookie, { title: "Flere bænke", summary: "Flere bænke ved søen.", body: "Tekst." });
  await ok("POST", `/council/centres/nord/proposals/${proposal.id}/accept`, chairCookie);
  const closesAt = new Date(Date.now() + 3_600_000).toISOString();
  voteId = (await ok("POST", `/council/centres/nord/proposals/${proposal.id}/vote`, chairCookie, { closes_at: closesAt, ballot: "secret" })).vote.id;

  // A panel consultation for everyone on the panel, with new members who joined through the site.
  // A few at a time: DynamoDB Local on disk writes one item after another, so 48 writes at once
  // would wait in its queue past the SDK's 3 s timeout on a busy machine (DynamoDB itself would not).
  const members: { id: string; cookie: string }[] = [];
  for (let first = 0; first < PANEL_MEMBERS; first += 8) {
    const batch = Array.from({ length: Math.min(8, PANEL_MEMBERS - first) }, async (_, i) => {
      const member = newPerson(`Panel ${first + i + 1}`, [{ role: "citizen" }]);
      const cookie = await cookieOf(member);
      await ok("PUT", "/panel/membership", cookie, { consent: true, contact: "site", profile: {} });
      return { id: member.id, cookie };
    });
    members.push(...(await Promise.all(batch)));
  }
  consultationId = (
    await ok("POST", "/panel/centres/nord/consultations", staffCookie, {
      title: "Åbningstider",
      intro: "Vil du have længere åbent?",
      opens_at: new Date(Date.now() - 60_000).toISOString(),
      closes_at: closesAt,
      target: { kind: "all" },
      questions: [{ type: "yes_no", text: "Længere åbent om torsdagen?" }],
    })
  ).consultation.id;
  await ok("POST", `/panel/centres/nord/consultations/${consultationId}/publish`, staffCookie);
  // Publishing answers at once and invites in parts (docs/jobs.md): the stream starts once everyone is invited.
  for (let tries = 0; (await ok("GET", `/panel/centres/nord/consultations/${consultationId}/sending`, staffCookie)).sending.state !== "done"; tries++) {
    if (tries > 200) throw new Error("waited 20 s for the invitations");
    await sleep(100);
  }

  // The first page of the public list, and published offers of the centre further down it for staff to take down and up.
  listedBefore = listedNames((await api("GET", "/directory/offers?limit=5")).text);
  const { items } = (await ok("GET", "/directory/centres/nord/offers?limit=50", staffCookie)) as { items: CuratedOffer[] };
  const curated = items.filter((offer) => offer.publication === "published" && !listedBefore.includes(offer.name)).slice(-CURATED_OFFERS);

  // The stream
  const setUp = performance.now();
  let stopping = false;
  /** Set when the scenario fails half-way, so no worker keeps trying again for ever. */
  let abandoned = false;

  /** Members change their ballot again and again; after a 503 the site sends the same request (same key) again. */
  const voting = voters.map(async (cookie, i) => {
    let last: Ballot | null = null;
    for (let n = i; !stopping; n++) {
      const intent = { choice: CHOICES[n % 3]!, request_key: randomUUID() };
      let reply: Reply;
      do {
        reply = await send("ballot", "PUT", `/council/centres/nord/votes/${voteId}/ballot`, cookie, intent);
        if (reply.status === 503) await sleep(50);
      } while (reply.status === 503 && !abandoned);
      if (reply.status !== 200) break;
      const { choice, receipt } = JSON.parse(reply.text).ballot as Ballot;
      last = { choice, receipt };
      await sleep(Math.random() * 20);
    }
    return { cookie, last };
  });

  /** Members answer the consultation one after another; after a 503 the same member sends again. */
  const queue = [...members];
  const answering = Array.from({ length: PANEL_SENDERS }, async () => {
    const mine: typeof outcomes = [];
    while (!stopping && queue.length > 0) {
      const member = queue.shift()!;
      let reply: Reply;
      let after503 = false;
      do {
        reply = await send("answer", "POST", `/panel/consultations/${consultationId}/answers`, member.cookie, { answers: { q1: "yes" } });
        if (reply.status === 503) {
          after503 = true;
          await sleep(50);
        }
      } while (reply.status === 503 && !abandoned);
      mine.push({ id: member.id, status: reply.status, after503, text: reply.text });
      await sleep(150);
    }
    return mine;
  });

  /** Staff take each offer down and up again; after a 503 they load it again, since the change may have gone through. */
  const curating = curated.map(async (start) => {
    let offer = start;
    let applied = 0;
    while (!stopping) {
      const transition = offer.publication === "published" ? "unpublish" : "publish";
      const reply = await send("offer", "POST", `/directory/centres/nord/offers/${offer.id}/${transition}`, staffCookie, { version: offer.version });
      if (reply.status === 200) {
        offer = JSON.parse(reply.text).offer;
        applied++;
      } else if (reply.status === 503) {
        let reload: Reply;
        do {
          await sleep(50);
          reload = await send("reload", "GET", `/directory/centres/nord/offers/${offer.id}`, staffCookie);
        } while (reload.status === 503 && !abandoned);
        if (reload.status !== 200) break;
        offer = JSON.parse(reload.text).offer;
      } else break;
      await sleep(20);
    }
    return { start, applied };
  });

  /** Citizens read the public list of offers all along. */
  const reading = (async () => {
    while (!stopping) {
      await send("read", "GET", "/directory/offers?limit=5");
      await sleep(50);
    }
  })();

  // Writes flow; DynamoDB stops with writes in flight, stays down, and starts again on the same port and data.
  const kinds: Kind[] = ["read", "ballot", "answer", "offer"];
  const seen = (kind: Kind, test: (a: Reply) => boolean, atLeast: number) => replies.filter((a) => a.kind === kind && test(a)).length >= atLeast;
  let failure: unknown;
  try {
    await until("writes before the outage", () => kinds.every((kind) => seen(kind, succeeded, 2)), 500);
    at.stop = performance.now();
    await dynamo.stop();
    at.stopped = performance.now();
    // Staff whose change got a 503 keep loading the offer again until it answers.
    const duringOutage: Kind[] = ["read", "ballot", "answer", "reload"];
    await until("503s during the outage", () => duringOutage.every((kind) => seen(kind, (a) => a.sentAt > at.stopped && a.status === 503, 2)), 800);
    at.restart = performance.now();
    dynamo = await startDynamoLocal({ port: dynamo.port, dataDir });
    at.ready = performance.now();
    await until("writes after the outage", () => kinds.every((kind) => seen(kind, (a) => a.sentAt > at.ready && succeeded(a), 2)), 300);

    // DynamoDB hangs with writes in flight: each request must end in 503 by the SDK's timeouts, while it still hangs.
    at.freeze = performance.now();
    dynamo.freeze();
    await until("503s sent during the hang", () => duringOutage.every((kind) => seen(kind, (a) => a.sentAt > at.freeze && a.status === 503, 1)), 0);
    at.thaw = performance.now();
    dynamo.thaw();
    await until("writes after the hang", () => kinds.every((kind) => seen(kind, (a) => a.sentAt > at.thaw && succeeded(a), 2)), 300);
  } catch (error) {
    failure = error;
    abandoned = true;
    dynamo.thaw();
  }
  stopping = true;
  [votes, outcomes, curations] = await Promise.all([Promise.all(voting), Promise.all(answering).then((all) => all.flat()), Promise.all(curating), reading]);

  const tally = (kind: Kind) => {
    const of = replies.filter((a) => a.kind === kind);
    return `${kind} ${of.length} (${of.filter(succeeded).length}×2xx, ${of.filter((a) => a.status === 503).length}×503)`;
  };
  const outage = replies.filter((a) => a.sentAt > at.stopped && a.doneAt < at.restart).map((a) => a.doneAt - a.sentAt);
  const hang = replies.filter(duringHang).map((a) => a.doneAt - a.sentAt);
  console.info(
    `fault: platform up in ${Math.round(up - begun)} ms, set-up ${Math.round(setUp - up)} ms, stream ${Math.round(performance.now() - setUp)} ms; ` +
      `${replies.length} requests: ${[...kinds, "reload" as const].map(tally).join(", ")}; ` +
      `answered during the outage in ≤ ${Math.round(Math.max(...outage))} ms; ` +
      `${replies.filter((a) => isWrite(a) && a.sentAt < at.stop && a.doneAt > at.stop).length} writes in flight at the stop; ` +
      `DynamoDB down ${Math.round(at.ready - at.stop)} ms (stopping ${Math.round(at.stopped - at.stop)} ms, gone ${Math.round(at.restart - at.stopped)} ms, starting ${Math.round(at.ready - at.restart)} ms); ` +
      `hung ${Math.round(at.thaw - at.freeze)} ms, ${hang.length} requests answered meanwhile in ${Math.round(Math.min(...hang))}–${Math.round(Math.max(...hang))} ms, ` +
      `${replies.filter((a) => isWrite(a) && a.sentAt < at.freeze && a.doneAt > at.freeze).length} writes in flight at the freeze`,
  );
  if (failure) throw failure;
}, 150_000);

afterAll(async () => {
  db?.destroy();
  await platform?.stop();
  if (dynamo && dynamo !== platform?.dynamo) await dynamo.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("when DynamoDB stops in the middle of a stream of reads and writes", () => {
  it("never answers anything but success or 503 'try again' (no 500)", () => {
    // A panel answer may also meet "already answered": see the panel test below.
    const unexpected = replies.filter((a) => !succeeded(a) && a.status !== 503 && !(a.kind === "answer" && a.status === 409));
    expect(unexpected.map((a) => `${a.kind} ${a.status} ${a.text}`)).toEqual([]);
  });

  it("stops while writes are in flight, and every kind of request meets the outage", () => {
    expect(replies.filter((a) => isWrite(a) && a.sentAt < at.stop && a.doneAt > at.stop).length).toBeGreaterThan(0);
    for (const kind of ["read", "ballot", "answer", "offer"] as const) {
      expect(replies.filter((a) => a.kind === kind && a.doneAt < at.stop && succeeded(a)).length, `${kind} before`).toBeGreaterThan(0);
      expect(replies.filter((a) => a.kind === kind && a.status === 503).length, `${kind} 503`).toBeGreaterThan(0);
    }
    for (const kind of ["read", "ballot", "answer", "reload"] as const) {
      expect(replies.filter((a) => a.kind === kind && a.sentAt > at.stopped && a.doneAt < at.restart).length, `${kind} during`).toBeGreaterThan(0);
      expect(replies.filter((a) => a.kind === kind && duringHang(a)).length, `${kind} during the hang`).toBeGreaterThan(0);
    }
  });

  it("hangs while writes are in flight, and ends every request sent during the hang with the plain 503 within a Lambda's timeout", () => {
    expect(replies.filter((a) => isWrite(a) && a.sentAt < at.freeze && a.doneAt > at.freeze).length).toBeGreaterThan(0);
    const sent = replies.filter((a) => a.sentAt > at.freeze && a.sentAt < at.thaw);
    // Without the SDK's timeouts each would wait for DynamoDB to go on, far past the Lambda's 10 s.
    expect(sent.filter((a) => a.doneAt - a.sentAt >= LAMBDA_TIMEOUT_MS).map((a) => `${a.kind} ${Math.round(a.doneAt - a.sentAt)} ms`)).toEqual([]);
    for (const a of sent.filter(duringHang)) {
      expect(a.status, a.text).toBe(503);
      expect(JSON.parse(a.text).error).toEqual({ code: "unavailable", message: UNAVAILABLE });
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
    }
  });

  it("answers everything during the outage with the plain 503, quickly, with Retry-After and no internals", () => {
    const outage = replies.filter((a) => a.sentAt > at.stopped && a.doneAt < at.restart);
    for (const a of outage) {
      expect(a.status, a.text).toBe(503);
      const body = JSON.parse(a.text);
      // The code, the plain message and the request id to quote: nothing about what failed inside.
      expect(Object.keys(body).sort()).toEqual(["error", "request_id"]);
      expect(body.error).toEqual({ code: "unavailable", message: UNAVAILABLE });
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
    }
    expect(Math.max(...outage.map((a) => a.doneAt - a.sentAt))).toBeLessThan(2000);
  });

  it("serves again from the same server as soon as DynamoDB answers, with the same data", () => {
    const after = replies.filter((a) => (a.sentAt > at.ready && a.doneAt < at.freeze) || a.sentAt > at.thaw);
    expect(after.filter((a) => a.status === 503).map((a) => `${a.kind} ${a.text}`)).toEqual([]);
    const reads = after.filter((a) => a.kind === "read");
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) expect(listedNames(read.text)).toEqual(listedBefore);
  });

  it("council: each member's ballot is the last choice they were told was saved, counted once, and the tally agrees", async () => {
    const rows = await raw(councilTable.id, `BALLOT#${voteId}`);
    const ballots = rows.filter((item) => String(item.sk).startsWith("VOTER#"));
    const receipts = rows.filter((item) => String(item.sk).startsWith("RECEIPT#"));
    expect(votes.every(({ last }) => last !== null)).toBe(true);
    expect(ballots).toHaveLength(VOTERS);
    expect(receipts.map((item) => String(item.sk).slice("RECEIPT#".length)).sort()).toEqual(ballots.map((item) => item.receipt).sort());
    const expected = { for: 0, against: 0, abstain: 0 };
    for (const { cookie, last } of votes) {
      expected[last!.choice]++;
      expect((await ok("GET", `/council/centres/nord/votes/${voteId}/ballot`, cookie)).ballot).toEqual(last);
      expect((await ok("GET", `/council/centres/nord/votes/${voteId}/receipts/${last!.receipt}`)).counted).toBe(true);
    }
    const closed = (await ok("POST", `/council/centres/nord/votes/${voteId}/close`, chairCookie)).vote;
    expect(closed.state).toBe("closed");
    expect(closed.result.tally).toEqual(expected);
    expect(closed.result.ballots).toBe(VOTERS);
  });

  it("panel: an answer, its 'has answered' marker and the count are stored together, and whoever was told 'stored' is in", async () => {
    // "Already answered" only for a member whose earlier send got 503 although DynamoDB had stored it.
    const refused = outcomes.filter((o) => o.status === 409);
    expect(refused.filter((o) => !o.after503 || JSON.parse(o.text).error.code !== "panel_already_answered").map((o) => o.text)).toEqual([]);
    const answered = outcomes.filter((o) => o.status === 201 || o.status === 409).map((o) => o.id);
    expect(outcomes.filter((o) => o.status === 201).length).toBeGreaterThan(0);
    const rows = await raw(panelTable.id, `CONSULTATION#${consultationId}`);
    const markers = rows.filter((item) => String(item.sk).startsWith("INVITED#") && item.answered === true).map((item) => String(item.sk).slice("INVITED#".length));
    expect(markers.sort()).toEqual(answered.sort());
    console.info(`fault/panel: ${markers.length} answers stored, ${refused.length} of them although the member was told 503`);
    expect(await raw(panelTable.id, `ANSWERS#${consultationId}`)).toHaveLength(markers.length);
    expect(rows.find((item) => item.sk === "CONSULTATION")!.answer_count).toBe(markers.length);
    expect((await ok("GET", `/panel/centres/nord/consultations/${consultationId}`, staffCookie)).consultation.answer_count).toBe(markers.length);
  });

  it("directory: each change of an offer has exactly one line in the audit log, and each acknowledged change is there", async () => {
    expect(curations).toHaveLength(CURATED_OFFERS);
    let hidden = 0;
    for (const { start, applied } of curations) {
      const now = (await ok("GET", `/directory/centres/nord/offers/${start.id}`, staffCookie)).offer as CuratedOffer;
      const audit: { action: string }[] = [];
      for (let cursor = ""; ; ) {
        const page = await ok("GET", `/identity/audit?item=${encodeURIComponent(`directory:offer:${start.id}`)}${cursor && `&cursor=${encodeURIComponent(cursor)}`}`, adminCookie);
        audit.push(...page.items);
        if (!page.next_cursor) break;
        cursor = page.next_cursor;
      }
      expect(applied).toBeGreaterThan(0);
      expect(now.version - start.version).toBeGreaterThanOrEqual(applied);
      expect(audit.filter((entry) => /^directory\.offer\.(publish|unpublish)$/.test(entry.action))).toHaveLength(now.version - start.version);
      hidden += now.version - start.version - applied;
    }
    console.info(`fault/directory: ${hidden} changes went through although staff were told 503; each has its audit line`);
  });
});

async function raw(tableId: string, pk: string) {
  const query = new QueryCommand({
    TableName: platform.config.tableNames[tableId],
    KeyConditionExpression: "pk = :pk",
    ExpressionAttributeValues: { ":pk": pk },
    ConsistentRead: true,
  });
  return (await db.send(query)).Items ?? [];
}
