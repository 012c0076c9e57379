import { beforeAll, describe, expect, it, vi } from "vitest";
import { createApi } from "../src/app.ts";
import { modules } from "../src/modules.ts";
import { createServices } from "../src/shared/services.ts";
import { testApi } from "./support.ts";

/** `GET /api/<module>/health`, as a load balancer, uptime check or the operations team would call it. */

let t: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  t = await testApi();
  // A 503 is logged as a warning; the test reads the answers.
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("health of each module", () => {
  it.each(modules.map((m) => [m.name, m] as const))("%s answers 200 from its own function (as on AWS), signed in or not, never cached", async (_name, module) => {
    // On AWS the module's Lambda serves only its own module (functions/src/<module>/lambda.ts).
    const alone = createApi([module], t.config, t.services);
    const response = await alone.request(`/api/${module.prefixes[0]}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", module: module.name });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it.each(modules.map((m) => [m.name, m] as const))("%s answers 503 'try again' when its table cannot be reached; the others still answer 200", async (_name, module) => {
    const gone = { ...t.config, tableNames: { ...t.config.tableNames, [module.tables[0]!.id]: "t-no-such-table" } };
    const api = createApi(modules, gone, createServices(gone));
    const response = await api.request(`/api/${module.prefixes[0]}/health`, { headers: { "accept-language": "en" } });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeTruthy();
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("unavailable");
    for (const other of modules.filter((m) => !m.tables.some((table) => module.tables.includes(table)))) {
      expect((await api.request(`/api/${other.prefixes[0]}/health`)).status, other.name).toBe(200);
    }
  });
});
