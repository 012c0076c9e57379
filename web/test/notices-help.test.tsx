import { screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { lix } from "@naerhed/core/shared/lix";
import { renderApp } from "./helpers.tsx";

/** The easy-read how-to for messages (issue 16): a picture beside every idea, in plain Danish and in English. */
describe("how you get messages", () => {
  it("has six steps, each a picture hidden from screen readers beside its words, easy to read", async () => {
    renderApp("/hjaelp/beskeder");
    expect(await screen.findByRole("heading", { level: 1, name: "Sådan får du beskeder" })).toBeInTheDocument();
    const steps = [...document.querySelectorAll(".picture-steps__step")];
    expect(steps).toHaveLength(6);
    for (const step of steps) expect(step.querySelector("svg")?.getAttribute("aria-hidden")).toBe("true");
    expect(lix(steps.map((step) => step.textContent).join("\n")).lix).toBeLessThanOrEqual(30);
    expect(screen.getByRole("link", { name: "Vælg dine beskeder" })).toHaveAttribute("href", "/min-side/beskeder");
  });

  it("reads in English for someone who chose English", async () => {
    renderApp("/hjaelp/beskeder", { language: "en" });
    expect(await screen.findByRole("heading", { level: 1, name: "How you get messages" })).toBeInTheDocument();
  });
});
