import { beforeEach, describe, expect, it } from "vitest";
import { panelTable } from "@naerhed/core/shared/tables";
import { createPanelStore } from "@naerhed/core/panel/store";
import { json, testApi } from "./support.ts";

/**
 * The citizen panel through its API, as people use it: members join with consent and answer
 * once; staff build, publish and read results in which nobody can be picked out.
 */

let t: Awaited<ReturnType<typeof testApi>>;
let staff: { cookie: string };
const ORIGIN = { origin: "http://localhost:3000" };

const sevenQuestions = [
  { type: "single", text: "Hvor tit bruger du centret?", choices: [{ label: "Hver uge", icon: "home" }, { label: "Hver måned" }, { label: "Sjældent" }] },
  { type: "multiple", text: "Hvad vil du gerne have mere af?", choices: [{ label: "Ture", icon: "bus" }, { label: "Mad", icon: "food" }, { label: "Musik" }] },
  { type: "yes_no", text: "Er åbningstiderne gode?" },
  { type: "scale", text: "Hvordan har du det med centret?" },
  { type: "short_text", text: "Hvad er det bedste ved centret?" },
  { type: "long_text", text: "Er der andet, vi skal vide?", optional: true },
  { type: "yes_no", text: "Vil du anbefale centret til andre?" },
];

const draft = (over: Record<string, unknown> = {}) => ({
  title: "Hvad synes du om centret?",
  intro: "Vi vil gerne høre din mening.",
  opens_at: "2026-11-23T09:00:00.000Z",
  closes_at: "2026-11-30T09:00:00.000Z",
  target: { kind: "all" },
  questions: sevenQuestions,
  ...over,
});

const goodAnswers = { q1: "c1", q2: ["c1", "c3"], q3: "yes", q4: 4, q5: "Personalet. Ring til Mette på 12 34 56 78", q7: "no" };

async function call(method: string, path: string, cookie?: string, body?: unknown) {
  return t.api.request(path, { method, ...json(body ?? {}, { ...ORIGIN, ...(cookie ? { cookie } : {}) }), ...(method === "GET" ? { body: undefined } : {}) });
}

async function member(profile: Record<string, string> = {}, contact: "email" | "site" = "email") {
  const person = await t.personWith([{ role: "citizen" }]);
  const response = await call("PUT", "/api/panel/membership", person.cookie, { consent: true, profile, contact, email: person.person.email });
  expect(response.status).toBe(200);
  return person;
}

/** Members who only look on the site (no mail), so that a target reaches the 5 a consultation needs. */
async function bystanders(count: number, profile: Record<string, string> = {}) {
  for (let i = 0; i < count; i++) await member(profile, "site");
}

async function published(over: Record<string, unknown> = {}) {
  const created = await call("POST", "/api/panel/centres/nord/consultations", staff.cookie, draft(over));
  expect(created.status).toBe(201);
  const { consultation } = (await created.json()) as { consultation: { id: string } };
  const publish = await call("POST", `/api/panel/centres/nord/consultations/${consultation.id}/publish`, staff.cookie);
  expect(publish.status).toBe(200);
  return consultation.id;
}

const answerCount = async (id: string) => (await createPanelStore(t.db, t.config.tableNames[panelTable.id]!).answersTo(id)).length;

beforeEach(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Pia Personale");
});

