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

  it("names a supporter (bisidder) with the ballot, says who helped, and leads to the how-to", async () => {
    const fetch = mockFetch(
      { body: { items: [{ centre_id: "nord", vote, ballot: null }], memberships: [] } },
      { body: { ballot: { choice: "against", receipt: "K7QM2XPA", closes_at: vote.closes_at } } },
    );
    renderApp("/borgerraadet/mine-afstemninger", { person: rasmus });
    const section = await screen.findByRole("region", { name: "Flere bænke ved stien" });
    expect(within(section).getByRole("link", { name: "Sådan stemmer du med en bisidder" })).toHaveAttribute("href", "/hjaelp/bisidder");
    fireEvent.input(within(section).getByLabelText("Har du en bisidder med? Skriv navnet (kan udelades)"), { target: { value: " Birthe Bisidder " } });
    fireEvent.click(within(section).getByRole("button", { name: "Jeg stemmer IMOD" }));
    expect(await within(section).findByText("Du fik hjælp af Birthe Bisidder.")).toBeInTheDocument();
    expect(JSON.parse(String(fetch.mock.calls.at(-1)![1]?.body))).toMatchObject({ choice: "against", supporter: "Birthe Bisidder" });
  });

  it("says so when there is nothing to vote on", async () => {
    mockFetch({ body: { items: [], memberships: [] } });
    renderApp("/borgerraadet/mine-afstemninger", { person: rasmus });
    expect(await screen.findByText("Der er ingen afstemninger til dig lige nu.")).toBeInTheDocument();
  });
});

describe("a decided proposal (issue 17, item 6)", () => {
  const closed = {
    ...vote,
    state: "closed",
    closed_at: "2026-11-26T15:00:00.000Z",
    result: { outcome: "rejected", tally: { for: 1, against: 4, abstain: 0 }, ballots: 5, eligible: 6, quorum_met: true },
  };
  const proposal = {
    id: vote.proposal_id,
    centre_id: "nord",
    title: "Flere bænke ved stien",
    summary: "Bænke hver 200 meter.",
    body: "Mange skal hvile.",
    status: "decided",
    author_name: "Frida Formand",
    follow_up: [],
  };
  const page = (can: { check_receipt: boolean }) => ({
    body: { proposal, comments: [], vote: closed, open_ballots: [], can: { manage: false, comment: false, vote: false, ...can } },
  });

  it("says what was decided, and asks for a receipt only from someone who could vote", async () => {
    mockFetch(page({ check_receipt: false }));
    renderApp(`/borgerraadet/nord/forslag/${proposal.id}`);
    await screen.findByRole("heading", { level: 1, name: "Flere bænke ved stien" });
    expect(document.querySelector(".badge")).toHaveTextContent("Ikke vedtaget");
    expect(screen.queryByText("Afgjort")).not.toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    expect(screen.queryByText(/Skriv koden ned/)).not.toBeInTheDocument();
  });

  it("asks a member who could vote: 'Har du stemt?'", async () => {
    mockFetch(page({ check_receipt: true }));
    renderApp(`/borgerraadet/nord/forslag/${proposal.id}`, { person: rasmus });
    expect(await screen.findByRole("textbox", { name: "Har du stemt? Skriv koden fra din kvittering her." })).toBeInTheDocument();
    expect(screen.getAllByText(/^Regel/)).toHaveLength(1);
  });
});

describe("how a proposal was decided (issue 16: votes at the meeting)", () => {
  const decided = {
    ...vote,
    state: "closed",
    closed_at: "2026-11-26T15:00:00.000Z",
    result: { outcome: "adopted", tally: { for: 3, against: 1, abstain: 1 }, ballots: 5, eligible: 6, quorum_met: true },
  };
  const proposal = { id: vote.proposal_id, centre_id: "nord", title: "Flere bænke ved stien", summary: "Bænke.", body: "Hvil.", status: "decided", author_name: "Frida Formand", follow_up: [] };
  const page = (shown: Record<string, unknown>) => ({
    body: { proposal, comments: [], vote: shown, open_ballots: [], can: { manage: false, comment: false, vote: false, check_receipt: false } },
  });

  it("a vote at the meeting says so, with the meeting's time, those present and the same quorum rule", async () => {
    mockFetch(page({ ...decided, mode: "meeting", meeting_id: "019ab000-0000-7000-8000-0000000c0300" }));
    renderApp(`/borgerraadet/nord/forslag/${proposal.id}`);
    expect(await screen.findByText(/^Afgjort på mødet torsdag 19\. november kl\. 10\.00\./)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Sådan stemmer vi på mødet" })).toHaveAttribute("href", "/borgerraadet/afstemning-paa-moedet");
    expect(screen.getByText("5 af 6 var med og stemte. Det er nok.")).toBeInTheDocument();
    expect(screen.getByText(/Mindst 4 af 6 medlemmer skal stemme\..*På mødet stemmer alle, der er med\./)).toBeInTheDocument();
  });

  it("an online vote says it was decided online", async () => {
    mockFetch(page({ ...decided, mode: "online" }));
    renderApp(`/borgerraadet/nord/forslag/${proposal.id}`);
    expect(await screen.findByText("Afgjort ved afstemning på nettet.")).toBeInTheDocument();
    expect(screen.getByText("5 af 6 stemte. Det er nok.")).toBeInTheDocument();
  });
});

describe("the easy-read page on votes at the meeting", () => {
  it("has a picture beside every step, hidden from screen readers, and names the pictures' licence", async () => {
    renderApp("/borgerraadet/afstemning-paa-moedet");
    expect(await screen.findByRole("heading", { level: 1, name: "Sådan stemmer vi på mødet" })).toBeInTheDocument();
    const steps = document.querySelectorAll(".picture-steps__step");
    expect(steps.length).toBe(8);
    for (const step of steps) {
      const picture = step.querySelector("svg")!;
      expect(picture.getAttribute("aria-hidden")).toBe("true");
      expect(picture.childElementCount).toBeGreaterThan(0);
      expect(step.querySelector("span")?.textContent?.trim()).not.toBe("");
    }
    expect(screen.getByText(/Licens: CC0 1\.0/)).toBeInTheDocument();
  });
});
