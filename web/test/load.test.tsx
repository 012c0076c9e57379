import { screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { mockFetch, renderApp, sentUrl } from "./helpers.tsx";

/** The one loader (lib/load.ts): a page loads again when its address names another item, as a link between two of them does. */

const result = (id: string, title: string) => ({
  body: { consultation: { id, title, summary: `Om ${title}.`, questions: [] }, respondents: 7, questions: [], breakdowns: [] },
});
const FIRST = "019ab000-0000-7000-8000-00000000a001";
const SECOND = "019ab000-0000-7000-8000-00000000a002";

describe("a page that follows its address", () => {
  it("loads the new item when only the id in the address changes", async () => {
    const fetch = mockFetch(result(FIRST, "Busserne"), result(SECOND, "Caféen"));
    const { history } = renderApp(`/borgerpanelet/resultater/${FIRST}`);
    expect(await screen.findByRole("heading", { level: 1, name: "Busserne" })).toBeInTheDocument();
    history.set({ value: `/borgerpanelet/resultater/${SECOND}`, scroll: false });
    expect(await screen.findByRole("heading", { level: 1, name: "Caféen" })).toBeInTheDocument();
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    expect(sentUrl(fetch, 1).pathname).toBe(`/api/panel/results/${SECOND}`);
  });
});