describe("joining and leaving", () => {
  it("refuses to enrol without consent, and says which field is wrong", async () => {
    const person = await t.personWith([{ role: "citizen" }]);
    const response = await call("PUT", "/api/panel/membership", person.cookie, { consent: false, contact: "email", profile: { age_band: "old" } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: { field: string }[] } };
    expect(body.error.fields.map((f) => f.field).sort()).toEqual(["consent", "profile.age_band"]);
    expect(await (await call("GET", "/api/panel/membership", person.cookie)).json()).toEqual({ member: null });
  });

  it("asks for an email when the member wants mail", async () => {
    const person = await t.personWith([{ role: "citizen" }]);
    const response = await call("PUT", "/api/panel/membership", person.cookie, { consent: true, contact: "email" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { fields: { field: string }[] } }).error.fields).toEqual([
      { field: "email", message: "Skriv din mail, hvis du vil have besked på mail." },
    ]);
  });

  it("keeps the profile while a member, and removes it with one click on leaving", async () => {
    const person = await member({ age_band: "30_49", area: "syd", relation: "relative" });
    const mine = (await (await call("GET", "/api/panel/membership", person.cookie)).json()) as { member: { profile: unknown } };
    expect(mine.member.profile).toEqual({ age_band: "30_49", area: "syd", relation: "relative" });
    expect((await call("DELETE", "/api/panel/membership", person.cookie)).status).toBe(200);
    expect(await (await call("GET", "/api/panel/membership", person.cookie)).json()).toEqual({ member: null });
  });

  it("gives the membership in the person's data export and erases it with the person", async () => {
    const person = await member({ area: "nord" });
    await bystanders(4);
    const id = await published();
    const exported = (await (await call("GET", "/api/me/export", person.cookie)).json()) as { panel: { membership: { profile: unknown }; invitations: unknown[] } };
    expect(exported.panel.membership.profile).toEqual({ area: "nord" });
    expect(exported.panel.invitations).toEqual([{ consultation_id: id, invited_at: "2026-11-23T10:00:00.000Z", answered: false }]);
    expect((await call("DELETE", "/api/me", person.cookie)).status).toBeLessThan(300);
    const store = createPanelStore(t.db, t.config.tableNames[panelTable.id]!);
    expect(await store.getMember(person.person.id)).toBeUndefined();
    expect(await store.invitationsFor(person.person.id)).toEqual([]);
  });
});

describe("publishing a consultation", () => {
  it("invites the target by mail and on their page; a segment that fits fewer than 5 is refused", async () => {
    const nordUser = await member({ area: "nord", relation: "user" });
    await member({ area: "syd", relation: "relative" }, "site");
    const created = await call("POST", "/api/panel/centres/nord/consultations", staff.cookie, draft({ target: { kind: "segment", areas: ["midt"] } }));
    const { consultation } = (await created.json()) as { consultation: { id: string; questions: { id: string }[] } };
    expect(consultation.questions.map((q) => q.id)).toEqual(["q1", "q2", "q3", "q4", "q5", "q6", "q7"]);
    const refused = await call("POST", `/api/panel/centres/nord/consultations/${consultation.id}/publish`, staff.cookie);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual(["target"]);

    await bystanders(4, { area: "midt" });
    const id = await published({ target: { kind: "segment", areas: ["nord", "midt"] } });
    const mails = await t.services.identity.store.listMail(10);
    expect(mails.map((m) => m.to)).toEqual([nordUser.person.email]);
    expect(mails[0]!.text).toContain(`/borgerpanelet/svar/${id}`);
    const page = (await (await call("GET", "/api/panel/consultations", nordUser.cookie)).json()) as { items: { id: string; open: boolean }[] };
    expect(page.items).toMatchObject([{ id, open: true }]);
  });

  it("refuses bad drafts field by field", async () => {
    const response = await call(
      "POST",
      "/api/panel/centres/nord/consultations",
      staff.cookie,
      draft({ title: "", closes_at: "2026-11-22T09:00:00.000Z", questions: [{ type: "single", text: "Hvad?", choices: [{ label: "Kun én" }] }] }),
    );
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["title", "questions.0.choices"]));
  });

  // Found by the fuzz test: "+23" passed the pattern and the conversion to UTC threw (a 500).
  it("refuses an opening or closing time JavaScript cannot read, or a day that does not exist, for that field", async () => {
    for (const [field, value] of [["opens_at", "2026-11-23T09:00:00+23"], ["closes_at", "2026-11-30T09:00:00+23"], ["closes_at", "2026-11-31T09:00:00Z"]] as const) {
      const response = await call("POST", "/api/panel/centres/nord/consultations", staff.cookie, draft({ [field]: value }));
      expect(response.status, value).toBe(400);
      const { error } = (await response.json()) as { error: { fields: { field: string; message: string }[] } };
      expect(error.fields).toEqual([{ field, message: "Tidspunktet er ikke gyldigt. Vælg dato og tid." }]);
    }
  });

  it("does not let a published consultation be changed", async () => {
    await member();
    await bystanders(4);
    const id = await published();
    const response = await call("PUT", `/api/panel/centres/nord/consultations/${id}`, staff.cookie, draft({ title: "Nyt navn" }));
    expect(response.status).toBe(409);
  });

  it("lets staff of another centre neither see nor publish it", async () => {
    await member();
    await bystanders(4);
    const id = await published();
    const syd = await t.personWith([{ role: "staff", centre_id: "syd" }]);
    expect((await call("GET", `/api/panel/centres/nord/consultations/${id}`, syd.cookie)).status).toBe(403);
    expect((await call("GET", `/api/panel/centres/syd/consultations/${id}`, syd.cookie)).status).toBe(404);
  });
});

