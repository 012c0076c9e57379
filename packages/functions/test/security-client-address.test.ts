import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../local/src/dynamo-local.ts";
import { startLocalModules } from "../../local/src/lambda-runner.ts";
import { createLocalApp, listen } from "../../local/src/server.ts";
import { freshTables } from "../../local/test/tables.ts";
import { createApi } from "../src/app.ts";
import { identityModule } from "../src/identity/routes.ts";
import { addressKey, viewerIp } from "../src/shared/client.ts";
import { json, saveDemoCentres, testApi } from "./support.ts";

/**
 * The client address rate limits count by cannot be chosen by the client. The attack: vary
 * `CloudFront-Viewer-Address` on every request, so each one looks like a new client: 40 of 40
 * code requests got through (the limit per address is 30), and anonymous suggestions never
 * stopped (the limit is 5 an hour per address).
 */

const forged = (i: number) => ({ "cloudfront-viewer-address": `203.0.113.${i}:4444`, "x-naerhed-origin-verify": "a guess" });

describe("a request that reaches the API without our CloudFront (the API Gateway endpoint called directly)", () => {
  let t: Awaited<ReturnType<typeof testApi>>;
  beforeAll(async () => {
    t = await testApi();
  });

  it("is refused before it is counted or stored, whatever viewer address it claims", async () => {
    // The identity function's own API, as its Lambda serves whatever reaches the endpoint.
    const direct = createApi([identityModule], t.config, t.services);
    for (let i = 0; i < 3; i++) {
      const response = await direct.request("/api/identity/sign-in", { method: "POST", ...json({ email: `direct${i}@example.dk` }, forged(i)) });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("origin_unverified");
    }
    expect(await t.services.identity.store.listMail(10)).toEqual([]);
  });
});

describe("the local server (npm start), which plays CloudFront from the socket", () => {
  let url: string;
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    const { config, db } = await freshTables();
    await saveDemoCentres(db, config);
    const port = await freePort();
    server = await listen(createLocalApp(config, await startLocalModules({ config })), port);
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  // Over a real TCP connection from 127.0.0.1, with a made-up address (and secret) in the headers.
  const send = (path: string, body: unknown, i: number) =>
    fetch(`${url}/api${path}`, { method: "POST", ...json(body, { ...forged(i), origin: "http://127.0.0.1:3000" }) });

  it("counts code requests by the socket's address: a forged CloudFront-Viewer-Address does not make a new client", async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 40; i++) statuses.push((await send("/identity/sign-in", { email: `many${i}@example.dk` }, i)).status);
    expect(statuses.filter((status) => status === 202)).toHaveLength(30);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
  });

  it("limits anonymous suggestions per socket address, whatever address the request claims", async () => {
    const suggestion = { name: "Gåklubben", description: "Vi går en tur hver tirsdag.", where: "Ved søen.", centre_id: "nord" };
    const statuses: number[] = [];
    for (let i = 1; i <= 6; i++) statuses.push((await send("/directory/suggestions", suggestion, i)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });
});

describe("the address a limit counts by", () => {
  it("reads CloudFront's ip:port, IPv6 with or without brackets, and refuses anything else", () => {
    expect(viewerIp("198.51.100.7:46532")).toBe("198.51.100.7");
    expect(viewerIp("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(viewerIp("2001:db8::1:443")).toBe("2001:db8::1");
    for (const bad of [undefined, "", "no-port", ":", "198.51.100.7", "evil.example:80", "198.51.100.7:port"]) expect(viewerIp(bad), String(bad)).toBeUndefined();
  });

  it("is an IPv6 client's /64, which one household or phone can pick any address from", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::ffff:192.0.2.4")).toBe("192.0.2.4");
    expect(addressKey("192.0.2.4")).toBe("192.0.2.4");
  });
});
