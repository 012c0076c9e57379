import type { CuratedOffer } from "@naerhed/core/directory/offer";
import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { makePerson, mockFetch, renderApp, sentBody, sentMethod, sentUrl } from "./helpers.tsx";

/** The staff pages for curating a centre's offers (web/src/directory/staff/). */

const staff = makePerson({ display_name: "Peter Personale", grants: [{ role: "staff", centre_id: "nord" }] });
const ID = "0190a1b2-c3d4-7e5f-8a9b-00000000abcd";

function curated(overrides: Partial<CuratedOffer> = {}): CuratedOffer {
  return {
    id: ID,
    name: "Strikkecafé",
    description: "Vi strikker og drikker kaffe. Alle kan være med.",
    organization_name: "Strikkeklubben Maske",
    status: "active",
    centre_id: "nord",
    area: "Lyngbakken",
    category: "creative",
    free: true,
    publication: "draft",
    version: 3,
    last_modified: "2026-11-20T10:00:00.000Z",
    ...overrides,
  };
}

const type = (element: HTMLElement, value: string) => fireEvent.input(element, { target: { value } });

async function openEditor(offer: CuratedOffer, ...more: Parameters<typeof mockFetch>) {
  const fetch = mockFetch({ body: { offer } }, ...more);
  renderApp(`/personale/tilbud/${offer.id}`, { person: staff });
  await screen.findByRole("heading", { level: 1, name: `Ret tilbud: ${offer.name}` });
  return fetch;
}

