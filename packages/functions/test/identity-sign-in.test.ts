import { beforeAll, describe, expect, it } from "vitest";
import { cookieFrom, json, testApi } from "./support.ts";

let t: Awaited<ReturnType<typeof testApi>>;
beforeAll(async () => {
  t = await testApi();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => t.api.request(path, { method: "POST", ...json(body, headers) });

/** The newest mail to this address in the outbox, with its code and link. */
async function lastMailTo(email: string) {
  const mail = (await t.services.identity.store.listMail(20)).find((m) => m.to === email);
  if (!mail) throw new Error(`no mail to ${email}`);
  return { ...mail, code: /(\d{6})/.exec(mail.subject)![1]!, token: /[?&]t=([A-Za-z0-9_-]+)/.exec(mail.text)![1]! };
}

async function askForCode(email: string, language = "da") {
  const response = await post("/api/identity/sign-in", { email, language });
  expect(response.status).toBe(202);
  const { challenge_id } = (await response.json()) as { challenge_id: string };
  return { challenge_id, mail: await lastMailTo(email.trim().toLowerCase()) };
}

describe("signing in with a code from a mail", () => {
  it("a new person who does not say which language gets the browser's (Accept-Language), Danish without one", async () => {
    expect((await post("/api/identity/sign-in", { email: "browser.en@example.dk" }, { "accept-language": "en-GB,en;q=0.9" })).status).toBe(202);
    expect((await lastMailTo("browser.en@example.dk")).subject).toMatch(/^Your code/);
    expect((await post("/api/identity/sign-in", { email: "browser.none@example.dk" })).status).toBe(202);
    expect((await lastMailTo("browser.none@example.dk")).subject).toMatch(/^Din kode/);
  });

  it("creates a citizen on first sign-in and starts a session in an HttpOnly, SameSite=Lax cookie", async () => {
    const { challenge_id, mail } = await askForCode("  Ny.Borger@Example.DK ");
    expect(mail.subject).toBe(`Din kode til Nærhed: ${mail.code}`);
    expect(mail.text).toContain(`/logind/link?c=${challenge_id}&t=`);

    const response = await post("/api/identity/sign-in/verify", { challenge_id, code: mail.code });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);

    const me = await t.api.request("/api/me", { headers: { cookie: `naerhed_session=${cookieFrom(response)}` } });
    expect(me.status).toBe(200);
    const { person } = (await me.json()) as { person: { email: string; grants: unknown[] } };
    expect(person.email).toBe("ny.borger@example.dk");
    expect(person.grants).toEqual([{ role: "citizen" }]);
  });

  it("accepts the link instead of the code, once", async () => {
    const { challenge_id, mail } = await askForCode("link@example.dk");
    expect((await post("/api/identity/sign-in/verify", { challenge_id, token: mail.token })).status).toBe(200);
    const again = await post("/api/identity/sign-in/verify", { challenge_id, code: mail.code });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { fields: { message: string }[] } }).error.fields[0]!.message).toBe(
      "Koden er brugt. Bed om en ny kode.",
    );
  });

  it("stops after 5 tries, even for the right code", async () => {
    const { challenge_id, mail } = await askForCode("tries@example.dk");
    const wrong = mail.code === "000000" ? "111111" : "000000";
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await post("/api/identity/sign-in/verify", { challenge_id, code: wrong });
      expect(response.status).toBe(400);
      messages.push(((await response.json()) as { error: { message: string } }).error.message);
    }
    expect(messages.slice(0, 4).every((m) => m === "Koden er forkert. Se i din mail og prøv igen.")).toBe(true);
    expect(messages[4]).toBe("Du har prøvet for mange gange. Bed om en ny kode.");
    const right = await post("/api/identity/sign-in/verify", { challenge_id, code: mail.code });
    expect(right.status).toBe(400);
    expect(right.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a code older than 15 minutes", async () => {
    const { challenge_id, mail } = await askForCode("late@example.dk");
    t.advance(15 * 60 + 1);
    const response = await post("/api/identity/sign-in/verify", { challenge_id, code: mail.code }, { "accept-language": "en" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe("The code is too old. Ask for a new code.");
  });

  it("writes the mail in English for someone who chose English", async () => {
    const { mail } = await askForCode("english@example.dk", "en");
    expect(mail.subject).toMatch(/^Your code for Nærhed: \d{6}$/);
  });

  it.each([
    [{ email: "not-an-email" }, "email", "E-mailadressen er ikke gyldig. Den skal se sådan ud: navn@eksempel.dk"],
    [{}, "email", "Feltet må ikke være tomt."],
    [{ email: "a@example.dk", language: "fr" }, "language", "Vælg dansk eller engelsk."],
  ])("refuses %j with a message for the field", async (body, field, message) => {
    const response = await post("/api/identity/sign-in", body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { fields: { field: string; message: string }[] } }).error.fields).toEqual([
      { field, message },
    ]);
  });

  it.each([
    [{ challenge_id: "nope", code: "123456" }, "challenge_id"],
    [{ challenge_id: "019ab000-0000-7000-8000-00000000abcd", code: "12345" }, "code"],
    [{ challenge_id: "019ab000-0000-7000-8000-00000000abcd" }, "code"],
  ])("refuses a malformed verification %j", async (body, field) => {
    const response = await post("/api/identity/sign-in/verify", body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual([field]);
  });

  it("answers a body that is not JSON with 400, not 500", async () => {
    const response = await t.api.request("/api/identity/sign-in", { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(response.status).toBe(400);
  });
});

describe("limits on asking for codes", () => {
  it("allows 5 codes per email in 15 minutes, then says when to try again", async () => {
    for (let i = 0; i < 5; i++) expect((await post("/api/identity/sign-in", { email: "many@example.dk" })).status).toBe(202);
    const refused = await post("/api/identity/sign-in", { email: "many@example.dk" });
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("Du har bedt om mange koder. Vent lidt, og prøv så igen.");
    t.advance(wait);
    expect((await post("/api/identity/sign-in", { email: "many@example.dk" })).status).toBe(202);
  });
});

describe("requests from another site", () => {
  it("are refused before anything is stored", async () => {
    const before = (await t.services.identity.store.listMail(50)).length;
    const response = await post("/api/identity/sign-in", { email: "csrf@example.dk" }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("origin_refused");
    expect((await t.services.identity.store.listMail(50)).length).toBe(before);
  });

  it("are allowed from the site itself", async () => {
    expect((await post("/api/identity/sign-in", { email: "site@example.dk" }, { origin: "http://localhost:3000" })).status).toBe(202);
  });
});
