import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { json, testApi } from "./support.ts";

/** Voting with a supporter (bisidder) and "Du har 1 afstemning" (issue 16; docs/supported-voting.md). */

type Person = Awaited<ReturnType<Awaited<ReturnType<typeof testApi>>["personWith"]>>;
let t: Awaited<ReturnType<typeof testApi>>;
let staff: Person, admin: Person, member: Person, supporter: Person;

const call = async (method: string, path: string, who?: Person, body?: unknown) => {
  const response = await t.api.request(`/api${path}`, {
    method,
    ...(body === undefined ? { headers: who ? { cookie: who.cookie } : {} } : json(body, who ? { cookie: who.cookie } : {})),
  });
  return { status: response.status, body: (await response.json()) as any };
};

beforeAll(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  admin = await t.personWith([{ role: "admin" }], "Ada Admin");
  member = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Mona Medlem");
  supporter = await t.personWith([{ role: "citizen" }], "Bo Bisidder");
  const added = await call("PUT", "/council/centres/nord/members", staff, { person_id: member.person.id, display_name: "Mona Medlem", role: "member", kind: "citizen", term_from: "2026-01-01" });
  expect(added.status).toBe(200);
});

async function openVote(ballot: "open" | "secret") {
  const created = await call("POST", "/council/centres/nord/proposals", member, { title: `Bænke ${ballot}`, summary: "Flere bænke ved stien.", body: "Der er langt mellem bænkene." });
  const accepted = await call("POST", `/council/centres/nord/proposals/${created.body.proposal.id}/accept`, staff);
  expect(accepted.status).toBe(200);
  const closes_at = new Date(t.clock.now.getTime() + 48 * 3_600_000).toISOString();
  const opened = await call("POST", `/council/centres/nord/proposals/${created.body.proposal.id}/vote`, staff, { closes_at, ballot });
  expect(opened.status).toBe(201);
  return opened.body.vote as { id: string };
}

const auditOf = async (voteId: string) =>
  (await call("GET", `/identity/audit?item=${encodeURIComponent(`council:vote:${voteId}`)}`, admin)).body.items as { action: string; actor_name: string; summary: string }[];

describe("votes waiting for the member", () => {
  it("count the open votes they have not voted in, and nothing for anyone else", async () => {
    const before = (await call("GET", "/council/my-votes/count", member)).body.waiting;
    const vote = await openVote("open");
    expect((await call("GET", "/council/my-votes/count", member)).body).toEqual({ waiting: before + 1 });
    expect((await call("GET", "/council/my-votes/count", supporter)).body).toEqual({ waiting: 0 });
    await call("PUT", `/council/centres/nord/votes/${vote.id}/ballot`, member, { choice: "for", request_key: randomUUID() });
    expect((await call("GET", "/council/my-votes/count", member)).body).toEqual({ waiting: before });
    expect((await call("GET", "/council/my-votes/count")).status).toBe(401);
  });
});

describe("voting with a supporter", () => {
  it("logs the assistance with the time on an open ballot, never the choice", async () => {
    const vote = await openVote("open");
    const cast = await call("PUT", `/council/centres/nord/votes/${vote.id}/ballot`, member, { choice: "against", request_key: randomUUID(), supporter: "Bo Bisidder" });
    expect(cast.status).toBe(200);
    const lines = (await auditOf(vote.id)).filter((line) => line.action === "council.vote.assisted");
    // 10:00 UTC on 23 November is 11:00 in Copenhagen.
    expect(lines).toEqual([expect.objectContaining({ actor_name: "Mona Medlem", summary: "assisted by Bo Bisidder at 11:00" })]);
    expect(JSON.stringify(lines)).not.toMatch(/against|imod/i);
    const mine = await call("GET", `/council/centres/nord/votes/${vote.id}/ballot`, member);
    expect(mine.body.assistance).toEqual([{ supporter: "Bo Bisidder", at: t.clock.now.toISOString() }]);
  });

  it("on a secret ballot is seen by the member alone: nothing in the audit log", async () => {
    const vote = await openVote("secret");
    await call("PUT", `/council/centres/nord/votes/${vote.id}/ballot`, member, { choice: "for", request_key: randomUUID(), supporter: "Bo Bisidder" });
    expect((await auditOf(vote.id)).filter((line) => line.action === "council.vote.assisted")).toEqual([]);
    expect((await call("GET", `/council/centres/nord/votes/${vote.id}/ballot`, member)).body.assistance).toEqual([{ supporter: "Bo Bisidder", at: t.clock.now.toISOString() }]);
    // The member's export holds it; nobody else's ballot page shows it.
    expect((await call("GET", `/council/centres/nord/votes/${vote.id}/ballot`, supporter)).status).toBe(403);
  });

  it("cannot vote in the supporter's own session: the ballot is the member's", async () => {
    const vote = await openVote("open");
    const refused = await call("PUT", `/council/centres/nord/votes/${vote.id}/ballot`, supporter, { choice: "for", request_key: randomUUID(), supporter: "Mona Medlem" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("vote_not_eligible");
  });

  it("takes a name on one line", async () => {
    const vote = await openVote("open");
    const bad = await call("PUT", `/council/centres/nord/votes/${vote.id}/ballot`, member, { choice: "for", request_key: randomUUID(), supporter: "Bo\nBisidder" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe("supporter");
    expect((await call("GET", `/council/centres/nord/votes/${vote.id}/ballot`, member)).body.ballot).toBeNull();
  });
});
