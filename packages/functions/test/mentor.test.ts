import { ScanCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { mentorTable } from "@naerhed/core/shared/tables";
import { json, testApi } from "./support.ts";

type T = Awaited<ReturnType<typeof testApi>>;
type Person = Awaited<ReturnType<T["personWith"]>>;
type ErrorBody = { error: { code: string; message: string; fields?: { field: string; message: string }[] } };
type Goal = { id: string; text: string; progress: number };
type Pair = {
  id: string;
  state: string;
  mentee_name: string;
  goals: Goal[];
  mentor_id?: string;
  mentor_name?: string;
  contact?: string;
  mentor_contact?: string;
  planned_end_on?: string;
  feedback?: Record<string, unknown>;
  check_in_due?: boolean;
  quiet?: boolean;
};
type Suggestion = { mentor_id: string; display_name: string; score: number; reasons: string[] };

let t: T;
let staff: Person;
let staffSyd: Person;

beforeAll(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  staffSyd = await t.personWith([{ role: "staff", centre_id: "syd" }], "Simon Syd");
});

/** Moving the clock ends sessions: staff sign in again (and so do people made after this). */
async function staffAgain() {
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  staffSyd = await t.personWith([{ role: "staff", centre_id: "syd" }], "Simon Syd");
}

const send = (method: string, path: string, cookie: string, body: unknown = {}) =>
  t.api.request(`/api/mentor${path}`, { method, ...json(body, { cookie }) });
const get = (path: string, cookie: string) => t.api.request(`/api/mentor${path}`, { headers: { cookie } });
const body = async <B>(response: Response, status: number): Promise<B> => {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as B;
};
const scanAll = async () => (await t.db.send(new ScanCommand({ TableName: t.config.tableNames[mentorTable.id]! }))).Items ?? [];

const application = {
  about: "Jeg er pensioneret lærer og kan lide at gå ture.",
  interests: ["fishing", "music"],
  languages: ["da", "ar"],
  centre_id: "nord",
  area: "Fredericia Øst",
  availability: ["tue-afternoon", "thu-evening"],
  frequency: "weekly",
  can_help_with: "Bus, indkøb og breve fra kommunen.",
  capacity: 1,
  gender: "man",
  contact: "20 30 40 50",
};

const screening = { interview_on: "2026-11-01", straffeattest_on: "2026-10-20", training_on: "2026-11-10", decision: "approve" };

/** A person who applied and was approved by staff of nord. */
async function approvedMentor(name: string, overrides: object = {}): Promise<Person> {
  const person = await t.personWith([{ role: "citizen" }], name);
  await body(await send("POST", "/applications", person.cookie, { ...application, ...overrides }), 201);
  await body(await send("POST", `/centres/nord/mentors/${person.person.id}/screening`, staff.cookie, screening), 200);
  return person;
}

const request = {
  asked_by: "relative",
  mentee_name: "Ahmad",
  help_with: "Min søn vil gerne klare mere selv.",
  goals: ["Jeg vil tage bussen alene til svømmehallen"],
  interests: ["fishing"],
  languages: ["ar"],
  centre_id: "nord",
  area: "Fredericia Øst",
  availability: ["tue-afternoon"],
  wish_gender: "man",
  contact_preference: "via_relative",
  contact: "Ring til mor på 11 22 33 44",
};

async function asked(person: Person, overrides: object = {}): Promise<Pair> {
  return (await body<{ pair: Pair }>(await send("POST", "/requests", person.cookie, { ...request, ...overrides }), 201)).pair;
}

/** A request with a mentor proposed and both sides' yes: an active pair. */
async function activePair(mentor: Person, asker: Person): Promise<Pair> {
  const pair = await asked(asker);
  await body(await send("POST", `/centres/nord/pairs/${pair.id}/propose`, staff.cookie, { mentor_id: mentor.person.id }), 200);
  await body(await send("POST", `/pairs/${pair.id}/answer`, mentor.cookie, { answer: "accept" }), 200);
  return (await body<{ pair: Pair }>(await send("POST", `/pairs/${pair.id}/answer`, asker.cookie, { answer: "accept" }), 200)).pair;
}

