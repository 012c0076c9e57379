import "@testing-library/jest-dom/vitest";
import { configure } from "@solidjs/testing-library";
import { afterEach, beforeEach, vi } from "vitest";

// Pages are loaded lazily. On a busy machine (2 cores, several test runs) the first load of a page
// takes more than the default 1 s that findBy… waits; a missing element still fails, only later.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout: the router scrolls to the top after navigation.
window.scrollTo = () => {};

// A Danish browser, as most of our readers have (jsdom says en-US); a test of another browser sets its own.
beforeEach(() => {
  vi.spyOn(navigator, "languages", "get").mockReturnValue(["da-DK", "da", "en"]);
});

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = "da";
  document.title = "";
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
