import { beforeAll, describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "@naerhed/core/identity/sign-in";
import { cookieFrom, json, testApi } from "./support.ts";

/** People staff look after and their sign-in cards, through the API (issue 16; threat model: docs/sign-in-cards.md). */

type Person = Awaited<ReturnType<Awaited<ReturnType<typeof testApi>>["personWith"]>>;
let t: Awaited<ReturnType<typeof testApi>>;
let staff: Person, otherStaff: Person, admin: Person;

beforeAll(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  otherStaff = await t.personWith([{ role: "staff", centre_id: "syd" }], "Søren Syd");
  admin = await t.personWith([{ role: "admin" }], "Ada Admin");
});

let address = 0;
/** Each call from its own address unless a test says otherwise, so the per-address limits only bite where a test wants them. */
const call = async (method: string, path: string, cookie?: string, body?: unknown, clientAddress = `10.0.0.${++address % 250}`) => {
  const response = await t.api.request(
    `/api${path}`,
    { method, ...(body === undefined ? { headers: cookie ? { cookie } : {} } : json(body, cookie ? { cookie } : {})) },
    { clientAddress } as never,
  );
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as any, cookie: cookieFrom(response) };
};

const present = { person_present: true };

async function lookedAfter(name = "Kim Kort") {
  const created = await call("POST", "/identity/centres/nord/people", staff.cookie, { display_name: name, mobile: "20 30 40 50", ...present });
  expect(created.status).toBe(201);
  return created.body.person as { id: string; email?: string; consent: { how: string; by_name: string } };
}

async function printCard(personId: string) {
  const printed = await call("POST", `/identity/centres/nord/people/${personId}/card`, staff.cookie, present);
  expect(printed.status).toBe(201);
  return printed.body.card as { code: string; token: string };
}

const signInWithCode = (code: string, clientAddress?: string) => call("POST", "/identity/sign-in/card", undefined, { code }, clientAddress);

