import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@naerhed/core/identity/person";
import type { Mail } from "@naerhed/core/shared/mailer";
import { sendWeeklyDigest, weekStart } from "@naerhed/core/council/digest";
import { acceptProposal, createProposal } from "@naerhed/core/council/proposals";
import type { CouncilServices } from "@naerhed/core/council/services";
import { createCouncilStore } from "@naerhed/core/council/store";
import { openVote } from "@naerhed/core/council/voting";
import { councilTable } from "@naerhed/core/shared/tables";
import { testApi } from "./support.ts";

let t: Awaited<ReturnType<typeof testApi>>;
let council: CouncilServices;
const sent: Mail[] = [];
const admin: Actor = { person_id: randomUUID(), display_name: "Anna Admin", language: "da", grants: [{ role: "admin" }] };

beforeAll(async () => {
  t = await testApi();
  council = {
    store: createCouncilStore(t.db, t.config.tableNames[councilTable.id]!),
    audit: t.services.audit,
    mailer: { send: async (mail) => void sent.push(mail) },
    now: t.services.now,
    siteUrl: "http://localhost:3000",
    centres: t.services.centres,
  };
  for (const [name, notify] of [["Dora", "digest"], ["Ivan", "immediate"], ["Nina", "none"]] as const) {
    await council.store.putMember({
      person_id: randomUUID(),
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
    expect(sent.map((m) => m.to)).toEqual(["ivan@example.dk"]);

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
});
