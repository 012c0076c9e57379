import { beforeEach, describe, expect, it } from "vitest";
import { json, testApi } from "./support.ts";

/**
 * The panel's rule of 5 everywhere, replayed as the review did it: staff counted a segment of 1
 * (`target-count` → {"members":1}), published to it and read that one person's answers, free
 * text included, in the results and the CSV export; after closing, the public result showed
 * "respondents 1". Also: groups that could be worked out by subtraction, and a member's own name
 * left in their free text.
 */

let t: Awaited<ReturnType<typeof testApi>>;
let staff: { cookie: string };

beforeEach(async () => {
  t = await testApi();
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Pia Personale");
});

const questions = [
  { type: "yes_no", text: "Er åbningstiderne gode?" },
  { type: "short_text", text: "Hvad er det bedste ved centret?" },
  { type: "yes_no", text: "Kommer du om aftenen?", optional: true },
];
const draft = (target: unknown) => ({
  title: "Hvad synes du om centret?",
  intro: "Vi vil gerne høre din mening.",
  opens_at: "2026-11-23T09:00:00.000Z",
  closes_at: "2026-11-30T09:00:00.000Z",
  target,
  questions,
});
const everyone = { kind: "all" };

async function call(method: string, path: string, cookie?: string, body?: unknown) {
  const response = await t.api.request(path, { method, ...(body === undefined ? { headers: cookie ? { cookie } : {} } : json(body, cookie ? { cookie } : {})) });
  const text = await response.text();
  return { status: response.status, body: text.startsWith("{") ? JSON.parse(text) : text };
}

async function member(profile: Record<string, string> = {}, name = "Test Person") {
  const person = await t.personWith([{ role: "citizen" }], name);
  expect((await call("PUT", "/api/panel/membership", person.cookie, { consent: true, profile, contact: "site" })).status).toBe(200);
  return person;
}

async function publish(target: unknown) {
  const created = await call("POST", "/api/panel/centres/nord/consultations", staff.cookie, draft(target));
  expect(created.status).toBe(201);
  const id = created.body.consultation.id as string;
  return { id, publish: await call("POST", `/api/panel/centres/nord/consultations/${id}/publish`, staff.cookie) };
}

const answer = (cookie: string, id: string, answers: Record<string, unknown>) => call("POST", `/api/panel/consultations/${id}/answers`, cookie, { answers });
const staffResults = async (id: string) => (await call("GET", `/api/panel/centres/nord/consultations/${id}/results`, staff.cookie)).body;

describe("a segment of one", () => {
  it("is counted as fewer than 5, never as 1, and cannot be published to", async () => {
    await member({ area: "syd" });
    for (let i = 0; i < 6; i++) await member({ area: "nord" });
    const count = (target: unknown) => call("POST", "/api/panel/centres/nord/target-count", staff.cookie, { target });
    expect((await count({ kind: "segment", areas: ["syd"] })).body).toEqual({ members: "<5" });
    expect((await count({ kind: "segment", areas: ["midt"] })).body).toEqual({ members: "<5" });
    expect((await count({ kind: "segment", areas: ["nord"] })).body).toEqual({ members: 6 });

    const { publish: refused } = await publish({ kind: "segment", areas: ["syd"] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([{ field: "target", message: "Gruppen er for lille. Der skal være mindst 5 i den, så ingen kan genkendes. Vælg flere grupper." }]);
  });
});

describe("a consultation one person has answered", () => {
  it("shows staff and the public fewer than 5, no counts and no free text, and exports nothing", async () => {
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await member());
    const { id } = await publish(everyone);
    expect((await answer(people[0]!.cookie, id, { q1: "no", q2: "Jeg hader tirsdagene", q3: "yes" })).status).toBe(201);

    const results = await staffResults(id);
    expect(results.respondents).toBe("<5");
    expect(results.consultation).toMatchObject({ answer_count: "<5", invited_count: 5 });
    expect(results.questions.map((q: { answered: unknown; counts?: unknown; texts?: unknown }) => [q.answered, q.counts, q.texts])).toEqual([
      ["<5", undefined, undefined],
      ["<5", undefined, undefined],
      ["<5", undefined, undefined],
    ]);
    expect(JSON.stringify(results)).not.toContain("tirsdag");
    expect(results.breakdowns.flatMap((b: { groups: { hidden: boolean }[] }) => b.groups).every((g: { hidden: boolean }) => g.hidden)).toBe(true);
    const list = (await call("GET", "/api/panel/centres/nord/consultations", staff.cookie)).body.items;
    expect(list[0]).toMatchObject({ answer_count: "<5" });

    for (const format of ["csv", "json"]) {
      const exported = await call("GET", `/api/panel/centres/nord/consultations/${id}/export?format=${format}`, staff.cookie);
      expect(exported.status).toBe(409);
      expect(exported.body.error.code).toBe("panel_too_few_answers");
    }

    t.advance(8 * 24 * 3600);
    expect((await call("POST", `/api/panel/centres/nord/consultations/${id}/results`, staff.cookie, { summary: "Tak for svaret." })).status).toBe(200);
    const publicList = (await call("GET", "/api/panel/results")).body.items;
    expect(publicList).toMatchObject([{ id, answer_count: "<5" }]);
    const one = (await call("GET", `/api/panel/results/${id}`)).body;
    expect(one.respondents).toBe("<5");
    expect(one.consultation.answer_count).toBe("<5");
    expect(one.questions.every((q: { counts?: unknown }) => q.counts === undefined)).toBe(true);
  });
});

describe("a question fewer than 5 answered", () => {
  it("has no counts and no free text, for staff, the public and the export, while the others show", async () => {
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await member());
    const { id } = await publish(everyone);
    for (const [i, person] of people.entries()) {
      expect((await answer(person.cookie, id, { q1: "yes", q2: "Kaffen", ...(i < 2 ? { q3: "no" } : {}) })).status).toBe(201);
    }
    const results = await staffResults(id);
    expect(results.questions[0]).toMatchObject({ answered: 6, counts: [{ key: "yes", count: 6 }, { key: "no", count: 0 }] });
    expect(results.questions[1]).toMatchObject({ answered: 6, texts: Array(6).fill("Kaffen") });
    expect(results.questions[2]).toEqual({ id: "q3", type: "yes_no", text: "Kommer du om aftenen?", answered: "<5" });
    expect(results.breakdowns.every((b: { groups: { questions?: Record<string, unknown> }[] }) => b.groups.every((g) => !g.questions || !("q3" in g.questions)))).toBe(true);

    const csv = (await call("GET", `/api/panel/centres/nord/consultations/${id}/export?format=csv`, staff.cookie)).body as string;
    const rows = csv.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1);
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.endsWith(",hidden"))).toBe(true);
  });
});

