import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { directoryTable, identityTable } from "@naerhed/core/shared/tables";
import { json, testApi } from "./support.ts";

let t: Awaited<ReturnType<typeof testApi>>;
let staff: Awaited<ReturnType<typeof t.personWith>>;
let otherStaff: Awaited<ReturnType<typeof t.personWith>>;
let admin: Awaited<ReturnType<typeof t.personWith>>;

beforeAll(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  otherStaff = await t.personWith([{ role: "staff", centre_id: "syd" }], "Simon Syd");
  admin = await t.personWith([{ role: "admin" }]);
});

type Suggestion = { id: string; name: string; description: string; where: string; status: string; created_at: string; contact_email?: string };
type Draft = { id: string; name: string; description: string; centre_id: string; category?: string; application_process?: string; publication: string; version: number };
type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };

const suggestion = {
  name: "Gåklubben ved søen",
  description: "Vi går en tur hver tirsdag. Bagefter drikker vi kaffe.",
  where: "Ved søen i Lyngbakken. Spørg efter Lone.",
  centre_id: "nord",
};

let address = 0;
/** Each call comes from its own client address (the socket's, as CloudFront reports it) unless one is given, so tests do not share a limit. */
const suggest = (body: unknown, headers: Record<string, string> = {}, clientAddress = `192.0.2.${++address}`) =>
  t.api.request("/api/directory/suggestions", { method: "POST", ...json(body, headers) }, { clientAddress });

async function created(body: object = suggestion): Promise<Suggestion> {
  const response = await suggest(body);
  expect(response.status).toBe(201);
  return ((await response.json()) as { suggestion: Suggestion }).suggestion;
}

const queue = async (cookie = staff.cookie, centre = "nord") => {
  const response = await t.api.request(`/api/directory/centres/${centre}/suggestions`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { items: Suggestion[] }).items;
};
const accept = (id: string, cookie = staff.cookie, centre = "nord") =>
  t.api.request(`/api/directory/centres/${centre}/suggestions/${id}/accept`, { method: "POST", ...json({}, { cookie }) });
const decline = (id: string, body: unknown, cookie = staff.cookie, centre = "nord") =>
  t.api.request(`/api/directory/centres/${centre}/suggestions/${id}/decline`, { method: "POST", ...json(body, { cookie }) });
const centreOffers = async () =>
  ((await (await t.api.request("/api/directory/centres/nord/offers?limit=50", { headers: { cookie: staff.cookie } })).json()) as { items: Draft[] }).items;
const auditOf = async (item: string) =>
  ((await (await t.api.request(`/api/identity/audit?item=${item}`, { headers: { cookie: admin.cookie } })).json()) as {
    items: { action: string; actor_name: string; summary: string }[];
  }).items;

