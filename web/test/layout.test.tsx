import { fireEvent, screen, waitFor } from "@solidjs/testing-library";
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

  it("shows four doors on the front page, one for each part of Nærhed", async () => {
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "Velkommen til Nærhed" })).toBeInTheDocument();
    expect(document.title).toBe("Nærhed");
    const doors = screen.getAllByRole("listitem").map((item) => item.querySelector("a")!);
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
