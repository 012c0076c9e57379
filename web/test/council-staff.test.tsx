import { fireEvent, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { copenhagenToday } from "../src/lib/dates.ts";
import { makePerson, mockFetch, renderApp } from "./helpers.tsx";

const peter = makePerson({ display_name: "Peter Personale", grants: [{ role: "staff", centre_id: "nord" }] });
const rasmus = makePerson({ display_name: "Rasmus Rådsmedlem", grants: [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }] });
const karen = {
  person_id: "019ab000-0000-7000-8000-0000000c0001",
  display_name: "Karen Hansen",
  email: "karen@example.dk",
  role: "deputy_chair",
  kind: "relative",
  term_from: "2026-01-01",
  notify: "digest",
  centre_id: "nord",
  updated_at: "2026-01-01T09:00:00.000Z",
};
const gert = { ...karen, person_id: "019ab000-0000-7000-8000-0000000c0004", display_name: "Gert Nielsen", role: "member", term_from: "2024-01-01", term_to: "2025-12-31" };
const overview = (canManage: boolean) => ({
  centre_id: "nord",
  can: { manage: canManage, read_inbox: true, vote: true, manage_members: canManage },
  members: [],
  past_members: [],
  proposals: [],
  upcoming_meetings: [],
  past_meetings: [],
});

