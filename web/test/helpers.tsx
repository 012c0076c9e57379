import type { Offer } from "@naerhed/core/directory/offer";
import { createMemoryHistory, MemoryRouter } from "@solidjs/router";
import { render } from "@solidjs/testing-library";
import { vi } from "vitest";
import { AppRoutes } from "../src/App.tsx";
import { Layout } from "../src/components/Layout.tsx";
import { I18nProvider, type Language } from "../src/i18n/index.tsx";

/** The whole site (layout, routes, language) at a path, with an in-memory history. */
export function renderApp(path = "/", options: { language?: Language } = {}) {
  const history = createMemoryHistory();
  history.set({ value: path, scroll: false, replace: true });
  const result = render(() => (
    <I18nProvider initial={options.language}>
      <MemoryRouter history={history} root={Layout}>
        <AppRoutes />
      </MemoryRouter>
    </I18nProvider>
  ));
  return { ...result, history };
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

/**
 * Replaces fetch. Each call takes the next answer (or a thrown error).
 * Returns the mock, so a test can look at the URLs and headers that were sent.
 */
export function mockFetch(...answers: (Answer | Error)[]) {
  const queue = [...answers];
  const mock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => {
    const answer = queue.shift();
    if (!answer) throw new Error("mockFetch: no more answers");
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { "content-type": "application/json", ...answer.headers },
    });
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}

export function sentUrl(mock: ReturnType<typeof mockFetch>, call = 0): URL {
  return new URL(String(mock.mock.calls[call]?.[0]), "http://localhost");
}

export function sentHeader(mock: ReturnType<typeof mockFetch>, name: string, call = 0): string | undefined {
  const headers = mock.mock.calls[call]?.[1]?.headers as Record<string, string> | undefined;
  return headers?.[name];
}
