import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { makePerson, mockFetch, renderApp, sentBody, sentHeader, sentMethod, sentUrl } from "./helpers.tsx";

const CHALLENGE = "019ab111-0000-7000-8000-000000000001";

const person = (overrides = {}) => ({
  id: "019ab000-0000-7000-8000-000000000001",
  email: "borger@example.dk",
  display_name: "Bente Borger",
  language: "da",
  grants: [{ role: "citizen" }],
  created_at: "2026-09-01T08:00:00.000Z",
  ...overrides,
});

const fieldError = (field: string, message: string, status = 400) => ({
  status,
  body: { error: { code: "invalid_input", message, fields: [{ field, message }] }, request_id: "req-1" },
});

function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** The summary box: the element that takes focus, around the alert. */
const summaryBox = () => screen.getByRole("alert").parentElement!;

describe("signing in with a code by mail", () => {
  it("asks for the email only, with the right autocomplete, and one button", async () => {
    renderApp("/logind");
    expect(await screen.findByRole("heading", { level: 1, name: "Log ind" })).toBeInTheDocument();
    expect(document.title).toBe("Log ind – Nærhed");
    const email = screen.getByLabelText("Din mail");
    expect(email).toHaveAttribute("type", "email");
    expect(email).toHaveAttribute("autocomplete", "email");
    expect(screen.getByRole("button", { name: "Send mig en kode" })).toHaveAttribute("type", "submit");
    // The password form is there for staff, but folded away.
    const staff = screen.getByText("Personale: log ind med adgangskode").closest("details")!;
    expect(staff).not.toHaveAttribute("open");
    expect(within(staff).getByLabelText("Adgangskode")).toHaveAttribute("autocomplete", "current-password");
  });

  it("says what is missing when the email is empty, without asking the API", async () => {
    const fetch = mockFetch();
    renderApp("/logind");
    fireEvent.click(await screen.findByRole("button", { name: "Send mig en kode" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Der er et problem");
    expect(within(alert).getByRole("link", { name: "Skriv din mail." })).toHaveAttribute("href", "#email");
    expect(document.activeElement).toBe(summaryBox());
    expect(screen.getByLabelText("Din mail")).toHaveAccessibleDescription(/Fejl: Skriv din mail\./);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the API's message for a wrong email in the summary and at the field", async () => {
    const message = "E-mailadressen er ikke gyldig. Den skal se sådan ud: navn@eksempel.dk";
    const fetch = mockFetch(fieldError("email", message));
    renderApp("/logind");
    type(await screen.findByLabelText("Din mail").then(() => "Din mail"), "bente@");
    fireEvent.click(screen.getByRole("button", { name: "Send mig en kode" }));

    const link = await screen.findByRole("link", { name: message });
    expect(link).toHaveAttribute("href", "#email");
    expect(document.activeElement).toBe(summaryBox());
    const input = screen.getByLabelText("Din mail");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(input).toHaveAccessibleDescription(`For eksempel navn@eksempel.dk Fejl: ${message}`);

    fireEvent.click(link);
    expect(document.activeElement).toBe(input);

    expect(sentMethod(fetch)).toBe("POST");
    expect(sentUrl(fetch).pathname).toBe("/api/identity/sign-in");
    expect(sentBody(fetch)).toEqual({ email: "bente@", language: "da" });
  });

  it("says how long to wait when too many codes were asked for", async () => {
    mockFetch({
      status: 429,
      headers: { "retry-after": "600" },
      body: { error: { code: "sign_in_too_many", message: "Du har bedt om mange koder. Vent lidt, og prøv så igen." }, request_id: "r" },
    });
    renderApp("/logind");
    type(await screen.findByLabelText("Din mail").then(() => "Din mail"), "bente@example.dk");
    fireEvent.click(screen.getByRole("button", { name: "Send mig en kode" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Du har bedt om mange koder. Vent lidt, og prøv så igen. Du kan prøve igen om 10 minutter.");
    expect(document.activeElement).toBe(summaryBox());
  });

  it("sends the code, shows where it went, and signs in with it", async () => {
    const fetch = mockFetch(
      { status: 202, body: { challenge_id: CHALLENGE } },
      { body: { person: person() } },
      { body: { person: person() } },
    );
    const { history } = renderApp("/logind");
    type(await screen.findByLabelText("Din mail").then(() => "Din mail"), "  borger@example.dk ");
    fireEvent.click(screen.getByRole("button", { name: "Send mig en kode" }));

    const heading = await screen.findByRole("heading", { level: 1, name: "Skriv koden fra mailen" });
    await waitFor(() => expect(history.get()).toBe(`/logind/kode?c=${CHALLENGE}`));
    expect(sentBody(fetch)).toEqual({ email: "borger@example.dk", language: "da" });
    expect(sentHeader(fetch, "content-type")).toBe("application/json");
    expect(fetch.mock.calls[0]?.[1]?.credentials).toBe("same-origin");
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(screen.getByText("Vi har sendt en mail til borger@example.dk.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Send en ny kode" })).toHaveAttribute("href", "/logind");

    const code = screen.getByLabelText("Kode");
    expect(code).toHaveAttribute("inputmode", "numeric");
    expect(code).toHaveAttribute("autocomplete", "one-time-code");
    expect(code).not.toHaveAttribute("maxlength");
    // A pasted code with a space still works.
    fireEvent.input(code, { target: { value: "123 456" } });
    fireEvent.click(screen.getByRole("button", { name: "Log ind" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Min side" })).toBeInTheDocument();
    await waitFor(() => expect(history.get()).toBe("/min-side"));
    expect(sentUrl(fetch, 1).pathname).toBe("/api/identity/sign-in/verify");
    expect(sentBody(fetch, 1)).toEqual({ challenge_id: CHALLENGE, code: "123456" });
    // The header now says who is signed in.
    const myPage = within(screen.getByRole("banner")).getByRole("link", { name: /Min side/ });
    expect(myPage).toHaveTextContent("Bente Borger");
    expect(within(screen.getByRole("banner")).queryByRole("link", { name: "Log ind" })).not.toBeInTheDocument();
  });

  it("shows a wrong code in the summary and at the field, and the link moves focus to the field", async () => {
    const message = "Koden er forkert. Se i din mail og prøv igen.";
    const fetch = mockFetch(fieldError("code", message));
    renderApp(`/logind/kode?c=${CHALLENGE}`);
    await screen.findByRole("heading", { level: 1, name: "Skriv koden fra mailen" });
    expect(screen.getByText("Vi har sendt en mail til dig.")).toBeInTheDocument();
    type("Kode", "000000");
    fireEvent.click(screen.getByRole("button", { name: "Log ind" }));

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("heading", { level: 2, name: "Der er et problem" })).toBeInTheDocument();
    expect(document.activeElement).toBe(summaryBox());
    const link = within(alert).getByRole("link", { name: message });
    expect(link).toHaveAttribute("href", "#code");
    // Same words at the field.
    const code = screen.getByLabelText("Kode");
    expect(code).toHaveAccessibleDescription(`6 tal Fejl: ${message}`);
    expect(code).toHaveValue("000000");
    fireEvent.click(link);
    expect(document.activeElement).toBe(code);
    expect(sentBody(fetch)).toEqual({ challenge_id: CHALLENGE, code: "000000" });
  });

  it("asks for the code when the field is empty", async () => {
    const fetch = mockFetch();
    renderApp(`/logind/kode?c=${CHALLENGE}`);
    fireEvent.click(await screen.findByRole("button", { name: "Log ind" }));
    expect(await screen.findByRole("link", { name: "Skriv koden fra mailen." })).toHaveAttribute("href", "#code");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("says to check the connection when the network fails", async () => {
    mockFetch(new TypeError("Failed to fetch"));
    renderApp(`/logind/kode?c=${CHALLENGE}`);
    type(await screen.findByLabelText("Kode").then(() => "Kode"), "123456");
    fireEvent.click(screen.getByRole("button", { name: "Log ind" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Vi kan ikke få forbindelse. Tjek dit internet, og prøv igen.");
  });

  it("signs in with the link from the mail and goes to My page", async () => {
    const fetch = mockFetch({ body: { person: person() } }, { body: { person: person() } });
    const { history } = renderApp(`/logind/link?c=${CHALLENGE}&t=${"a".repeat(43)}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Min side" })).toBeInTheDocument();
    await waitFor(() => expect(history.get()).toBe("/min-side"));
    expect(sentBody(fetch)).toEqual({ challenge_id: CHALLENGE, token: "a".repeat(43) });
  });

  it("says plainly when the link does not work, with a way to get a new code", async () => {
    mockFetch(fieldError("code", "Koden er brugt. Bed om en ny kode."));
    renderApp(`/logind/link?c=${CHALLENGE}&t=${"a".repeat(43)}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Linket virker ikke" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Koden er brugt. Bed om en ny kode.");
    expect(screen.getByRole("link", { name: "Bed om en ny kode" })).toHaveAttribute("href", "/logind");
  });

  it("lets staff sign in with a password instead, with errors at its own fields", async () => {
    const fetch = mockFetch(fieldError("password", "Mailen eller adgangskoden er forkert."), {
      body: { person: person({ display_name: "Peter Personale", grants: [{ role: "staff", centre_id: "nord" }] }) },
    }, { body: { person: person({ display_name: "Peter Personale", grants: [{ role: "staff", centre_id: "nord" }] }) } });
    const { history } = renderApp("/logind");
    fireEvent.click(await screen.findByText("Personale: log ind med adgangskode"));
    const staff = screen.getByText("Personale: log ind med adgangskode").closest("details")!;
    fireEvent.click(within(staff).getByRole("button", { name: "Log ind med adgangskode" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual(["#password-email", "#password"]);

    fireEvent.input(within(staff).getByLabelText("Din arbejdsmail"), { target: { value: "personale@example.dk" } });
    fireEvent.input(within(staff).getByLabelText("Adgangskode"), { target: { value: "forkert" } });
    fireEvent.click(within(staff).getByRole("button", { name: "Log ind med adgangskode" }));
    expect(await screen.findByRole("link", { name: "Mailen eller adgangskoden er forkert." })).toHaveAttribute("href", "#password");
    expect(within(staff).getByLabelText("Adgangskode")).toHaveValue("");
    expect(sentBody(fetch)).toEqual({ email: "personale@example.dk", password: "forkert" });

    fireEvent.input(within(staff).getByLabelText("Adgangskode"), { target: { value: "rigtig-lang-kode" } });
    fireEvent.click(within(staff).getByRole("button", { name: "Log ind med adgangskode" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Min side" })).toBeInTheDocument();
    await waitFor(() => expect(history.get()).toBe("/min-side"));
  });
});

describe("the header", () => {
  it("says “Log ind” when nobody is signed in", async () => {
    renderApp("/");
    const banner = screen.getByRole("banner");
    expect(await within(banner).findByRole("link", { name: "Log ind" })).toHaveAttribute("href", "/logind");
  });

  it("says “Min side” with the name when someone is", async () => {
    renderApp("/", { person: makePerson({ display_name: "Rasmus Rådsmedlem" }) });
    const link = await within(screen.getByRole("banner")).findByRole("link", { name: "Min side Rasmus Rådsmedlem" });
    expect(link).toHaveAttribute("href", "/min-side");
  });

  it("links to the privacy page from the footer", async () => {
    renderApp("/");
    fireEvent.click(within(screen.getByRole("contentinfo")).getByRole("link", { name: "Privatliv og dine data" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Privatliv og dine data" })).toBeInTheDocument();
    const main = screen.getByRole("main");
    for (const text of ["Din mail.", "14 dage", "15 minutter", "Du kan hente alle dine data.", "Du kan slette dig selv.", "kontakt kommunen"]) {
      expect(main).toHaveTextContent(text);
    }
  });
});

describe("pages that need sign-in", () => {
  it("send a signed-out person to /logind with the way back, and say why", async () => {
    const { history } = renderApp("/min-side");
    expect(await screen.findByRole("heading", { level: 1, name: "Log ind" })).toBeInTheDocument();
    await waitFor(() => expect(history.get()).toBe("/logind?til=%2Fmin-side"));
    expect(screen.getByText("Du skal logge ind for at se siden.")).toBeInTheDocument();
  });

  it("come back to the page after sign-in", async () => {
    const staff = person({ grants: [{ role: "staff", centre_id: "nord" }] });
    mockFetch({ status: 202, body: { challenge_id: CHALLENGE } }, { body: { person: staff } });
    const { history } = renderApp("/personale/inviter");
    type(await screen.findByLabelText("Din mail").then(() => "Din mail"), "personale@example.dk");
    fireEvent.click(screen.getByRole("button", { name: "Send mig en kode" }));
    type(await screen.findByLabelText("Kode").then(() => "Kode"), "123456");
    fireEvent.click(screen.getByRole("button", { name: "Log ind" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Inviter en person" })).toBeInTheDocument();
    await waitFor(() => expect(history.get()).toBe("/personale/inviter"));
  });

  it("go to /logind when the API says the session ended", async () => {
    mockFetch({
      status: 401,
      body: { error: { code: "session_expired", message: "Du er blevet logget ud. Log ind igen." }, request_id: "r" },
    });
    const { history } = renderApp("/min-side", { person: makePerson() });
    expect(await screen.findByRole("heading", { level: 1, name: "Log ind" })).toBeInTheDocument();
    await waitFor(() => expect(history.get()).toBe("/logind?til=%2Fmin-side"));
    expect(screen.getByText("Du er blevet logget ud. Log ind igen.")).toBeInTheDocument();
    expect(within(screen.getByRole("banner")).getByRole("link", { name: "Log ind" })).toBeInTheDocument();
  });

  it("say “Du har ikke adgang” to a citizen on the staff pages", async () => {
    const fetch = mockFetch();
    renderApp("/personale/inviter", { person: makePerson() });
    expect(await screen.findByRole("heading", { level: 1, name: "Du har ikke adgang" })).toBeInTheDocument();
    expect(screen.getByText("Du har ikke adgang til det her.")).toBeInTheDocument();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("say “Du har ikke adgang” when the API answers 403", async () => {
    mockFetch({ status: 403, body: { error: { code: "forbidden", message: "Du har ikke adgang til det her." }, request_id: "r" } });
    renderApp("/admin/log", { person: makePerson({ grants: [{ role: "admin" }] }) });
    expect(await screen.findByRole("heading", { level: 1, name: "Du har ikke adgang" })).toBeInTheDocument();
  });
});

describe("My page", () => {
  const council = makePerson({
    display_name: "Rasmus Rådsmedlem",
    grants: [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }],
  });

  it("shows name, mail and roles in words, and no staff links for a council member", async () => {
    mockFetch({ body: { person: person({ email: "raadsmedlem@example.dk", display_name: "Rasmus Rådsmedlem", grants: council.grants }) } });
    renderApp("/min-side", { person: council });
    expect(await screen.findByRole("heading", { level: 1, name: "Min side" })).toBeInTheDocument();
    const about = screen.getByRole("region", { name: "Om dig" });
    await waitFor(() => expect(about).toHaveTextContent("raadsmedlem@example.dk"));
    expect(about).toHaveTextContent("Medlem af borgerrådet, Borgercenter Nord");
    // A page to read, not a file that may hold only "preparing" (issue 17, item 5).
    expect(screen.getByRole("link", { name: "Se dine data" })).toHaveAttribute("href", "/min-side/mine-data");
    expect(screen.getByRole("link", { name: "Se dine data" })).not.toHaveAttribute("download");
    expect(screen.getByRole("link", { name: "Slet mig" })).toHaveAttribute("href", "/min-side/slet");
    expect(screen.queryByRole("link", { name: "Inviter en person" })).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Adgangskode" })).not.toBeInTheDocument();
  });

  it("shows staff the password, invite and (admins) log links", async () => {
    mockFetch({ body: { person: person({ grants: [{ role: "admin" }] }) } });
    renderApp("/min-side", { person: makePerson({ grants: [{ role: "admin" }] }) });
    const staff = await screen.findByRole("region", { name: "For personale" });
    expect(within(staff).getByRole("link", { name: "Adgangskode" })).toHaveAttribute("href", "/min-side/adgangskode");
    expect(within(staff).getByRole("link", { name: "Inviter en person" })).toHaveAttribute("href", "/personale/inviter");
    expect(within(staff).getByRole("link", { name: "Se loggen" })).toHaveAttribute("href", "/admin/log");
  });

  it("saves name and language, and the site follows the language", async () => {
    const fetch = mockFetch(
      { body: { person: person() } },
      fieldError("display_name", "Skriv dit navn. Det må højst have 80 tegn."),
      { body: { person: person({ display_name: "Bente B.", language: "en" }) } },
    );
    renderApp("/min-side", { person: makePerson() });
    await screen.findByRole("heading", { level: 1, name: "Min side" });
    type("Dit navn", "x".repeat(81));
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    const link = await screen.findByRole("link", { name: "Skriv dit navn. Det må højst have 80 tegn." });
    expect(link).toHaveAttribute("href", "#display_name");

    type("Dit navn", "Bente B.");
    fireEvent.click(screen.getByLabelText("English"));
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    expect(await screen.findByRole("heading", { level: 1, name: "My page" })).toBeInTheDocument();
    expect(sentMethod(fetch, 2)).toBe("PATCH");
    expect(sentBody(fetch, 2)).toEqual({ display_name: "Bente B.", language: "en" });
    expect(screen.getByText("We have saved it.")).toBeInTheDocument();
    expect(within(screen.getByRole("banner")).getByRole("link", { name: /My page/ })).toHaveTextContent("Bente B.");
  });

  it("signs out and says so on the front page", async () => {
    const fetch = mockFetch({ body: { person: person() } }, { status: 204, body: undefined });
    const { history } = renderApp("/min-side", { person: makePerson() });
    fireEvent.click(await screen.findByRole("button", { name: "Log ud" }));
    expect(await screen.findByText("Du er logget ud.")).toBeInTheDocument();
    await waitFor(() => expect(history.get()).toBe("/"));
    expect(sentUrl(fetch, 1).pathname).toBe("/api/identity/sign-out");
    expect(within(screen.getByRole("banner")).getByRole("link", { name: "Log ind" })).toBeInTheDocument();
  });

  it("signs out everywhere", async () => {
    const fetch = mockFetch({ body: { person: person() } }, { status: 204, body: undefined });
    renderApp("/min-side", { person: makePerson() });
    fireEvent.click(await screen.findByRole("button", { name: "Log ud på alle enheder" }));
    expect(await screen.findByText("Du er logget ud.")).toBeInTheDocument();
    expect(sentUrl(fetch, 1).pathname).toBe("/api/identity/sign-out-everywhere");
  });

  it("deletes the person after a plain confirmation", async () => {
    const fetch = mockFetch({ status: 204, body: undefined });
    const { history } = renderApp("/min-side/slet", { person: makePerson() });
    expect(await screen.findByRole("heading", { level: 1, name: "Slet dig fra Nærhed" })).toBeInTheDocument();
    const main = screen.getByRole("main");
    expect(main).toHaveTextContent("dit navn og din mail");
    expect(main).toHaveTextContent("Du kan ikke fortryde det.");
    expect(screen.getByRole("link", { name: "Nej, gå tilbage til Min side" })).toHaveAttribute("href", "/min-side");
    fireEvent.click(screen.getByRole("button", { name: "Ja, slet mig" }));
    expect(await screen.findByText("Vi har slettet dig fra Nærhed.")).toBeInTheDocument();
    await waitFor(() => expect(history.get()).toBe("/"));
    expect(sentMethod(fetch)).toBe("DELETE");
    expect(sentUrl(fetch).pathname).toBe("/api/me");
  });
});

describe("inviting", () => {
  const staff = makePerson({ display_name: "Peter Personale", grants: [{ role: "staff", centre_id: "nord" }] });

  it("lets staff give only the roles they may, at their own centre", async () => {
    const fetch = mockFetch({
      status: 201,
      body: { invitation: { person_id: "019ab000-0000-7000-8000-0000000000aa", email: "ny@example.dk", display_name: "Nina Ny", grant: { role: "mentor", centre_id: "nord" } } },
    });
    renderApp("/personale/inviter", { person: staff });
    const roles = await screen.findByRole("group", { name: "Rolle" });
    expect(within(roles).getAllByRole("radio").map((radio) => radio.getAttribute("value"))).toEqual(["council_member", "mentor"]);
    expect(within(roles).getByLabelText("Medlem af borgerrådet")).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "Send invitation" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual([
      "#email",
      "#display_name",
      "#role-council_member",
    ]);

    type("Personens mail", "ny@example.dk");
    type("Personens navn", "Nina Ny");
    fireEvent.click(screen.getByLabelText("Mentor"));
    const centres = screen.getByRole("group", { name: "Borgercenter" });
    expect(within(centres).getAllByRole("radio")).toHaveLength(1);
    expect(within(centres).getByLabelText("Borgercenter Nord")).toBeChecked();
    fireEvent.click(screen.getByRole("button", { name: "Send invitation" }));

    expect(await screen.findByText("Vi har inviteret Nina Ny.")).toBeInTheDocument();
    expect(screen.getByText("Rolle: Mentor, Borgercenter Nord")).toBeInTheDocument();
    expect(sentBody(fetch)).toEqual({ email: "ny@example.dk", display_name: "Nina Ny", role: "mentor", centre_id: "nord" });
    expect(screen.getByLabelText("Personens mail")).toHaveValue("");
  });

  it("lets admins give every role, with a centre only where it belongs", async () => {
    renderApp("/personale/inviter", { person: makePerson({ grants: [{ role: "admin" }] }) });
    const roles = await screen.findByRole("group", { name: "Rolle" });
    expect(within(roles).getAllByRole("radio")).toHaveLength(5);
    fireEvent.click(screen.getByLabelText("Administrator"));
    expect(screen.queryByRole("group", { name: "Borgercenter" })).not.toBeInTheDocument();
    fireEvent.click(screen.getByLabelText("Personale"));
    expect(within(screen.getByRole("group", { name: "Borgercenter" })).getAllByRole("radio")).toHaveLength(3);
  });
});

describe("removing a role", () => {
  const staff = makePerson({ display_name: "Peter Personale", grants: [{ role: "staff", centre_id: "nord" }] });

  it("lets staff take away the roles they may give, at their own centre, and says so", async () => {
    const fetch = mockFetch({ body: { removed: { role: "council_member", centre_id: "nord" } } });
    renderApp("/personale/fjern-rolle", { person: staff });
    const roles = await screen.findByRole("group", { name: "Rolle" });
    expect(within(roles).getAllByRole("radio").map((radio) => radio.getAttribute("value"))).toEqual(["council_member", "mentor"]);

    fireEvent.click(screen.getByRole("button", { name: "Fjern rollen" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getAllByRole("link").map((link) => link.getAttribute("href"))).toEqual(["#email", "#role-council_member"]);

    type("Personens mail", "raad@example.dk");
    fireEvent.click(screen.getByLabelText("Medlem af borgerrådet"));
    expect(within(screen.getByRole("group", { name: "Borgercenter" })).getByLabelText("Borgercenter Nord")).toBeChecked();
    fireEvent.click(screen.getByRole("button", { name: "Fjern rollen" }));

    expect(await screen.findByText("Rollen er fjernet: Medlem af borgerrådet, Borgercenter Nord")).toBeInTheDocument();
    expect(sentMethod(fetch)).toBe("DELETE");
    expect(sentUrl(fetch).pathname).toBe("/api/identity/grants");
    expect(sentBody(fetch)).toEqual({ email: "raad@example.dk", role: "council_member", centre_id: "nord" });
  });

  it("shows at the email when the person does not have the role", async () => {
    mockFetch({
      status: 404,
      body: { error: { code: "grant_not_held", message: "Personen har ikke den rolle. Se om mailen og rollen er rigtige." } },
    });
    renderApp("/personale/fjern-rolle", { person: staff });
    fireEvent.click(await screen.findByLabelText("Mentor"));
    type("Personens mail", "ingen@example.dk");
    fireEvent.click(screen.getByRole("button", { name: "Fjern rollen" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByRole("link", { name: "Personen har ikke den rolle. Se om mailen og rollen er rigtige." })).toHaveAttribute("href", "#email");
  });
});

describe("the audit log", () => {
  it("lists entries in Copenhagen time, filters by person and loads more", async () => {
    const entry = (n: number) => ({
      id: `e${n}`,
      at: "2026-11-03T13:05:00.000Z",
      actor_id: "019ab000-0000-7000-8000-000000000004",
      actor_name: "Peter Personale",
      action: "identity.invite",
      item: `identity:person:${n}`,
      summary: '{"granted":{"role":"mentor"}}',
    });
    const fetch = mockFetch(
      { body: { items: [entry(1)], next_cursor: "next" } },
      { body: { items: [entry(2)], next_cursor: null } },
      { body: { items: [], next_cursor: null } },
    );
    const { history } = renderApp("/admin/log", { person: makePerson({ grants: [{ role: "admin" }] }) });
    const table = await screen.findByRole("table", { name: "Ændringer" });
    expect(within(table).getAllByRole("columnheader").map((th) => th.textContent)).toEqual(["Tid", "Hvem", "Hvad", "Emne", "Detaljer"]);
    expect(table).toHaveTextContent("3. november 2026 kl. 14.05");
    expect(table).toHaveTextContent("Inviterede en person");
    expect(screen.getByRole("status")).toHaveTextContent("Du ser 1 ændringer.");

    fireEvent.click(screen.getByRole("button", { name: "Vis flere" }));
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(3));
    expect(sentUrl(fetch, 1).searchParams.get("cursor")).toBe("next");

    type("Person-id", "019ab000-0000-7000-8000-000000000004");
    fireEvent.click(screen.getByRole("button", { name: "Vis" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Der er ingen ændringer."));
    await waitFor(() => expect(history.get()).toBe("/admin/log?person=019ab000-0000-7000-8000-000000000004"));
    expect(sentUrl(fetch, 2).searchParams.get("person")).toBe("019ab000-0000-7000-8000-000000000004");
  });
});

describe("your data as a page (issue 17, item 5)", () => {
  const exported = {
    exported_at: "2026-12-06T10:00:00.000Z",
    identity: {
      person: { id: "p1", email: "frida@example.dk", display_name: "Frida", language: "da", grants: [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], created_at: "2026-09-01T08:00:00.000Z" },
      has_password: false,
      sessions: [],
    },
    council: { memberships: [{ role: "chair", centre_id: "nord", term_from: "2026-01-01", term_to: "2027-12-31" }], proposals: [] },
    panel: { membership: null, invitations: [] },
  };

  it("shows what we store per part of the site in plain Danish, and saves the same data as a file", async () => {
    const fetch = mockFetch({ body: exported });
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => (created.push(blob), "blob:data");
    URL.revokeObjectURL = () => {};
    renderApp("/min-side/mine-data", { person: makePerson() });
    expect(await screen.findByRole("heading", { level: 1, name: "Det ved vi om dig" })).toBeInTheDocument();
    const about = await screen.findByRole("region", { name: "Om dig" });
    expect(about).toHaveTextContent("Mailfrida@example.dk");
    expect(about).toHaveTextContent("Det må duBorger, Medlem af borgerrådet, Borgercenter Nord");
    expect(about).toHaveTextContent("Har adgangskodeNej");
    expect(about).not.toHaveTextContent("display_name");
    const council = screen.getByRole("region", { name: "Borgerrådet" });
    expect(council).toHaveTextContent("CenterBorgercenter Nord");
    expect(council).toHaveTextContent("Med til31. december 2027");
    expect(screen.getByRole("region", { name: "Borgerpanelet" })).toHaveTextContent("Med i paneletIngen");
    expect(sentUrl(fetch, 0).pathname).toBe("/api/me/export");

    fireEvent.click(screen.getByRole("button", { name: "Hent som fil" }));
    expect(created).toHaveLength(1);
    expect(JSON.parse(await created[0]!.text())).toEqual(exported);
  });

  it("says plainly that the data is being gathered, offers to try again, and never makes a file of 'preparing'", async () => {
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => (created.push(blob), "blob:data");
    mockFetch(
      { status: 202, body: { status: "preparing", message: "Vi samler stadig dine data. Prøv igen om et minut.", missing: ["mentor"] } },
      { body: exported },
    );
    renderApp("/min-side/mine-data", { person: makePerson() });
    expect(await screen.findByText("Vi samler stadig dine data. Prøv igen om et minut.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Hent som fil" })).not.toBeInTheDocument();
    expect(created).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: "Prøv igen" }));
    expect(await screen.findByRole("region", { name: "Om dig" })).toHaveTextContent("frida@example.dk");
    expect(screen.getByRole("button", { name: "Hent som fil" })).toBeInTheDocument();
  });

  it("speaks English", async () => {
    mockFetch({ body: exported });
    renderApp("/min-side/mine-data", { person: makePerson(), language: "en" });
    const about = await screen.findByRole("region", { name: "About you" });
    expect(about).toHaveTextContent("Emailfrida@example.dk");
    expect(about).toHaveTextContent("LanguageDanish");
  });
});

describe("a new person on My page (issue 17, item 9)", () => {
  it("is greeted without the start of their mail address, and asked for a name", async () => {
    const fresh = person({ email: "ny.borger@example.dk", display_name: "ny.borger" });
    const fetch = mockFetch({ body: { person: fresh } }, { body: { person: { ...fresh, display_name: "Nina" } } });
    renderApp("/min-side", { person: makePerson({ display_name: "ny.borger" }) });
    const ask = await screen.findByRole("link", { name: "Hvad skal vi kalde dig? Skriv dit navn her" });
    expect(screen.getByText("Hej. Velkommen til.")).toBeInTheDocument();
    expect(screen.queryByText(/Hej ny\.borger/)).not.toBeInTheDocument();
    fireEvent.click(ask);
    const field = screen.getByRole("textbox", { name: "Dit navn" });
    expect(document.activeElement).toBe(field);
    expect(field).toHaveValue("");
    fireEvent.input(field, { target: { value: "Nina" } });
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    await waitFor(() => expect(sentBody(fetch, 1)).toEqual({ display_name: "Nina", language: "da" }));
    expect(await screen.findByText("Hej Nina.")).toBeInTheDocument();
  });
});

describe("issue 16: votes waiting and card sessions", () => {
  const member = makePerson({ display_name: "Kaj Kort", grants: [{ role: "citizen" }, { role: "council_member", centre_id: "nord" }] });

  it("says 'Du har 1 afstemning' on My page and the front page, linked to the votes, and nothing when none wait", async () => {
    mockFetch({ body: { person: person({ display_name: "Kaj Kort", grants: member.grants }) } });
    const myPage = renderApp("/min-side", { person: member, votesWaiting: 1 });
    expect(await screen.findByRole("link", { name: "Du har 1 afstemning" })).toHaveAttribute("href", "/borgerraadet/mine-afstemninger");
    myPage.unmount();
    const front = renderApp("/", { person: member, votesWaiting: 2 });
    expect(await screen.findByRole("link", { name: "Du har 2 afstemninger" })).toBeInTheDocument();
    front.unmount();
    renderApp("/", { person: member, votesWaiting: 0 });
    await screen.findByRole("heading", { level: 1, name: "Velkommen til Nærhed" });
    expect(screen.queryByRole("link", { name: /Du har/ })).not.toBeInTheDocument();
  });

  it("on a card session, My page changes the language only and sends data and deletion through the staff", async () => {
    const mock = mockFetch(
      { body: { person: { id: member.person_id, display_name: "Kaj Kort", language: "da", grants: member.grants, created_at: "2026-11-01T10:00:00.000Z" } } },
      { body: { person: { id: member.person_id, display_name: "Kaj Kort", language: "en", grants: member.grants, created_at: "2026-11-01T10:00:00.000Z" } } },
    );
    renderApp("/min-side", { person: { ...member, via: "card" } });
    await screen.findByText("Du er logget ind med et kort. Vil du have dine data eller slette dem? Spørg personalet.");
    expect(screen.queryByLabelText("Dit navn")).not.toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Slet mig" })).not.toBeInTheDocument();
    fireEvent.click(screen.getByLabelText("English"));
    fireEvent.click(screen.getByRole("button", { name: "Gem" }));
    await waitFor(() => expect(sentBody(mock, 1)).toEqual({ language: "en" }));
  });
});
