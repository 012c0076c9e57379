import "@testing-library/jest-dom/vitest";
import { afterEach, vi } from "vitest";

// jsdom has no layout: the router scrolls to the top after navigation.
window.scrollTo = () => {};

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = "da";
  document.title = "";
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