describe("answering", () => {
  it("stores valid answers once; answering again is refused", async () => {
    const person = await member({ age_band: "30_49" });
    await bystanders(4);
    const id = await published();
    const first = await call("POST", `/api/panel/consultations/${id}/answers`, person.cookie, { answers: goodAnswers });
    expect(first.status).toBe(201);
    const again = await call("POST", `/api/panel/consultations/${id}/answers`, person.cookie, { answers: goodAnswers });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe("Du har allerede svaret. Tak for det.");
    expect(await answerCount(id)).toBe(1);
    const page = (await (await call("GET", "/api/panel/consultations", person.cookie)).json()) as { items: { answered: boolean }[] };
    expect(page.items[0]!.answered).toBe(true);
  });

  it("stores one submission when send is double-clicked", async () => {
    const person = await member();
    await bystanders(4);
    const id = await published();
    const both = await Promise.all([1, 2].map(() => call("POST", `/api/panel/consultations/${id}/answers`, person.cookie, { answers: goodAnswers })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await answerCount(id)).toBe(1);
  });

  it("says per question what is wrong, and stores nothing", async () => {
    const person = await member();
    await bystanders(4);
    const id = await published();
    const response = await call("POST", `/api/panel/consultations/${id}/answers`, person.cookie, {
      answers: { q1: "c9", q2: "c1", q3: "maybe", q4: 6, q7: "yes", q99: "x" },
    });
    expect(response.status).toBe(400);
    const fields = ((await response.json()) as { error: { fields: { field: string; message: string }[] } }).error.fields;
    expect(Object.fromEntries(fields.map((f) => [f.field, f.message]))).toEqual({
      "answers.q99": "Det spørgsmål findes ikke.",
      "answers.q1": "Det valg findes ikke. Vælg et af dem, der står der.",
      "answers.q2": "Svaret passer ikke til spørgsmålet. Vælg igen.",
      "answers.q3": "Svaret passer ikke til spørgsmålet. Vælg igen.",
      "answers.q4": "Svaret passer ikke til spørgsmålet. Vælg igen.",
      "answers.q5": "Svar på spørgsmålet.",
    });
    expect(await answerCount(id)).toBe(0);
    // Nothing stored means they can still answer properly.
    expect((await call("POST", `/api/panel/consultations/${id}/answers`, person.cookie, { answers: goodAnswers })).status).toBe(201);
  });

  it("refuses answers before it opens and after it closes", async () => {
    const person = await member();
    await bystanders(4);
    const id = await published({ opens_at: "2026-11-24T09:00:00.000Z" });
    const early = await call("POST", `/api/panel/consultations/${id}/answers`, person.cookie, { answers: goodAnswers });
    expect(early.status).toBe(409);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe("panel_consultation_not_open");
    t.advance(8 * 24 * 3600);
    const late = await call("POST", `/api/panel/consultations/${id}/answers`, person.cookie, { answers: goodAnswers });
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe("panel_consultation_closed");
    expect(await answerCount(id)).toBe(0);
  });

  it("does not show a consultation to someone who was not invited", async () => {
    await member({ area: "nord" });
    await bystanders(4, { area: "nord" });
    const id = await published({ target: { kind: "segment", areas: ["nord"] } });
    const outsider = await member({ area: "syd" });
    expect((await call("GET", `/api/panel/consultations/${id}`, outsider.cookie)).status).toBe(404);
    expect((await call("POST", `/api/panel/consultations/${id}/answers`, outsider.cookie, { answers: goodAnswers })).status).toBe(404);
  });

  it("invites someone who joins while it runs, if it is meant for them", async () => {
    await member();
    await bystanders(4);
    const id = await published();
    const late = await member();
    expect((await call("GET", `/api/panel/consultations/${id}`, late.cookie)).status).toBe(200);
  });

  it("stores the answer without the member's id, and the marker without the answer", async () => {
    const person = await member({ relation: "user" });
    await bystanders(4);
    const id = await published();
    await call("POST", `/api/panel/consultations/${id}/answers`, person.cookie, { answers: goodAnswers });
    const store = createPanelStore(t.db, t.config.tableNames[panelTable.id]!);
    const [row] = await store.answersTo(id);
    expect(JSON.stringify(row)).not.toContain(person.person.id);
    expect(Object.keys(row!).sort()).toEqual(["answers", "relation"]);
    expect(await store.invitationsFor(person.person.id)).toEqual([
      { consultation_id: id, person_id: person.person.id, invited_at: "2026-11-23T10:00:00.000Z", answered: true },
    ]);
  });
});

describe("the reminder", () => {
  it("goes once, shortly before closing, to members who have not answered and want mail", async () => {
    const answered = await member();
    const waiting = await member();
    await bystanders(3);
    const id = await published();
    await call("POST", `/api/panel/consultations/${id}/answers`, answered.cookie, { answers: goodAnswers });
    const job = { run: () => t.runJob("panel", "panel-reminders") };
    const reminders = async () => (await t.services.identity.store.listMail(50)).filter((m) => m.subject.startsWith("Husk"));

    await job.run();
    expect(await reminders()).toEqual([]);
    t.advance(6 * 24 * 3600); // one day before closing
    await job.run();
    await job.run();
    expect((await reminders()).map((m) => m.to)).toEqual([waiting.person.email]);
  });
});

describe("results", () => {
  async function answeredBy(relations: Record<string, number>) {
    const people = [];
    for (const [relation, count] of Object.entries(relations)) for (let i = 0; i < count; i++) people.push(await member({ relation }));
    const id = await published();
    for (const person of people) {
      expect((await call("POST", `/api/panel/consultations/${id}/answers`, person.cookie, { answers: goodAnswers })).status).toBe(201);
    }
    return id;
  }

  it("hides a group of 3, and the next smallest so it cannot be worked out", async () => {
    await member({ relation: "user" });
    const id = await answeredBy({ user: 7, relative: 6, other: 3 });
    const response = await call("GET", `/api/panel/centres/nord/consultations/${id}/results`, staff.cookie);
    const results = (await response.json()) as {
      respondents: number;
      questions: { id: string; counts?: { key: string; count: number }[]; texts?: string[] }[];
      breakdowns: { dimension: string; groups: { value: string; hidden: boolean; n?: number }[] }[];
      representativeness: { dimension: string; panel: { value: string; n?: number }[] }[];
    };
    expect(results.respondents).toBe(16);
    expect(results.questions[0]!.counts).toEqual([{ key: "c1", count: 16 }, { key: "c2", count: 0 }, { key: "c3", count: 0 }]);
    expect(results.questions[4]!.texts![0]).toBe("Personalet. Ring til [navn skjult] på [telefon skjult]");
    const byRelation = results.breakdowns.find((b) => b.dimension === "relation")!;
    expect(byRelation.groups).toEqual([
      { value: "other", hidden: true },
      { value: "relative", hidden: true },
      expect.objectContaining({ value: "user", hidden: false, n: 7 }),
    ]);
    // The panel's own make-up follows the same rule: 3 "other" is hidden, and so is the next smallest group.
    const panelRelations = results.representativeness.find((r) => r.dimension === "relation")!.panel;
    expect(panelRelations.map((s) => [s.value, s.n])).toEqual([["other", undefined], ["relative", undefined], ["user", 8]]);
  });

  it("publishes a summary only after closing, then shows it to anyone without free text", async () => {
    await member();
    const id = await answeredBy({ user: 5 });
    const early = await call("POST", `/api/panel/centres/nord/consultations/${id}/results`, staff.cookie, { summary: "De fleste er glade." });
    expect(early.status).toBe(409);
    expect((await call("GET", `/api/panel/results/${id}`)).status).toBe(404);
    t.advance(8 * 24 * 3600);
    expect((await call("POST", `/api/panel/centres/nord/consultations/${id}/results`, staff.cookie, { summary: "De fleste er glade." })).status).toBe(200);
    const list = (await (await call("GET", "/api/panel/results")).json()) as { items: { id: string; summary: string }[] };
    expect(list.items).toMatchObject([{ id, summary: "De fleste er glade." }]);
    const one = (await (await call("GET", `/api/panel/results/${id}`)).json()) as { questions: { texts?: string[] }[] };
    expect(JSON.stringify(one)).not.toContain("Personalet");
    expect(one.questions.every((q) => q.texts === undefined)).toBe(true);
  });

  it("exports anonymous answers as CSV and JSON with small groups hidden", async () => {
    await member({ relation: "user" });
    const id = await answeredBy({ user: 6, other: 2 });
    const csv = await call("GET", `/api/panel/centres/nord/consultations/${id}/export?format=csv`, staff.cookie);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("age_band,area,relation,q1,q2,q3,q4,q5,q6,q7");
    expect(lines).toHaveLength(9);
    // "other" (2) is hidden, and so is "user" (else it would follow from the total): no row shows a relation.
    expect(lines.slice(1).every((line) => line.startsWith(`unknown,unknown,hidden,c1,"c1;c3",yes,4,`))).toBe(true);
    const body = (await (await call("GET", `/api/panel/centres/nord/consultations/${id}/export?format=json`, staff.cookie)).json()) as {
      answers: Record<string, string>[];
    };
    expect(body.answers).toHaveLength(8);
    expect(body.answers[0]!.q5).toBe("Personalet. Ring til [navn skjult] på [telefon skjult]");
    const audit = await t.services.audit.list({ item: `panel:consultation:${id}` });
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(["panel.answers.export", "panel.consultation.publish", "panel.consultation.create"]));
  });
});

