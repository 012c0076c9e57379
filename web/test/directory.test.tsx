import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { makeOffer, mockFetch, renderApp, sentHeader, sentUrl } from "./helpers.tsx";

const page = (count: number, next_cursor: string | null, overrides = {}, total = count) => ({
  body: { items: Array.from({ length: count }, () => makeOffer(overrides)), next_cursor, total },
});

describe("the list of offers", () => {
  it("shows each offer as a card that links to its page", async () => {
    const offer = makeOffer({
      name: "Kor for alle",
      category: "culture",
      centre_id: "syd",
      area: "Viby",
      free: false,
      fees_description: "50 kr. om måneden",
      minimum_age: 18,
      maximum_age: 99,
    });
    const fetch = mockFetch({ body: { items: [offer], next_cursor: null } });
    renderApp("/tilbud");

    const link = await screen.findByRole("link", { name: "Kor for alle" });
    expect(link).toHaveAttribute("href", `/tilbud/${offer.id}`);
    const card = link.closest("article")!;
    expect(card).toHaveTextContent("Kultur og musik");
    // The town people know, not the centre that curates it (issue 17, item 2).
    expect(card).toHaveTextContent("HvorViby");
    expect(card).toHaveTextContent("50 kr. om måneden");
    expect(card).toHaveTextContent("18 til 99 år");
    expect(screen.getByRole("status")).toHaveTextContent("Du ser alle 1 tilbud.");
    expect(screen.queryByRole("button", { name: "Vis flere" })).not.toBeInTheDocument();
    expect(document.title).toBe("Find tilbud – Nærhed");

    expect(sentUrl(fetch).pathname).toBe("/api/directory/offers");
    expect(sentUrl(fetch).searchParams.get("limit")).toBe("20");
    expect(sentHeader(fetch, "accept-language")).toBe("da");
  });

  it("says it is loading, politely", async () => {
    mockFetch(page(2, null));
    renderApp("/tilbud");
    const status = await screen.findByRole("status");
    expect(status).toHaveTextContent("Henter tilbud …");
    await waitFor(() => expect(status).toHaveTextContent("Du ser alle 2 tilbud."));
  });

  it("shows free offers as free and ages as plain words", async () => {
    mockFetch({
      body: {
        items: [makeOffer({ name: "A", free: true }), makeOffer({ name: "B", free: false, minimum_age: 65 })],
        next_cursor: null,
      },
    });
    renderApp("/tilbud");
    const first = (await screen.findByRole("link", { name: "A" })).closest("article")!;
    const second = screen.getByRole("link", { name: "B" }).closest("article")!;
    expect(first).toHaveTextContent("Gratis");
    expect(first).toHaveTextContent("Alle aldre");
    expect(second).toHaveTextContent("Det koster penge.");
    expect(second).toHaveTextContent("Fra 65 år");
  });

  it("loads more with the cursor and moves focus to the first new offer", async () => {
    const fetch = mockFetch(page(20, "cursor-2", {}, 25), page(5, null, { name: "Ny" }, 25));
    renderApp("/tilbud");
    const more = await screen.findByRole("button", { name: "Vis flere" });
    // How many in all, not only how many are shown (issue 17, item 3).
    expect(screen.getByRole("status")).toHaveTextContent("Du ser 20 af 25 tilbud.");

    fireEvent.click(more);
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(25));
    expect(sentUrl(fetch, 1).searchParams.get("cursor")).toBe("cursor-2");
    expect(screen.getByRole("status")).toHaveTextContent("Du ser alle 25 tilbud.");
    expect(document.activeElement).toBe(within(screen.getAllByRole("article")[20]!).getByRole("link"));
    expect(screen.queryByRole("button", { name: "Vis flere" })).not.toBeInTheDocument();
  });

  it("says when something went wrong and lets you try again", async () => {
    const fetch = mockFetch(
      {
        status: 503,
        body: { error: { code: "unavailable", message: "Nærhed har travlt." }, request_id: "req-42" },
      },
      page(3, null),
    );
    renderApp("/tilbud");
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Vi kunne ikke hente tilbud.");
    expect(alert).toHaveTextContent("Prøv igen om lidt.");
    expect(alert).toHaveTextContent("req-42");

    fireEvent.click(within(alert).getByRole("button", { name: "Prøv igen" }));
    await waitFor(() => expect(screen.getAllByRole("article")).toHaveLength(3));
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("tells you to check the connection when the network fails", async () => {
    mockFetch(new TypeError("Failed to fetch"));
    renderApp("/tilbud");
    expect(await screen.findByRole("alert")).toHaveTextContent("Tjek dit internet");
  });

  it("says so when there are no offers", async () => {
    mockFetch({ body: { items: [], next_cursor: null } });
    renderApp("/tilbud");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Der er ingen tilbud lige nu."));
  });

  it("asks the API in English when English is chosen", async () => {
    const fetch = mockFetch(page(1, null, { category: "sport", centre_id: "midt" }));
    renderApp("/tilbud", { language: "en" });
    const card = (await screen.findAllByRole("article"))[0]!;
    expect(card).toHaveTextContent("Sport and exercise");
    expect(card).toHaveTextContent(/Where\p{L}+/u);
    expect(card).toHaveTextContent("Free");
    expect(sentHeader(fetch, "accept-language")).toBe("en");
  });
});

describe("the page for one offer", () => {
  const full = makeOffer({
    name: "Strikkecafé",
    description: "Vi strikker og snakker.",
    category: "creative",
    schedule_description: "Hver onsdag kl. 14 til 16.",
    location: { name: "Kulturhuset", address_1: "Torvet 1", postal_code: "8000", city: "Aarhus C" },
    free: false,
    fees_description: "20 kr. for kaffe.",
    minimum_age: 18,
    eligibility_description: "For voksne, der bor i kommunen.",
    application_process: "Du skal bare komme.",
    accessibility_notes: "Der er elevator og handicaptoilet.",
    phone: "+45 12 34 56 78",
    email: "strik@example.dk",
    url: "https://example.dk/strik",
    organization_name: "Foreningen Garn",
    assured_date: "2026-03-03",
  });

  it("shows everything a person needs to go there", async () => {
    const fetch = mockFetch({ body: full });
    renderApp(`/tilbud/${full.id}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Strikkecafé" })).toBeInTheDocument();
    expect(sentUrl(fetch).pathname).toBe(`/api/directory/offers/${full.id}`);
    expect(document.title).toBe("Strikkecafé – Nærhed");
    const main = screen.getByRole("main");
    for (const text of [
      "Kreativt værksted",
      "Vi strikker og snakker.",
      "Hver onsdag kl. 14 til 16.",
      "Torvet 1",
      "8000 Aarhus C",
      "20 kr. for kaffe.",
      "Fra 18 år",
      "For voksne, der bor i kommunen.",
      "Du skal bare komme.",
      "Der er elevator og handicaptoilet.",
      "Foreningen Garn",
    ]) {
      expect(main).toHaveTextContent(text);
    }
    for (const heading of ["Hvornår", "Hvor", "Pris", "Hvem kan være med", "Sådan kommer du med", "Adgang og hjælp", "Kontakt", "Hvem står bag"]) {
      expect(within(main).getByRole("heading", { level: 2, name: heading })).toBeInTheDocument();
    }
    expect(screen.getByRole("link", { name: "+45 12 34 56 78" })).toHaveAttribute("href", "tel:+4512345678");
    expect(screen.getByRole("link", { name: "strik@example.dk" })).toHaveAttribute("href", "mailto:strik@example.dk");
    expect(screen.getByRole("link", { name: "example.dk/strik" })).toHaveAttribute("href", "https://example.dk/strik");
    expect(main).toHaveTextContent("Sidst tjekket 3. marts 2026.");
    expect(main.querySelector("time")).toHaveAttribute("datetime", "2026-03-03");
    expect(screen.getByRole("link", { name: "Tilbage til alle tilbud" })).toHaveAttribute("href", "/tilbud");
    expect(screen.getByRole("link", { name: "Se vejen derhen på et kort" })).toHaveAttribute(
      "href",
      "https://www.openstreetmap.org/search?query=Torvet%201%2C%208000%20Aarhus%20C",
    );
  });

  it("shows the weekly times, coming sessions, a calendar link, the access facts and the languages", async () => {
    const timed = makeOffer({
      name: "Kørestolsbasket",
      weekly: [{ weekday: "tu", opens_at: "17:00", closes_at: "19:00" }],
      sessions: [
        { date: "2020-01-07", opens_at: "10:00", closes_at: "12:00" },
        { date: "2099-03-05", opens_at: "10:00", closes_at: "13:00" },
      ],
      accessibility: ["step_free", "hearing_loop"],
      languages: ["da", "ar"],
    });
    mockFetch({ body: timed });
    renderApp(`/tilbud/${timed.id}`);
    await screen.findByRole("heading", { level: 1, name: "Kørestolsbasket" });
    const main = screen.getByRole("main");
    expect(main).toHaveTextContent("Hver tirsdag kl. 17:00 til 19:00");
    expect(main).toHaveTextContent("5. marts 2099 kl. 10:00 til 13:00");
    // A session that has been is left out.
    expect(main).not.toHaveTextContent("2020");
    expect(screen.getByRole("link", { name: "Sæt tiderne i din kalender" })).toHaveAttribute("href", `/api/directory/offers/${timed.id}/calendar.ics`);
    expect(main).toHaveTextContent("Uden trin");
    expect(main).toHaveTextContent("Teleslynge");
    expect(screen.getByRole("heading", { level: 2, name: "Sprog" })).toBeInTheDocument();
    expect(main).toHaveTextContent("Dansk, Arabisk");
  });

  it("says a confidential address is given on contact, and shows only the town", async () => {
    const hidden = makeOffer({ name: "Gruppe for dig i sorg", location: { address_1: "", postal_code: "7000", city: "Fredericia", confidential: true } });
    mockFetch({ body: hidden });
    renderApp(`/tilbud/${hidden.id}`);
    await screen.findByRole("heading", { level: 1, name: "Gruppe for dig i sorg" });
    expect(screen.getByRole("main")).toHaveTextContent("Du får adressen, når du kontakter dem.");
    expect(screen.getByRole("main")).toHaveTextContent("7000 Fredericia");
    expect(screen.queryByRole("link", { name: "Se vejen derhen på et kort" })).toBeNull();
  });

  it("shows the date the English way in English", async () => {
    mockFetch({ body: full });
    renderApp(`/tilbud/${full.id}`, { language: "en" });
    await screen.findByRole("heading", { level: 1, name: "Strikkecafé" });
    expect(screen.getByRole("main")).toHaveTextContent("Last checked 3 March 2026.");
    expect(screen.getByRole("heading", { level: 2, name: "How to join" })).toBeInTheDocument();
  });

  it("leaves out what the offer does not say, and warns when it is on a break", async () => {
    const bare = makeOffer({ name: "Løb", status: "temporarily closed" });
    mockFetch({ body: bare });
    renderApp(`/tilbud/${bare.id}`);
    await screen.findByRole("heading", { level: 1, name: "Løb" });
    expect(screen.getByText("Tilbuddet holder pause lige nu.")).toBeInTheDocument();
    expect(within(screen.getByRole("main")).queryByRole("heading", { name: "Hvornår" })).not.toBeInTheDocument();
    expect(within(screen.getByRole("main")).queryByRole("heading", { name: "Kontakt" })).not.toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveTextContent("Gratis");
  });

  it("says plainly when the offer cannot be found", async () => {
    mockFetch({
      status: 404,
      body: { error: { code: "offer_not_found", message: "Vi kan ikke finde tilbuddet." }, request_id: "r1" },
    });
    renderApp("/tilbud/0190a1b2-c3d4-7e5f-8a9b-ffffffffffff");
    expect(await screen.findByRole("heading", { level: 1, name: "Vi kan ikke finde tilbuddet" })).toBeInTheDocument();
    expect(document.title).toBe("Vi kan ikke finde tilbuddet – Nærhed");
    expect(screen.getByRole("link", { name: "Tilbage til alle tilbud" })).toHaveAttribute("href", "/tilbud");
  });

  it("treats an address without a valid id as not found", async () => {
    mockFetch({
      status: 400,
      body: { error: { code: "invalid_input", message: "Adressen er forkert." }, request_id: "r2" },
    });
    renderApp("/tilbud/noget-andet");
    expect(await screen.findByRole("heading", { level: 1, name: "Vi kan ikke finde tilbuddet" })).toBeInTheDocument();
  });

  it("lets you try again when the server fails", async () => {
    mockFetch({ status: 500, body: { error: { code: "internal", message: "Fejl" }, request_id: "r3" } }, { body: full });
    renderApp(`/tilbud/${full.id}`);
    const alert = await screen.findByRole("alert");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Vi kunne ikke hente tilbuddet.");
    fireEvent.click(within(alert).getByRole("button", { name: "Prøv igen" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Strikkecafé" })).toBeInTheDocument();
  });

  it("goes from the list to an offer and back", async () => {
    const offers = [makeOffer({ name: "Første" }), makeOffer({ name: "Anden" })];
    mockFetch({ body: { items: offers, next_cursor: null } }, { body: offers[1] }, { body: { items: offers, next_cursor: null } });
    const { history } = renderApp("/tilbud");
    fireEvent.click(await screen.findByRole("link", { name: "Anden" }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Anden" });
    expect(history.get()).toBe(`/tilbud/${offers[1]!.id}`);
    await waitFor(() => expect(document.activeElement).toBe(heading));

    fireEvent.click(screen.getByRole("link", { name: "Tilbage til alle tilbud" }));
    expect(await screen.findByRole("link", { name: "Første" })).toBeInTheDocument();
    expect(history.get()).toBe("/tilbud");
  });

  it("goes back from an offer to the search as it was, filters and all (issue 17, item 3)", async () => {
    const hit = makeOffer({ name: "Kørestolsbasket" });
    const found = { body: { items: [hit], total: 1, next_cursor: null } };
    mockFetch(found, { body: hit }, found);
    const { history } = renderApp("/tilbud/soeg?free=true&day=tu&postcode=7000");
    fireEvent.click(await screen.findByRole("link", { name: "Kørestolsbasket" }));
    await screen.findByRole("heading", { level: 1, name: "Kørestolsbasket" });
    expect(screen.queryByRole("link", { name: "Tilbage til alle tilbud" })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole("link", { name: "Tilbage til din søgning" }));
    expect(await screen.findByRole("link", { name: "Kørestolsbasket" })).toBeInTheDocument();
    expect(history.get()).toBe("/tilbud/soeg?free=true&day=tu&postcode=7000");
    expect(screen.getByRole("button", { name: "Filtre (3)" })).toBeInTheDocument();
  });
});