describe("people staff look after", () => {
  it("are made without email, with consent given in person, and listed as having no email", async () => {
    const person = await lookedAfter("Ane Uden Mail");
    expect(person.email).toBeUndefined();
    expect(person.consent).toMatchObject({ how: "in_person", by_name: "Sara Staff" });
    const list = await call("GET", "/identity/centres/nord/people", staff.cookie);
    expect(list.body.items).toContainEqual(expect.objectContaining({ id: person.id, display_name: "Ane Uden Mail", has_email: false, has_mobile: true, has_card: false }));
    const audit = await call("GET", `/identity/audit?item=${encodeURIComponent(`identity:person:${person.id}`)}`, admin.cookie);
    expect(audit.body.items[0]).toMatchObject({ action: "identity.looked-after.create", actor_name: "Sara Staff" });
    expect(JSON.parse(audit.body.items[0].summary)).toMatchObject({ person_present: true });
  });

  it("show staff when an SMS to the person could not be sent, so they can check the number together", async () => {
    const person = await lookedAfter("Sms Uheld");
    const listed = async () => (await call("GET", "/identity/centres/nord/people", staff.cookie)).body.items.find((item: { id: string }) => item.id === person.id);
    expect((await listed()).sms_undelivered_at).toBeNull();
    await t.services.identity.store.recordSmsUndelivered(person.id, { at: t.clock.now.toISOString(), kind: "vote_opened", reason: "InvalidParameterException" });
    expect((await listed()).sms_undelivered_at).toBe(t.clock.now.toISOString());
  });

  it("need the person present: without the tick nothing is made", async () => {
    const refused = await call("POST", "/identity/centres/nord/people", staff.cookie, { display_name: "Uden Flueben" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toContainEqual({ field: "person_present", message: "Personen skal være med. Sæt flueben, når personen er her." });
    const list = await call("GET", "/identity/centres/nord/people", staff.cookie);
    expect(list.body.items.map((p: { display_name: string }) => p.display_name)).not.toContain("Uden Flueben");
  });

  it("take an email nobody else has, or none", async () => {
    const taken = await call("POST", "/identity/centres/nord/people", staff.cookie, { display_name: "Dobbelt", email: staff.person.email, ...present });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("email_taken");
  });

  it("are managed by their own centre's staff only: another centre's staff are refused, by path and by person", async () => {
    const person = await lookedAfter();
    expect((await call("GET", "/identity/centres/nord/people", otherStaff.cookie)).status).toBe(403);
    expect((await call("POST", `/identity/centres/nord/people/${person.id}/card`, otherStaff.cookie, present)).status).toBe(403);
    // Through their own centre's path, the person is not theirs: not found, and nothing printed.
    for (const [method, path] of [
      ["POST", `/identity/centres/syd/people/${person.id}/card`],
      ["DELETE", `/identity/centres/syd/people/${person.id}/card`],
      ["POST", `/identity/centres/syd/people/${person.id}/export`],
      ["DELETE", `/identity/centres/syd/people/${person.id}`],
    ] as const) {
      const refused = await call(method, path, otherStaff.cookie, present);
      expect(refused.status, `${method} ${path}`).toBe(404);
    }
    expect((await call("GET", "/identity/centres/syd/people", otherStaff.cookie)).body.items).toEqual([]);
    // A person who signed in on their own is no centre's to manage.
    expect((await call("POST", `/identity/centres/nord/people/${otherStaff.person.id}/card`, staff.cookie, present)).status).toBe(404);
  });

  it("get their data out and erased through staff with them present, and the log says so", async () => {
    const person = await lookedAfter("Erik Eksport");
    const exported = await call("POST", `/identity/centres/nord/people/${person.id}/export`, staff.cookie, present);
    expect(exported.status).toBe(200);
    expect(exported.body.identity.person).toMatchObject({ id: person.id, display_name: "Erik Eksport", consent: { how: "in_person" } });
    const card = await printCard(person.id);
    expect((await call("DELETE", `/identity/centres/nord/people/${person.id}`, staff.cookie, present)).status).toBe(204);
    expect(await t.services.identity.store.getPerson(person.id)).toBeUndefined();
    // The card of an erased person opens nothing: erasure took its keys too, so it is just a wrong code now.
    expect((await signInWithCode(card.code)).body.error.fields).toEqual([{ field: "code", message: "Koden er forkert. Se på dit kort og prøv igen." }]);
    const audit = await call("GET", `/identity/audit?item=${encodeURIComponent(`identity:person:${person.id}`)}`, admin.cookie);
    const actions = audit.body.items.map((entry: { action: string; summary: string }) => [entry.action, JSON.parse(entry.summary).person_present]);
    expect(actions).toEqual(expect.arrayContaining([["identity.looked-after.export", true], ["identity.looked-after.erase", true], ["identity.card.issue", true]]));
  });
});

describe("sign-in cards", () => {
  it("sign the person in by typed code (any case, with spaces) and by the QR token", async () => {
    const person = await lookedAfter();
    const card = await printCard(person.id);
    expect(card.code).toMatch(/^[ACDEFGHJKMNPQRTWXY34679]{9}$/);
    const typed = await signInWithCode(` ${card.code.slice(0, 3).toLowerCase()} ${card.code.slice(3, 6)}-${card.code.slice(6)} `);
    expect(typed.status).toBe(200);
    const me = await call("GET", "/me", `naerhed_session=${typed.cookie}`);
    expect(me.body.person).toMatchObject({ id: person.id, display_name: "Kim Kort" });
    const scanned = await call("POST", "/identity/sign-in/card", undefined, { token: card.token });
    expect(scanned.status).toBe(200);
    const session = await call("GET", "/identity/session", `naerhed_session=${scanned.cookie}`);
    expect(session.body.person).toMatchObject({ person_id: person.id, via: "card" });
    expect((await call("GET", "/identity/centres/nord/people", staff.cookie)).body.items).toContainEqual(expect.objectContaining({ id: person.id, has_card: true }));
  });

  it("stop at once when reprinted: the old card says only that it no longer works, and its sessions end", async () => {
    const person = await lookedAfter();
    const old = await printCard(person.id);
    const session = `naerhed_session=${(await signInWithCode(old.code)).cookie}`;
    const fresh = await printCard(person.id);
    for (const attempt of [await signInWithCode(old.code), await call("POST", "/identity/sign-in/card", undefined, { token: old.token })]) {
      expect(attempt.status).toBe(403);
      expect(attempt.body.error).toEqual({ code: "card_revoked", message: "Kortet virker ikke mere. Spørg personalet." });
    }
    expect((await call("GET", "/me", session)).status).toBe(401);
    expect((await signInWithCode(fresh.code)).status).toBe(200);
  });

  it("stop at once when lost: one click, and no card works until a new one is printed", async () => {
    const person = await lookedAfter();
    const card = await printCard(person.id);
    const session = `naerhed_session=${(await call("POST", "/identity/sign-in/card", undefined, { token: card.token })).cookie}`;
    expect((await call("DELETE", `/identity/centres/nord/people/${person.id}/card`, staff.cookie, present)).status).toBe(204);
    expect((await call("GET", "/me", session)).status).toBe(401);
    expect((await signInWithCode(card.code)).body.error.code).toBe("card_revoked");
    expect((await call("DELETE", `/identity/centres/nord/people/${person.id}/card`, staff.cookie, present)).status).toBe(404);
    const audit = await call("GET", `/identity/audit?item=${encodeURIComponent(`identity:person:${person.id}`)}`, admin.cookie);
    const revoked = audit.body.items.find((entry: { action: string }) => entry.action === "identity.card.revoke");
    expect(revoked).toMatchObject({ actor_name: "Sara Staff" });
    expect(JSON.parse(revoked.summary)).toMatchObject({ person_present: true });
  });

  it("give a session that cannot change contact details, roles or take the person's data", async () => {
    const person = await lookedAfter("Karl Kort");
    // Even if the person also held staff or admin roles, a card session never carries them.
    const profile = (await t.services.identity.store.getPerson(person.id))!;
    await t.services.identity.store.updatePerson({ ...profile, grants: [...profile.grants, { role: "staff", centre_id: "nord" }] });
    const cookie = `naerhed_session=${(await signInWithCode((await printCard(person.id)).code)).cookie}`;
    const refusals = [
      await call("PATCH", "/me", cookie, { display_name: "Et Andet Navn" }),
      await call("GET", "/me/export", cookie),
      await call("DELETE", "/me", cookie),
      await call("PUT", "/council/centres/nord/my-notifications", cookie, { notify: "immediate", email: "fremmed@example.dk" }),
      // A number of the finder's own, for codes or notices, would let them sign in as the person in full.
      await call("PUT", "/me/notices", cookie, { mobile: "+4599887766" }),
      await call("PUT", "/me/notices", cookie, { sign_in: "both" }),
      await call("PUT", "/panel/membership", cookie, { consent: true, profile: {}, contact: "email", email: "fremmed@example.dk" }),
    ];
    for (const refused of refusals) expect(refused.body.error).toEqual({ code: "card_not_allowed", message: "Det kan du ikke, når du er logget ind med et kort. Spørg personalet." });
    expect((await call("POST", "/identity/invitations", cookie, { email: "ny@example.dk", display_name: "Ny", role: "council_member", centre_id: "nord" })).status).toBe(403);
    expect((await call("GET", "/identity/centres/nord/people", cookie)).status).toBe(403);
    // A grant given later does not reach the card session either.
    await t.services.identity.store.updatePerson({ ...profile, grants: [...profile.grants, { role: "admin" }] });
    expect((await call("GET", "/identity/audit", cookie)).status).toBe(403);
    // The person's name is unchanged; the language is theirs to choose.
    expect((await call("PATCH", "/me", cookie, { language: "en" })).status).toBe(200);
    expect((await t.services.identity.store.getPerson(person.id))!).toMatchObject({ display_name: "Karl Kort", mobile: "+4520304050" });
    // Which news come, and how, among the ways the person already has, stays theirs to choose.
    expect((await call("PUT", "/me/notices", cookie, { mobile: "20 30 40 50", sign_in: "sms", choices: { vote_opened: { when: "never", channel: "sms" } } })).status).toBe(200);
  });

  it("limit wrong typed codes per address as strictly as sign-in codes, counted together with them", async () => {
    const person = await lookedAfter();
    const card = await printCard(person.id);
    const here = "10.9.9.9";
    const max = SIGN_IN_LIMITS.wrongCode.client.max;
    for (let i = 0; i < max; i++) {
      const wrong = await signInWithCode("AAA-AAA-AAA", here);
      expect(wrong.body.error.fields?.[0]?.message ?? wrong.body.error.message).toMatch(/forkert/);
    }
    const blocked = await signInWithCode(card.code, here);
    expect(blocked.status).toBe(429);
    // The same counter a wrong email code is refused by.
    const challenge = await call("POST", "/identity/sign-in", undefined, { email: "nogen@example.dk" }, here);
    expect((await call("POST", "/identity/sign-in/verify", undefined, { challenge_id: challenge.body.challenge_id, code: "000000" }, here)).body.error.code).toBe("code_too_many_wrong_here");
    // Elsewhere the card still works.
    expect((await signInWithCode(card.code, "10.9.9.10")).status).toBe(200);
  });

  it("say what is wrong with a code that cannot be one, without counting it", async () => {
    const bad = await signInWithCode("0O1I");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toContainEqual({ field: "code", message: "Koden på kortet har 9 tegn. Skriv den, som den står på kortet." });
  });
});
