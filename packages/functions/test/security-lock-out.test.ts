import { beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "@naerhed/core/shared/secrets";
import { json, testApi } from "./support.ts";

/**
 * Nobody can lock anyone out, and guessing stays limited. The attacks: five code requests for
 * `personale@…` blocked that person's code *and* password sign-in for 15 minutes (and mailed
 * them each time); wrong codes were limited only per email (25 guesses per 15 minutes) and not
 * per client address.
 */

let t: Awaited<ReturnType<typeof testApi>>;
beforeEach(async () => {
  t = await testApi();
});

const STRANGER = "203.0.113.66";
const OWNER = "198.51.100.10";

const post = (path: string, body: unknown, from: string) => t.api.request(path, { method: "POST", ...json(body) }, { clientAddress: from });
const askCode = (email: string, from: string) => post("/api/identity/sign-in", { email }, from);
const challengeOf = async (response: Response) => ((await response.json()) as { challenge_id: string }).challenge_id;
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

async function mailFor(challengeId: string) {
  const mail = (await t.services.identity.store.listMail(200)).find((m) => m.text.includes(`c=${challengeId}`))!;
  return { code: /(\d{6})/.exec(mail.subject)![1]!, token: /[?&]t=([A-Za-z0-9_-]+)/.exec(mail.text)![1]! };
}

async function staffWithPassword() {
  const staff = await t.personWith([{ role: "staff", centre_id: "nord" }]);
  await t.services.identity.store.setPasswordHash(staff.person.id, await hashPassword("en lang og god adgangskode"));
  return staff.person.email;
}

describe("asking for codes", () => {
  it("never blocks the owner's password sign-in, nor the owner's own code request", async () => {
    const email = await staffWithPassword();
    const strangers = [];
    for (let i = 0; i < 8; i++) strangers.push((await askCode(email, STRANGER)).status);
    // The stranger uses up only their own share.
    expect(strangers).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    expect((await post("/api/identity/sign-in/password", { email, password: "en lang og god adgangskode" }, OWNER)).status).toBe(200);
    expect((await askCode(email, OWNER)).status).toBe(202);
  });

  it("stops many addresses working together at a per-email cap, but not at an address the owner signed in from", async () => {
    const email = "capped@example.dk";
    const own = await challengeOf(await askCode(email, OWNER));
    expect((await post("/api/identity/sign-in/verify", { challenge_id: own, code: (await mailFor(own)).code }, OWNER)).status).toBe(200);
    const before = (await t.services.identity.store.listMail(200)).filter((m) => m.to === email).length;

    const statuses = [];
    for (let i = 1; i <= 12; i++) statuses.push((await askCode(email, `203.0.113.${i}`)).status);
    // 10 a day; the owner's first request, from an address not yet known, was one of them.
    expect(statuses).toEqual([...Array(9).fill(202), 429, 429, 429]);
    // So the owner gets at most 10 mails a day asked for by others…
    expect((await t.services.identity.store.listMail(200)).filter((m) => m.to === email).length - before).toBe(9);
    // …and can still get in from where they signed in before.
    expect((await askCode(email, OWNER)).status).toBe(202);
  });
});

describe("password sign-in", () => {
  it("limits wrong passwords per email and address, so a stranger's tries do not block the owner", async () => {
    const email = await staffWithPassword();
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await post("/api/identity/sign-in/password", { email, password: "forkert forkert" }, STRANGER)).status);
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    expect((await post("/api/identity/sign-in/password", { email, password: "en lang og god adgangskode" }, OWNER)).status).toBe(200);
    // Nor do they block the owner's codes.
    expect((await askCode(email, OWNER)).status).toBe(202);
  });
});

describe("wrong codes", () => {
  const wrongFor = (code: string) => (code === "000000" ? "111111" : "000000");

  it("are limited per client address (30 an hour), across emails; another address is not affected", async () => {
    const challenges: string[] = [];
    for (let i = 0; i < 7; i++) challenges.push(await challengeOf(await askCode(`guess${i}@example.dk`, STRANGER)));
    for (const challenge of challenges.slice(0, 6)) {
      const { code } = await mailFor(challenge);
      for (let i = 0; i < 5; i++) expect((await post("/api/identity/sign-in/verify", { challenge_id: challenge, code: wrongFor(code) }, STRANGER)).status).toBe(400);
    }
    const last = challenges[6]!;
    const { code } = await mailFor(last);
    const refused = await post("/api/identity/sign-in/verify", { challenge_id: last, code }, STRANGER);
    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe("code_too_many_wrong_here");
    // The person the code was for, at their own address, is let in.
    expect((await post("/api/identity/sign-in/verify", { challenge_id: last, code }, OWNER)).status).toBe(200);
  });

  it("are limited per email to 20 a day, from any number of addresses; then the link in the mail still signs the owner in", async () => {
    const email = "guessed@example.dk";
    for (let round = 0; round < 4; round++) {
      const challenge = await challengeOf(await askCode(email, STRANGER));
      const { code } = await mailFor(challenge);
      for (let i = 0; i < 5; i++) {
        expect((await post("/api/identity/sign-in/verify", { challenge_id: challenge, code: wrongFor(code) }, `203.0.113.${round * 5 + i + 1}`)).status).toBe(400);
      }
      t.advance(15 * 60);
    }
    const challenge = await challengeOf(await askCode(email, OWNER));
    const { code, token } = await mailFor(challenge);
    const refused = await post("/api/identity/sign-in/verify", { challenge_id: challenge, code }, OWNER);
    expect(refused.status).toBe(429);
    expect(await errorCode(refused)).toBe("code_too_many_wrong_today");
    expect((await post("/api/identity/sign-in/verify", { challenge_id: challenge, token }, OWNER)).status).toBe(200);
  });
});