describe("recruitment and screening", () => {
  it("anyone signed in applies; staff see the application and approve it after interview, certificate and training", async () => {
    const person = await t.personWith([{ role: "citizen" }], "Karim");
    const applied = await body<{ mentor: { status: string } }>(await send("POST", "/applications", person.cookie, application), 201);
    expect(applied.mentor.status).toBe("applied");
    const queue = await body<{ to_screen: { id: string }[] }>(await get("/centres/nord/mentors", staff.cookie), 200);
    expect(queue.to_screen.map((m) => m.id)).toContain(person.person.id);

    const missing = await body<ErrorBody>(await send("POST", `/centres/nord/mentors/${person.person.id}/screening`, staff.cookie, { decision: "approve", interview_on: "2026-11-01" }), 400);
    expect(missing.error.fields?.map((f) => f.field).sort()).toEqual(["straffeattest_on", "training_on"]);
    const future = await body<ErrorBody>(await send("POST", `/centres/nord/mentors/${person.person.id}/screening`, staff.cookie, { ...screening, training_on: "2027-01-01" }), 400);
    expect(future.error.fields).toEqual([{ field: "training_on", message: "Datoen må ikke ligge i fremtiden." }]);

    const approved = await body<{ mentor: { status: string; certificate_expires_on: string } }>(
      await send("POST", `/centres/nord/mentors/${person.person.id}/screening`, staff.cookie, screening),
      200,
    );
    expect(approved.mentor).toMatchObject({ status: "approved", certificate_expires_on: "2028-10-19" });
    expect((await body<{ mentor: { status: string } }>(await get("/me", person.cookie), 200)).mentor.status).toBe("approved");
  });

  it("staff of another centre cannot see or screen nord's applications", async () => {
    const person = await t.personWith([{ role: "citizen" }], "Nadia");
    await body(await send("POST", "/applications", person.cookie, application), 201);
    expect((await get("/centres/nord/mentors", staffSyd.cookie)).status).toBe(403);
    expect((await send("POST", `/centres/syd/mentors/${person.person.id}/screening`, staffSyd.cookie, screening)).status).toBe(404);
  });

  it("a bad application gets a message per field and stores nothing", async () => {
    const person = await t.personWith([{ role: "citizen" }]);
    const before = (await scanAll()).length;
    const bad = await body<ErrorBody>(await send("POST", "/applications", person.cookie, { ...application, interests: [], capacity: 9 }), 400);
    expect(bad.error.fields?.map((f) => f.field).sort()).toEqual(["capacity", "interests"]);
    expect((await scanAll()).length).toBe(before);
  });
});

