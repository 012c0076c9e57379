import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoCouncil } from "@naerhed/local/demo/council";
import { createCouncilStore } from "@naerhed/core/council/store";
import { councilTable } from "@naerhed/core/shared/tables";
import { testApi } from "./support.ts";

let t: Awaited<ReturnType<typeof testApi>>;
const store = () => createCouncilStore(t.db, t.config.tableNames[councilTable.id]!);

beforeAll(async () => {
  t = await testApi();
  await loadDemoCouncil(store(), t.clock.now);
});

describe("the demo council of Borgercenter Nord", () => {
  it("shows members, a past member, results with their counts, and one open vote", async () => {
    const overview = (await (await t.api.request("/api/council/centres/nord")).json()) as {
      members: { display_name: string; role: string }[];
      past_members: unknown[];
      proposals: { title: string; status: string; outcome?: string; vote: { state: string; result?: { tally: Record<string, number> } } | null }[];
    };
    expect(overview.members).toHaveLength(6);
    expect(overview.members.find((m) => m.role === "chair")?.display_name).toBe("Frida Formand");
    expect(overview.past_members).toHaveLength(1);
    const byTitle = Object.fromEntries(overview.proposals.map((p) => [p.title, p]));
    expect(byTitle["Caféen skal have åbent til kl. 18"]).toMatchObject({ status: "follow_up", outcome: "adopted", vote: { result: { tally: { for: 2, against: 1, abstain: 1 } } } });
    expect(byTitle["Gratis bus til aktiviteter"]).toMatchObject({ outcome: "rejected" });
    expect(byTitle["Flere bænke ved stien"]).toMatchObject({ status: "voting", vote: { state: "open" } });
    expect(byTitle["Hjælp til at læse breve fra kommunen"]).toBeUndefined();
  });

  it("stores tallies equal to the ballots", async () => {
    const { votes } = await store().centre("nord");
    for (const vote of votes) {
      const ballots = await store().ballots(vote.id);
      expect(ballots).toHaveLength(vote.ballots);
      for (const choice of ["for", "against", "abstain"] as const) expect(ballots.filter((b) => b.choice === choice)).toHaveLength(vote.tally[choice]);
    }
  });
});
