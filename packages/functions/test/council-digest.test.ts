import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@naerhed/core/identity/person";
import type { EventName } from "@naerhed/core/shared/events";
import type { Mail } from "@naerhed/core/shared/mailer";
import type { NoticeRequest } from "@naerhed/core/shared/notice";
import { STALLED_AFTER_MS } from "@naerhed/core/shared/resumable-jobs";
import { sendWeeklyDigest, weekStart } from "@naerhed/core/council/digest";
import { acceptProposal, createProposal } from "@naerhed/core/council/proposals";
import { councilJobs } from "@naerhed/core/council/mailing";
import type { CouncilServices } from "@naerhed/core/council/services";
import { createCouncilStore } from "@naerhed/core/council/store";
import { openVote } from "@naerhed/core/council/voting";
import { councilTable } from "@naerhed/core/shared/tables";
import { testApi } from "./support.ts";

let t: Awaited<ReturnType<typeof testApi>>;
let council: CouncilServices;
const sent: Mail[] = [];
const notices: NoticeRequest[] = [];
const memberIds: Record<string, string> = {};
/** The mail service fails once for this address (an outage, not a refused address). */
let failOnceFor: string | undefined;
const admin: Actor = { person_id: randomUUID(), display_name: "Anna Admin", language: "da", grants: [{ role: "admin" }] };

beforeAll(async () => {
  t = await testApi();
  const table = t.config.tableNames[councilTable.id]!;
  const base = {
    store: createCouncilStore(t.db, table),
    audit: t.services.audit,
    mailer: {
      send: async (mail: Mail) => {
        if (mail.to === failOnceFor) {
          failOnceFor = undefined;
          throw new Error("connect ETIMEDOUT");
        }
        sent.push(mail);
      },
    },
    // "A vote is open" goes to identity as a notice (delivered in notices.test.ts); here it is only kept.
    publish: async (_name: EventName, detail: unknown) => void notices.push(detail as NoticeRequest),
    now: t.services.now,
    siteUrl: "http://localhost:3000",
    centres: t.services.centres,
  };
  // Mail jobs run each part at once, inside the call that starts them (the bus's part, without a bus).
  council = { ...base, jobs: councilJobs(base, t.db, table, (part) => council.jobs.runPart(part)) };
  for (const [name, notify] of [["Dora", "digest"], ["Ivan", "immediate"], ["Nina", "none"]] as const) {
    memberIds[name] = randomUUID();
    await council.store.putMember({
      person_id: memberIds[name],
      display_name: name,
      email: `${name.toLowerCase()}@example.dk`,
      role: "member",
      kind: "citizen",
      term_from: "2026-01-01",
      notify,
      centre_id: "nord",
      updated_at: t.clock.now.toISOString(),
    });
  }
});

describe("the weekly digest", () => {
  it("weeks start on Monday", () => {
    expect(weekStart(new Date("2026-11-23T10:00:00Z"))).toBe("2026-11-23");
    expect(weekStart(new Date("2026-11-29T23:59:00Z"))).toBe("2026-11-23");
  });

  it("goes once a week to members who chose it; immediate members get each mail; 'none' gets nothing", async () => {
    const proposal = await createProposal(council, admin, "nord", { title: "Flere bænke", summary: "Kort.", body: "Tekst.", draft: false });
    await acceptProposal(council, admin, "nord", proposal.id);
    await openVote(council, admin, "nord", proposal.id, { closes_at: new Date(t.clock.now.getTime() + 2 * 86_400_000).toISOString(), majority: "simple", ballot: "open" });
    // The immediate member is told through identity (a notice to the person), not by the council's own mail.
    expect(notices.map((notice) => [notice.kind, notice.to])).toEqual([["vote_opened", { person_id: memberIds.Ivan }]]);
    expect(notices[0]!.about).toMatchObject({ title: "Flere bænke", path: "/borgerraadet/mine-afstemninger" });
    expect(sent).toEqual([]);

    sent.length = 0;
    await Promise.all([sendWeeklyDigest(council), sendWeeklyDigest(council)]);
    await sendWeeklyDigest(council);
    expect(sent.map((m) => m.to)).toEqual(["dora@example.dk"]);
    expect(sent[0]!.text).toContain("- Flere bænke");

    // Next week, again once.
    sent.length = 0;
    t.advance(7 * 86_400);
    await sendWeeklyDigest(council);
    await sendWeeklyDigest(council);
    expect(sent.filter((m) => m.to === "dora@example.dk")).toHaveLength(1);
  });

  it("is resumed where it stopped when a mail fails half-way, by the resume-jobs schedule: nobody gets it twice", async () => {
    const readers = Array.from({ length: 6 }, (_, i) => ({ person_id: randomUUID(), email: `syd-${i}@example.dk` }));
    for (const reader of readers) {
      await council.store.putMember({ ...reader, display_name: "Læser", role: "member", kind: "citizen", term_from: "2026-01-01", notify: "digest", centre_id: "syd", updated_at: t.clock.now.toISOString() });
    }
    const proposal = await createProposal(council, admin, "syd", { title: "Længere åbent", summary: "Kort.", body: "Tekst.", draft: false });
    await acceptProposal(council, admin, "syd", proposal.id);
    await openVote(council, admin, "syd", proposal.id, { closes_at: new Date(t.clock.now.getTime() + 20 * 86_400_000).toISOString(), majority: "simple", ballot: "open" });
    const toSyd = () => sent.filter((m) => m.to.startsWith("syd-")).map((m) => m.to).sort();
    const byId = [...readers].sort((a, b) => (a.person_id < b.person_id ? -1 : 1));
    failOnceFor = byId[3]!.email;
    const warned = vi.spyOn(console, "warn").mockImplementation(() => undefined);

    t.advance(7 * 86_400);
    await sendWeeklyDigest(council);
    await sendWeeklyDigest(council);
    // The first three went; the part stopped at the fourth, and this week's digest is not started again.
    expect(toSyd()).toEqual(byId.slice(0, 3).map((r) => r.email).sort());
    expect(warned.mock.calls.flat().join("\n")).toContain("job_part_not_sent");

    await council.jobs.resume();
    expect(toSyd()).toHaveLength(3);
    t.advance(STALLED_AFTER_MS / 1000 + 60);
    await council.jobs.resume();
    expect(toSyd()).toEqual(readers.map((r) => r.email).sort());
    warned.mockRestore();
  });
});