describe("staff change an approved mentor's details", () => {
  const details = ({ centre_id: _centre, ...rest }: typeof application) => rest;
  const audit = async (id: string) =>
    (await body<{ items: { action: string; actor_name: string; summary: string }[] }>(
      await t.api.request(`/api/identity/audit?item=mentor:mentor:${id}`, { headers: { cookie: (await t.personWith([{ role: "admin" }])).cookie } }),
      200,
    )).items;

  it("staff of the mentor's centre change what the mentor cannot change themselves; the audit log names the fields", async () => {
    const mentor = await approvedMentor("Mikkel");
    // The mentor is told to talk to staff…
    const own = await body<ErrorBody>(await send("POST", "/applications", mentor.cookie, { ...application, contact: "99 88 77 66" }), 409);
    expect(own.error.message).toMatch(/Tal med personalet/);
    // …and staff do it.
    const changed = { ...details(application), contact: "99 88 77 66", capacity: 2, availability: ["mon-morning"] };
    const saved = await body<{ mentor: Record<string, unknown> }>(await send("PUT", `/centres/nord/mentors/${mentor.person.id}`, staff.cookie, changed), 200);
    expect(saved.mentor).toMatchObject({ contact: "99 88 77 66", capacity: 2, availability: ["mon-morning"], status: "approved", centre_id: "nord" });
    const mine = await body<{ mentor: Record<string, unknown> & { screening: Record<string, unknown> } }>(await get("/me", mentor.cookie), 200);
    expect(mine.mentor).toMatchObject({ contact: "99 88 77 66", capacity: 2, status: "approved" });
    expect(mine.mentor.screening).toMatchObject({ interview_on: "2026-11-01", straffeattest_on: "2026-10-20" });
    const [line] = await audit(mentor.person.id);
    expect(line).toMatchObject({ action: "mentor.mentor.edit", actor_name: "Sara Staff" });
    expect(JSON.parse(line!.summary)).toEqual({ changed: ["availability", "capacity", "contact"] });
    // The centre is not theirs to change: a centre_id in the body is not read.
    await body(await send("PUT", `/centres/nord/mentors/${mentor.person.id}`, staff.cookie, { ...changed, centre_id: "syd" }), 200);
    expect((await body<{ mentor: { centre_id: string } }>(await get("/me", mentor.cookie), 200)).mentor.centre_id).toBe("nord");
  });

  it("staff of another centre are refused, whichever centre they name, and nothing changes", async () => {
    const mentor = await approvedMentor("Malene");
    const before = await scanAll();
    const change = { ...details(application), contact: "Ikke dit" };
    expect((await send("PUT", `/centres/nord/mentors/${mentor.person.id}`, staffSyd.cookie, change)).status).toBe(403);
    expect((await send("PUT", `/centres/syd/mentors/${mentor.person.id}`, staffSyd.cookie, change)).status).toBe(404);
    expect((await send("PUT", `/centres/nord/mentors/${mentor.person.id}`, mentor.cookie, change)).status).toBe(403);
    expect(await scanAll()).toEqual(before);
  });

  it("refuses a capacity below the mentor's pairs, bad fields with a message each, and a mentor not approved yet", async () => {
    const mentor = await approvedMentor("Morten", { capacity: 2 });
    await activePair(mentor, await t.personWith([{ role: "citizen" }], "Mor"));
    await activePair(mentor, await t.personWith([{ role: "citizen" }], "Far"));
    const below = await body<ErrorBody>(await send("PUT", `/centres/nord/mentors/${mentor.person.id}`, staff.cookie, { ...details(application), capacity: 1 }), 400);
    expect(below.error.fields).toEqual([{ field: "capacity", message: "Mentoren har 2 forløb nu. Vælg mindst 2." }]);
    const bad = await body<ErrorBody>(await send("PUT", `/centres/nord/mentors/${mentor.person.id}`, staff.cookie, { ...details(application), about: "", languages: [] }), 400);
    expect(bad.error.fields?.map((f) => f.field).sort()).toEqual(["about", "languages"]);
    const applicant = await t.personWith([{ role: "citizen" }], "Ny");
    await body(await send("POST", "/applications", applicant.cookie, application), 201);
    const early = await body<ErrorBody>(await send("PUT", `/centres/nord/mentors/${applicant.person.id}`, staff.cookie, details(application)), 409);
    expect(early.error.message).toMatch(/ikke godkendt endnu/);
  });
});

