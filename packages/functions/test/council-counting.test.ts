import { randomUUID } from "node:crypto";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@naerhed/core/identity/person";
import type { Mail } from "@naerhed/core/shared/mailer";
import type { Choice } from "@naerhed/core/council/council";
import { createProposal, acceptProposal } from "@naerhed/core/council/proposals";
import { councilJobs } from "@naerhed/core/council/mailing";
import type { CouncilServices } from "@naerhed/core/council/services";
import { createCouncilStore } from "@naerhed/core/council/store";
import { castBallot, currentVote, myBallot, openVote, runVoteJob } from "@naerhed/core/council/voting";
import { councilTable } from "@naerhed/core/shared/tables";
import { testApi } from "./support.ts";

/**
 * Counting once, provably: many members casting and changing at the same moment against
 * DynamoDB Local, and closing at the same time as ballots and other closings.
 */

let t: Awaited<ReturnType<typeof testApi>>;
let council: CouncilServices;
const sent: Mail[] = [];
const staff: Actor = { person_id: randomUUID(), display_name: "Sara Staff", language: "da", grants: [{ role: "admin" }] };
const CHOICES: Choice[] = ["for", "against", "abstain"];

beforeAll(async () => {
  t = await testApi();
  // A thousand requests at once queue for sockets to DynamoDB Local on a small machine; the
  // app's one-second connect timeout is for people waiting, not for this queue.
  const patient = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: t.config.dynamoEndpoint,
      region: t.config.region,
      credentials: { accessKeyId: "local", secretAccessKey: "local" },
      requestHandler: { connectionTimeout: 60_000, requestTimeout: 60_000 },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const table = t.config.tableNames[councilTable.id]!;
  const base = {
    store: createCouncilStore(patient, table),
    audit: t.services.audit,
    mailer: { send: async (mail: Mail) => void sent.push(mail) },
    // "A vote is open" goes to identity as a notice (tested in notices.test.ts); here nobody delivers it.
    publish: async () => undefined,
    now: t.services.now,
    siteUrl: "http://localhost:3000",
    centres: t.services.centres,
  };
  // Mail jobs run each part at once, inside the call that starts them (the bus's part, without a bus).
  council = { ...base, jobs: councilJobs(base, patient, table, (part) => council.jobs.runPart(part)) };
});

const memberActor = (i: number): Actor => ({
  person_id: `019ab100-0000-7000-8000-${String(i).padStart(12, "0")}`,
  display_name: `Medlem ${i}`,
  language: "da",
  grants: [{ role: "council_member", centre_id: "nord" }],
});

type Centre = "nord" | "midt" | "syd";

/** Each test uses its own centre, so it alone decides who is eligible there. */
async function councilWith(centre: Centre, count: number, emails = false) {
  const members = Array.from({ length: count }, (_, i) => memberActor(i + 1 + Math.floor(Math.random() * 1e9)));
  await Promise.all(
    members.map((m) =>
      council.store.putMember({
        person_id: m.person_id,
        display_name: m.display_name,
        role: "member",
        kind: "citizen",
        term_from: "2026-01-01",
        notify: "immediate",
        ...(emails ? { email: `${m.person_id}@example.dk` } : {}),
        centre_id: centre,
        updated_at: t.clock.now.toISOString(),
      }),
    ),
  );
  return members;
}

async function voteOn(centre: Centre, ballot: "open" | "secret", closesInMinutes = 60) {
  const proposal = await createProposal(council, staff, centre, { title: "Flere bænke", summary: "Vi vil have flere bænke.", body: "Tekst.", draft: false });
  await acceptProposal(council, staff, centre, proposal.id);
  return openVote(council, staff, centre, proposal.id, {
    closes_at: new Date(t.clock.now.getTime() + closesInMinutes * 60_000).toISOString(),
    majority: "simple",
    ballot,
  });
}

const rawBallots = async (voteId: string) =>
  (
    await t.db.send(
      new QueryCommand({
        TableName: t.config.tableNames[councilTable.id],
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": `BALLOT#${voteId}` },
      }),
    )
  ).Items ?? [];

