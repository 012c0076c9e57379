import { fireEvent, screen, waitFor, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { renderApp } from "./helpers.tsx";

function focusables(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")].filter(
    (element) => element.tabIndex >= 0,
  );
}

describe("the site's frame", () => {
  it("starts with a skip link that moves focus to the main content", async () => {
    renderApp("/");
    const skip = await screen.findByRole("link", { name: "Gå til indholdet" });
    expect(focusables()[0]).toBe(skip);
    fireEvent.click(skip);
    expect(document.activeElement).toBe(screen.getByRole("main"));
  });

  it("has a header with the organisation's short name linking home, a main area and a footer", async () => {
    renderApp("/borgerraadet");
    expect(await screen.findByRole("link", { name: "Lillebælt, gå til forsiden" })).toHaveAttribute("href", "/");
    expect(screen.getByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
    expect(screen.getByRole("contentinfo")).toHaveTextContent("Spørg en medarbejder");
  });

  it("shows the organisation's short name above Nærhed in the header, and the footer's links", async () => {
    renderApp("/");
    const banner = screen.getByRole("banner");
    expect(await within(banner).findByRole("link", { name: "Lillebælt, gå til forsiden" })).toHaveTextContent("Lillebælt");
    // One link home: Nærhed's name beside it is text, so a keyboard user passes one home link, not two.
    expect(within(banner).getAllByRole("link", { name: /gå til forsiden/ })).toHaveLength(1);
    expect(banner).toHaveTextContent("Nærhed");
    const footer = screen.getByRole("contentinfo");
    expect(within(footer).getByRole("link", { name: "Privatliv og dine data" })).toHaveAttribute("href", "/privatliv");
  });

  it("shows the organisation's contact in the footer and links the accessibility statement, and uses its colour", async () => {
    renderApp("/");
    const footer = screen.getByRole("contentinfo");
    expect(await within(footer).findByRole("heading", { name: "Lillebælt Borgercentre (demo)" })).toBeInTheDocument();
    expect(within(footer).getByRole("link", { name: "70 20 30 40" })).toHaveAttribute("href", "tel:70203040");
    expect(within(footer).getByRole("link", { name: "kontakt@example.dk" })).toHaveAttribute("href", "mailto:kontakt@example.dk");
    expect(footer).toHaveTextContent("Åbent: Mandag til fredag kl. 9-15");
    expect(within(footer).getByRole("link", { name: "Tilgængelighed" })).toHaveAttribute("href", "/tilgaengelighed");
    expect(document.documentElement.style.getPropertyValue("--org-colour")).toBe("#0b4f6c");
  });

  it("the accessibility statement names the organisation, the standard, the checks, how to complain and the postcode source", async () => {
    renderApp("/tilgaengelighed");
    expect(await screen.findByRole("heading", { level: 1, name: "Tilgængelighed" })).toBeInTheDocument();
    expect(await screen.findByText("Lillebælt Borgercentre (demo) står for siden.")).toBeInTheDocument();
    expect(screen.getByText(/WCAG 2.2 AA/)).toBeInTheDocument();
    const feedback = screen.getByRole("heading", { level: 2, name: "Sig til, hvis noget ikke virker" }).closest("section") as HTMLElement;
    expect(feedback).toHaveTextContent("Skriv til kontakt@example.dk. Eller ring på 70 20 30 40.");
    expect(within(feedback).getByRole("link", { name: "kontakt@example.dk" })).toHaveAttribute("href", "mailto:kontakt@example.dk");
    expect(within(feedback).getByRole("link", { name: "70 20 30 40" })).toHaveAttribute("href", "tel:70203040");
    expect(screen.getByRole("link", { name: "Klag til Digitaliseringsstyrelsen" })).toHaveAttribute("href", "https://www.was.digst.dk/");
    expect(screen.getByRole("link", { name: "Klag til Ligebehandlingsnævnet" })).toBeInTheDocument();
    expect(screen.getByText(/GeoNames/)).toBeInTheDocument();
  });

  it("shows four doors on the front page, one for each part of Nærhed", async () => {
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "Velkommen til Nærhed" })).toBeInTheDocument();
    expect(document.title).toBe("Nærhed");
    const doors = within(screen.getByRole("main")).getAllByRole("listitem").map((item) => item.querySelector("a")!);
    expect(doors.map((door) => door.getAttribute("href"))).toEqual(["/tilbud", "/borgerraadet", "/borgerpanelet", "/mentorordningen"]);
    expect(doors[0]).toHaveAccessibleName(/^Find tilbud/);
  });

  it("opens a module's page from a door and puts focus on its heading", async () => {
    renderApp("/");
    fireEvent.click(await screen.findByRole("link", { name: /^Mentorordningen/ }));
    const heading = await screen.findByRole("heading", { level: 1, name: "Mentorordningen" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe("Mentorordningen – Nærhed");
  });

  it("says plainly when a page does not exist", async () => {
    renderApp("/findes/ikke");
    expect(await screen.findByRole("heading", { level: 1, name: "Vi kan ikke finde siden" })).toBeInTheDocument();
    expect(document.title).toBe("Vi kan ikke finde siden – Nærhed");
    expect(screen.getByRole("link", { name: "Gå til forsiden" })).toBeInTheDocument();
  });
});
