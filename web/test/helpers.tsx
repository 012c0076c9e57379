import type { Offer } from "@naerhed/core/directory/offer";
import { createMemoryHistory, MemoryRouter } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import { vi } from "vitest";
import { AppRoutes } from "../src/App.tsx";
import { Layout } from "../src/components/Layout.tsx";
import { LanguageProvider, type Language } from "../src/lib/language.tsx";
import { SessionProvider, type SessionPerson } from "../src/lib/session.tsx";
import { demoCentres, demoOrganisation } from "../../packages/local/src/demo/organisation.ts";

/** Who GET /api/identity/session says is signed in (null: nobody). Set per test by renderApp. */
let signedIn: SessionPerson | null = null;
/** What GET /api/organisation/site answers: the demo's organisation, set up, unless a test says otherwise. */
let siteShown: unknown;
/** What GET /api/council/my-votes/count says. Set per test by renderApp. */
let votesWaiting = 0;
/** Calls to the session endpoint, kept apart from the mock's calls so tests can count their own. */
export const sessionCalls: string[] = [];

/**
 * The whole site (layout, routes, language, session) at a path, with an in-memory history.
 * `person` is who the session endpoint says is signed in; nobody by default.
 */
export function renderApp(path = "/", options: { language?: Language; person?: SessionPerson | null; site?: unknown; votesWaiting?: number } = {}) {
  signedIn = options.person ?? null;
  siteShown = options.site ?? siteAnswer;
  votesWaiting = options.votesWaiting ?? 0;
  sessionCalls.length = 0;
  if (!(globalThis.fetch as { naerhedMock?: boolean }).naerhedMock) mockFetch();
  const history = createMemoryHistory();
  history.set({ value: path, scroll: false, replace: true });
  const result = render(() => (
    <LanguageProvider initial={options.language}>
      <SessionProvider>
        <MemoryRouter history={history} root={Layout}>
          <AppRoutes />
        </MemoryRouter>
      </SessionProvider>
    </LanguageProvider>
  ));
  return { ...result, history };
}

export function makePerson(overrides: Partial<SessionPerson> = {}): SessionPerson {
  return {
    person_id: "019ab000-0000-7000-8000-000000000001",
    display_name: "Bente Borger",
    language: "da",
    grants: [{ role: "citizen" }],
    ...overrides,
  };
}

let counter = 0;

export function makeOffer(overrides: Partial<Offer> = {}): Offer {
  counter += 1;
  const n = String(counter).padStart(12, "0");
  return {
    id: `0190a1b2-c3d4-7e5f-8a9b-${n}`,
    name: `Gåtur i parken ${counter}`,
    description: "Vi går en tur sammen. Bagefter drikker vi kaffe.",
    organization_name: "Borgercenter Nord",
    status: "active",
    publication: "published",
    centre_id: "nord",
    area: "Nørrebro",
    category: "nature",
    free: true,
    assured_date: "2026-03-03",
    last_modified: "2026-03-03T09:00:00.000Z",
    ...overrides,
  };
}

type Answer = { status?: number; body: unknown; headers?: Record<string, string> };

const { logo: _logo, ...shownOrganisation } = demoOrganisation;
const siteAnswer = { organisation: { ...shownOrganisation, logo_url: null, setup_complete: true }, centres: demoCentres };

/**
 * Replaces fetch. Each call takes the next answer (or a thrown error). The session endpoint
 * answers by itself (see renderApp's `person`) and is not counted.
 * Returns the mock, so a test can look at the URLs and headers that were sent.
 */
export function mockFetch(...answers: (Answer | Error)[]) {
  const queue = [...answers];
  const mock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const answer = queue.shift();
    if (!answer) throw new Error("mockFetch: no more answers");
    if (answer instanceof Error) throw answer;
    const empty = answer.status === 204 || answer.body === undefined;
    return new Response(empty ? null : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { "content-type": "application/json", ...answer.headers },
    });
  });
  const fetch = Object.assign(
    async (input: RequestInfo | URL, init?: RequestInit) => {
      // The organisation and its centres (the demo's), as GET /api/organisation/site gives them to every page.
      if (String(input).endsWith("/api/organisation/site")) {
        return new Response(JSON.stringify(siteShown ?? siteAnswer), { headers: { "content-type": "application/json" } });
      }
      // "Du har N afstemninger" (components/VotesWaiting.tsx) asks on the front page and My page; none wait unless a test says so.
      if (String(input).endsWith("/api/council/my-votes/count")) {
        return new Response(JSON.stringify({ waiting: votesWaiting }), { headers: { "content-type": "application/json" } });
      }
      if (String(input).endsWith("/api/identity/session")) {
        sessionCalls.push(String(input));
        return new Response(JSON.stringify({ signed_in: signedIn !== null, person: signedIn }), {
          headers: { "content-type": "application/json" },
        });
      }
      return mock(input, init);
    },
    { naerhedMock: true },
  );
  vi.stubGlobal("fetch", fetch);
  return mock;
}

export function sentBody(mock: ReturnType<typeof mockFetch>, call = 0): unknown {
  const body = mock.mock.calls[call]?.[1]?.body;
  return typeof body === "string" ? JSON.parse(body) : undefined;
}

export function sentMethod(mock: ReturnType<typeof mockFetch>, call = 0): string | undefined {
  return mock.mock.calls[call]?.[1]?.method;
}

export function sentUrl(mock: ReturnType<typeof mockFetch>, call = 0): URL {
  return new URL(String(mock.mock.calls[call]?.[0]), "http://localhost");
}

export function sentHeader(mock: ReturnType<typeof mockFetch>, name: string, call = 0): string | undefined {
  const headers = mock.mock.calls[call]?.[1]?.headers as Record<string, string> | undefined;
  return headers?.[name];
}