describe("the council's member list (staff)", () => {
  it("lists current and past members; stopping one keeps their mail choice and ends the term today", async () => {
    const fetch = mockFetch({ body: { items: [gert, karen] } }, { body: { member: { ...karen, term_to: copenhagenToday() } } }, { body: { items: [gert, { ...karen, term_to: copenhagenToday() }] } });
    renderApp("/borgerraadet/nord/medlemmer", { person: peter });
    const card = (await screen.findByRole("heading", { name: "Karen Hansen" })).closest("li")!;
    expect(within(card).getByText("Med nu")).toBeInTheDocument();
    expect(within(screen.getByRole("heading", { name: "Gert Nielsen" }).closest("li")!).getByText("Ikke med mere")).toBeInTheDocument();
    // A past member cannot be stopped again.
    expect(screen.getAllByRole("button", { name: /^Stop i dag/ })).toHaveLength(1);
    fireEvent.click(within(card).getByRole("button", { name: "Stop i dag: Karen Hansen" }));
    expect(await screen.findByText("Karen Hansen er stoppet i rådet.")).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[1]!;
    expect(String(url)).toContain("/api/council/centres/nord/members");
    expect(init?.method).toBe("PUT");
    expect(JSON.parse(String(init?.body))).toEqual({
      person_id: karen.person_id,
      display_name: "Karen Hansen",
      email: "karen@example.dk",
      role: "deputy_chair",
      kind: "relative",
      term_from: "2026-01-01",
      term_to: copenhagenToday(),
      notify: "digest",
    });
  });

  it("shows the API's message for a field in the error summary, linked to the field", async () => {
    mockFetch(
      { body: { items: [karen] } },
      { status: 400, body: { error: { code: "invalid_input", message: "Ret fejlene.", fields: [{ field: "term_from", message: "Skriv en rigtig dato." }] } } },
    );
    renderApp("/borgerraadet/nord/medlemmer", { person: peter });
    fireEvent.click(await screen.findByRole("button", { name: "Ret Karen Hansen" }));
    expect(screen.getByRole("heading", { name: "Ret Karen Hansen" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    const link = await screen.findByRole("link", { name: "Skriv en rigtig dato." });
    expect(link).toHaveAttribute("href", "#term-from");
  });

  it("says what is missing before it asks the API", async () => {
    const fetch = mockFetch({ body: { items: [] } });
    renderApp("/borgerraadet/nord/medlemmer", { person: peter });
    fireEvent.click(await screen.findByRole("button", { name: "Gem" }));
    expect(await screen.findByRole("link", { name: "Skriv personens navn." })).toHaveAttribute("href", "#member-name");
    expect(screen.getByRole("link", { name: "Skriv personens mail." })).toHaveAttribute("href", "#member-email");
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("meetings and minutes (chair and staff)", () => {
  it("a member who does not lead the council gets the no-access page", async () => {
    mockFetch({ body: overview(false) });
    renderApp("/borgerraadet/nord/moeder", { person: rasmus });
    expect(await screen.findByRole("heading", { name: "Du har ikke adgang" })).toBeInTheDocument();
  });

  it("plans a meeting with its agenda, one item a line", async () => {
    const fetch = mockFetch({ body: overview(true) }, { status: 201, body: { meeting: {} } }, { body: overview(true) });
    renderApp("/borgerraadet/nord/moeder", { person: peter });
    fireEvent.input(await screen.findByLabelText("Dag"), { target: { value: "2026-12-03" } });
    fireEvent.input(screen.getByLabelText("Sted", { exact: false }), { target: { value: "Café Nord" } });
    fireEvent.input(screen.getByLabelText("Adgang", { exact: false }), { target: { value: "Ingen trin." } });
    fireEvent.input(screen.getByLabelText("Andre punkter", { exact: false }), { target: { value: "Kaffe\n\n Eventuelt " } });
    fireEvent.click(screen.getByRole("button", { name: "Lav mødet" }));
    expect(await screen.findByText("Mødet er lavet. Alle kan se det nu.")).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[1]!;
    expect(String(url)).toContain("/api/council/centres/nord/meetings");
    expect(JSON.parse(String(init?.body))).toEqual({
      starts_at: "2026-12-03T15:00:00.000Z",
      ends_at: "2026-12-03T17:00:00.000Z",
      place: "Café Nord",
      accessibility: "Ingen trin.",
      agenda: [{ title: "Kaffe" }, { title: "Eventuelt" }],
    });
  });
});

describe("meetings: the secretary, changing and cancelling, a vote at the meeting", () => {
  const sofie = makePerson({ display_name: "Sofie Sekretær", grants: [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }] });
  const planned = {
    id: "019ab000-0000-7000-8000-0000000c0301",
    centre_id: "nord",
    starts_at: "2099-12-03T15:00:00.000Z",
    ends_at: "2099-12-03T17:00:00.000Z",
    place: "Café Nord",
    accessibility: "Ingen trin.",
    agenda: [{ title: "Kaffe" }],
  };
  const held = {
    ...planned,
    id: "019ab000-0000-7000-8000-0000000c0300",
    starts_at: "2026-11-19T15:00:00.000Z",
    ends_at: "2026-11-19T17:00:00.000Z",
    minutes: {
      summary: "Vi stemte.",
      decisions: [],
      attendance: [
        { person_id: karen.person_id, display_name: "Karen Hansen" },
        { person_id: gert.person_id, display_name: "Gert Nielsen" },
      ],
      published: false,
      written_by: "Sofie",
    },
  };
  const proposal = { id: "019ab000-0000-7000-8000-0000000c0103", title: "Et fast møde med politikerne", status: "on_agenda", vote: null };
  const withMeetings = (can: Record<string, boolean>) => ({
    body: { ...overview(false), can: { ...overview(false).can, ...can }, proposals: [proposal], upcoming_meetings: [planned], past_meetings: [held] },
  });
  const secretary = { manage: false, keep_minutes: true, record_meeting_votes: true };

  it("the secretary, who is not staff, may write minutes and votes, but not plan, change or cancel", async () => {
    mockFetch(withMeetings(secretary));
    renderApp("/borgerraadet/nord/moeder", { person: sofie });
    expect(await screen.findByRole("button", { name: /^Skriv referat for mødet/ })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: /^Skriv afstemning fra mødet/ })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Lav mødet" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Ret mødet/ })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /^Aflys mødet/ })).not.toBeInTheDocument();
  });

  it("records a show of hands: one choice per member present, sent with the meeting", async () => {
    const fetch = mockFetch(withMeetings(secretary), { body: { meeting: held } }, { status: 201, body: { vote: {} } }, withMeetings(secretary));
    renderApp("/borgerraadet/nord/moeder", { person: sofie });
    fireEvent.click(await screen.findByRole("button", { name: /^Skriv afstemning fra mødet/ }));
    expect(await screen.findByText("Med på mødet: Karen Hansen, Gert Nielsen.")).toBeInTheDocument();
    fireEvent.click(within(screen.getByRole("group", { name: "Hvad stemte Karen Hansen?" })).getByLabelText("For"));
    fireEvent.click(within(screen.getByRole("group", { name: "Hvad stemte Gert Nielsen?" })).getByLabelText("Imod"));
    fireEvent.click(screen.getByRole("button", { name: "Gem afstemningen" }));
    expect(await screen.findByText("Afstemningen er gemt. Alle kan se resultatet.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Se resultatet" })).toHaveAttribute("href", `/borgerraadet/nord/forslag/${proposal.id}`);
    const [url, init] = fetch.mock.calls[2]!;
    expect(String(url)).toContain(`/api/council/centres/nord/proposals/${proposal.id}/meeting-vote`);
    expect(JSON.parse(String(init?.body))).toEqual({
      meeting_id: held.id,
      ballot: "open",
      majority: "simple",
      hands: [
        { person_id: karen.person_id, choice: "for" },
        { person_id: gert.person_id, choice: "against" },
      ],
    });
  });

  it("shows the API's message when the paper totals do not add up, at the first number", async () => {
    mockFetch(withMeetings(secretary), { body: { meeting: held } }, {
      status: 400,
      body: { error: { code: "invalid_input", message: "Tallene skal give 2 i alt.", fields: [{ field: "tally", message: "Tallene skal give 2 i alt. Så mange var med på mødet." }] } },
    });
    renderApp("/borgerraadet/nord/moeder", { person: sofie });
    fireEvent.click(await screen.findByRole("button", { name: /^Skriv afstemning fra mødet/ }));
    fireEvent.click(await screen.findByLabelText("Hemmeligt på en seddel. Kun tallene skrives ind."));
    fireEvent.input(screen.getByLabelText("Hvor mange stemte for?"), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem afstemningen" }));
    expect(await screen.findByRole("link", { name: "Tallene skal give 2 i alt. Så mange var med på mødet." })).toHaveAttribute("href", "#record-for");
  });

  it("the chair changes a planned meeting in the same form, filled in; the council is told", async () => {
    const fetch = mockFetch(withMeetings({ manage: true, keep_minutes: true }), { body: { meeting: planned } }, withMeetings({ manage: true, keep_minutes: true }));
    renderApp("/borgerraadet/nord/moeder", { person: peter });
    fireEvent.click(await screen.findByRole("button", { name: /^Ret mødet/ }));
    expect(await screen.findByRole("heading", { name: /^Ret mødet / })).toBeInTheDocument();
    expect(screen.getByLabelText("Dag")).toHaveValue("2099-12-03");
    expect(screen.getByLabelText("Mødet starter kl.")).toHaveValue("16:00");
    fireEvent.input(screen.getByLabelText("Sted", { exact: false }), { target: { value: "Biblioteket" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem ændringerne" }));
    expect(await screen.findByText("Mødet er ændret. Rådet får besked.")).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[1]!;
    expect(String(url)).toContain(`/api/council/centres/nord/meetings/${planned.id}`);
    expect(init?.method).toBe("PUT");
    expect(JSON.parse(String(init?.body))).toEqual({ ...planned, place: "Biblioteket", id: undefined, centre_id: undefined, agenda: [{ title: "Kaffe" }] });
  });

  it("the chair cancels a planned meeting with a reason", async () => {
    const fetch = mockFetch(withMeetings({ manage: true }), { body: { meeting: planned } }, withMeetings({ manage: true }));
    renderApp("/borgerraadet/nord/moeder", { person: peter });
    fireEvent.click(await screen.findByRole("button", { name: /^Aflys mødet/ }));
    fireEvent.input(await screen.findByLabelText("Hvorfor aflyser I?", { exact: false }), { target: { value: "Formanden er syg." } });
    fireEvent.click(screen.getByRole("button", { name: "Ja, aflys mødet" }));
    expect(await screen.findByText("Mødet er aflyst. Rådet får besked.")).toBeInTheDocument();
    const [url, init] = fetch.mock.calls[1]!;
    expect(String(url)).toContain(`/api/council/centres/nord/meetings/${planned.id}/cancel`);
    expect(JSON.parse(String(init?.body))).toEqual({ reason: "Formanden er syg." });
  });
});
