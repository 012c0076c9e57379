import { numberQuestions, type Consultation, type ConsultationInput, type Member, type Profile } from "@naerhed/core/panel/consultation";
import type { AnswerRow } from "@naerhed/core/panel/results";
import type { PanelStore } from "@naerhed/core/panel/store";

/**
 * Demo data for a local run: a panel of 25 members (Bente Borger, borger@example.dk, and 24
 * demo members without an account), a 7-question consultation open for Bente, one that has
 * closed and waits for staff to publish results (its "other" group has 3 answers, so it is
 * hidden), and one with published results. Times are relative to when the data is loaded.
 */

const BENTE = "019ab000-0000-7000-8000-000000000001";
const day = 24 * 3600_000;

const bands: NonNullable<Profile["age_band"]>[] = ["18_29", "30_49", "50_66", "67_plus"];
const areas = ["nord", "midt", "syd"] as const;
/** 14 users of services, 7 relatives, 3 others: "other" is a group too small to show. */
const relations: NonNullable<Profile["relation"]>[] = [
  ...Array.from({ length: 14 }, () => "user" as const),
  ...Array.from({ length: 7 }, () => "relative" as const),
  ...Array.from({ length: 3 }, () => "other" as const),
];

const demoMemberId = (n: number) => `019ab000-0000-7000-8000-0000000010${String(n).padStart(2, "0")}`;

export function demoMembers(joinedAt: string): Member[] {
  const others = relations.map((relation, i): Member => ({
    person_id: demoMemberId(i + 1),
    joined_at: joinedAt,
    consent_version: "2026-11",
    profile: { age_band: bands[i % bands.length], area: areas[i % areas.length], relation },
    contact: "site",
    language: "da",
  }));
  const bente: Member = {
    person_id: BENTE,
    joined_at: joinedAt,
    consent_version: "2026-11",
    profile: { age_band: "50_66", area: "nord", relation: "user" },
    contact: "site",
    language: "da",
  };
  return [bente, ...others];
}

const sevenQuestions: ConsultationInput["questions"] = [
  { type: "single", text: "Hvor tit kommer du i centret?", optional: false, choices: [{ label: "Hver uge", icon: "home" }, { label: "Hver måned" }, { label: "Sjældent" }] },
  { type: "multiple", text: "Hvad vil du gerne lave mere?", optional: false, choices: [{ label: "Ture ud af huset", icon: "bus" }, { label: "Lave mad", icon: "food" }, { label: "Være sammen med andre", icon: "people" }] },
  { type: "yes_no", text: "Passer åbningstiderne dig?", optional: false },
  { type: "scale", text: "Hvordan har du det, når du er i centret?", optional: false },
  { type: "short_text", text: "Hvad er det bedste ved centret?", optional: false },
  { type: "long_text", text: "Er der andet, du vil sige til os?", optional: true },
  { type: "yes_no", text: "Vil du sige til en ven, at centret er godt?", optional: false },
];

const cafeQuestions: ConsultationInput["questions"] = [
  { type: "single", text: "Hvornår skal caféen åbne?", optional: false, choices: [{ label: "Kl. 8", icon: "sun" }, { label: "Kl. 10" }, { label: "Kl. 12" }] },
  { type: "scale", text: "Hvordan er maden i caféen?", optional: false },
  { type: "short_text", text: "Hvad skal caféen have mere af?", optional: true },
];

function consultation(id: string, input: ConsultationInput, over: Partial<Consultation>): Consultation {
  return {
    ...input,
    questions: numberQuestions(input.questions),
    id,
    centre_id: "nord",
    status: "published",
    created_at: input.opens_at,
    created_by: "Peter Personale",
    published_at: input.opens_at,
    invited_count: 25,
    answer_count: 0,
    ...over,
  };
}

export async function loadDemoPanel(store: PanelStore, now: Date): Promise<number> {
  const at = (days: number) => new Date(now.getTime() + days * day).toISOString();
  const members = demoMembers(at(-30));
  for (const member of members) await store.putMember(member);

  const activities = consultation("019ab000-0000-7000-8000-000000002001", {
    title: "Hvad synes du om centret?",
    intro: "Vi vil gerne vide, hvad du synes om centret. Der er 7 spørgsmål. Det tager cirka 5 minutter.",
    opens_at: at(-2),
    closes_at: at(14),
    target: { kind: "all" },
    questions: sevenQuestions,
  }, {});
  const cafe = consultation("019ab000-0000-7000-8000-000000002002", {
    title: "Åbningstider i caféen",
    intro: "Hvornår skal caféen være åben? Sig din mening.",
    opens_at: at(-20),
    closes_at: at(-1),
    target: { kind: "all" },
    questions: cafeQuestions,
  }, {});
  const trips = consultation("019ab000-0000-7000-8000-000000002003", {
    title: "Ture i sommer",
    intro: "Hvor skal vi tage hen i sommer?",
    opens_at: at(-60),
    closes_at: at(-40),
    target: { kind: "all" },
    questions: [{ type: "single", text: "Hvor vil du helst hen?", optional: false, choices: [{ label: "Stranden", icon: "sun" }, { label: "Skoven" }, { label: "Byen", icon: "bus" }] }],
  }, {});

  for (const c of [activities, cafe, trips]) {
    await store.saveDraft(c, true);
    for (const member of members) await store.invite(c.id, member.person_id, c.opens_at);
  }
  // Answers from the demo members (Bente has answered none, so she can try it).
  const others = members.slice(1);
  const answer = async (c: Consultation, who: Member, answers: AnswerRow["answers"]) =>
    store.submit(c.id, who.person_id, { answers, ...who.profile }, new Date(new Date(c.opens_at).getTime() + day).toISOString());
  for (const [i, m] of others.slice(0, 10).entries()) {
    await answer(activities, m, { q1: `c${(i % 3) + 1}`, q2: i % 2 ? ["c1", "c3"] : ["c2"], q3: i % 4 ? "yes" : "no", q4: (i % 5) + 1, q5: "At jeg møder andre.", q7: "yes" });
  }
  for (const [i, m] of others.entries()) {
    await answer(cafe, m, { q1: `c${(i % 3) + 1}`, q2: (i % 4) + 2, ...(i % 3 === 0 ? { q3: "Mere kage og kaffe." } : {}) });
  }
  for (const [i, m] of others.slice(0, 12).entries()) await answer(trips, m, { q1: `c${(i % 3) + 1}` });
  await store.markResultsPublished(trips.id, at(-30), "De fleste vil gerne til stranden. Vi tager til stranden i juli. Tak for jeres svar.");
  return members.length + 3;
}