describe("anyone suggests an offer", () => {
  it("without signing in; it waits in the centre's queue, oldest first", async () => {
    const first = await created({ ...suggestion, name: "Først" });
    t.advance(1);
    const second = await created({
      ...suggestion,
      name: "Bagefter",
      category: "nature",
      contact_name: "Lone",
      contact_email: "Lone@Example.dk",
      contact_phone: "+45 12 34 56 78",
    });
    expect(first).toMatchObject({ name: "Først", status: "pending", centre_id: "nord" });
    const items = await queue();
    const ids = items.map((s) => s.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(items.find((s) => s.id === second.id)).toMatchObject({ category: "nature", contact_name: "Lone", contact_email: "lone@example.dk" });
    // Another centre's queue does not show it.
    expect((await queue(otherStaff.cookie, "syd")).map((s) => s.id)).not.toContain(first.id);
  });

  it("stores a script tag as text and gives the same text back", async () => {
    const script = "<script>alert('hej')</script>";
    const stored = await created({ ...suggestion, name: script, description: `${script} & <b>fed</b>` });
    const listed = (await queue()).find((s) => s.id === stored.id)!;
    expect(listed.name).toBe(script);
    expect(listed.description).toBe(`${script} & <b>fed</b>`);
  });

  it.each([
    ["da", { name: "  ", description: "", where: "x".repeat(501), centre_id: "vest", category: "cooking", contact_email: "lone@", contact_phone: "12" }, {
      name: "Skriv hvad tilbuddet hedder. Det må højst have 120 tegn.",
      description: "Fortæl kort om tilbuddet. Du må højst skrive 1000 tegn.",
      where: "Skriv hvor tilbuddet er, eller hvem man kan spørge. Højst 500 tegn.",
      centre_id: "Vi kender ikke det borgercenter. Vælg et af borgercentrene.",
      category: "Vælg en af kategorierne.",
      contact_email: "E-mailadressen er ikke gyldig. Den skal se sådan ud: navn@eksempel.dk",
      contact_phone: "Telefonnummeret er ikke gyldigt. Skriv 8 cifre.",
    }],
    ["en", {}, {
      name: "Write what the activity is called. It can have at most 120 characters.",
      description: "Tell us briefly about the activity. You can write at most 1000 characters.",
      where: "Write where the activity is, or who to ask. At most 500 characters.",
      centre_id: "Choose one of the citizen centres.",
    }],
  ] as const)("names every wrong field with its own message (%s), and stores nothing", async (language, body, expected) => {
    const before = (await queue()).length;
    const response = await suggest(body, { "accept-language": language });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as ErrorBody).error.fields!;
    expect(Object.fromEntries(fields.map((f) => [f.field, f.message]))).toEqual(expected);
    expect(await queue()).toHaveLength(before);
  });

  it("treats empty optional fields as not given", async () => {
    const stored = await created({ ...suggestion, category: "", contact_name: " ", contact_email: "", contact_phone: "" });
    expect(stored).not.toHaveProperty("category");
    expect(stored).not.toHaveProperty("contact_email");
    expect(stored).not.toHaveProperty("contact_name");
  });

  it("limits anonymous suggestions to 5 an hour per address, then allows them again", async () => {
    const from = "198.51.100.7";
    for (let i = 0; i < 5; i++) expect((await suggest(suggestion, {}, from)).status).toBe(201);
    // A mistake in the form does not count, and is still explained.
    expect((await suggest({}, {}, from)).status).toBe(400);
    const refused = await suggest(suggestion, {}, from);
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(3600);
    expect(((await refused.json()) as ErrorBody).error.message).toBe("Du har sendt mange forslag. Vent lidt, og prøv så igen.");
    // Someone at another address is not affected.
    expect((await suggest(suggestion)).status).toBe(201);
    t.advance(wait);
    expect((await suggest(suggestion, {}, from)).status).toBe(201);
  });

  it("limits a signed-in person to 20 a day, whatever address they use", async () => {
    const citizen = await t.personWith([{ role: "citizen" }]);
    for (let i = 0; i < 20; i++) expect((await suggest(suggestion, { cookie: citizen.cookie })).status).toBe(201);
    const refused = await suggest(suggestion, { cookie: citizen.cookie, "accept-language": "en" });
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as ErrorBody).error.message).toBe("You have sent many suggestions. Wait a little, then try again.");
    const wait = Number(refused.headers.get("retry-after"));
    expect(wait).toBeLessThanOrEqual(24 * 3600);
    t.advance(wait);
    expect((await suggest(suggestion, { cookie: citizen.cookie })).status).toBe(201);
  });

  it("counts in the directory's own table, never identity's", async () => {
    const scan = async (table: string) =>
      ((await t.db.send(new ScanCommand({ TableName: t.config.tableNames[table] }))).Items ?? []).filter((item) =>
        String(item.pk).startsWith("RATE#suggest-"),
      );
    const counters = await scan(directoryTable.id);
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.every((item) => typeof item.expires_at === "number")).toBe(true);
    // Only hashes, never the address itself.
    expect(counters.some((item) => String(item.pk).includes("198.51.100.7"))).toBe(false);
    expect(await scan(identityTable.id)).toEqual([]);
  });
});

