import { render, screen } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../src/i18n/index.tsx";
import { SendingProgress } from "../src/panel/SendingProgress.tsx";
import { mockFetch, sentUrl } from "./helpers.tsx";

/** The staff page's "being sent" line for a published consultation (web/src/panel/SendingProgress.tsx). */

const ID = "0190a1b2-c3d4-7e5f-8a9b-000000000001";

describe("the progress of a consultation's invitations", () => {
  it("says how far it has come in plain numbers, asks again, and says once when all are sent", async () => {
    const fetch = mockFetch(
      { body: { sending: { state: "running", done: 6400, total: 10000 } } },
      { body: { sending: { state: "done", done: 10000, total: 10000 } } },
    );
    render(() => (
      <I18nProvider initial="da">
        <SendingProgress centre="nord" id={ID} initial={{ state: "running", done: 3200, total: 10000 }} everyMs={10} />
      </I18nProvider>
    ));
    const bar = screen.getByRole("progressbar", { name: "Sendt til 3.200 af 10.000." });
    expect(bar).toHaveAttribute("value", "3200");
    expect(bar).toHaveAttribute("max", "10000");
    expect(await screen.findByRole("progressbar", { name: "Sendt til 6.400 af 10.000." })).toBeInTheDocument();
    expect(await screen.findByText("Sendt til alle 10.000.")).toHaveAttribute("role", "status");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sentUrl(fetch, 1).pathname).toBe(`/api/panel/centres/nord/consultations/${ID}/sending`);
  });

  it("asks at once when the page is opened later, in English too, and shows nothing for a consultation sent before jobs", async () => {
    mockFetch({ body: { sending: { state: "running", done: 10, total: 26 } } });
    const { unmount } = render(() => (
      <I18nProvider initial="en">
        <SendingProgress centre="nord" id={ID} everyMs={60_000} />
      </I18nProvider>
    ));
    expect(await screen.findByRole("progressbar", { name: "Sent to 10 of 26." })).toBeInTheDocument();
    unmount();

    mockFetch({ body: { sending: null } });
    render(() => (
      <I18nProvider initial="da">
        <SendingProgress centre="nord" id={ID} />
      </I18nProvider>
    ));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("");
  });
});
