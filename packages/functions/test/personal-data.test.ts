import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFrom, json, testApi } from "./support.ts";

/**
 * A person's data across every module, through the Lambda-shaped runner: each module is its own
 * handler with its own grants, so identity cannot reach another module's data except by asking
 * over the bus (docs/personal-data.md). The person signs in, joins the panel, asks for a mentor,
 * sits on the council and sends a suggestion with contact details; their export has all five
 * parts and their erasure leaves none of it.
 */

let t: Awaited<ReturnType<typeof testApi>>;
const ORIGIN = { origin: "http://localhost:3000" };
const EMAIL = "vera.hansen@example.dk";
const PHONE = "+45 20 30 40 50";
const MENTEE = "Ahmad Vera-søn";

type Export = Record<string, unknown> & {
  identity: { person: { email: string } | null };
  directory: { suggestions: { contact_email?: string; contact_phone?: string }[] };
  council: { memberships: { centre_id: string; email?: string }[] };
  panel: { membership: { email?: string } | null };
  mentor: { asked: { mentee_name: string }[] };
};

const send = (method: string, path: string, cookie: string | undefined, body?: unknown) =>
  t.api.request(path, { method, ...(body === undefined ? { headers: { ...ORIGIN, ...(cookie ? { cookie } : {}) } } : json(body, { ...ORIGIN, ...(cookie ? { cookie } : {}) })) });

async function signIn(email: string): Promise<string> {
  const asked = await send("POST", "/api/identity/sign-in", undefined, { email, language: "da" });
  expect(asked.status).toBe(202);
  const { challenge_id } = (await asked.json()) as { challenge_id: string };
  const mail = (await t.services.identity.store.listMail(20)).find((m) => m.to === email)!;
  const verified = await send("POST", "/api/identity/sign-in/verify", undefined, { challenge_id, code: /(\d{6})/.exec(mail.subject)![1] });
  expect(verified.status).toBe(200);
  return `naerhed_session=${cookieFrom(verified)}`;
}

/**
 * Every stored item, in every table, that still holds one of these strings. Not looked at: the
 * local outbox of sent mail (SES keeps none) and sign-in challenges, which end 15 minutes after
 * they were asked for (TTL) and cannot be found by person.
 */
async function itemsHolding(...needles: string[]) {
  const found: string[] = [];
  for (const [table, name] of Object.entries(t.config.tableNames)) {
    const items = (await t.db.send(new ScanCommand({ TableName: name, ConsistentRead: true }))).Items ?? [];
    for (const item of items) {
      if (item.pk === "OUTBOX" || String(item.pk).startsWith("CHALLENGE#")) continue;
      const text = JSON.stringify(item, (_key, value: unknown) => (value instanceof Set ? [...value] : value));
      for (const needle of needles) if (text.includes(needle)) found.push(`${table} ${String(item.pk)} ${String(item.sk)}: ${needle}`);
    }
  }
  return found;
}

let cookie: string;
let personId: string;
let staff: Awaited<ReturnType<typeof t.personWith>>;

beforeAll(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Pia Personale");
  cookie = await signIn(EMAIL);
  personId = ((await (await send("GET", "/api/me", cookie)).json()) as { person: { id: string } }).person.id;

  expect((await send("PATCH", "/api/me", cookie, { display_name: "Vera Hansen" })).status).toBe(200);
  expect((await send("PUT", "/api/panel/membership", cookie, { consent: true, contact: "email", email: EMAIL, profile: { area: "nord" } })).status).toBe(200);
  const asked = await send("POST", "/api/mentor/requests", cookie, {
    asked_by: "relative",
    mentee_name: MENTEE,
    help_with: "Min søn vil gerne klare mere selv.",
    goals: ["Tage bussen alene"],
    languages: ["da"],
    centre_id: "nord",
    contact_preference: "phone",
    contact: `Ring på ${PHONE}`,
  });
  expect(asked.status).toBe(201);
  const member = { person_id: personId, display_name: "Vera Hansen", email: EMAIL, role: "member", kind: "citizen", term_from: "2026-01-01" };
  expect((await send("PUT", "/api/council/centres/nord/members", staff.cookie, member)).status).toBe(200);
  const suggested = await send("POST", "/api/directory/suggestions", cookie, {
    name: "Strikkecafé i Lyngbakken",
    description: "Vi strikker hver torsdag.",
    where: "Ved søen.",
    centre_id: "nord",
    contact_name: "Vera Hansen",
    contact_email: EMAIL,
    contact_phone: PHONE,
  });
  expect(suggested.status).toBe(201);
});