describe("staff handle their centre's suggestions", () => {
  it("accept one: it becomes a draft with what the citizen wrote, and leaves the queue", async () => {
    const stored = await created({ ...suggestion, name: "Bliver til kladde", category: "nature" });
    const response = await accept(stored.id);
    expect(response.status).toBe(201);
    const draft = ((await response.json()) as { offer: Draft }).offer;
    expect(draft).toMatchObject({
      name: "Bliver til kladde",
      description: suggestion.description,
      centre_id: "nord",
      category: "nature",
      application_process: suggestion.where,
      publication: "draft",
      version: 1,
    });
    expect((await queue()).map((s) => s.id)).not.toContain(stored.id);
    // The draft is in the staff's list and can be edited like any other; citizens cannot see it.
    expect((await centreOffers()).find((o) => o.id === draft.id)).toMatchObject({ publication: "draft" });
    expect((await t.api.request(`/api/directory/offers/${draft.id}`)).status).toBe(404);
    const edit = await t.api.request(`/api/directory/centres/nord/offers/${draft.id}`, {
      method: "PUT",
      ...json({ version: 1, offer: { name: "Gåklubben", centre_id: "nord" } }, { cookie: staff.cookie }),
    });
    expect(edit.status).toBe(200);
  });

  it("two staff accepting at once make exactly one draft; the other is told it is done", async () => {
    const stored = await created({ ...suggestion, name: "Kun én kladde" });
    const colleague = await t.personWith([{ role: "staff", centre_id: "nord" }], "Kim Kollega");
    const before = (await centreOffers()).filter((o) => o.name === "Kun én kladde").length;
    const answers = await Promise.all([accept(stored.id), accept(stored.id, colleague.cookie), accept(stored.id, admin.cookie)]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(((await refused.json()) as ErrorBody).error.message).toBe("En anden har allerede svaret på forslaget. Se listen igen.");
    expect((await centreOffers()).filter((o) => o.name === "Kun én kladde").length - before).toBe(1);
  });

  it("decline one with a reason: no draft, out of the queue, and it cannot be accepted afterwards", async () => {
    const stored = await created({ ...suggestion, name: "Bliver afvist" });
    const empty = await decline(stored.id, { reason: " " });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as ErrorBody).error.fields).toEqual([{ field: "reason", message: "Skriv hvorfor du siger nej. Højst 500 tegn." }]);

    const response = await decline(stored.id, { reason: "Findes allerede som tilbud." });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { suggestion: Suggestion & { decline_reason: string } }).suggestion).toMatchObject({
      status: "declined",
      decline_reason: "Findes allerede som tilbud.",
      handled_by: { display_name: "Sara Staff" },
    });
    expect((await queue()).map((s) => s.id)).not.toContain(stored.id);
    expect((await centreOffers()).some((o) => o.name === "Bliver afvist")).toBe(false);
    expect((await accept(stored.id)).status).toBe(409);
    expect((await decline(stored.id, { reason: "Igen" })).status).toBe(409);
  });

  it("record accepting and declining in the audit log", async () => {
    const accepted = await created({ ...suggestion, name: "Revideret ja" });
    const draft = ((await (await accept(accepted.id)).json()) as { offer: Draft }).offer;
    const declined = await created({ ...suggestion, name: "Revideret nej" });
    await decline(declined.id, { reason: "Ikke i vores område." });

    const acceptLog = await auditOf(`directory:suggestion:${accepted.id}`);
    expect(acceptLog.map((e) => e.action)).toEqual(["directory.suggestion.accept"]);
    expect(acceptLog[0]!.actor_name).toBe("Sara Staff");
    expect(JSON.parse(acceptLog[0]!.summary)).toMatchObject({ offer_id: draft.id });
    expect((await auditOf(`directory:offer:${draft.id}`)).map((e) => e.action)).toEqual(["directory.offer.create"]);
    const declineLog = await auditOf(`directory:suggestion:${declined.id}`);
    expect(declineLog.map((e) => e.action)).toEqual(["directory.suggestion.decline"]);
    expect(JSON.parse(declineLog[0]!.summary)).toMatchObject({ reason: "Ikke i vores område." });
  });

  it("answer 404 for an unknown suggestion and 400 for a malformed id", async () => {
    expect((await accept("019ab000-0000-7000-8000-0000000000aa")).status).toBe(404);
    const malformed = await accept("not-an-id");
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorBody).error.message).toBe("Linket til forslaget er ikke rigtigt. Gå tilbage til listen.");
  });
});

describe("staff of another centre", () => {
  it("cannot see, accept or decline this centre's suggestions", async () => {
    const stored = await created({ ...suggestion, name: "Kun for Nord" });
    expect((await t.api.request("/api/directory/centres/nord/suggestions", { headers: { cookie: otherStaff.cookie } })).status).toBe(403);
    expect((await accept(stored.id, otherStaff.cookie)).status).toBe(403);
    expect((await decline(stored.id, { reason: "Nej" }, otherStaff.cookie)).status).toBe(403);
    // Through their own centre's path it does not exist for them.
    expect((await accept(stored.id, otherStaff.cookie, "syd")).status).toBe(404);
    expect((await decline(stored.id, { reason: "Nej" }, otherStaff.cookie, "syd")).status).toBe(404);
    expect((await queue()).map((s) => s.id)).toContain(stored.id);
  });

  it("a citizen cannot see the queue", async () => {
    const citizen = await t.personWith([{ role: "citizen" }]);
    expect((await t.api.request("/api/directory/centres/nord/suggestions", { headers: { cookie: citizen.cookie } })).status).toBe(403);
    expect((await t.api.request("/api/directory/centres/nord/suggestions")).status).toBe(401);
  });
});