describe("subtraction within one result", () => {
  it("never leaves hidden groups that hold fewer than 5 together (total minus the visible groups)", async () => {
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await member({ relation: "user" }));
    people.push(await member({ relation: "relative" }), await member({ relation: "other" }));
    const { id } = await publish(everyone);
    for (const person of people) await answer(person.cookie, id, { q1: "yes", q2: "Godt" });
    const relation = (await staffResults(id)).breakdowns.find((b: { dimension: string }) => b.dimension === "relation");
    // "relative" (1) and "other" (1) alone would be 2 people: "user" goes too.
    expect(relation.groups).toEqual([
      { value: "other", hidden: true },
      { value: "relative", hidden: true },
      { value: "user", hidden: true },
    ]);
  });

  it("applies the same per question: a group's counts for a question fewer than 5 of it answered stay hidden, and so does the next group's", async () => {
    const users = [];
    const relatives = [];
    for (let i = 0; i < 6; i++) users.push(await member({ relation: "user" }));
    for (let i = 0; i < 5; i++) relatives.push(await member({ relation: "relative" }));
    const { id } = await publish(everyone);
    for (const [i, person] of users.entries()) await answer(person.cookie, id, { q1: "yes", q2: "Godt", ...(i < 5 ? { q3: "yes" } : {}) });
    for (const [i, person] of relatives.entries()) await answer(person.cookie, id, { q1: "no", q2: "Fint", ...(i < 1 ? { q3: "no" } : {}) });
    const results = await staffResults(id);
    expect(results.questions[2]).toMatchObject({ answered: 6 });
    const groups = results.breakdowns.find((b: { dimension: string }) => b.dimension === "relation").groups;
    expect(groups.map((g: { value: string; hidden: boolean }) => [g.value, g.hidden])).toEqual([["relative", false], ["user", false]]);
    // q1 is shown per group (6 and 5 answered it); q3 in neither: the one relative's answer would be q3's total minus the users'.
    for (const group of groups) {
      expect(Object.keys(group.questions)).toEqual(["q1"]);
    }
  });

  it("hides a small group in the panel's own make-up too, not only among those who answered", async () => {
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await member({ relation: "user" }));
    for (let i = 0; i < 2; i++) people.push(await member({ relation: "other" }));
    const { id } = await publish(everyone);
    const panel = (await staffResults(id)).representativeness.find((r: { dimension: string }) => r.dimension === "relation").panel;
    expect(panel).toEqual([{ value: "other", hidden: true }, { value: "user", hidden: true }]);
  });
});

describe("free text that names the member who wrote it", () => {
  it("has the member's own name masked, in any case and at the start of a sentence, before it is stored", async () => {
    const mette = await member({}, "Mette Hansen");
    const others = [];
    for (let i = 0; i < 4; i++) others.push(await member());
    const { id } = await publish(everyone);
    expect((await answer(mette.cookie, id, { q1: "yes", q2: "mette synes godt om det. Mettes cykel står der. HANSEN" })).status).toBe(201);
    for (const person of others) await answer(person.cookie, id, { q1: "yes", q2: "Godt" });
    const texts: string[] = (await staffResults(id)).questions[1].texts;
    expect(texts.some((text) => /mette|hansen/i.test(text))).toBe(false);
    expect(texts).toContain("[navn skjult] synes godt om det. [navn skjult] cykel står der. [navn skjult]");
  });
});