describe("the staff list of offers", () => {
  const items = [
    { ...curated({ id: `${ID.slice(0, -1)}1`, name: "Udgivet og gammel", publication: "published", assured_date: "2026-01-05" }), needs_checking: true },
    { ...curated({ id: `${ID.slice(0, -1)}2`, name: "En kladde" }), needs_checking: false },
    { ...curated({ id: `${ID.slice(0, -1)}3`, name: "Arkiveret tur", publication: "archived" }), needs_checking: false },
  ];

  it("shows each offer with its state in words, the badge and the last check", async () => {
    const fetch = mockFetch({ body: { items } });
    renderApp("/personale/tilbud", { person: staff });
    expect(await screen.findByRole("heading", { level: 1, name: "Jeres tilbud" })).toBeInTheDocument();
    await screen.findByText("Du ser 3 tilbud.");
    expect(sentUrl(fetch).pathname).toBe("/api/directory/centres/nord/offers");
    const old = screen.getByRole("link", { name: "Udgivet og gammel" }).closest("article")!;
    expect(old).toHaveTextContent("Skal tjekkes");
    expect(old).toHaveTextContent("Udgivet");
    expect(old).toHaveTextContent("5. januar 2026");
    const draft = screen.getByRole("link", { name: "En kladde" }).closest("article")!;
    expect(draft).toHaveTextContent("Kladde");
    expect(draft).toHaveTextContent("Ikke tjekket endnu");
    expect(within(draft).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Nyt tilbud" })).toHaveAttribute("href", "/personale/tilbud/nyt");
    expect(document.title).toBe("Jeres tilbud – Nærhed");
  });

  it("asks the server for one state at a time with toggle buttons", async () => {
    const fetch = mockFetch({ body: { items, next_cursor: null } }, { body: { items: [] } }, { body: { items: [items[1]], next_cursor: null } });
    renderApp("/personale/tilbud", { person: staff });
    await screen.findByText("Du ser 3 tilbud.");
    expect(Object.fromEntries(sentUrl(fetch).searchParams)).toEqual({ limit: "25", state: "all" });
    const group = screen.getByRole("group", { name: "Vis" });
    fireEvent.click(within(group).getByRole("button", { name: "Kladder" }));
    expect(within(group).getByRole("button", { name: "Kladder" })).toHaveAttribute("aria-pressed", "true");
    expect(within(group).getByRole("button", { name: "Alle" })).toHaveAttribute("aria-pressed", "false");
    await screen.findByText("Du ser 1 tilbud.");
    expect(Object.fromEntries(sentUrl(fetch, 2).searchParams)).toEqual({ limit: "25", state: "draft" });
    expect(screen.getAllByRole("article")).toHaveLength(1);
  });

  it("searches by name on the server, and says when nothing starts with it", async () => {
    const fetch = mockFetch({ body: { items, next_cursor: null } }, { body: { items: [] } }, { body: { items: [items[1]], next_cursor: null } }, { body: { items: [], next_cursor: null } });
    renderApp("/personale/tilbud", { person: staff });
    await screen.findByText("Du ser 3 tilbud.");
    const field = screen.getByRole("searchbox", { name: "Søg efter navn" });
    type(field, " En kl ");
    fireEvent.submit(field.closest("form")!);
    await screen.findByText("Du ser 1 tilbud.");
    expect(Object.fromEntries(sentUrl(fetch, 2).searchParams)).toEqual({ limit: "25", state: "all", name: "En kl" });
    type(field, "zzz");
    fireEvent.click(screen.getByRole("button", { name: "Søg" }));
    await screen.findByText("Ingen tilbud her hedder noget, der begynder med zzz.");
    expect(sentUrl(fetch, 3).searchParams.get("name")).toBe("zzz");
  });

  it("shows the next page with 'Vis flere tilbud', and moves focus to the first new offer", async () => {
    const next = { ...curated({ id: `${ID.slice(0, -1)}4`, name: "Ølsmagning", publication: "published", assured_date: "2026-11-01" }), needs_checking: false };
    const fetch = mockFetch({ body: { items, next_cursor: "c1" } }, { body: { items: [] } }, { body: { items: [next], next_cursor: null } });
    renderApp("/personale/tilbud", { person: staff });
    await screen.findByText("Du ser 3 tilbud. Der er flere.");
    fireEvent.click(screen.getByRole("button", { name: "Vis flere tilbud" }));
    await screen.findByText("Du ser 4 tilbud.");
    expect(Object.fromEntries(sentUrl(fetch, 2).searchParams)).toEqual({ limit: "25", state: "all", cursor: "c1" });
    expect(document.activeElement).toBe(screen.getByRole("link", { name: "Ølsmagning" }));
    expect(screen.queryByRole("button", { name: "Vis flere tilbud" })).not.toBeInTheDocument();
  });

  it("marks a published offer as checked today with one click, and says so politely", async () => {
    const verified = curated({ id: items[0]!.id, name: "Udgivet og gammel", publication: "published", assured_date: "2026-11-23", version: 4 });
    const fetch = mockFetch({ body: { items } }, { body: { items: [{}, {}] } }, { body: { offer: verified } });
    renderApp("/personale/tilbud", { person: staff });
    // Citizens' suggestions are one click away, with how many wait (issue 17, item 10).
    expect(await screen.findByRole("link", { name: "Forslag fra borgere (2)" })).toHaveAttribute("href", "/personale/forslag");
    expect(sentUrl(fetch, 1).pathname).toBe("/api/directory/centres/nord/suggestions");
    const button = await screen.findByRole("button", { name: "Tjekket i dag: Udgivet og gammel" });
    button.focus();
    fireEvent.click(button);
    await screen.findByText("Godt. Udgivet og gammel er tjekket i dag.");
    expect(screen.getByText("Godt. Udgivet og gammel er tjekket i dag.")).toHaveAttribute("role", "status");
    expect(sentMethod(fetch, 2)).toBe("POST");
    expect(sentUrl(fetch, 2).pathname).toBe(`/api/directory/centres/nord/offers/${items[0]!.id}/verify`);
    expect(sentBody(fetch, 2)).toEqual({ version: 3 });
    const row = screen.getByRole("link", { name: "Udgivet og gammel" }).closest("article")!;
    expect(row).not.toHaveTextContent("Skal tjekkes");
    expect(row).toHaveTextContent("23. november 2026");
    expect(document.activeElement).toBe(within(row).getByRole("button"));
  });

  it("is not for citizens", async () => {
    mockFetch();
    renderApp("/personale/tilbud", { person: makePerson() });
    expect(await screen.findByRole("heading", { level: 1, name: "Du har ikke adgang" })).toBeInTheDocument();
  });

  it("lets a person with several centres choose one, and uses ?center=", async () => {
    const both = makePerson({ grants: [{ role: "staff", centre_id: "nord" }, { role: "staff", centre_id: "syd" }] });
    const fetch = mockFetch({ body: { items: [] } });
    const { history } = renderApp("/personale/tilbud", { person: both });
    expect(await screen.findByRole("heading", { level: 1, name: "Vælg et borgercenter" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("link", { name: "Borgercenter Syd" }));
    await screen.findByText("Der er ingen tilbud her.");
    expect(history.get()).toBe("/personale/tilbud?center=syd");
    expect(sentUrl(fetch).pathname).toBe("/api/directory/centres/syd/offers");
    expect(screen.getByRole("link", { name: "Nyt tilbud" })).toHaveAttribute("href", "/personale/tilbud/nyt?center=syd");
  });
});

describe("the offer editor", () => {
  it("shows the LIX of the description in plain words and marks long sentences, after a pause", async () => {
    mockFetch();
    renderApp("/personale/tilbud/nyt", { person: staff });
    expect(await screen.findByRole("heading", { level: 1, name: "Nyt tilbud" })).toBeInTheDocument();
    const description = screen.getByLabelText("Hvad laver man");
    const hint = document.getElementById("description-lix")!;
    expect(hint).toHaveAttribute("aria-live", "polite");
    expect(description.getAttribute("aria-describedby")).toContain("description-lix");
    expect(hint).toHaveTextContent("Målet er LIX 30 eller under.");

    type(description, "Vi går en tur. Bagefter drikker vi kaffe.");
    // Not on every keystroke: the hint waits for a pause.
    expect(hint).toHaveTextContent("Målet er LIX 30 eller under.");
    await waitFor(() => expect(hint).toHaveTextContent(/^LIX \d+ – let at læse\. Målet er 30 eller under\.$/));
    expect(screen.queryByRole("mark")).not.toBeInTheDocument();

    const long =
      "Kommunens borgercentre tilbyder forskelligartede aktiviteter, hvor deltagerne sammen undersøger naturområdernes plantearter og dyreliv i forbindelse med længerevarende vandreture.";
    type(description, `Vi går en tur. ${long}`);
    await waitFor(() => expect(hint).toHaveTextContent("svær at læse. Målet er 30 eller under. En sætning er for lang. Del den op."));
    const marked = document.querySelector(".lix__long mark");
    expect(marked).toHaveTextContent(long);
  });

  it("saves a draft with PUT and the version it started from", async () => {
    const saved = curated({ name: "Strikkecafé i Nord", version: 4 });
    const fetch = await openEditor(curated(), { body: { offer: saved } });
    expect(screen.getByLabelText("Navn")).toHaveValue("Strikkecafé");
    expect(screen.getByRole("radio", { name: "Kreativt værksted" })).toBeChecked();
    type(screen.getByLabelText("Navn"), "Strikkecafé i Nord");
    type(screen.getByLabelText("Mindste alder"), "18");
    fireEvent.click(screen.getByRole("button", { name: "Gem kladde" }));
    await screen.findByText("Vi har gemt tilbuddet.");
    expect(sentMethod(fetch, 1)).toBe("PUT");
    expect(sentUrl(fetch, 1).pathname).toBe(`/api/directory/centres/nord/offers/${ID}`);
    expect(sentBody(fetch, 1)).toEqual({
      version: 3,
      offer: {
        name: "Strikkecafé i Nord",
        description: "Vi strikker og drikker kaffe. Alle kan være med.",
        organization_name: "Strikkeklubben Maske",
        status: "active",
        centre_id: "nord",
        area: "Lyngbakken",
        category: "creative",
        free: true,
        minimum_age: 18,
      },
    });
    // The next save starts from the saved version.
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Ret tilbud: Strikkecafé i Nord");
  });

  it("saves access facts, weekly times and a secret address, and keeps what the form does not show", async () => {
    const sessions = [{ date: "2027-01-09", opens_at: "10:00", closes_at: "12:00" }];
    const start = curated({
      sessions,
      languages: ["da", "en"],
      location: { address_1: "Torvet 1", postal_code: "7000", city: "Fredericia", latitude: 55.56, longitude: 9.75 },
    });
    const fetch = await openEditor(start, { body: { offer: start } });
    // The access facts under a question in plain words (issue 17, item 13).
    expect(screen.getByRole("group", { name: "Hvordan er adgangen til stedet?" })).toContainElement(screen.getByRole("checkbox", { name: "Uden trin" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Uden trin" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "Hemmelig adresse. Borgere ser kun byen." }));
    fireEvent.click(screen.getByRole("button", { name: "Tilføj en tid" }));
    fireEvent.change(screen.getByLabelText("Dag"), { target: { value: "tu" } });
    type(screen.getByLabelText("Fra kl."), "14:00");
    type(screen.getByLabelText("Til kl."), "16:00");
    fireEvent.click(screen.getByRole("button", { name: "Gem kladde" }));
    await screen.findByText("Vi har gemt tilbuddet.");
    expect(sentBody(fetch, 1)).toMatchObject({
      offer: {
        accessibility: ["step_free"],
        weekly: [{ weekday: "tu", opens_at: "14:00", closes_at: "16:00" }],
        location: { address_1: "Torvet 1", postal_code: "7000", city: "Fredericia", latitude: 55.56, longitude: 9.75, confidential: true },
        sessions,
        languages: ["da", "en"],
      },
    });
  });

  it("creates a new draft with POST even if it is incomplete, and moves to its address", async () => {
    const created = curated({ name: "Halvfærdig idé", version: 1, description: undefined });
    const fetch = mockFetch({ status: 201, body: { offer: created } });
    const { history } = renderApp("/personale/tilbud/nyt", { person: staff });
    type(await screen.findByLabelText("Navn"), "Halvfærdig idé");
    const save = screen.getByRole("button", { name: "Gem kladde" });
    save.focus();
    fireEvent.click(save);
    await screen.findByText("Vi har gemt tilbuddet.");
    expect(sentMethod(fetch)).toBe("POST");
    expect(sentUrl(fetch).pathname).toBe("/api/directory/centres/nord/offers");
    expect(sentBody(fetch)).toEqual({ name: "Halvfærdig idé", centre_id: "nord" });
    await waitFor(() => expect(history.get()).toBe(`/personale/tilbud/${ID}`));
    // Same page: no new load, and the heading now names the offer.
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Ret tilbud: Halvfærdig idé");
  });

  it("picks the organisation from the shared list, or creates a new one, and saves the offer pointing at it", async () => {
    const solsikken = { id: "0190a1b2-c3d4-5e5f-8a9b-000000000001", name: "Gåklubben Solsikken", website: "https://solsikken.example.dk", version: 1, last_modified: "2026-01-01T00:00:00.000Z" };
    const created = { id: "0190a1b2-c3d4-5e5f-8a9b-000000000002", name: "Strikkeklubben Masken", version: 1, last_modified: "2026-01-01T00:00:00.000Z" };
    const fetch = mockFetch({ body: { items: [solsikken] } }, { status: 201, body: { organization: created } }, { status: 201, body: { offer: curated({ name: "Strik", version: 1 }) } });
    renderApp("/personale/tilbud/nyt", { person: staff });
    await screen.findByRole("heading", { level: 1, name: "Nyt tilbud" }, { timeout: 5000 });
    type(screen.getByLabelText("Navn"), "Strik");
    const who = screen.getByLabelText("Hvem står bag");
    fireEvent.focus(who);
    type(who, "gåklubben solsikken");
    expect(await screen.findByText(/Valgt fra listen: Gåklubben Solsikken/)).toBeInTheDocument();
    expect(sentUrl(fetch).pathname).toBe("/api/directory/organizations");

    type(who, "Strikkeklubben Masken");
    expect(screen.getByText("Strikkeklubben Masken er ikke på listen endnu.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Opret Strikkeklubben Masken" }));
    expect(await screen.findByText("Strikkeklubben Masken er oprettet. Den er nu valgt.")).toBeInTheDocument();
    expect(sentBody(fetch, 1)).toEqual({ name: "Strikkeklubben Masken" });

    fireEvent.click(screen.getByRole("button", { name: "Gem kladde" }));
    await screen.findByText("Vi har gemt tilbuddet.");
    expect(sentBody(fetch, 2)).toMatchObject({ organization_name: "Strikkeklubben Masken", organization_id: created.id });
  }, 20_000);

  it("shows a conflict with the fields that differ, and 'Behold mine' saves again with the new version", async () => {
    const theirs = curated({ name: "Strikkecafé", description: "Vi strikker. Der er kaffe.", free: false, fees_description: "20 kr.", version: 5 });
    const conflict = {
      status: 409,
      body: {
        error: { code: "offer_conflict", message: "En anden har ændret tilbuddet, mens du skrev.", details: { current: theirs, edited_version: 3 } },
      },
    };
    const fetch = await openEditor(curated(), conflict, { body: { offer: curated({ description: "Vi strikker sammen.", version: 6 }) } });
    type(screen.getByLabelText("Hvad laver man"), "Vi strikker sammen.");
    fireEvent.click(screen.getByRole("button", { name: "Gem kladde" }));

    const notice = await screen.findByRole("region", { name: "En anden har ændret tilbuddet" });
    expect(document.activeElement).toBe(notice);
    const fields = within(notice).getAllByRole("listitem");
    expect(fields.map((item) => within(item).getByRole("heading").textContent)).toEqual(["Hvad laver man", "Er det gratis?", "Hvad koster det"]);
    expect(fields[0]).toHaveTextContent("Det skrev duVi strikker sammen.");
    expect(fields[0]).toHaveTextContent("Det gemte den andenVi strikker. Der er kaffe.");
    expect(fields[1]).toHaveTextContent("Det skrev duJa");
    expect(fields[1]).toHaveTextContent("Det gemte den andenNej");
    expect(fields[2]).toHaveTextContent("Det skrev duTomt");

    fireEvent.click(within(notice).getByRole("button", { name: "Behold mine" }));
    await screen.findByText("Vi har gemt tilbuddet.");
    expect(sentMethod(fetch, 2)).toBe("PUT");
    expect(sentBody(fetch, 2)).toMatchObject({ version: 5, offer: { description: "Vi strikker sammen.", free: true } });
    expect(screen.queryByRole("region", { name: "En anden har ændret tilbuddet" })).not.toBeInTheDocument();
  });

  it("'Brug den andens' puts the other version in the form", async () => {
    const theirs = curated({ name: "Strikkecafé Nord", version: 5 });
    const conflict = { status: 409, body: { error: { code: "offer_conflict", message: "…", details: { current: theirs, edited_version: 3 } } } };
    const fetch = await openEditor(curated(), conflict, { body: { offer: curated({ name: "Strikkecafé Nord", version: 6 }) } });
    type(screen.getByLabelText("Navn"), "Strikkecafé Syd");
    fireEvent.click(screen.getByRole("button", { name: "Gem kladde" }));
    const notice = await screen.findByRole("region", { name: "En anden har ændret tilbuddet" });
    fireEvent.click(within(notice).getByRole("button", { name: "Brug den andens" }));
    expect(screen.getByLabelText("Navn")).toHaveValue("Strikkecafé Nord");
    expect(screen.getByText("Nu ser du den andens udgave.")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Gem kladde" }));
    await screen.findByText("Vi har gemt tilbuddet.");
    expect(sentBody(fetch, 2)).toMatchObject({ version: 5 });
  });

  it("publishing an incomplete offer shows the error summary, each error linked to its field", async () => {
    const incomplete = curated({ name: "Mangler noget", description: undefined, organization_name: undefined, category: undefined, free: undefined, area: undefined, status: undefined, version: 1 });
    const missing = (field: string) => ({ field, message: "Feltet må ikke være tomt." });
    const fetch = await openEditor(incomplete, {
      status: 400,
      body: {
        error: {
          code: "invalid_input",
          message: "Der er fejl.",
          fields: [missing("description"), missing("organization_name"), missing("category"), missing("free"), missing("location.postal_code")],
        },
      },
    });
    fireEvent.click(screen.getByRole("button", { name: "Udgiv" }));
    const summary = await screen.findByRole("alert");
    expect(sentUrl(fetch, 1).pathname).toBe(`/api/directory/centres/nord/offers/${ID}/publish`);
    expect(sentBody(fetch, 1)).toEqual({ version: 1 });
    expect(within(summary).getByRole("heading", { name: "Der er et problem" })).toBeInTheDocument();
    const links = within(summary).getAllByRole("link");
    expect(links.map((link) => [link.textContent, link.getAttribute("href")])).toEqual([
      ["Hvad laver man: Feltet må ikke være tomt.", "#description"],
      ["Hvem står bag: Feltet må ikke være tomt.", "#organization_name"],
      ["Type: Feltet må ikke være tomt.", "#category-sport"],
      ["Er det gratis?: Feltet må ikke være tomt.", "#free-yes"],
      ["Postnummer: Feltet må ikke være tomt.", "#location_postal_code"],
    ]);
    // The field says it too, and clicking the link takes you there.
    expect(screen.getByLabelText("Hvad laver man")).toHaveAttribute("aria-invalid", "true");
    fireEvent.click(links[4]!);
    expect(document.activeElement).toBe(screen.getByLabelText("Postnummer"));
  });

  it("publishes, and then offers 'Skjul for borgerne' and the public page", async () => {
    const fetch = await openEditor(curated(), { body: { offer: curated({ publication: "published", version: 4, assured_date: "2026-11-23" }) } });
    fireEvent.click(screen.getByRole("button", { name: "Udgiv" }));
    await screen.findByText("Tilbuddet er udgivet. Borgerne kan se det nu.");
    expect(sentUrl(fetch, 1).pathname).toBe(`/api/directory/centres/nord/offers/${ID}/publish`);
    expect(screen.getByRole("link", { name: "Se tilbuddet, som borgerne ser det" })).toHaveAttribute("href", `/tilbud/${ID}`);
    expect(screen.getByRole("button", { name: "Skjul for borgerne" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Udgiv" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Gem ændringer" })).toBeInTheDocument();
  });

  it("asks before archiving", async () => {
    const fetch = await openEditor(curated(), { body: { offer: curated({ publication: "archived", version: 4 }) } });
    fireEvent.click(screen.getByRole("button", { name: "Arkiver" }));
    const ask = screen.getByRole("group", { name: "Vil du arkivere tilbuddet?" });
    expect(document.activeElement).toBe(ask);
    fireEvent.click(within(ask).getByRole("button", { name: "Nej, fortryd" }));
    expect(screen.queryByRole("group", { name: "Vil du arkivere tilbuddet?" })).not.toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: "Arkiver" }));
    fireEvent.click(screen.getByRole("button", { name: "Ja, arkiver" }));
    await screen.findAllByText("Tilbuddet er arkiveret. Det kan ikke ændres.");
    expect(sentUrl(fetch, 1).pathname).toBe(`/api/directory/centres/nord/offers/${ID}/archive`);
    expect(screen.queryByRole("button", { name: "Gem kladde" })).not.toBeInTheDocument();
  });

  it("'Se som borger' shows the offer as the public page does, and goes back to the form", async () => {
    await openEditor(curated({ schedule_description: "Hver tirsdag kl. 10." }));
    type(screen.getByLabelText("Hvad laver man"), "Vi strikker. Det er hyggeligt.");
    fireEvent.click(screen.getByRole("button", { name: "Se som borger" }));
    const heading = screen.getByRole("heading", { level: 1, name: "Strikkecafé" });
    expect(document.activeElement).toBe(heading);
    const main = screen.getByRole("main");
    expect(main).toHaveTextContent("Vi strikker. Det er hyggeligt.");
    expect(main).toHaveTextContent("Hver tirsdag kl. 10.");
    expect(main).toHaveTextContent("Kreativt værksted");
    expect(main).toHaveTextContent("Gratis");
    expect(screen.getByRole("heading", { level: 2, name: "Hvornår" })).toBeInTheDocument();
    expect(screen.queryByRole("textbox")).not.toBeInTheDocument();
    // "Læs op" and "Udskriv" belong to the public page, not the preview.
    expect(screen.queryByRole("button", { name: "Udskriv" })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Tilbage til at rette" }));
    expect(screen.getByLabelText("Hvad laver man")).toHaveValue("Vi strikker. Det er hyggeligt.");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Se som borger" }));
  });

  it("says 'Du har ikke adgang' to a citizen", async () => {
    mockFetch();
    renderApp(`/personale/tilbud/${ID}`, { person: makePerson() });
    expect(await screen.findByRole("heading", { level: 1, name: "Du har ikke adgang" })).toBeInTheDocument();
  });
});
