import { cleanup, fireEvent, screen, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { demoOrganisation } from "../../packages/local/src/demo/organisation.ts";
import { makePerson, mockFetch, renderApp, sentBody, sentMethod, sentUrl } from "./helpers.tsx";

const admin = makePerson({ grants: [{ role: "admin" }], display_name: "Anne Admin" });

describe("the centres page", () => {
  it("lists the centres; closing one that is still in use lists what blocks it, in plain words", async () => {
    const fetch = mockFetch({
      status: 409,
      body: {
        error: {
          code: "centre_still_in_use",
          message: "Centret kan ikke lukkes endnu. Afslut først det, der stadig er i gang.",
          details: { items: [{ kind: "offer", id: "o1", title: "Strikkecafé" }, { kind: "mentor_pair", id: "p1" }] },
        },
      },
    });
    renderApp("/admin/centre", { person: admin });
    expect(await screen.findByRole("heading", { level: 1, name: "Borgercentre" })).toBeInTheDocument();
    expect(await screen.findByRole("heading", { level: 2, name: "Borgercenter Nord" })).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Luk Borgercenter Nord" }));
    const status = await screen.findByText("Borgercenter Nord kan ikke lukkes endnu. Afslut først det her:");
    const notice = status.closest(".notice") as HTMLElement;
    expect(within(notice).getAllByRole("listitem").map((item) => item.textContent)).toEqual(["Tilbud: Strikkecafé", "Et forløb med en mentor"]);
    expect(sentMethod(fetch)).toBe("POST");
    expect(sentUrl(fetch).pathname).toBe("/api/organisation/centres/nord/close");
    expect(sentBody(fetch)).toEqual({ version: 1 });
  });

  it("creates a centre; an unknown postcode is said at its field", async () => {
    mockFetch({
      status: 400,
      body: { error: { code: "invalid_input", message: "Tjek felterne.", fields: [{ field: "address.postal_code", message: "Vi kender ikke postnummer 9999. Tjek, at du har skrevet det rigtigt." }] } },
    });
    renderApp("/admin/centre", { person: admin });
    const section = (await screen.findByRole("heading", { level: 2, name: "Nyt center" })).closest("section") as HTMLElement;
    fireEvent.input(within(section).getByRole("textbox", { name: "Postnummer" }), { target: { value: "9999" } });
    fireEvent.click(within(section).getByRole("button", { name: "Opret center" }));
    const field = within(section).getByRole("textbox", { name: "Postnummer" });
    expect(await within(section).findAllByText(/Vi kender ikke postnummer 9999/)).not.toHaveLength(0);
    expect(field).toHaveAttribute("aria-invalid", "true");
  });

  it("is for administrators only", async () => {
    mockFetch();
    renderApp("/admin/centre", { person: makePerson() });
    expect(await screen.findByRole("heading", { level: 1, name: "Du har ikke adgang" })).toBeInTheDocument();
  });
});

describe("the organisation's settings", () => {
  it("shows the main colour's contrast while the administrator types", async () => {
    mockFetch();
    renderApp("/admin/organisation", { person: admin });
    const colour = await screen.findByRole("textbox", { name: "Hovedfarve" });
    expect(colour).toHaveValue("#0b4f6c");
    expect(screen.getByText(/Kontrast 8\.\d:1 mod hvid\. Det er godt nok\./)).toBeInTheDocument();
    fireEvent.input(colour, { target: { value: "#ffcc00" } });
    expect(await screen.findByText(/Kontrast 1\.\d:1 mod hvid\. Det skal være 4,5:1 eller mere/)).toBeInTheDocument();
  });
});

describe("a platform whose set-up is not complete", () => {
  const empty = { organisation: null, centres: [] };
  const blocked = (name = "Siden er ikke sat op endnu") => screen.findByRole("heading", { level: 1, name });

  it("shows anyone else a plain 'not set up yet' page instead of the front page or the search", async () => {
    for (const path of ["/", "/tilbud/soeg", "/borgerraadet", "/min-side"]) {
      mockFetch();
      const { unmount } = renderApp(path, { site: empty });
      expect(await blocked()).toBeInTheDocument();
      expect(await screen.findByText("Siden er ikke klar endnu. Prøv igen senere.")).toBeInTheDocument();
      expect(screen.queryByRole("textbox")).toBeNull();
      expect(screen.queryByRole("link", { name: "Sæt siden op" })).toBeNull();
      unmount();
    }
  });

  it("leads an administrator to the set-up, also when the organisation is saved but the set-up not finished", async () => {
    const { logo: _logo, ...organisation } = demoOrganisation;
    mockFetch();
    renderApp("/min-side", { person: admin, site: { organisation: { ...organisation, logo_url: null, setup_complete: false }, centres: [] } });
    expect(await blocked()).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Sæt siden op" })).toHaveAttribute("href", "/admin/opsaetning");
    expect(screen.queryByText("Siden er ikke klar endnu. Prøv igen senere.")).toBeNull();
  });

  it("says it in English", async () => {
    mockFetch();
    renderApp("/tilbud", { site: empty, language: "en" });
    expect(await blocked("The site has not been set up yet")).toBeInTheDocument();
    expect(await screen.findByText("The site is not ready yet. Please try again later.")).toBeInTheDocument();
  });

  it("still shows signing in, the set-up's own steps and the accessibility statement", async () => {
    const open = [
      { path: "/logind", person: null, heading: "Log ind" },
      { path: "/tilgaengelighed", person: null, heading: "Tilgængelighed" },
      { path: "/admin/opsaetning", person: admin, heading: "Sæt siden op" },
      { path: "/admin/centre", person: admin, heading: "Borgercentre" },
      { path: "/admin/organisation", person: admin, heading: "Organisationen" },
      { path: "/personale/inviter", person: admin, heading: "Inviter en person" },
    ];
    // Known to be not set up before each open page starts (the site's answer is kept between pages).
    mockFetch();
    renderApp("/", { site: empty });
    await blocked();
    cleanup();
    for (const { path, person, heading } of open) {
      mockFetch({ body: { items: [] } });
      const { unmount } = renderApp(path, { person, site: empty });
      expect(await screen.findByRole("heading", { level: 1, name: heading }), path).toBeInTheDocument();
      expect(screen.queryByRole("heading", { level: 1, name: "Siden er ikke sat op endnu" }), path).toBeNull();
      unmount();
    }
  });
});
