import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { organizationId } from "@naerhed/core/directory/hsds";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import { publisherKey } from "@naerhed/core/directory/term-mapping";
import { auditTable, directoryTable, tables } from "@naerhed/core/shared/tables";
import { makeOffer } from "../../core/test/offer-fixtures.ts";
import { createGateway } from "../../local/src/gateway.ts";
import { startLocalModules } from "../../local/src/lambda-runner.ts";
import { testApi } from "./support.ts";

/**
 * Every change staff (or a staff job) make is written in one transaction with its audit line.
 * To show it, the same API runs a second time with an audit log it cannot write (its table does
 * not exist): each change through that API must fail and leave every table as it was — with a
 * line written after the change, the change would stay and the log would miss it. The same
 * request through the working API then succeeds, and its line is in the log.
 */

type T = Awaited<ReturnType<typeof testApi>>;
type Person = Awaited<ReturnType<T["personWith"]>>;
type Api = Pick<T["api"], "request">;
/** One staff change: the request, and the audit item and action it must be logged under. */
type Change = { method: string; path: string; cookie: string; body?: unknown; contentType?: string; item: string; action: string };

let t: T;
let broken: { api: Api; runJob: (module: string, job: string) => Promise<unknown> };
let staff: Person, admin: Person, chair: Person, member: Person, citizen: Person;

const ORIGIN = "http://localhost:3000";

function send(api: Api, change: Omit<Change, "item" | "action">) {
  const body = change.body === undefined ? undefined : typeof change.body === "string" ? change.body : JSON.stringify(change.body);
  return api.request(`/api${change.path}`, {
    method: change.method,
    headers: { cookie: change.cookie, origin: ORIGIN, "content-type": change.contentType ?? "application/json" },
    body,
  });
}

/** A request that must work (set-up); its JSON body. */
async function ok(method: string, path: string, who: Person, body?: unknown): Promise<any> {
  const response = await send(t.api, { method, path, cookie: who.cookie, body });
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(300);
  return JSON.parse(text);
}

