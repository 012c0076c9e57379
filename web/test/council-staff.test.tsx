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
