import { fireEvent, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { makePerson, mockFetch, renderApp, sentBody, sentMethod, sentUrl } from "./helpers.tsx";

/** Staff and the mentor scheme: changing an approved mentor's details (issue 17, item 12). */

const staff = makePerson({ display_name: "Sara Staff", grants: [{ role: "staff", centre_id: "nord" }] });
const MONA = "019ab000-0000-7000-8000-0000000000aa";

const mona = {
  id: MONA,
  display_name: "Mona Mentor",
  about: "Jeg er pensioneret lærer.",
  interests: ["fishing"],
  languages: ["da", "ar"],
  centre_id: "nord",
  area: "Fredericia Øst",
  availability: ["tue-afternoon"],
  frequency: "weekly",
  can_help_with: "Bus og breve.",
  capacity: 2,
  contact: "20 30 40 50",
  status: "approved",
  applied_at: "2026-10-01T10:00:00.000Z",
  screening: { interview_on: "2026-10-05", straffeattest_on: "2026-10-01", training_on: "2026-10-10" },
  active_pairs: 1,
  certificate_expires_on: "2028-09-30",
  certificate_expired: false,
};
const mentors = { to_screen: [], approved: [mona] };
const noPairs = { requests: [], proposed: [], active: [], ended: [] };

const type = (element: HTMLElement, value: string) => fireEvent.input(element, { target: { value } });

describe("staff and approved mentors", () => {
  it("the mentor scheme's staff page lists approved mentors with how many places are taken and a link to change their details", async () => {
    mockFetch({ body: mentors }, { body: noPairs });
    renderApp("/personale/mentor", { person: staff });
    const list = await screen.findByRole("list", { name: "Godkendte mentorer" });
    const card = within(list).getByRole("heading", { name: "Mona Mentor" }).closest("li")!;
    expect(card).toHaveTextContent("1 af 2 pladser er brugt.");
    expect(within(card).getByRole("link", { name: "Ret oplysninger: Mona Mentor" })).toHaveAttribute("href", `/personale/mentor/mentorer/nord/${MONA}`);
  });

  it("staff change an approved mentor's contact and places; the centre is not theirs to change; the page says it is saved", async () => {
    const fetch = mockFetch({ body: mentors }, { body: { mentor: { ...mona, contact: "99 88 77 66", capacity: 3 } } });
    renderApp(`/personale/mentor/mentorer/nord/${MONA}`, { person: staff });
    expect(await screen.findByRole("heading", { level: 1, name: "Ret oplysninger om en mentor" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 2, name: "Oplysninger om Mona Mentor" })).toBeInTheDocument();
    expect(sentUrl(fetch).pathname).toBe("/api/mentor/centres/nord/mentors");
    const contact = screen.getByLabelText("Hvordan kan vi nå dig?");
    expect(contact).toHaveValue("20 30 40 50");
    expect(screen.queryByRole("group", { name: /center/i })).not.toBeInTheDocument();
    type(contact, "99 88 77 66");
    fireEvent.click(screen.getByRole("radio", { name: "3" }));
    fireEvent.click(screen.getByRole("button", { name: "Gem ændringerne" }));
    await screen.findByText("Gemt. Oplysningerne om Mona Mentor er rettet.");
    expect(sentMethod(fetch, 1)).toBe("PUT");
    expect(sentUrl(fetch, 1).pathname).toBe(`/api/mentor/centres/nord/mentors/${MONA}`);
    expect(sentBody(fetch, 1)).toEqual({
      about: "Jeg er pensioneret lærer.",
      interests: ["fishing"],
      languages: ["da", "ar"],
      area: "Fredericia Øst",
      availability: ["tue-afternoon"],
      frequency: "weekly",
      can_help_with: "Bus og breve.",
      lived_experience: "",
      capacity: 3,
      gender: "",
      contact: "99 88 77 66",
    });
    expect(screen.getByRole("link", { name: "Tilbage til mentorordningen" })).toHaveAttribute("href", "/personale/mentor");
  });

  it("shows the server's message at the field when the places are fewer than the mentor's pairs", async () => {
    mockFetch(
      { body: mentors },
      { status: 400, body: { error: { code: "invalid_input", message: "Ret felterne.", fields: [{ field: "capacity", message: "Mentoren har 1 forløb nu. Vælg mindst 1." }] } } },
    );
    renderApp(`/personale/mentor/mentorer/nord/${MONA}`, { person: staff });
    fireEvent.click(await screen.findByRole("button", { name: "Gem ændringerne" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Mentoren har 1 forløb nu. Vælg mindst 1." })).toHaveAttribute("href", "#edit-capacity-1");
  });

  it("staff of another centre get 'no access' (the API refuses them)", async () => {
    const syd = makePerson({ grants: [{ role: "staff", centre_id: "syd" }] });
    mockFetch({ status: 403, body: { error: { code: "forbidden", message: "Du har ikke adgang." } } });
    renderApp(`/personale/mentor/mentorer/nord/${MONA}`, { person: syd });
    expect(await screen.findByRole("heading", { level: 1, name: "Du har ikke adgang" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Gem ændringerne" })).not.toBeInTheDocument();
  });

  it("a mentor who is not approved (or not at that centre) is not found, with a way back", async () => {
    mockFetch({ body: { to_screen: [{ ...mona, status: "applied" }], approved: [] } });
    renderApp(`/personale/mentor/mentorer/nord/${MONA}`, { person: staff });
    expect(await screen.findByText("Vi kan ikke finde en godkendt mentor med det link. Gå tilbage til mentorordningen.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Gem ændringerne" })).not.toBeInTheDocument();
  });
});
