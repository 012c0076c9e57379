import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { makePerson, mockFetch, renderApp, sentBody, sentMethod, sentUrl } from "./helpers.tsx";

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const summaryBox = () => screen.getByRole("alert").parentElement!;

const staff = makePerson({ display_name: "Peter Personale", grants: [{ role: "staff", centre_id: "nord" }] });

const suggestion = (overrides = {}) => ({
  id: "019ab222-0000-7000-8000-000000000001",
  name: "<script>alert(1)</script> Gåklub",
  description: "Vi går en tur. <b>Alle</b> kan være med.",
  where: "Ved søen. Spørg efter Lone.",
  centre_id: "nord",
  status: "pending",
  created_at: "2026-11-20T09:00:00.000Z",
  ...overrides,
});

describe("Kender du et tilbud?", () => {
  it("is linked from the list of offers", async () => {
    mockFetch({ body: { items: [], next_cursor: null } });
    renderApp("/tilbud");
    const link = await screen.findByRole("link", { name: "Kender du et tilbud, som ikke er her? Fortæl os om det." });
    expect(link).toHaveAttribute("href", "/tilbud/foreslaa");
  });

  it("has a short form with labels, hints and big radio choices", async () => {
    renderApp("/tilbud/foreslaa");
    expect(await screen.findByRole("heading", { level: 1, name: "Kender du et tilbud?" })).toBeInTheDocument();
    expect(document.title).toBe("Kender du et tilbud? – Nærhed");
    expect(screen.getByLabelText("Hvad hedder tilbuddet?")).toHaveAttribute("type", "text");
    expect(screen.getByLabelText("Hvad laver man der?").tagName).toBe("TEXTAREA");
    expect(screen.getByLabelText("Hvor er det? Hvem kan man spørge?")).toHaveAccessibleDescription(/Skriv fx en adresse/);
    expect(screen.getByRole("group", { name: "Hvilket borgercenter er det tæt på?" })).toBeInTheDocument();
    expect(screen.getByLabelText("Borgercenter Nord")).toHaveAttribute("type", "radio");
    expect(screen.getByLabelText("Din mail")).toHaveAttribute("autocomplete", "email");
    expect(screen.getByRole("button", { name: "Send forslaget" })).toHaveAttribute("type", "submit");
  });

  it("shows the API's message for each field in the summary and at the field", async () => {
    const fields = [
      { field: "name", message: "Skriv hvad tilbuddet hedder. Det må højst have 120 tegn." },
      { field: "centre_id", message: "Vælg et af borgercentrene." },
      { field: "contact_email", message: "E-mailadressen er ikke gyldig. Den skal se sådan ud: navn@eksempel.dk" },
    ];
    const fetch = mockFetch({ status: 400, body: { error: { code: "invalid_input", message: "x", fields }, request_id: "r" } });
    renderApp("/tilbud/foreslaa");
    await screen.findByLabelText("Din mail");
    type("Din mail", "lone@");
    fireEvent.click(screen.getByRole("button", { name: "Send forslaget" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: fields[0]!.message })).toHaveAttribute("href", "#suggest-name");
    expect(within(alert).getByRole("link", { name: fields[1]!.message })).toHaveAttribute("href", "#suggest-centre-nord");
    expect(within(alert).getByRole("link", { name: fields[2]!.message })).toHaveAttribute("href", "#suggest-contact-email");
    expect(document.activeElement).toBe(summaryBox());
    expect(screen.getByLabelText("Hvad hedder tilbuddet?")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByLabelText("Din mail")).toHaveAccessibleDescription(`Fejl: ${fields[2]!.message}`);
    // Only what was filled in is sent.
    expect(sentMethod(fetch)).toBe("POST");
    expect(sentUrl(fetch).pathname).toBe("/api/directory/suggestions");
    expect(sentBody(fetch)).toEqual({ contact_email: "lone@" });
  });

  it("says how long to wait after too many suggestions", async () => {
    mockFetch({
      status: 429,
      headers: { "retry-after": "600" },
      body: { error: { code: "suggestion_too_many", message: "Du har sendt mange forslag. Vent lidt, og prøv så igen." }, request_id: "r" },
    });
    renderApp("/tilbud/foreslaa");
    await screen.findByLabelText("Hvad hedder tilbuddet?");
    fireEvent.click(screen.getByRole("button", { name: "Send forslaget" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Du har sendt mange forslag. Vent lidt, og prøv så igen. Du kan prøve igen om 10 minutter.");
  });

  it("sends the suggestion and says thank you and what happens next", async () => {
    const fetch = mockFetch({ status: 201, body: { suggestion: suggestion() } });
    renderApp("/tilbud/foreslaa");
    await screen.findByLabelText("Hvad hedder tilbuddet?");
    type("Hvad hedder tilbuddet?", "Gåklubben");
    type("Hvad laver man der?", "Vi går en tur.");
    type("Hvor er det? Hvem kan man spørge?", "Ved søen.");
    fireEvent.click(screen.getByLabelText("Borgercenter Nord"));
    fireEvent.click(screen.getByLabelText("Natur og friluftsliv"));
    type("Dit navn", "Lone");
    fireEvent.click(screen.getByRole("button", { name: "Send forslaget" }));

    expect(await screen.findByText("Tak for dit forslag!")).toBeInTheDocument();
    expect(screen.getByText("En ansat i borgercentret læser dit forslag.")).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByText("Tak for dit forslag!").closest(".result"));
    expect(sentBody(fetch)).toEqual({
      name: "Gåklubben",
      description: "Vi går en tur.",
      where: "Ved søen.",
      centre_id: "nord",
      category: "nature",
      contact_name: "Lone",
    });
    expect(screen.getByRole("link", { name: "Tilbage til alle tilbud" })).toHaveAttribute("href", "/tilbud");
    fireEvent.click(screen.getByRole("button", { name: "Foreslå et tilbud mere" }));
    expect(screen.getByLabelText("Hvad hedder tilbuddet?")).toHaveValue("");
  });

  it("works in English", async () => {
    renderApp("/tilbud/foreslaa", { language: "en" });
    expect(await screen.findByRole("heading", { level: 1, name: "Do you know an activity?" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Send the suggestion" })).toBeInTheDocument();
  });
});

describe("the staff queue of suggestions", () => {
  it("sends a signed-out person to sign in", async () => {
    renderApp("/personale/forslag");
    expect(await screen.findByRole("heading", { level: 1, name: "Log ind" })).toBeInTheDocument();
  });

  it("tells a citizen they have no access", async () => {
    const fetch = mockFetch();
    renderApp("/personale/forslag", { person: makePerson() });
    expect(await screen.findByRole("heading", { level: 1, name: "Du har ikke adgang" })).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("lists the centre's suggestions, showing what citizens wrote as text", async () => {
    const fetch = mockFetch({ body: { items: [suggestion(), suggestion({ id: "019ab222-0000-7000-8000-000000000002", name: "Strikkecafé", contact_email: "lone@example.dk", category: "creative" })] } });
    const { container } = renderApp("/personale/forslag", { person: staff });
    expect(await screen.findByRole("heading", { level: 1, name: "Forslag fra borgere" })).toBeInTheDocument();
    expect(await screen.findByText("2 forslag venter.")).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Forslag til Borgercenter Nord" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 3, name: "<script>alert(1)</script> Gåklub" })).toBeInTheDocument();
    expect(screen.getAllByText("Vi går en tur. <b>Alle</b> kan være med.")).toHaveLength(2);
    expect(container.querySelector("main script, main b")).toBeNull();
    expect(screen.getByText("lone@example.dk")).toBeInTheDocument();
    expect(screen.getByText("Kreativt værksted")).toBeInTheDocument();
    expect(screen.getByText("Ingen navn eller kontakt.")).toBeInTheDocument();
    expect(sentUrl(fetch).pathname).toBe("/api/directory/centres/nord/suggestions");
  });

  it("says when nothing is waiting", async () => {
    mockFetch({ body: { items: [] } });
    renderApp("/personale/forslag", { person: staff });
    expect(await screen.findByText("Der er ingen forslag, der venter.")).toBeInTheDocument();
  });

  it("makes a suggestion a draft and links to the draft's editor", async () => {
    const fetch = mockFetch({ body: { items: [suggestion()] } }, { status: 201, body: { offer: { id: "019ab333-0000-7000-8000-000000000009" } } });
    renderApp("/personale/forslag", { person: staff });
    fireEvent.click(await screen.findByRole("button", { name: "Lav til kladde" }));
    const link = await screen.findByRole("link", { name: "Åbn kladden" });
    expect(link).toHaveAttribute("href", "/personale/tilbud/019ab333-0000-7000-8000-000000000009");
    expect(screen.getByText("<script>alert(1)</script> Gåklub er nu en kladde.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Lav til kladde" })).toBeNull();
    expect(sentMethod(fetch, 1)).toBe("POST");
    expect(sentUrl(fetch, 1).pathname).toBe("/api/directory/centres/nord/suggestions/019ab222-0000-7000-8000-000000000001/accept");
  });

  it("says so when someone else already answered, and gets the list again", async () => {
    mockFetch(
      { body: { items: [suggestion()] } },
      { status: 409, body: { error: { code: "suggestion_handled", message: "En anden har allerede svaret på forslaget. Se listen igen." }, request_id: "r" } },
      { body: { items: [] } },
    );
    renderApp("/personale/forslag", { person: staff });
    fireEvent.click(await screen.findByRole("button", { name: "Lav til kladde" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("En anden har allerede svaret på forslaget.");
    expect(await screen.findByText("Der er ingen forslag, der venter.")).toBeInTheDocument();
  });

  it("declines with a reason, and shows a missing reason at the field", async () => {
    const message = "Skriv hvorfor du siger nej. Højst 500 tegn.";
    const fetch = mockFetch(
      { body: { items: [suggestion()] } },
      { status: 400, body: { error: { code: "invalid_input", message, fields: [{ field: "reason", message }] }, request_id: "r" } },
      { body: { suggestion: suggestion({ status: "declined" }) } },
    );
    renderApp("/personale/forslag", { person: staff });
    fireEvent.click(await screen.findByRole("button", { name: "Afvis" }));
    const reason = screen.getByLabelText("Hvorfor siger du nej?");
    await waitFor(() => expect(document.activeElement).toBe(reason));
    fireEvent.click(screen.getByRole("button", { name: "Afvis forslaget" }));
    const link = await screen.findByRole("link", { name: message });
    expect(link).toHaveAttribute("href", "#reason-019ab222-0000-7000-8000-000000000001");
    expect(reason).toHaveAttribute("aria-invalid", "true");

    type("Hvorfor siger du nej?", "Findes allerede.");
    fireEvent.click(screen.getByRole("button", { name: "Afvis forslaget" }));
    expect(await screen.findByText("Du har afvist <script>alert(1)</script> Gåklub.")).toBeInTheDocument();
    expect(sentBody(fetch, 2)).toEqual({ reason: "Findes allerede." });
    expect(sentUrl(fetch, 2).pathname).toMatch(/\/suggestions\/019ab222-0000-7000-8000-000000000001\/decline$/);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