describe("asking for a mentor", () => {
  it("a relative asks for their son in their own words", async () => {
    const mum = await t.personWith([{ role: "citizen" }], "Fatima");
    const pair = await asked(mum);
    expect(pair).toMatchObject({ state: "requested", mentee_name: "Ahmad" });
    expect(pair.goals.map((g) => [g.text, g.progress])).toEqual([["Jeg vil tage bussen alene til svømmehallen", 0]]);
    const mine = await body<{ asked: Pair[] }>(await get("/me", mum.cookie), 200);
    expect(mine.asked.map((p) => p.id)).toEqual([pair.id]);
  });

  it("a citizen asking for themselves is not asked their name; a relative or staff must give one", async () => {
    const self = await t.personWith([{ role: "citizen" }], "Yusuf");
    const { mentee_name: _none, ...withoutName } = request;
    expect(await asked(self, { ...withoutName, asked_by: "self", mentee_name: undefined })).toMatchObject({ asked_by: "self", mentee_name: "Yusuf" });
    const mum = await t.personWith([{ role: "citizen" }]);
    const before = (await scanAll()).length;
    const noName = await body<ErrorBody>(await send("POST", "/requests", mum.cookie, { ...withoutName, asked_by: "relative" }), 400);
    expect(noName.error.fields).toEqual([{ field: "mentee_name", message: "Skriv navnet på den, der skal have en mentor." }]);
    const byStaff = await send("POST", "/centres/nord/requests", staff.cookie, { ...withoutName, asked_by: "self" });
    expect(byStaff.status).toBe(400);
    expect((await scanAll()).length).toBe(before);
  });

  it.each([
    ["no goals", []],
    ["four goals", ["a", "b", "c", "d"]],
    ["ten goals", Array.from({ length: 10 }, (_, i) => `mål ${i}`)],
  ])("%s → 400, and nothing is stored", async (_name, goals) => {
    const mum = await t.personWith([{ role: "citizen" }]);
    const before = (await scanAll()).length;
    const bad = await body<ErrorBody>(await send("POST", "/requests", mum.cookie, { ...request, goals }), 400);
    expect(bad.error).toMatchObject({ code: "invalid_input", message: "Skriv ét, to eller tre mål." });
    expect((await scanAll()).length).toBe(before);
  });

  it("only staff can ask as staff, and they do it for their own centre", async () => {
    const citizen = await t.personWith([{ role: "citizen" }]);
    expect((await send("POST", "/requests", citizen.cookie, { ...request, asked_by: "staff" })).status).toBe(400);
    const made = await body<{ pair: Pair & { asked_by: string } }>(await send("POST", "/centres/nord/requests", staff.cookie, { ...request, asked_by: "self" }), 201);
    expect(made.pair.asked_by).toBe("staff");
  });
});

