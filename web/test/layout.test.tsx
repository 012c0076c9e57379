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

  it("has a header with the site name linking home, a main area and a footer", async () => {
    renderApp("/borgerraadet");
    expect(await screen.findByRole("link", { name: "Nærhed, gå til forsiden" })).toHaveAttribute("href", "/");
    expect(screen.getByRole("banner")).toBeInTheDocument();
    expect(screen.getByRole("main")).toHaveAttribute("id", "main");
    expect(screen.getByRole("contentinfo")).toHaveTextContent("Spørg en medarbejder");
  });

  it("shows a neutral Nærhed until the organisation is known, then its logo, short name, colour and contact", async () => {
    const neutral = renderApp("/");
    await screen.findByRole("heading", { level: 1 });
    const footer = screen.getByRole("contentinfo");
    expect(within(footer).getByRole("link", { name: "Tilgængelighed" })).toHaveAttribute("href", "/tilgaengelighed");
    expect(within(footer).getByRole("link", { name: "Privatliv og dine data" })).toHaveAttribute("href", "/privatliv");
    expect(screen.getByRole("banner").querySelector("img")).toBeNull();
    expect(document.documentElement.style.getPropertyValue("--org-colour")).toBe("");
    neutral.unmount();

    renderApp("/", {
      site: {
        name: "Vejle Kommune",
        shortName: "Vejle",
        logoUrl: "/logo.svg",
        colour: "#005f87",
        contact: { phone: "+45 76 81 00 00", email: "borgercenter@vejle.dk", address: "Skolegade 1, 7100 Vejle" },
      },
    });
    const banner = await screen.findByRole("banner");
    expect(within(banner).getByRole("link", { name: "Vejle Kommune, gå til forsiden" })).toHaveTextContent("Vejle");
    expect(banner.querySelector("img")).toHaveAttribute("src", "/logo.svg");
    expect(document.documentElement.style.getPropertyValue("--org-colour")).toBe("#005f87");
    const contact = screen.getByRole("contentinfo");
    expect(within(contact).getByRole("heading", { name: "Vejle Kommune" })).toBeInTheDocument();
    expect(within(contact).getByRole("link", { name: "+45 76 81 00 00" })).toHaveAttribute("href", "tel:+4576810000");
    expect(within(contact).getByRole("link", { name: "borgercenter@vejle.dk" })).toHaveAttribute("href", "mailto:borgercenter@vejle.dk");
    expect(contact).toHaveTextContent("Skolegade 1, 7100 Vejle");
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
