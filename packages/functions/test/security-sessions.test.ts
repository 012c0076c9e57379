import { beforeAll, describe, expect, it } from "vitest";
import { json, testApi } from "./support.ts";

/**
 * Sessions end 90 days after sign-in however much they are used (a stolen cookie in steady use
 * lived for ever), and signing in while the browser still holds an old cookie keeps the new one
 * (the old cookie's removal came after the new cookie and signed the person out again).
 */

let t: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  t = await testApi();
});

describe("a session used every few days", () => {
  it("ends 90 days after sign-in", async () => {
    const { cookie } = await t.personWith([{ role: "citizen" }]);
    const me = () => t.api.request("/api/me", { headers: { cookie } });
    for (let day = 0; day < 89; day += 7) {
      expect((await me()).status, `day ${day}`).toBe(200);
      t.advance(7 * 24 * 3600);
    }
    // Day 91: used a week ago, so not idle, but past the 90 days.
    const after = await me();
    expect(after.status).toBe(401);
    expect(((await after.json()) as { error: { code: string } }).error.code).toBe("session_expired");
  });
});

describe("signing in with an old cookie still in the browser", () => {
  it("leaves the new session's cookie as the last word, so the person stays signed in", async () => {
    const asked = await t.api.request("/api/identity/sign-in", { method: "POST", ...json({ email: "stale@example.dk" }) });
    const { challenge_id } = (await asked.json()) as { challenge_id: string };
    const mail = (await t.services.identity.store.listMail(20)).find((m) => m.to === "stale@example.dk")!;
    const code = /(\d{6})/.exec(mail.subject)![1]!;

    const stale = "naerhed_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const verified = await t.api.request("/api/identity/sign-in/verify", { method: "POST", ...json({ challenge_id, code }, { cookie: stale }) });
    expect(verified.status).toBe(200);
    const cookies = verified.headers.getSetCookie().filter((line) => line.startsWith("naerhed_session="));
    const last = /^naerhed_session=([^;]*)/.exec(cookies.at(-1)!)![1]!;
    expect(last).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await t.api.request("/api/me", { headers: { cookie: `naerhed_session=${last}` } })).status).toBe(200);
  });
});