describe("100 members × 10 concurrent cast/change attempts", () => {
  it("ends with exactly 100 ballots, a tally equal to the ballots, and nobody counted twice", async () => {
    // A new council in its own centre partition: only these 100 are eligible.
    const members = await councilWith("nord", 100);
    const vote = await voteOn("nord", "secret");
    const attempts = members.flatMap((member) => {
      // The site makes a random key per click; a retry sends the same one again.
      const keys = Array.from({ length: 7 }, () => randomUUID());
      return Array.from({ length: 10 }, (_, i) =>
        // Keys 0..6 then 0..2 again: three of each member's ten requests are retries of earlier ones.
        castBallot(council, member, "nord", vote.id, { choice: CHOICES[(i * 7 + member.display_name.length) % 3]!, request_key: keys[i % 7]! }),
      );
    });
    const started = performance.now();
    const results = await Promise.allSettled(attempts);
    console.info(`council: 1000 concurrent cast/change attempts settled in ${Math.round(performance.now() - started)} ms`);
    expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);

    const items = await rawBallots(vote.id);
    const ballots = items.filter((item) => String(item.sk).startsWith("VOTER#"));
    const receipts = items.filter((item) => String(item.sk).startsWith("RECEIPT#"));
    expect(ballots).toHaveLength(100);
    expect(new Set(ballots.map((b) => b.sk)).size).toBe(100);
    expect(receipts).toHaveLength(100);

    const stored = await council.store.getVote("nord", vote.id);
    const counted = { for: 0, against: 0, abstain: 0 };
    for (const ballot of ballots) counted[ballot.choice as Choice]++;
    expect(stored!.tally).toEqual(counted);
    expect(stored!.ballots).toBe(100);

    // Each member sees exactly one ballot of their own, the one in the count; no person id is stored in a secret ballot.
    const own = await Promise.all(members.map((m) => myBallot(council, m, "nord", vote.id)));
    expect(own.every((o) => o.ballot !== null)).toBe(true);
    expect(new Set(own.map((o) => o.ballot!.receipt)).size).toBe(100);
    const text = JSON.stringify(items);
    expect(members.some((m) => text.includes(m.person_id))).toBe(false);
  }, 180_000);
});

describe("closing", () => {
  it("closes at its time without visitors; two job runs and a late ballot at once give one result and one result mail each", async () => {
    const members = await councilWith("midt", 5, true);
    const vote = await voteOn("midt", "open", 10);
    await castBallot(council, members[0]!, "midt", vote.id, { choice: "for", request_key: "first-0001" });
    await castBallot(council, members[1]!, "midt", vote.id, { choice: "for", request_key: "second-001" });
    await castBallot(council, members[2]!, "midt", vote.id, { choice: "against", request_key: "third-0001" });
    sent.length = 0;
    t.advance(11 * 60);
    const [late] = await Promise.allSettled([
      castBallot(council, members[3]!, "midt", vote.id, { choice: "against", request_key: "late-00001" }),
      runVoteJob(council),
      runVoteJob(council),
      currentVote(council, "midt", vote.id),
    ]);
    expect(late.status).toBe("rejected");
    const closed = await council.store.getVote("midt", vote.id);
    expect(closed).toMatchObject({ state: "closed", ballots: 3, result: { outcome: "adopted", quorum_met: true, ballots: 3, eligible: 5, tally: { for: 2, against: 1, abstain: 0 } } });
    expect(sent.filter((m) => m.subject.startsWith("Resultat"))).toHaveLength(5);
    const proposal = await council.store.getProposal("midt", vote.proposal_id);
    expect(proposal).toMatchObject({ status: "decided", outcome: "adopted" });
  });

  it("reminds only those who have not voted, once, 24 hours before closing", async () => {
    const members = await councilWith("syd", 3, true);
    const vote = await voteOn("syd", "secret", 30 * 60);
    await castBallot(council, members[0]!, "syd", vote.id, { choice: "abstain", request_key: "remind-001" });
    sent.length = 0;
    await runVoteJob(council);
    expect(sent.filter((m) => m.subject.startsWith("Husk"))).toHaveLength(0);
    t.advance(7 * 3600);
    await Promise.all([runVoteJob(council), runVoteJob(council)]);
    const reminded = sent.filter((m) => m.subject.startsWith("Husk") && m.text.includes("Flere bænke"));
    expect(reminded.map((m) => m.to).sort()).toEqual([members[1]!, members[2]!].map((m) => `${m.person_id}@example.dk`).sort());
  });
});
