import { fireEvent, render, screen } from "@solidjs/testing-library";
import { MemoryRouter, Route, createMemoryHistory } from "@solidjs/router";
import { describe, expect, it } from "vitest";
import { LanguageProvider } from "../src/lib/language.tsx";
import { SessionProvider } from "../src/lib/session.tsx";
import { SendingProgress } from "../src/panel/SendingProgress.tsx";
import { makePerson, mockFetch, renderApp, sentMethod, sentUrl } from "./helpers.tsx";

/** The staff page's "being sent" line for a published consultation (web/src/panel/SendingProgress.tsx). */

const ID = "0190a1b2-c3d4-7e5f-8a9b-000000000001";
const staff = makePerson({ display_name: "Peter Personale", grants: [{ role: "staff", centre_id: "nord" }] });
const consultation = (status: "draft" | "published", invited = 0) => ({
  id: ID,
  centre_id: "nord",
  title: "Busserne",
  intro: "Hvad synes du om busserne?",
  opens_at: "2026-12-01T08:00:00.000Z",
  closes_at: "2027-01-01T08:00:00.000Z",
  target: { kind: "all" },
  questions: [{ id: "q1", type: "yes_no", text: "Kører bussen til tiden?", optional: false }],
  status,
  created_at: "2026-11-30T08:00:00.000Z",
  created_by: staff.person_id,
  invited_count: invited,
  answer_count: 0,
});

/** The component alone, with what the kit's loader needs around it (language, session, router). */
function renderProgress(props: Parameters<typeof SendingProgress>[0], language: "da" | "en" = "da") {
  const history = createMemoryHistory();
  history.set({ value: "/", scroll: false, replace: true });
  return render(() => (
    <LanguageProvider initial={language}>
      <SessionProvider>
        <MemoryRouter history={history}>
          <Route path="/" component={() => <SendingProgress {...props} />} />
        </MemoryRouter>
      </SessionProvider>
    </LanguageProvider>
  ));
}

describe("the progress of a consultation's invitations", () => {
  it("after publishing, says how far it has come in plain numbers, then asks again", async () => {
    const fetch = mockFetch(
      { body: { consultation: consultation("draft") } },
      { body: { consultation: consultation("draft") } },
      { status: 202, body: { consultation: consultation("published", 10000), sending: { state: "running", done: 3200, total: 10000 } } },
      { body: { sending: { state: "done", done: 10000, total: 10000 } } },
    );
    renderApp(`/personale/borgerpanel/nord/${ID}`, { person: staff });
    fireEvent.click(await screen.findByRole("button", { name: "Send ud til panelet" }));
    const bar = await screen.findByRole("progressbar", { name: "Sendt til 3.200 af 10.000." });
    expect(bar).toHaveAttribute("value", "3200");
    expect(bar).toHaveAttribute("max", "10000");
    expect(screen.getByText("Spørgsmålene er udgivet. Vi sender dem nu til 10000.")).toBeInTheDocument();
    expect(sentMethod(fetch, 2)).toBe("POST");
    expect(sentUrl(fetch, 2).pathname).toBe(`/api/panel/centres/nord/consultations/${ID}/publish`);
    // The page asks again after SENDING_POLL_MS (3 s): the test waits for that answer, it does not time it.
    expect(await screen.findByText("Sendt til alle 10.000.", {}, { timeout: 10_000 })).toHaveAttribute("role", "status");
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(fetch).toHaveBeenCalledTimes(4);
    expect(sentUrl(fetch, 3).pathname).toBe(`/api/panel/centres/nord/consultations/${ID}/sending`);
  }, 20_000);

  it("says \"fewer than 5\" where the server sends \"<5\", as every panel count under 5, and the bar gives no exact number", async () => {
    mockFetch({ body: { sending: { state: "running", done: "<5", total: 26 } } });
    renderProgress({ centre: "nord", id: ID, everyMs: 60_000 });
    const bar = await screen.findByRole("progressbar", { name: "Sendt til færre end 5 af 26." });
    expect(bar).toHaveAttribute("value", "0");
  });

  it("asks at once when the page is opened later, in English too, and shows nothing for a consultation sent before jobs", async () => {
    mockFetch({ body: { sending: { state: "running", done: 10, total: 26 } } });
    const { unmount } = renderProgress({ centre: "nord", id: ID, everyMs: 60_000 }, "en");
    expect(await screen.findByRole("progressbar", { name: "Sent to 10 of 26." })).toBeInTheDocument();
    unmount();

    const fetch = mockFetch({ body: { sending: null } });
    renderProgress({ centre: "nord", id: ID });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  it("keeps the last number when one answer is lost, asks until all are sent, and then stops", async () => {
    const fetch = mockFetch(
      { status: 503, body: { error: { code: "unavailable", message: "Prøv igen om lidt." } } },
      { body: { sending: { state: "running", done: 6400, total: 10000 } } },
      { body: { sending: { state: "done", done: 10000, total: 10000 } } },
    );
    renderProgress({ centre: "nord", id: ID, initial: { state: "running", done: 3200, total: 10000 }, everyMs: 10 });
    expect(screen.getByRole("progressbar", { name: "Sendt til 3.200 af 10.000." })).toBeInTheDocument();
    expect(await screen.findByRole("progressbar", { name: "Sendt til 6.400 af 10.000." })).toBeInTheDocument();
    expect(await screen.findByText("Sendt til alle 10.000.")).toHaveAttribute("role", "status");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
