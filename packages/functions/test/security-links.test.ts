import { beforeAll, describe, expect, it } from "vitest";
import { json, testApi } from "./support.ts";

/**
 * Links in mails come from the configured site address only. The attack: a non-browser client
 * sends `Origin: https://evil.example` with `Sec-Fetch-Site: same-origin` (or, locally, a forged
 * `Host`), and the victim gets a sign-in link to the attacker's site; whoever opens it there
 * hands the token over.
 */

let t: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  t = await testApi();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => t.api.request(path, { method: "POST", ...json(body, headers) });
const mailsTo = async (email: string) => (await t.services.identity.store.listMail(50)).filter((mail) => mail.to === email);
const linksIn = (text: string) => text.match(/https?:\/\/[^\s]+/g) ?? [];

describe("a sign-in link", () => {
  it("is refused, and nothing is mailed, when Origin names another site, even with Sec-Fetch-Site: same-origin", async () => {
    const response = await post("/api/identity/sign-in", { email: "victim@example.dk" }, { origin: "https://evil.example", "sec-fetch-site": "same-origin" });
    expect(response.status).toBe(403);
    expect(await mailsTo("victim@example.dk")).toEqual([]);
  });

  it("is refused when Host and Origin both name another site (the request's own origin is no reason to trust it)", async () => {
    const response = await t.api.request("http://evil.example/api/identity/sign-in", { method: "POST", ...json({ email: "host@example.dk" }, { host: "evil.example", origin: "http://evil.example" }) });
    expect(response.status).toBe(403);
    expect(await mailsTo("host@example.dk")).toEqual([]);
  });

  it("points at the configured site when Host names another one and no Origin is sent", async () => {
    const response = await t.api.request("http://evil.example/api/identity/sign-in", { method: "POST", ...json({ email: "host@example.dk" }, { host: "evil.example" }) });
    expect(response.status).toBe(202);
    const [mail] = await mailsTo("host@example.dk");
    expect(linksIn(mail!.text)).toEqual([expect.stringMatching(/^http:\/\/localhost:3000\/logind\/link\?c=/)]);
  });

  it("points at the configured site when the request comes from its other local name (127.0.0.1)", async () => {
    expect((await post("/api/identity/sign-in", { email: "loopback@example.dk" }, { origin: "http://127.0.0.1:3000" })).status).toBe(202);
    const [mail] = await mailsTo("loopback@example.dk");
    expect(linksIn(mail!.text).every((link) => link.startsWith("http://localhost:3000/"))).toBe(true);
  });
});

describe("an invitation link", () => {
  it("is refused from another site, and otherwise points at the configured site whatever Host says", async () => {
    const admin = await t.personWith([{ role: "admin" }]);
    const invitation = { email: "invited@example.dk", display_name: "Ida", role: "staff", centre_id: "nord" };
    const forged = await post("/api/identity/invitations", invitation, { cookie: admin.cookie, origin: "https://evil.example", "sec-fetch-site": "same-origin" });
    expect(forged.status).toBe(403);
    expect(await mailsTo("invited@example.dk")).toEqual([]);

    const hostAndOrigin = await t.api.request("http://evil.example/api/identity/invitations", { method: "POST", ...json(invitation, { cookie: admin.cookie, host: "evil.example", origin: "http://evil.example" }) });
    expect(hostAndOrigin.status).toBe(403);
    expect(await mailsTo("invited@example.dk")).toEqual([]);

    const hosted = await t.api.request("http://evil.example/api/identity/invitations", { method: "POST", ...json(invitation, { cookie: admin.cookie, host: "evil.example" }) });
    expect(hosted.status).toBe(201);
    const [mail] = await mailsTo("invited@example.dk");
    expect(linksIn(mail!.text)).toEqual(["http://localhost:3000/logind"]);
  });
});

describe("the Origin check", () => {
  it("compares whole origins from the allow-list: a look-alike or another port is refused", async () => {
    for (const origin of ["http://localhost:3000.evil.example", "http://localhost:3001", "https://localhost:3000", "null"]) {
      expect((await post("/api/identity/sign-in", { email: "lookalike@example.dk" }, { origin })).status, origin).toBe(403);
    }
    expect(await mailsTo("lookalike@example.dk")).toEqual([]);
  });

  it("takes Sec-Fetch-Site only as a reason to refuse: cross-site or same-site is refused even from our own origin", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const response = await post("/api/identity/sign-in", { email: "fetchsite@example.dk" }, { origin: "http://localhost:3000", "sec-fetch-site": site });
      expect(response.status, site).toBe(403);
    }
    expect((await post("/api/identity/sign-in", { email: "fetchsite@example.dk" }, { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" })).status).toBe(202);
  });
});
