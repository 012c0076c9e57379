import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { makeOffer, mockFetch, renderApp, sentHeader, sentUrl } from "./helpers.tsx";

const found = (count: number, extra: Record<string, unknown> = {}) => ({
  body: { items: Array.from({ length: count }, () => makeOffer()), total: count, next_cursor: null, ...extra },
});
/** The filters are folded behind one button. */
const openFilters = () => fireEvent.click(screen.getByRole("button", { name: /^(Filtre|Filters)/ }));
const params = (mock: ReturnType<typeof mockFetch>, call: number) => Object.fromEntries(sentUrl(mock, call).searchParams);

describe("the search page", () => {
  it("has a labelled search field, filters as buttons, and says how many it found", async () => {
    const fetch = mockFetch({ body: { items: [makeOffer({ name: "Svømning i varmt vand" }), makeOffer()], total: 2, next_cursor: null } });
    renderApp("/tilbud/soeg");

    expect(await screen.findByRole("heading", { level: 1, name: "Søg i tilbud" })).toBeInTheDocument();
    expect(screen.getByRole("search")).toBeInTheDocument();
    const field = screen.getByRole("searchbox", { name: "Hvad leder du efter?" });
    expect(field).toHaveAttribute("type", "search");
    openFilters();
    const types = screen.getByRole("group", { name: "Type" });
    expect(within(types).getAllByRole("button")).toHaveLength(9); // "Alle typer" and the 8 categories
    expect(within(types).getByRole("button", { name: "Alle typer" })).toHaveAttribute("aria-pressed", "true");
    // Two levels: the kinds sit in their groups.
    expect(within(within(types).getByRole("group", { name: "Aktiviteter" })).getAllByRole("button").map((b) => b.textContent)).toEqual([
      "Sport og bevægelse",
      "Kreativt værksted",
      "Kultur og musik",
      "Natur og friluftsliv",
    ]);
    expect(within(screen.getByRole("group", { name: "Sted" })).getAllByRole("button")).toHaveLength(4);
    expect(screen.getByRole("button", { name: "Kun gratis" })).toHaveAttribute("aria-pressed", "false");
    expect(screen.getByRole("textbox", { name: "Din alder" })).toHaveAttribute("inputmode", "numeric");

    expect(await screen.findByRole("link", { name: "Svømning i varmt vand" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("Vi fandt 2 tilbud.");
    expect(document.title).toBe("Søg i tilbud – Nærhed");
    expect(sentUrl(fetch).pathname).toBe("/api/directory/search");
    expect(params(fetch, 0)).toEqual({ limit: "20" });
    expect(sentHeader(fetch, "accept-language")).toBe("da");
  });

  it("searches from the address, so a link or Back shows the same search", async () => {
    const fetch = mockFetch(found(1));
    renderApp("/tilbud/soeg?q=sv%C3%B8m&category=sport&centre=nord&free=true&age=34");
    await screen.findByText("Vi fandt 1 tilbud.");
    expect(params(fetch, 0)).toEqual({ q: "svøm", category: "sport", centre: "nord", free: "true", age: "34", limit: "20" });
    expect(screen.getByRole("searchbox")).toHaveValue("svøm");
    expect(screen.getByRole("button", { name: "Filtre (4)" })).toHaveAttribute("aria-expanded", "false");
    openFilters();
    expect(screen.getByRole("textbox", { name: "Din alder" })).toHaveValue("34");
    expect(screen.getByRole("button", { name: "Sport og bevægelse" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "Borgercenter Nord" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("button", { name: "Kun gratis" })).toHaveAttribute("aria-pressed", "true");
  });

  it("leaves out of the API what it would refuse", async () => {
    const fetch = mockFetch(found(0));
    renderApp("/tilbud/soeg?category=boats&age=old&free=maybe");
    await screen.findByText("Vi fandt ingen tilbud.");
    expect(params(fetch, 0)).toEqual({ limit: "20" });
  });

  it("searches by itself when typing pauses, and puts the words in the address", async () => {
    const fetch = mockFetch(found(3), found(1));
    const { history } = renderApp("/tilbud/soeg");
    await screen.findByText("Vi fandt 3 tilbud.");
    fireEvent.input(screen.getByRole("searchbox"), { target: { value: "svøm" } });
    await screen.findByText("Vi fandt 1 tilbud.");
    expect(params(fetch, 1)).toEqual({ q: "svøm", limit: "20" });
    expect(new URL(history.get(), "http://x").searchParams.get("q")).toBe("svøm");
  });

  it("applies a filter with one press, and Back takes it away again", async () => {
    const fetch = mockFetch(found(3), found(2), found(3));
    const { history } = renderApp("/tilbud/soeg");
    await screen.findByText("Vi fandt 3 tilbud.");
    openFilters();
    const free = screen.getByRole("button", { name: "Kun gratis" });
    fireEvent.click(free);
    await screen.findByText("Vi fandt 2 tilbud.");
    expect(free).toHaveAttribute("aria-pressed", "true");
    expect(params(fetch, 1)).toEqual({ free: "true", limit: "20" });
    history.back();
    await screen.findByText("Vi fandt 3 tilbud.");
    expect(free).toHaveAttribute("aria-pressed", "false");
    expect(params(fetch, 2)).toEqual({ limit: "20" });
  });

  it("chooses one category at a time; pressing it again shows all types", async () => {
    const fetch = mockFetch(found(3), found(1), found(3));
    renderApp("/tilbud/soeg");
    await screen.findByText("Vi fandt 3 tilbud.");
    openFilters();
    fireEvent.click(screen.getByRole("button", { name: "Natur og friluftsliv" }));
    await screen.findByText("Vi fandt 1 tilbud.");
    expect(params(fetch, 1)).toEqual({ category: "nature", limit: "20" });
    fireEvent.click(screen.getByRole("button", { name: "Natur og friluftsliv" }));
    await screen.findByText("Vi fandt 3 tilbud.");
    expect(screen.getByRole("button", { name: "Alle typer" })).toHaveAttribute("aria-pressed", "true");
  });

  it("says so when the age is not a whole number, and does not search", async () => {
    const fetch = mockFetch(found(3));
    renderApp("/tilbud/soeg");
    await screen.findByText("Vi fandt 3 tilbud.");
    openFilters();
    const age = screen.getByRole("textbox", { name: "Din alder" });
    fireEvent.input(age, { target: { value: "tre" } });
    expect(await screen.findByText("Skriv din alder som et helt tal, fx 34.")).toBeInTheDocument();
    expect(age).toHaveAttribute("aria-invalid", "true");
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("offers to loosen the filters when nothing is found", async () => {
    const fetch = mockFetch(
      found(0, { suggestions: [{ action: "drop_free", total: 3 }, { action: "drop_age", total: 1 }] }),
      found(3),
    );
    renderApp("/tilbud/soeg?q=sv%C3%B8m&free=true&age=10");
    expect(await screen.findByRole("heading", { name: "Prøv at vælge færre ting" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Vis alle aldre. Det giver 1 tilbud." })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Vis også tilbud, der koster penge. Det giver 3 tilbud." }));
    await screen.findByText("Vi fandt 3 tilbud.");
    expect(params(fetch, 1)).toEqual({ q: "svøm", age: "10", limit: "20" });
    expect(screen.getByRole("status")).toHaveFocus();
    expect(screen.queryByRole("heading", { name: "Prøv at vælge færre ting" })).not.toBeInTheDocument();
  });

  it("suggests another word when the words find nothing", async () => {
    mockFetch(found(0));
    renderApp("/tilbud/soeg?q=zebra");
    expect(await screen.findByRole("heading", { name: "Prøv et andet ord" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Se alle tilbud" })).toHaveAttribute("href", "/tilbud");
  });

  it("loads more with 'Vis flere' and keeps the place", async () => {
    const fetch = mockFetch(
      { body: { items: Array.from({ length: 20 }, () => makeOffer()), total: 21, next_cursor: "next" } },
      { body: { items: [makeOffer({ name: "Den sidste" })], total: 21, next_cursor: null } },
    );
    renderApp("/tilbud/soeg?q=tur");
    fireEvent.click(await screen.findByRole("button", { name: "Vis flere" }));
    const last = await screen.findByRole("link", { name: "Den sidste" });
    expect(params(fetch, 1)).toEqual({ q: "tur", limit: "20", cursor: "next" });
    await waitFor(() => expect(last).toHaveFocus());
    expect(screen.getByRole("status")).toHaveTextContent("Vi fandt 21 tilbud.");
  });

  it("speaks English", async () => {
    mockFetch(found(2));
    renderApp("/tilbud/soeg", { language: "en" });
    expect(await screen.findByText("We found 2 activities.")).toBeInTheDocument();
    expect(screen.getByRole("searchbox", { name: "What are you looking for?" })).toBeInTheDocument();
    openFilters();
    expect(screen.getByRole("button", { name: "Free only" })).toBeInTheDocument();
  });
});

describe("the filters on a phone (issue 17, item 1)", () => {
  it("fold behind one button that counts the choices, with 'Ryd alle valg' and a skip link to the results", async () => {
    const fetch = mockFetch(found(4), found(9));
    const { history } = renderApp("/tilbud/soeg?q=kaffe&free=true&day=tu&access=step_free,quiet_room&postcode=7000");
    await screen.findByText("Vi fandt 4 tilbud.");
    const filters = screen.getByRole("button", { name: "Filtre (5)" });
    expect(filters).toHaveAttribute("aria-expanded", "false");
    // Folded: not one filter button is in the way before the results.
    expect(screen.queryByRole("button", { name: "Kun gratis" })).not.toBeInTheDocument();
    expect(screen.getByText("Du har valgt: Kun gratis, Uden trin, Stille rum, Tirsdag, 7000.")).toBeInTheDocument();

    const skip = screen.getByRole("link", { name: "Gå til resultaterne" });
    fireEvent.click(skip);
    expect(screen.getByRole("status")).toHaveFocus();

    fireEvent.click(filters);
    expect(filters).toHaveAttribute("aria-expanded", "true");
    fireEvent.click(screen.getByRole("button", { name: "Ryd alle valg" }));
    await screen.findByText("Vi fandt 9 tilbud.");
    expect(params(fetch, 1)).toEqual({ q: "kaffe", limit: "20" });
    expect(new URL(history.get(), "http://x").search).toBe("?q=kaffe");
    expect(screen.getByRole("button", { name: "Filtre" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Ryd alle valg" })).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Dit postnummer" })).toHaveValue("");
  });
});

describe("a result card (issue 17, item 2)", () => {
  it("says when (the time on the chosen day) and in which town", async () => {
    const hit = makeOffer({
      name: "Kørestolsbasket",
      location: { address_1: "Hallen 1", postal_code: "7000", city: "Fredericia" },
      weekly: [
        { weekday: "mo", opens_at: "10:00", closes_at: "12:00" },
        { weekday: "tu", opens_at: "14:00", closes_at: "16:00" },
      ],
    });
    mockFetch({ body: { items: [hit], total: 1, next_cursor: null } });
    renderApp("/tilbud/soeg?day=tu");
    const card = (await screen.findByRole("link", { name: "Kørestolsbasket" })).closest("article")!;
    expect(card).toHaveTextContent("HvornårHver tirsdag kl. 14:00 til 16:00");
    expect(card).toHaveTextContent("HvorFredericia");
  });

  it("says the next dated session when there is no weekly time", async () => {
    const hit = makeOffer({ name: "Juletur", weekly: undefined, sessions: [{ date: "2999-12-05", opens_at: "10:00", closes_at: "13:00" }, { date: "2000-01-01", opens_at: "10:00", closes_at: "11:00" }] });
    mockFetch({ body: { items: [hit], next_cursor: null } });
    renderApp("/tilbud");
    const card = (await screen.findByRole("link", { name: "Juletur" })).closest("article")!;
    expect(card).toHaveTextContent("HvornårTorsdag 5. december 2999 kl. 10:00 til 13:00");
  });
});

describe("the way to search", () => {
  it("is a link at the top of the list of offers", async () => {
    mockFetch({ body: { items: [], next_cursor: null } });
    renderApp("/tilbud");
    expect(await screen.findByRole("link", { name: "Søg efter tilbud" })).toHaveAttribute("href", "/tilbud/soeg");
  });
});

describe("searching by needs, day and nearness", () => {
  it("sends the chosen access facts, day and postcode, and shows distance and access on each card", async () => {
    const hit = makeOffer({ name: "Kørestolsbasket", free: true, accessibility: ["step_free", "accessible_toilet"] });
    const page = { body: { items: [{ ...hit, distance_km: 1.4 }], total: 1, next_cursor: null } };
    // One answer per search: the filter, the day and the postcode each search again.
    const fetch = mockFetch(found(2), page, page, page);
    const { history } = renderApp("/tilbud/soeg");
    await screen.findByText("Vi fandt 2 tilbud.");
    openFilters();

    const access = screen.getByRole("group", { name: "Adgang" });
    expect(within(access).getAllByRole("button")).toHaveLength(6);
    fireEvent.click(within(access).getByRole("button", { name: "Uden trin" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(params(fetch, 1)).toEqual({ access: "step_free", limit: "20" });

    fireEvent.click(within(screen.getByRole("group", { name: "Dag" })).getByRole("button", { name: "Tirsdag" }));
    fireEvent.input(screen.getByRole("textbox", { name: "Dit postnummer" }), { target: { value: "7000" } });
    await waitFor(() => expect(new URL(history.get(), "http://x").searchParams.get("postcode")).toBe("7000"));
    await waitFor(() => expect(params(fetch, fetch.mock.calls.length - 1)).toEqual({ access: "step_free", day: "tu", postcode: "7000", limit: "20" }));

    const card = (await screen.findByRole("link", { name: "Kørestolsbasket" })).closest("article")!;
    expect(card).toHaveTextContent(`Hvor${hit.area}, 1,4 km væk`);
    expect(card).toHaveTextContent("Uden trin");
    expect(card).toHaveTextContent("Handicaptoilet");
    expect(card).toHaveTextContent("Gratis");
  });

  it("keeps the age when the postcode is typed right after it", async () => {
    mockFetch(found(2), found(1), found(1));
    const { history } = renderApp("/tilbud/soeg");
    await screen.findByText("Vi fandt 2 tilbud.");
    openFilters();
    fireEvent.input(screen.getByRole("textbox", { name: "Din alder" }), { target: { value: "34" } });
    fireEvent.input(screen.getByRole("textbox", { name: "Dit postnummer" }), { target: { value: "7000" } });
    await waitFor(() => {
      const address = new URL(history.get(), "http://x").searchParams;
      expect([address.get("age"), address.get("postcode")]).toEqual(["34", "7000"]);
    });
  });

  it("says what is wrong with a postcode that is not 4 digits, and does not search with it", async () => {
    const fetch = mockFetch(found(2));
    renderApp("/tilbud/soeg");
    await screen.findByText("Vi fandt 2 tilbud.");
    openFilters();
    fireEvent.input(screen.getByRole("textbox", { name: "Dit postnummer" }), { target: { value: "70" } });
    expect(await screen.findByText("Skriv et postnummer med 4 tal, fx 7000.")).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("says at the field when the API does not know a postcode, and does not show the old results as if they were near it", async () => {
    mockFetch(found(2), {
      status: 400,
      body: { error: { code: "invalid_input", message: "Tjek felterne.", fields: [{ field: "postcode", message: "Vi kender ikke postnummer 9999. Tjek, at du har skrevet det rigtigt." }] } },
    });
    renderApp("/tilbud/soeg");
    await screen.findByText("Vi fandt 2 tilbud.");
    expect(screen.getAllByRole("link", { name: /Gåtur i parken/ })).toHaveLength(2);
    openFilters();
    fireEvent.input(screen.getByRole("textbox", { name: "Dit postnummer" }), { target: { value: "9999" } });
    expect(await screen.findByText("Vi kender ikke postnummer 9999. Tjek, at du har skrevet det rigtigt.")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Dit postnummer" })).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByText("Vi fandt 2 tilbud.")).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /Gåtur i parken/ })).not.toBeInTheDocument();
  });

  it("unfolds the filters on a phone when a postcode from the address is unknown, so its message is seen", async () => {
    mockFetch({
      status: 400,
      body: { error: { code: "invalid_input", message: "Tjek felterne.", fields: [{ field: "postcode", message: "Vi kender ikke postnummer 9999. Tjek, at du har skrevet det rigtigt." }] } },
    });
    renderApp("/tilbud/soeg?postcode=9999");
    expect(await screen.findByText("Vi kender ikke postnummer 9999. Tjek, at du har skrevet det rigtigt.")).toBeVisible();
    expect(screen.getByRole("button", { name: /^Filtre/ })).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("textbox", { name: "Dit postnummer" })).toHaveAttribute("aria-invalid", "true");
  });

  it("uses the browser's location when asked, rounded to about 100 m", async () => {
    const fetch = mockFetch(found(2), found(1));
    vi.stubGlobal("navigator", {
      ...navigator,
      geolocation: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { latitude: 55.56571234, longitude: 9.75261234 } } as GeolocationPosition) },
    });
    renderApp("/tilbud/soeg");
    await screen.findByText("Vi fandt 2 tilbud.");
    openFilters();
    fireEvent.click(screen.getByRole("button", { name: "Brug der, hvor jeg er" }));
    await screen.findByText("Vi fandt 1 tilbud.");
    expect(params(fetch, 1)).toEqual({ lat: "55.566", lon: "9.753", limit: "20" });
    expect(screen.getByText("Vi viser tilbud tæt på dig.")).toBeInTheDocument();
  });
});
