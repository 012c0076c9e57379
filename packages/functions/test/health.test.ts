import { beforeAll, describe, expect, it, vi } from "vitest";
import { manifests } from "@naerhed/core/manifests";
import { grantedTables } from "@naerhed/core/shared/manifest";
import { createGateway } from "../../local/src/gateway.ts";
import { startLocalModules } from "../../local/src/lambda-runner.ts";
import { testApi } from "./support.ts";

/** `GET /api/<module>/health`, as a load balancer, uptime check or the operations team would call it. */

let t: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  t = await testApi();
  // A 503 is logged as a warning; the test reads the answers.
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("health of each module", () => {
  it.each(manifests.map((m) => [m.name, m] as const))("%s answers 200 from its own function (as on AWS), signed in or not, never cached", async (_name, module) => {
    // The gateway sends it to the module's own Lambda handler, which serves only its own module.
    const response = await t.api.request(`/api/${module.prefixes[0]}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", module: module.name });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it.each(manifests.map((m) => [m.name, m] as const))("%s answers 503 'try again' when its table cannot be reached; the others still answer 200", async (_name, module) => {
    const own = module.tables[0]!.table;
    const gone = { ...t.config, tableNames: { ...t.config.tableNames, [own.id]: "t-no-such-table" } };
    const api = createGateway(await startLocalModules({ config: gone }));
    const response = await api.request(`/api/${module.prefixes[0]}/health`, { headers: { "accept-language": "en" } });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeTruthy();
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("unavailable");
    for (const other of manifests.filter((m) => !grantedTables(m).includes(own))) {
      expect((await api.request(`/api/${other.prefixes[0]}/health`)).status, other.name).toBe(200);
    }
  });
});