/** Every item in every table but the audit log, apart from what any request touches (sessions, rate counters). */
async function everything(): Promise<string[]> {
  const items: string[] = [];
  for (const spec of tables.filter((table) => table.id !== auditTable.id)) {
    const found = (await t.db.send(new ScanCommand({ TableName: t.config.tableNames[spec.id]!, ConsistentRead: true }))).Items ?? [];
    for (const item of found) if (!/^(SESSION|RATE)#/.test(String(item.pk))) items.push(`${spec.id} ${JSON.stringify(item, Object.keys(item).sort())}`);
  }
  return items.sort();
}

const loggedActions = async (item: string) => (await t.services.audit.list({ item })).items.map((entry) => entry.action);

/** The change fails with the log unwritable and nothing is stored; then it works and is logged. */
async function changedTogetherWithItsLine(change: Change) {
  const before = await everything();
  const refused = await send(broken.api, change);
  expect(refused.status, await refused.text()).toBeGreaterThanOrEqual(500);
  expect(await everything()).toEqual(before);
  expect(await loggedActions(change.item)).not.toContain(change.action);

  const done = await send(t.api, change);
  const text = await done.text();
  expect(done.status, text).toBeLessThan(300);
  expect(await loggedActions(change.item)).toContain(change.action);
  return (text ? JSON.parse(text) : null) as any;
}

beforeAll(async () => {
  t = await testApi();
  const config = { ...t.config, tableNames: { ...t.config.tableNames, [auditTable.id]: `${t.config.tableNames[auditTable.id]}-missing` } };
  const modules = await startLocalModules({ config, now: () => new Date(t.clock.now) });
  broken = { api: createGateway(modules), runJob: modules.runJob };
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  admin = await t.personWith([{ role: "admin" }], "Ada Admin");
  chair = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Carl Formand");
  member = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Mette Medlem");
  citizen = await t.personWith([{ role: "citizen" }], "Bo Borger");
  // The refused writes are logged as errors; the test reads the answers instead.
  vi.spyOn(console, "error").mockImplementation(() => {});
  vi.spyOn(console, "warn").mockImplementation(() => {});
});

describe("council: every change by staff or the chair is stored with its audit line, or not at all", () => {
  const memberInput = (who: Person, role: string) => ({ person_id: who.person.id, display_name: who.person.display_name, role, kind: "citizen", term_from: "2026-01-01" });
  const proposal = { title: "Bænke ved stien", summary: "Vi vil have flere bænke. Så kan flere gå en tur.", body: "Der er langt mellem bænkene ved stien." };
  const submitted = async () => (await ok("POST", "/council/centres/nord/proposals", member, proposal)).proposal.id as string;
  const onAgenda = async () => {
    const id = await submitted();
    await ok("POST", `/council/centres/nord/proposals/${id}/accept`, chair);
    return id;
  };
  const closesAt = () => new Date(t.clock.now.getTime() + 48 * 3_600_000).toISOString();

  it("members: add", async () => {
    await changedTogetherWithItsLine({ method: "PUT", path: "/council/centres/nord/members", cookie: staff.cookie, body: memberInput(chair, "chair"), item: `council:member:nord:${chair.person.id}`, action: "council.member.add" });
    await changedTogetherWithItsLine({ method: "PUT", path: "/council/centres/nord/members", cookie: staff.cookie, body: memberInput(member, "member"), item: `council:member:nord:${member.person.id}`, action: "council.member.add" });
  });

  it("meetings: plan, minutes", async () => {
    const meeting = {
      starts_at: "2026-11-26T15:00:00.000Z",
      ends_at: "2026-11-26T17:00:00.000Z",
      place: "Borgercenter Nord, sal 1",
      accessibility: "Der er elevator.",
      agenda: [{ title: "Velkommen" }],
    };
    const planned = await send(t.api, { method: "POST", path: "/council/centres/nord/meetings", cookie: staff.cookie, body: meeting });
    expect(planned.status).toBe(201);
    // A new meeting has a new id each time: the refused plan must leave no meeting behind.
    const before = await everything();
    expect((await send(broken.api, { method: "POST", path: "/council/centres/nord/meetings", cookie: staff.cookie, body: meeting })).status).toBeGreaterThanOrEqual(500);
    expect(await everything()).toEqual(before);
    const id = ((await planned.json()) as { meeting: { id: string } }).meeting.id;
    expect(await loggedActions(`council:meeting:${id}`)).toEqual(["council.meeting.plan"]);
    const minutes = { attendance: [member.person.id], summary: "Vi talte om bænke.", decisions: ["Vi stemmer i december."], publish: true };
    await changedTogetherWithItsLine({ method: "PUT", path: `/council/centres/nord/meetings/${id}/minutes`, cookie: chair.cookie, body: minutes, item: `council:meeting:${id}`, action: "council.minutes.publish" });
  });

  it("proposals: accept, decline, withdraw (also while voting), follow-up", async () => {
    const accept = await submitted();
    await changedTogetherWithItsLine({ method: "POST", path: `/council/centres/nord/proposals/${accept}/accept`, cookie: chair.cookie, item: `council:proposal:${accept}`, action: "council.proposal.accept" });
    const decline = await submitted();
    await changedTogetherWithItsLine({ method: "POST", path: `/council/centres/nord/proposals/${decline}/decline`, cookie: staff.cookie, body: { reason: "Det har vi allerede." }, item: `council:proposal:${decline}`, action: "council.proposal.decline" });
    const withdraw = await onAgenda();
    await changedTogetherWithItsLine({ method: "POST", path: `/council/centres/nord/proposals/${withdraw}/withdraw`, cookie: staff.cookie, item: `council:proposal:${withdraw}`, action: "council.proposal.withdraw" });
    const voting = await onAgenda();
    await ok("POST", `/council/centres/nord/proposals/${voting}/vote`, chair, { closes_at: closesAt(), ballot: "open" });
    await changedTogetherWithItsLine({ method: "POST", path: `/council/centres/nord/proposals/${voting}/withdraw`, cookie: chair.cookie, item: `council:proposal:${voting}`, action: "council.proposal.withdraw" });

    const adopted = await onAgenda();
    const { vote } = await ok("POST", `/council/centres/nord/proposals/${adopted}/vote`, chair, { closes_at: closesAt(), ballot: "open" });
    for (const who of [chair, member]) await ok("PUT", `/council/centres/nord/votes/${vote.id}/ballot`, who, { choice: "for", request_key: crypto.randomUUID() });
    await ok("POST", `/council/centres/nord/votes/${vote.id}/close`, chair);
    await changedTogetherWithItsLine({ method: "POST", path: `/council/centres/nord/proposals/${adopted}/follow-up`, cookie: staff.cookie, body: { status: "planned", text: "Vi bestiller bænkene." }, item: `council:proposal:${adopted}`, action: "council.proposal.follow_up" });
  });

  it("votes: open, close", async () => {
    const id = await onAgenda();
    const opened = await send(t.api, { method: "POST", path: `/council/centres/nord/proposals/${id}/vote`, cookie: chair.cookie, body: { closes_at: closesAt(), ballot: "secret" } });
    // Opening makes a new vote each time, so it is checked like planning a meeting.
    const before = await everything();
    const again = await onAgenda();
    const afterAgenda = await everything();
    expect(afterAgenda.length).toBeGreaterThan(before.length);
    expect((await send(broken.api, { method: "POST", path: `/council/centres/nord/proposals/${again}/vote`, cookie: chair.cookie, body: { closes_at: closesAt(), ballot: "secret" } })).status).toBeGreaterThanOrEqual(500);
    expect(await everything()).toEqual(afterAgenda);
    const { vote } = (await opened.json()) as { vote: { id: string } };
    expect(await loggedActions(`council:vote:${vote.id}`)).toEqual(["council.vote.open"]);
    await changedTogetherWithItsLine({ method: "POST", path: `/council/centres/nord/votes/${vote.id}/close`, cookie: staff.cookie, item: `council:vote:${vote.id}`, action: "council.vote.close" });
  });
});

describe("panel: every change by staff is stored with its audit line, or not at all", () => {
  const draft = (closesAt: string) => ({
    title: "Åbningstider",
    intro: "Vil du have længere åbent?",
    opens_at: "2026-11-23T09:00:00.000Z",
    closes_at: closesAt,
    target: { kind: "all" },
    questions: [{ type: "yes_no", text: "Længere åbent om torsdagen?" }],
  });

  it("consultations: create, edit, publish, publish results", async () => {
    // A consultation goes only to a group of 5 or more (core panel/consultations.ts).
    const others = await Promise.all([1, 2, 3, 4].map((n) => t.personWith([{ role: "citizen" }], `Panelmedlem ${n}`)));
    for (const who of [citizen, ...others]) await ok("PUT", "/panel/membership", who, { consent: true, contact: "site", profile: {} });
    const before = await everything();
    expect((await send(broken.api, { method: "POST", path: "/panel/centres/nord/consultations", cookie: staff.cookie, body: draft("2026-11-24T09:00:00.000Z") })).status).toBeGreaterThanOrEqual(500);
    expect(await everything()).toEqual(before);
    const { consultation } = await ok("POST", "/panel/centres/nord/consultations", staff, draft("2026-11-24T09:00:00.000Z"));
    const item = `panel:consultation:${consultation.id}`;
    expect(await loggedActions(item)).toEqual(["panel.consultation.create"]);
    await changedTogetherWithItsLine({ method: "PUT", path: `/panel/centres/nord/consultations/${consultation.id}`, cookie: staff.cookie, body: { ...draft("2026-11-24T09:00:00.000Z"), title: "Nye åbningstider" }, item, action: "panel.consultation.edit" });
    // Publishing invites first (safe to repeat); the draft stays a draft without its line.
    const publish = await send(broken.api, { method: "POST", path: `/panel/centres/nord/consultations/${consultation.id}/publish`, cookie: staff.cookie });
    expect(publish.status).toBeGreaterThanOrEqual(500);
    expect((await ok("GET", `/panel/centres/nord/consultations/${consultation.id}`, staff)).consultation.status).toBe("draft");
    await changedTogetherWithItsLine({ method: "POST", path: `/panel/centres/nord/consultations/${consultation.id}/publish`, cookie: staff.cookie, item, action: "panel.consultation.publish" });

    t.advance(2 * 86_400);
    staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
    await changedTogetherWithItsLine({ method: "POST", path: `/panel/centres/nord/consultations/${consultation.id}/results`, cookie: staff.cookie, body: { summary: "De fleste vil have længere åbent." }, item, action: "panel.results.publish" });
  });
});

describe("mentor: every change by staff (and the certificate job) is stored with its audit line, or not at all", () => {
  const application = {
    about: "Jeg er pensioneret lærer.",
    interests: ["fishing"],
    languages: ["da"],
    centre_id: "nord",
    area: "Fredericia Øst",
    availability: ["tue-afternoon"],
    frequency: "weekly",
    can_help_with: "Bus og indkøb.",
    capacity: 3,
    gender: "man",
    contact: "20 30 40 50",
  };
  const request = {
    asked_by: "self",
    mentee_name: "Ahmad",
    help_with: "Jeg vil gerne klare mere selv.",
    goals: ["Jeg vil tage bussen alene"],
    interests: ["fishing"],
    languages: ["da"],
    centre_id: "nord",
    area: "Fredericia Øst",
    availability: ["tue-afternoon"],
    wish_gender: "man",
    contact_preference: "via_staff",
    contact: "Ring til centret",
  };
  let mentor: Person;
  const staffRequest = async () => (await ok("POST", "/mentor/centres/nord/requests", staff, request)).pair.id as string;
  const proposed = async () => {
    const id = await staffRequest();
    await ok("POST", `/mentor/centres/nord/pairs/${id}/propose`, staff, { mentor_id: mentor.person.id });
    return id;
  };

  it("screening, requests, proposals, answers for the mentee, first meeting, check-in, end, cancel", async () => {
    mentor = await t.personWith([{ role: "citizen" }], "Morten Mentor");
    await ok("POST", "/mentor/applications", mentor, application);
    const screening = { interview_on: "2026-11-01", straffeattest_on: "2026-10-20", training_on: "2026-11-10", decision: "approve" };
    await changedTogetherWithItsLine({ method: "POST", path: `/mentor/centres/nord/mentors/${mentor.person.id}/screening`, cookie: staff.cookie, body: screening, item: `mentor:mentor:${mentor.person.id}`, action: "mentor.mentor.approve" });

    const before = await everything();
    expect((await send(broken.api, { method: "POST", path: "/mentor/centres/nord/requests", cookie: staff.cookie, body: request })).status).toBeGreaterThanOrEqual(500);
    expect(await everything()).toEqual(before);
    const created = await staffRequest();
    expect(await loggedActions(`mentor:pair:${created}`)).toEqual(["mentor.pair.create"]);

    await changedTogetherWithItsLine({ method: "POST", path: `/mentor/centres/nord/pairs/${created}/propose`, cookie: staff.cookie, body: { mentor_id: mentor.person.id }, item: `mentor:pair:${created}`, action: "mentor.pair.propose" });
    const declined = await proposed();
    await changedTogetherWithItsLine({ method: "POST", path: `/mentor/pairs/${declined}/answer`, cookie: staff.cookie, body: { answer: "decline" }, item: `mentor:pair:${declined}`, action: "mentor.pair.decline" });
    await changedTogetherWithItsLine({ method: "POST", path: `/mentor/pairs/${created}/answer`, cookie: staff.cookie, body: { answer: "accept" }, item: `mentor:pair:${created}`, action: "mentor.pair.accept" });
    await changedTogetherWithItsLine({ method: "POST", path: `/mentor/centres/nord/pairs/${created}/first-meeting`, cookie: staff.cookie, body: { on: "2026-12-01", place: "Caféen" }, item: `mentor:pair:${created}`, action: "mentor.pair.first-meeting" });
    await ok("POST", `/mentor/pairs/${created}/answer`, mentor, { answer: "accept" });
    await changedTogetherWithItsLine({ method: "POST", path: `/mentor/centres/nord/pairs/${created}/check-in`, cookie: staff.cookie, body: { note: "Det går godt." }, item: `mentor:pair:${created}`, action: "mentor.pair.check-in" });
    await changedTogetherWithItsLine({ method: "POST", path: `/mentor/centres/nord/pairs/${created}/end`, cookie: staff.cookie, body: { outcome: "completed" }, item: `mentor:pair:${created}`, action: "mentor.pair.end" });
    const cancelled = await proposed();
    await changedTogetherWithItsLine({ method: "POST", path: `/mentor/centres/nord/pairs/${cancelled}/cancel`, cookie: staff.cookie, item: `mentor:pair:${cancelled}`, action: "mentor.pair.cancel" });
  });

  it("the certificate job moves a mentor to recheck only together with its line", async () => {
    t.advance(800 * 86_400);
    const before = await everything();
    await expect(broken.runJob("mentor", "mentor-certificates")).rejects.toThrow();
    expect(await everything()).toEqual(before);
    await t.runJob("mentor", "mentor-certificates");
    expect(await loggedActions(`mentor:mentor:${mentor.person.id}`)).toContain("mentor.mentor.recheck");
  });
});

describe("directory: every change by staff is stored with its audit line, or not at all", () => {
  const suggest = async () => {
    const response = await send(t.api, {
      method: "POST",
      path: "/directory/suggestions",
      cookie: citizen.cookie,
      body: { name: "Gåklubben ved søen", description: "Vi går en tur hver tirsdag.", where: "Ved søen. Spørg efter Lone.", centre_id: "nord" },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { suggestion: { id: string } }).suggestion.id;
  };

  it("suggestions: accept (with the draft it makes), decline", async () => {
    staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
    const accept = await suggest();
    const { offer } = await changedTogetherWithItsLine({ method: "POST", path: `/directory/centres/nord/suggestions/${accept}/accept`, cookie: staff.cookie, item: `directory:suggestion:${accept}`, action: "directory.suggestion.accept" });
    expect(await loggedActions(`directory:offer:${offer.id}`)).toEqual(["directory.offer.create"]);
    const decline = await suggest();
    await changedTogetherWithItsLine({ method: "POST", path: `/directory/centres/nord/suggestions/${decline}/decline`, cookie: staff.cookie, body: { reason: "Findes allerede." }, item: `directory:suggestion:${decline}`, action: "directory.suggestion.decline" });
  });

  it("import: a part is stored with a line per offer, or not at all", async () => {
    const offer = makeOffer({ name: "Strikkecafé" });
    await createDirectoryStore(t.db, t.config.tableNames[directoryTable.id]!).putOffer(offer);
    const csv = (await (await t.api.request("/api/hsds/export.csv")).text()).replace("Strikkecafé", "Strikkecafé for alle");
    const preview = await send(t.api, { method: "POST", path: "/directory/centres/nord/import/preview", cookie: staff.cookie, body: csv, contentType: "text/csv" });
    expect(preview.status).toBe(200);
    const { plan } = (await preview.json()) as { plan: string };
    await changedTogetherWithItsLine({ method: "POST", path: `/directory/centres/nord/import?plan=${plan}`, cookie: staff.cookie, body: csv, contentType: "text/csv", item: `directory:offer:${offer.id}`, action: "directory.offer.import_update" });
  });

  it("import: a full part of new offers from new organisations is stored with a line for each offer and each organisation, or not at all", async () => {
    // 50 offers and 50 organisations, each with its line: 200 items, more than one transaction may hold (100).
    const names = Array.from({ length: 50 }, (_, i) => `Gangforeningen nr. ${i + 1}`);
    const rows = names.map((name, i) => `Gåtur ${i + 1},Vi går en tur.,${name},active,Nordby,sport,ja,7000,Vej ${i + 1},Fredericia`);
    const csv = `${["name,description,organization_name,status,area,category,free,postal_code,address_1,city", ...rows].join("\r\n")}\r\n`;
    const preview = await send(t.api, { method: "POST", path: "/directory/centres/nord/import/preview", cookie: staff.cookie, body: csv, contentType: "text/csv" });
    const { plan, rows: shown } = (await preview.json()) as { plan: string; rows: { organization: { status: string } }[] };
    expect(shown.map((row) => row.organization.status)).toEqual(names.map(() => "new"));
    const { created } = await changedTogetherWithItsLine({ method: "POST", path: `/directory/centres/nord/import?plan=${plan}`, cookie: staff.cookie, body: csv, contentType: "text/csv", item: `directory:organization:${organizationId(names[0]!)}`, action: "directory.organization.import_create" });
    expect(created).toBe(50);
    const organizations = await createDirectoryStore(t.db, t.config.tableNames[directoryTable.id]!).listOrganizations();
    for (const name of names) {
      const id = organizationId(name);
      expect(organizations.map((organization) => organization.id)).toContain(id);
      expect(await loggedActions(`directory:organization:${id}`)).toEqual(["directory.organization.import_create"]);
    }
    const offers = (await (await t.api.request("/api/directory/centres/nord/offers?name=g%C3%A5tur&limit=50", { headers: { cookie: staff.cookie } })).json()) as { items: { id: string; name: string }[] };
    for (const offer of offers.items.filter((item) => item.name.startsWith("Gåtur "))) {
      expect(await loggedActions(`directory:offer:${offer.id}`)).toEqual(["directory.offer.import_create"]);
    }
  });

  it("organisations: create, edit", async () => {
    const input = { name: "Foreningen Gåpåmod", website: "https://gaapaamod.example.dk" };
    const item = `directory:organization:${organizationId(input.name)}`;
    const { organization } = await changedTogetherWithItsLine({ method: "POST", path: "/directory/organizations", cookie: staff.cookie, body: input, item, action: "directory.organization.create" });
    await changedTogetherWithItsLine({ method: "PUT", path: `/directory/organizations/${organization.id}`, cookie: staff.cookie, body: { version: organization.version, organization: { ...input, description: "Vi går ture sammen." } }, item, action: "directory.organization.edit" });
  });

  it("import: the confirmed mapping of a publisher's terms", async () => {
    const publisher = "Frivilligcenter Trekanten";
    await changedTogetherWithItsLine({ method: "PUT", path: "/directory/centres/nord/import/mapping", cookie: staff.cookie, body: { publisher, terms: { "trekanten:motion": "sport" } }, item: `directory:import_mapping:nord:${publisherKey(publisher)}`, action: "directory.import.mapping" });
  });
});

describe("identity: every change by staff or an admin is stored with its audit line, or not at all", () => {
  it("own profile, invitation, password", async () => {
    // The clock moved on above: sign in again.
    admin = await t.personWith([{ role: "admin" }], "Ada Admin");
    await changedTogetherWithItsLine({ method: "PATCH", path: "/me", cookie: admin.cookie, body: { display_name: "Ada A. Admin" }, item: `identity:person:${admin.person.id}`, action: "identity.me.update" });
    await changedTogetherWithItsLine({ method: "POST", path: "/identity/invitations", cookie: admin.cookie, body: { email: citizen.person.email, display_name: "Bo Borger", role: "staff", centre_id: "nord" }, item: `identity:person:${citizen.person.id}`, action: "identity.invite" });
    await changedTogetherWithItsLine({ method: "POST", path: "/me/password", cookie: admin.cookie, body: { password: "en lang og god adgangskode" }, item: `identity:person:${admin.person.id}`, action: "identity.password.set" });
  });
});
