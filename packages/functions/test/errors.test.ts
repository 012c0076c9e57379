import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cookieFrom, json, testApi } from "./support.ts";
import { createApi } from "../src/app.ts";
import { logger } from "../src/shared/log.ts";
import type { AppEnv } from "../src/shared/http.ts";
import type { ApiModule } from "../src/shared/module.ts";
import { localConfig } from "../../local/src/config.ts";
import { viaCloudFront } from "../../local/src/gateway.ts";

// Nothing listens on port 9: every DynamoDB call fails to connect.
const config = localConfig("http://127.0.0.1:9");

const broken: ApiModule = {
  manifest: { name: "broken", prefixes: ["broken"], tables: [], sendsMail: false, settings: [], jobs: [], publishes: [], handles: [], personalData: false },
  routes: () =>
    new Hono<AppEnv>().get("/broken/boom", () => {
      throw new Error("secret table name naerhed-directory exploded");
    }),
};

afterEach(() => vi.restoreAllMocks());

describe("an unexpected error", () => {
  it("is logged as one JSON line with the request id, and the person sees the id but no internals", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
    const response = await viaCloudFront(createApi([broken], config), config.originVerifySecret).request("/api/broken/boom", { headers: { "x-request-id": "req-12345678" } });

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/secret|exploded|at /);
    const body = JSON.parse(text) as { error: { code: string; message: string }; request_id: string };
    expect(body).toMatchObject({ error: { code: "internal" }, request_id: "req-12345678" });
    expect(body.error.message).toMatch(/Prøv igen/);

    // One structured line (Powertools Logger) with the request id, the route and what went wrong inside.
    expect(lines).toHaveLength(1);
    const logged = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(logged).toMatchObject({
      level: "ERROR",
      service: "naerhed",
      request_id: "req-12345678",
      method: "GET",
      route: "/api/broken/boom",
      error: { name: "Error", message: expect.stringMatching(/exploded/) },
    });
  });

  it("gets a fresh request id when the caller's is not a safe token", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await viaCloudFront(createApi([broken], config), config.originVerifySecret).request("/api/broken/boom", { headers: { "x-request-id": "<script>" } });
    const body = (await response.json()) as { request_id: string };
    expect(body.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("an unreachable database", () => {
  it("gives 503 with 'try again in a moment', not 500", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { directoryModule } = await import("../src/directory/routes.ts");
    const api = viaCloudFront(createApi([directoryModule], config), config.originVerifySecret);
    const response = await api.request("/api/directory/offers", { headers: { "accept-language": "en" } });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "We cannot get the data right now. Try again in a moment.",
    );
  });
});

describe("request logs", () => {
  it("one line per request: request id, module, route pattern, status, duration; never an email, a code or a token", async () => {
    const t = await testApi();
    const lines: string[] = [];
    for (const level of ["info", "warn", "error"] as const) vi.spyOn(console, level).mockImplementation((line: string) => void lines.push(line));
    logger.setLogLevel("INFO");
    try {
      const email = "logget.borger@example.dk";
      const asked = await t.api.request("/api/identity/sign-in", { method: "POST", ...json({ email, language: "da" }) });
      expect(asked.status).toBe(202);
      const { challenge_id } = (await asked.json()) as { challenge_id: string };
      const mail = (await t.services.identity.store.listMail(5)).find((m) => m.to === email)!;
      const code = /(\d{6})/.exec(mail.subject)![1]!;
      const linkToken = /[?&]t=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
      const verified = await t.api.request("/api/identity/sign-in/verify", { method: "POST", ...json({ challenge_id, code }) });
      expect(verified.status).toBe(200);
      const session = cookieFrom(verified)!;
      const me = await t.api.request("/api/me", { headers: { cookie: `naerhed_session=${session}` } });
      expect(me.status).toBe(200);
      const offer = await t.api.request("/api/directory/offers/019ab100-0000-7000-8000-000000000000");
      expect(offer.status).toBe(404);

      const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const requests = entries.filter((entry) => entry.message === "request");
      expect(requests.map(({ module, method, route, status }) => ({ module, method, route, status }))).toEqual([
        { module: "identity", method: "POST", route: "/api/identity/sign-in", status: 202 },
        { module: "identity", method: "POST", route: "/api/identity/sign-in/verify", status: 200 },
        { module: "identity", method: "GET", route: "/api/me", status: 200 },
        // The pattern, not the path: ids and tokens in paths stay out of the log.
        { module: "directory", method: "GET", route: "/api/directory/offers/:id", status: 404 },
      ]);
      for (const [entry, response] of requests.map((entry, i) => [entry, [asked, verified, me, offer][i]!] as const)) {
        expect(entry).toMatchObject({ level: "INFO", service: "naerhed", request_id: response.headers.get("x-request-id") });
        expect(typeof entry.duration_ms).toBe("number");
      }
      const everything = lines.join("\n");
      for (const secret of [email, code, linkToken, session, challenge_id]) expect(everything.includes(secret), secret).toBe(false);
    } finally {
      logger.setLogLevel("WARN");
      t.db.destroy();
    }
  });
});
