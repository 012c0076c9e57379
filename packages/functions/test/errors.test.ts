import { Hono } from "hono";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createApi } from "../src/app.ts";
import type { AppEnv } from "../src/shared/http.ts";
import type { ApiModule } from "../src/shared/module.ts";
import { localConfig } from "../../local/src/config.ts";
import { behindCloudFront } from "./support.ts";

// Nothing listens on port 9: every DynamoDB call fails to connect.
const config = localConfig("http://127.0.0.1:9");

const broken: ApiModule = {
  name: "broken",
  prefixes: ["broken"],
  tables: [],
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
    const response = await behindCloudFront(createApi([broken], config), config).request("/api/broken/boom", { headers: { "x-request-id": "req-12345678" } });

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/secret|exploded|at /);
    const body = JSON.parse(text) as { error: { code: string; message: string }; request_id: string };
    expect(body).toMatchObject({ error: { code: "internal" }, request_id: "req-12345678" });
    expect(body.error.message).toMatch(/Prøv igen/);

    expect(lines).toHaveLength(1);
    const logged = JSON.parse(lines[0]!) as { level: string; request_id: string; error: { message: string } };
    expect(logged).toMatchObject({ level: "error", request_id: "req-12345678", error: { message: expect.stringMatching(/exploded/) } });
  });

  it("gets a fresh request id when the caller's is not a safe token", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await behindCloudFront(createApi([broken], config), config).request("/api/broken/boom", { headers: { "x-request-id": "<script>" } });
    const body = (await response.json()) as { request_id: string };
    expect(body.request_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("an unreachable database", () => {
  it("gives 503 with 'try again in a moment', not 500", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const { directoryModule } = await import("../src/directory/routes.ts");
    const api = behindCloudFront(createApi([directoryModule], config), config);
    const response = await api.request("/api/directory/offers", { headers: { "accept-language": "en" } });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      "We cannot get the data right now. Try again in a moment.",
    );
  });
});