describe("a person's own data across every module", () => {
  it("is exported whole: identity, directory, council, panel and mentor each give their part", async () => {
    const response = await send("GET", "/api/me/export", cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const data = (await response.json()) as Export;
    expect(data.identity.person?.email).toBe(EMAIL);
    expect(data.directory.suggestions).toEqual([expect.objectContaining({ contact_email: EMAIL, contact_phone: PHONE })]);
    expect(data.council.memberships).toEqual([expect.objectContaining({ centre_id: "nord", email: EMAIL })]);
    expect(data.panel.membership).toMatchObject({ email: EMAIL });
    expect(data.mentor.asked).toEqual([expect.objectContaining({ mentee_name: MENTEE })]);
  });

  it("when a module is slow the download says to try again shortly, and the next try has every part", async () => {
    const person = await t.personWith([{ role: "citizen" }], "Slow Answer");
    t.bus.hold();
    const waiting = await send("GET", "/api/me/export", person.cookie);
    expect(waiting.status).toBe(202);
    expect(waiting.headers.get("retry-after")).toBe("30");
    expect(await waiting.json()).toMatchObject({ status: "preparing", message: "Vi samler stadig dine data. Prøv igen om et minut.", missing: ["directory", "council", "panel", "mentor"] });
    t.bus.release();
    await t.bus.idle();
    const ready = await send("GET", "/api/me/export", person.cookie);
    expect(ready.status).toBe(200);
    expect(Object.keys((await ready.json()) as object).sort()).toEqual(["council", "directory", "exported_at", "identity", "mentor", "panel"]);
  });

  it("is erased everywhere: pending until every module confirmed, no sign-in meanwhile, then nothing of theirs is left", async () => {
    t.bus.hold();
    expect((await send("DELETE", "/api/me", cookie)).status).toBe(204);
    // Signed out at once, and nobody can sign in as them while the modules erase.
    expect((await send("GET", "/api/me", cookie)).status).toBe(401);
    const again = await send("POST", "/api/identity/sign-in", undefined, { email: EMAIL, language: "da" });
    const { challenge_id } = (await again.json()) as { challenge_id: string };
    const mail = (await t.services.identity.store.listMail(5)).find((m) => m.to === EMAIL)!;
    const refused = await send("POST", "/api/identity/sign-in/verify", undefined, { challenge_id, code: /(\d{6})/.exec(mail.subject)![1] });
    expect(refused.status).toBe(403);
    expect(await t.services.identity.store.erasure(personId)).toMatchObject({ pending: expect.arrayContaining(["council", "directory", "mentor", "panel"]) });

    t.bus.release();
    await t.bus.idle();
    expect(t.bus.deadLetters).toEqual([]);
    expect(await t.services.identity.store.getPerson(personId)).toBeUndefined();
    // Not the email, the phone number or the mentee's name anywhere (audit summaries included);
    // what stays of the person is the council's public record (name, past term) and ids in the audit log.
    expect(await itemsHolding(EMAIL, PHONE, MENTEE)).toEqual([]);
    const members = (await (await send("GET", "/api/council/centres/nord/members", staff.cookie)).json()) as { items: { person_id: string; term_to?: string; email?: string }[] };
    const vera = members.items.find((m) => m.person_id === personId)!;
    expect(vera.email).toBeUndefined();
    expect(vera.term_to! < t.clock.now.toISOString().slice(0, 10)).toBe(true);
  });

  it("is erased even when a module's answer got lost: the job asks again until every module has confirmed", async () => {
    const person = await t.personWith([{ role: "citizen" }], "Lost Answer");
    expect((await send("PUT", "/api/panel/membership", person.cookie, { consent: true, contact: "site" })).status).toBe(200);
    t.bus.hold();
    expect((await send("DELETE", "/api/me", person.cookie)).status).toBe(204);
    // The requests never arrive (as when every retry failed and they went to the dead-letter queue).
    t.bus.discardHeld();
    expect((await t.services.identity.store.erasure(person.person.id))?.pending).toHaveLength(4);
    await t.runJob("identity", "erase-redrive");
    // Too soon: the job waits before asking again.
    expect(await t.services.identity.store.erasure(person.person.id)).toBeDefined();
    t.advance(11 * 60);
    await t.runJob("identity", "erase-redrive");
    expect(await t.services.identity.store.erasure(person.person.id)).toBeUndefined();
    expect(await t.services.identity.store.getPerson(person.person.id)).toBeUndefined();
    expect(await itemsHolding(person.person.id)).toEqual([]);
  });
});