describe("demo data", () => {
  it("gives borger@example.dk an open 7-question consultation, and staff a closed one where the group of 3 is hidden", async () => {
    const { loadDemoPanel } = await import("@naerhed/local/demo/panel");
    const store = createPanelStore(t.db, t.config.tableNames[panelTable.id]!);
    await loadDemoPanel(store, t.clock.now);
    // Bente as identity's demo data has her (loaded separately locally).
    const { startSession } = await import("@naerhed/core/identity/sessions");
    const person = { id: "019ab000-0000-7000-8000-000000000001", email: "borger@example.dk", display_name: "Bente Borger", language: "da" as const, grants: [{ role: "citizen" as const }], created_at: "2026-09-01T08:00:00.000Z" };
    await t.services.identity.store.createPerson(person);
    const cookie = `naerhed_session=${await startSession(t.services.identity, person)}`;
    const mine = (await (await call("GET", "/api/panel/consultations", cookie)).json()) as { items: { title: string; open: boolean; answered: boolean; questions: unknown[] }[] };
    expect(mine.items.filter((c) => c.open && !c.answered).map((c) => c.questions.length)).toEqual([7]);

    const staffNord = await t.personWith([{ role: "staff", centre_id: "nord" }]);
    const results = (await (await call("GET", "/api/panel/centres/nord/consultations/019ab000-0000-7000-8000-000000002002/results", staffNord.cookie)).json()) as {
      breakdowns: { dimension: string; groups: { value: string; hidden: boolean }[] }[];
    };
    const relation = results.breakdowns.find((b) => b.dimension === "relation")!;
    expect(relation.groups.filter((g) => g.hidden).map((g) => g.value)).toContain("other");
    expect(((await (await call("GET", "/api/panel/results")).json()) as { items: unknown[] }).items).toHaveLength(1);
  });
});
