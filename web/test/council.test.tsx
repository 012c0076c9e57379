import { fireEvent, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { copenhagenToIso, formatMoment } from "../src/lib/dates.ts";
import { makePerson, mockFetch, renderApp } from "./helpers.tsx";

const rasmus = makePerson({ display_name: "Rasmus Rådsmedlem", grants: [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }] });
const vote = {
  id: "019ab000-0000-7000-8000-0000000c0202",
  proposal_id: "019ab000-0000-7000-8000-0000000c0102",
  proposal_title: "Flere bænke ved stien",
  state: "open",
  opened_at: "2026-11-19T09:00:00.000Z",
  closes_at: "2026-11-26T15:00:00.000Z",
  majority: "simple",
  ballot: "open",
  eligible: 6,
  ballots: 2,
};

describe("times in Copenhagen", () => {
  it("says the closing time as people say it, in both languages", () => {
    expect(formatMoment("2026-11-26T15:00:00.000Z", "da")).toBe("torsdag 26. november kl. 16.00");
    expect(formatMoment("2026-11-26T15:00:00.000Z", "en")).toBe("Thursday 26 November 16:00");
  });
  it("turns a Copenhagen date and time into UTC, winter and summer", () => {
    expect(copenhagenToIso("2026-11-26", "16:00")).toBe("2026-11-26T15:00:00.000Z");
    expect(copenhagenToIso("2026-06-10", "16:00")).toBe("2026-06-10T14:00:00.000Z");
  });
});

describe("votes waiting for you", () => {
  it("one big button per choice; after voting, a confirmation with the closing time and the receipt", async () => {
    const fetch = mockFetch(
      { body: { items: [{ centre_id: "nord", vote, ballot: null }], memberships: [{ centre_id: "nord", role: "member", notify: "immediate" }] } },
      { body: { ballot: { choice: "for", receipt: "K7QM2XPA", closes_at: vote.closes_at } } },
    );
    renderApp("/borgerraadet/mine-afstemninger", { person: rasmus });
    const section = await screen.findByRole("region", { name: "Flere bænke ved stien" });
    const buttons = within(section).getAllByRole("button");
    expect(buttons.map((b) => b.textContent)).toEqual(["Jeg stemmer FOR", "Jeg stemmer IMOD", "Jeg stemmer hverken for eller imod"]);
    fireEvent.click(buttons[0]!);
    expect(await within(section).findByText("Du stemte FOR.")).toBeInTheDocument();
    expect(within(section).getByText("Du kan ændre det indtil torsdag 26. november kl. 16.00.")).toBeInTheDocument();
    expect(within(section).getByText("Din kvittering: K7QM2XPA")).toBeInTheDocument();
    expect(within(section).getByRole("button", { name: "Jeg stemmer FOR" })).toHaveAttribute("aria-pressed", "true");
    const [url, init] = fetch.mock.calls.at(-1)!;
    expect(String(url)).toContain(`/api/council/centres/nord/votes/${vote.id}/ballot`);
    expect(JSON.parse(String(init?.body))).toMatchObject({ choice: "for", request_key: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it("says so when there is nothing to vote on", async () => {
    mockFetch({ body: { items: [], memberships: [] } });
    renderApp("/borgerraadet/mine-afstemninger", { person: rasmus });
    expect(await screen.findByText("Der er ingen afstemninger til dig lige nu.")).toBeInTheDocument();
  });
});
