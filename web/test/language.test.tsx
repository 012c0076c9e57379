import { fireEvent, screen } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { LANGUAGE_STORAGE_KEY } from "../src/lib/language.tsx";
import { renderApp } from "./helpers.tsx";

describe("the language switch", () => {
  it("starts in Danish, with each language named in that language", async () => {
    renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "Velkommen til Nærhed" });
    expect(document.documentElement.lang).toBe("da");
    const group = screen.getByRole("group", { name: "Sprog" });
    const dansk = screen.getByRole("button", { name: "Dansk" });
    const english = screen.getByRole("button", { name: "English" });
    expect(group).toContainElement(dansk);
    expect(dansk).toHaveAttribute("lang", "da");
    expect(english).toHaveAttribute("lang", "en");
    expect(dansk).toHaveAttribute("aria-pressed", "true");
    expect(english).toHaveAttribute("aria-pressed", "false");
  });

  it("opens in English for a browser set to English, until the person chooses; the choice wins", async () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["en-GB", "en", "da"]);
    const first = renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "Welcome to Nærhed" });
    expect(document.documentElement.lang).toBe("en");
    // A guess is not a choice: nothing is remembered yet.
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Dansk" }));
    first.unmount();
    renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "Velkommen til Nærhed" });
  });

  it("changes every text to English, sets <html lang> and the title", async () => {
    renderApp("/");
    fireEvent.click(await screen.findByRole("button", { name: "English" }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Welcome to Nærhed");
    expect(screen.getByRole("link", { name: "Skip to content" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /^Find activities/ })).toBeInTheDocument();
    // Every module is open: no door says "coming soon".
    expect(screen.queryByText("Coming soon")).toBeNull();
    expect(screen.getByRole("link", { name: /^The Mentor Scheme/ })).toBeInTheDocument();
    expect(screen.getByRole("group", { name: "Language" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    expect(document.documentElement.lang).toBe("en");
    expect(screen.queryByText("Velkommen til Nærhed")).not.toBeInTheDocument();
  });

  it("remembers the choice for the next visit", async () => {
    const first = renderApp("/");
    fireEvent.click(await screen.findByRole("button", { name: "English" }));
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("en");
    first.unmount();

    renderApp("/findes-ikke");
    expect(await screen.findByRole("heading", { level: 1, name: "We cannot find the page" })).toBeInTheDocument();
    expect(document.title).toBe("We cannot find the page – Nærhed");

    fireEvent.click(screen.getByRole("button", { name: "Dansk" }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Vi kan ikke finde siden");
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe("da");
  });

  it("ignores a stored value it does not know", async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, "klingon");
    renderApp("/");
    expect(await screen.findByRole("heading", { level: 1, name: "Velkommen til Nærhed" })).toBeInTheDocument();
  });
});