describe("matching", () => {
  it("staff see approved mentors with a free place, best first, with reasons in words", async () => {
    const good = await approvedMentor("Omar");
    const other = await approvedMentor("Birthe", { interests: ["crafts"], languages: ["da"], availability: ["mon-morning"], gender: "woman", area: "Midtbyen" });
    const waiting = await t.personWith([{ role: "citizen" }], "Ikke godkendt");
    await body(await send("POST", "/applications", waiting.cookie, application), 201);
    const pair = await asked(await t.personWith([{ role: "citizen" }]));
    const { items } = await body<{ items: Suggestion[] }>(await get(`/centres/nord/pairs/${pair.id}/suggestions`, staff.cookie), 200);
    const ids = items.map((s) => s.mentor_id);
    expect(ids.indexOf(good.person.id)).toBeLessThan(ids.indexOf(other.person.id));
    expect(ids).not.toContain(waiting.person.id);
    expect(items.find((s) => s.mentor_id === good.person.id)?.reasons).toEqual([
      "I kan begge lide fiskeri",
      "I taler begge arabisk",
      "I bor begge i Fredericia Øst",
      "I har begge tid tirsdag eftermiddag",
      "Mentoren er en mand, som ønsket",
    ]);
    const english = await t.api.request(`/api/mentor/centres/nord/pairs/${pair.id}/suggestions`, { headers: { cookie: staff.cookie, "accept-language": "en" } });
    expect((await body<{ items: Suggestion[] }>(english, 200)).items.find((s) => s.mentor_id === good.person.id)?.reasons[0]).toBe("You both like fishing");
  });

  it("proposing a mentor who is not approved → 409, and the request stays open", async () => {
    const waiting = await t.personWith([{ role: "citizen" }], "Venter");
    await body(await send("POST", "/applications", waiting.cookie, application), 201);
    const pair = await asked(await t.personWith([{ role: "citizen" }]));
    const refused = await body<ErrorBody>(await send("POST", `/centres/nord/pairs/${pair.id}/propose`, staff.cookie, { mentor_id: waiting.person.id }), 409);
    expect(refused.error.code).toBe("mentor_not_approved");
    expect((await body<{ pair: Pair }>(await get(`/pairs/${pair.id}`, staff.cookie), 200)).pair.state).toBe("requested");
  });

  it("two staff propose the same mentor for the last free place at once: one succeeds, the other is told the mentor is full", async () => {
    const mentor = await approvedMentor("Sidste plads");
    const [a, b] = [await asked(await t.personWith([{ role: "citizen" }])), await asked(await t.personWith([{ role: "citizen" }]))];
    const colleague = await t.personWith([{ role: "staff", centre_id: "nord" }], "Kollega");
    const answers = await Promise.all([
      send("POST", `/centres/nord/pairs/${a.id}/propose`, staff.cookie, { mentor_id: mentor.person.id }),
      send("POST", `/centres/nord/pairs/${b.id}/propose`, colleague.cookie, { mentor_id: mentor.person.id }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = answers.find((r) => r.status === 409)!;
    expect(((await loser.json()) as ErrorBody).error).toMatchObject({ code: "mentor_full", message: "Mentoren har ikke flere ledige pladser. Vælg en anden mentor." });
    const states = await Promise.all([a, b].map(async (p) => (await body<{ pair: Pair }>(await get(`/pairs/${p.id}`, staff.cookie), 200)).pair.state));
    expect(states.sort()).toEqual(["proposed", "requested"]);
    const pool = await body<{ approved: { id: string; active_pairs: number }[] }>(await get("/centres/nord/mentors", staff.cookie), 200);
    expect(pool.approved.find((m) => m.id === mentor.person.id)?.active_pairs).toBe(1);
  });

  it("both accept → active with a planned end 20 weeks on; accepting twice → 409 and nothing changes", async () => {
    const mentor = await approvedMentor("Omar B");
    const mum = await t.personWith([{ role: "citizen" }], "Mor");
    const pair = await activePair(mentor, mum);
    expect(pair).toMatchObject({ state: "active", planned_end_on: "2027-04-12", mentor_contact: "20 30 40 50" });
    const again = await body<ErrorBody>(await send("POST", `/pairs/${pair.id}/answer`, mentor.cookie, { answer: "accept" }), 409);
    expect(again.error.code).toBe("mentor_already_answered");
    expect((await body<{ pair: Pair }>(await get(`/pairs/${pair.id}`, mum.cookie), 200)).pair).toEqual(pair);
  });

  it("staff answer for the mentee when staff asked for them, and only then", async () => {
    const mentor = await approvedMentor("Til borger uden konto", { capacity: 2 });
    const made = await body<{ pair: Pair }>(await send("POST", "/centres/nord/requests", staff.cookie, request), 201);
    await body(await send("POST", `/centres/nord/pairs/${made.pair.id}/propose`, staff.cookie, { mentor_id: mentor.person.id }), 200);
    await body(await send("POST", `/pairs/${made.pair.id}/answer`, mentor.cookie, { answer: "accept" }), 200);
    const active = await body<{ pair: Pair }>(await send("POST", `/pairs/${made.pair.id}/answer`, staff.cookie, { answer: "accept" }), 200);
    expect(active.pair.state).toBe("active");

    const byCitizen = await asked(await t.personWith([{ role: "citizen" }]));
    await body(await send("POST", `/centres/nord/pairs/${byCitizen.id}/propose`, staff.cookie, { mentor_id: mentor.person.id }), 200);
    const refused = await body<ErrorBody>(await send("POST", `/pairs/${byCitizen.id}/answer`, staff.cookie, { answer: "accept" }), 409);
    expect(refused.error.code).toBe("mentor_not_your_answer");
  });

  it("before both say yes, the mentor does not see the mentee's contact; a no frees the place and the mentor is not suggested again", async () => {
    const mentor = await approvedMentor("Siger nej");
    const pair = await asked(await t.personWith([{ role: "citizen" }]));
    await body(await send("POST", `/centres/nord/pairs/${pair.id}/propose`, staff.cookie, { mentor_id: mentor.person.id }), 200);
    const seen = await body<{ pair: Pair }>(await get(`/pairs/${pair.id}`, mentor.cookie), 200);
    expect(seen.pair.contact).toBeUndefined();
    const declined = await body<{ pair: Pair }>(await send("POST", `/pairs/${pair.id}/answer`, mentor.cookie, { answer: "decline" }), 200);
    expect(declined.pair.state).toBe("declined");
    const { items } = await body<{ items: Suggestion[] }>(await get(`/centres/nord/pairs/${pair.id}/suggestions`, staff.cookie), 200);
    expect(items.map((s) => s.mentor_id)).not.toContain(mentor.person.id);
    expect((await body<{ mentor: { active_pairs: number } }>(await get("/me", mentor.cookie), 200)).mentor.active_pairs).toBe(0);
  });
});

describe("following the pair", () => {
  it("the mentor logs meetings, both move a goal, staff see check-ins due and quiet pairs", async () => {
    const mentor = await approvedMentor("Logger");
    const mum = await t.personWith([{ role: "citizen" }], "Mor 2");
    const pair = await activePair(mentor, mum);
    const meeting = { on: "2026-11-23", what_we_did: "Vi tog bussen sammen.", how_it_went: 4, note_for_staff: "Han var glad." };
    await body(await send("POST", `/pairs/${pair.id}/log`, mentor.cookie, meeting), 201);
    expect((await send("POST", `/pairs/${pair.id}/log`, mum.cookie, meeting)).status).toBe(409);
    expect((await send("POST", `/pairs/${pair.id}/log`, mentor.cookie, { ...meeting, how_it_went: 6 })).status).toBe(400);
    // The date is a day, as the site's date field gives it: a moment, a day that does not exist or a Danish-order date gets the field's own message.
    for (const on of ["2026-11-23T10:00:00Z", "2026-02-30", "23-11-2026", "", 20261123]) {
      const refused = await body<ErrorBody>(await send("POST", `/pairs/${pair.id}/log`, mentor.cookie, { ...meeting, on }), 400);
      expect(refused.error.fields, String(on)).toEqual([{ field: "on", message: "Vælg den dag, I mødtes. Skriv den som år-måned-dag, fx 2026-11-23." }]);
    }

    const menteeView = await body<{ log: Record<string, unknown>[] }>(await get(`/pairs/${pair.id}`, mum.cookie), 200);
    expect(menteeView.log).toEqual([expect.objectContaining({ what_we_did: "Vi tog bussen sammen." })]);
    expect(menteeView.log[0]).not.toHaveProperty("note_for_staff");

    const goal = pair.goals[0]!;
    await body(await send("PUT", `/pairs/${pair.id}/goals/${goal.id}`, mum.cookie, { progress: 2 }), 200);
    const moved = await body<{ pair: Pair }>(await send("PUT", `/pairs/${pair.id}/goals/${goal.id}`, mentor.cookie, { progress: 3 }), 200);
    expect(moved.pair.goals[0]?.progress).toBe(3);

    const overview = async () => (await body<{ active: Pair[] }>(await get("/centres/nord/pairs", staff.cookie), 200)).active.find((p) => p.id === pair.id)!;
    expect(await overview()).toMatchObject({ check_in_due: false, quiet: false });
    t.advance(15 * 24 * 3600);
    await staffAgain();
    expect(await overview()).toMatchObject({ check_in_due: true, quiet: false });
    await body(await send("POST", `/centres/nord/pairs/${pair.id}/check-in`, staff.cookie, { note: "Ringet til begge." }), 200);
    expect(await overview()).toMatchObject({ check_in_due: false });
    t.advance(20 * 24 * 3600);
    await staffAgain();
    expect(await overview()).toMatchObject({ quiet: true, check_in_due: false });
  });

  it("a mentor cannot see or touch another mentor's pair; nor can staff of another centre or an unrelated person", async () => {
    const mentorA = await approvedMentor("Mentor A");
    const mentorB = await approvedMentor("Mentor B");
    const mum = await t.personWith([{ role: "citizen" }]);
    const pair = await activePair(mentorA, mum);
    const stranger = await t.personWith([{ role: "citizen" }]);
    for (const outsider of [mentorB, stranger]) {
      expect((await get(`/pairs/${pair.id}`, outsider.cookie)).status).toBe(404);
      expect((await send("POST", `/pairs/${pair.id}/log`, outsider.cookie, { on: "2026-11-23", what_we_did: "x", how_it_went: 3 })).status).toBe(404);
      expect((await send("PUT", `/pairs/${pair.id}/goals/${pair.goals[0]!.id}`, outsider.cookie, { progress: 4 })).status).toBe(404);
    }
    const mine = await body<{ mentoring: Pair[] }>(await get("/me", mentorB.cookie), 200);
    expect(mine.mentoring.map((p) => p.id)).not.toContain(pair.id);
    const theirs = await body<{ mentoring: Pair[] }>(await get("/me", mentorA.cookie), 200);
    expect(theirs.mentoring.map((p) => [p.id, p.mentee_name, p.contact])).toEqual([[pair.id, "Ahmad", "Ring til mor på 11 22 33 44"]]);
    expect((await get(`/pairs/${pair.id}`, staffSyd.cookie)).status).toBe(404);
    expect((await get("/centres/nord/pairs", staffSyd.cookie)).status).toBe(403);
    expect((await get(`/pairs/${pair.id}`, mentorA.cookie)).status).toBe(200);
  });
});

describe("a good ending", () => {
  it("staff end the pair with what happens next; both give feedback once; logging on an ended pair → 409", async () => {
    const mentor = await approvedMentor("Slutter");
    const mum = await t.personWith([{ role: "citizen" }], "Mor 3");
    const pair = await activePair(mentor, mum);
    const early = await body<ErrorBody>(await send("POST", `/centres/nord/pairs/${pair.id}/end`, staff.cookie, { outcome: "ended_early" }), 400);
    expect(early.error.fields?.[0]?.field).toBe("reason");
    const offer = "019ab000-0000-7000-8000-00000000abcd";
    const ended = await body<{ pair: Pair & { end: object } }>(
      await send("POST", `/centres/nord/pairs/${pair.id}/end`, staff.cookie, { outcome: "completed", closing_conversation_on: "2026-11-23", next_offer_id: offer, next_step: "Svømmeklubben" }),
      200,
    );
    expect(ended.pair).toMatchObject({ state: "ended", end: { outcome: "completed", next_offer_id: offer } });
    expect((await body<{ mentor: { active_pairs: number } }>(await get("/me", mentor.cookie), 200)).mentor.active_pairs).toBe(0);

    const logged = await body<ErrorBody>(await send("POST", `/pairs/${pair.id}/log`, mentor.cookie, { on: "2026-11-23", what_we_did: "x", how_it_went: 3 }), 409);
    expect(logged.error.code).toBe("mentor_pair_not_active");

    const faces = { good_to_meet: 5, helped_goals: 4, recommend: 5, words: "Tak for turen." };
    await body(await send("POST", `/pairs/${pair.id}/feedback`, mentor.cookie, faces), 200);
    const both = await body<{ pair: Pair }>(await send("POST", `/pairs/${pair.id}/feedback`, mum.cookie, { ...faces, words: undefined }), 200);
    expect(Object.keys(both.pair.feedback ?? {}).sort()).toEqual(["mentee", "mentor"]);
    expect((await send("POST", `/pairs/${pair.id}/feedback`, mum.cookie, faces)).status).toBe(409);
  });
});

describe("the scheduled job and GDPR", () => {
  it("erasing a mentee removes their requests and log and frees the mentor's place", async () => {
    const mentor = await approvedMentor("Bliver fri");
    const mum = await t.personWith([{ role: "citizen" }], "Sletter");
    const pair = await activePair(mentor, mum);
    await body(await send("POST", `/pairs/${pair.id}/log`, mentor.cookie, { on: "2026-11-23", what_we_did: "Kaffe.", how_it_went: 5 }), 201);
    const exported = await body<{ mentor: { asked: { id: string; log: unknown[] }[] } }>(await t.api.request("/api/me/export", { headers: { cookie: mum.cookie } }), 200);
    expect(exported.mentor.asked.map((p) => [p.id, p.log.length])).toEqual([[pair.id, 1]]);
    expect((await t.api.request("/api/me", { method: "DELETE", headers: { cookie: mum.cookie, "content-type": "application/json" } })).status).toBeLessThan(300);
    const left = (await scanAll()).filter((item) => String(item.pk).includes(pair.id) || String(item.sk).includes(pair.id));
    expect(left).toEqual([]);
    expect((await body<{ mentor: { active_pairs: number } }>(await get("/me", mentor.cookie), 200)).mentor.active_pairs).toBe(0);
  });
  it("the audit log names the mentee and the mentor by id only, and keeps no check-in note, so erasing them leaves neither in it", async () => {
    const mentor = await approvedMentor("Navngivet Mentor", { interests: ["fishing"] });
    const pair = await activePair(mentor, await t.personWith([{ role: "citizen" }]));
    await body(await send("POST", `/centres/nord/pairs/${pair.id}/check-in`, staff.cookie, { note: "Ahmad har det svært derhjemme." }), 200);
    await body(await send("POST", `/centres/nord/pairs/${pair.id}/end`, staff.cookie, { outcome: "ended_early", reason: "Ahmad flyttede.", closing_conversation_on: "2026-11-23" }), 200);
    const lines = (await t.services.audit.list({ item: `mentor:pair:${pair.id}` })).items;
    expect(lines.map((line) => line.action).sort()).toEqual(["mentor.pair.check-in", "mentor.pair.end", "mentor.pair.propose"]);
    const summaries = lines.map((line) => line.summary).join("\n");
    for (const said of [request.mentee_name, "Navngivet Mentor", "svært derhjemme", "flyttede"]) expect(summaries).not.toContain(said);
    const screened = (await t.services.audit.list({ item: `mentor:mentor:${mentor.person.id}` })).items;
    expect(screened.map((line) => line.summary).join("\n")).not.toContain("Navngivet Mentor");
  });

  it("a mentor whose certificate ran out goes to recheck and is not suggested", async () => {
    const mentor = await approvedMentor("Gammel attest", { interests: ["games"] });
    const pair = await asked(await t.personWith([{ role: "citizen" }]));
    t.advance(800 * 24 * 3600);
    await staffAgain();
    await t.runJob("mentor", "mentor-certificates");
    const queue = await body<{ to_screen: { id: string; status: string }[] }>(await get("/centres/nord/mentors", staff.cookie), 200);
    expect(queue.to_screen.find((m) => m.id === mentor.person.id)?.status).toBe("recheck");
    const { items } = await body<{ items: Suggestion[] }>(await get(`/centres/nord/pairs/${pair.id}/suggestions`, staff.cookie), 200);
    expect(items).toEqual([]);
  });

});
