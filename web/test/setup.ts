import "@testing-library/jest-dom/vitest";
import { configure } from "@solidjs/testing-library";
import { afterEach, vi } from "vitest";

// Pages are lazy: the first render of one compiles its module, which on a busy 2-core machine
// can take over the default second. Waiting longer changes no result, only how long a failure takes.
configure({ asyncUtilTimeout: 3000 });

// jsdom has no layout: the router scrolls to the top after navigation.
window.scrollTo = () => {};

afterEach(() => {
  localStorage.clear();
  document.documentElement.lang = "da";
  document.title = "";
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
