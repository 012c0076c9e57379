/**
 * Realistic volume for the benchmarks, written straight through each module's own store (the
 * same writes and transactions the API makes), on top of the demo data:
 * - directory: published offers made from the demo offers with varied names, areas and organisations;
 * - council: 3 councils (nord, midt, syd) of 15 members with 50 proposals each, 10 of them voted on;
 * - panel: 2,000 members and 10 consultations, each with answers from about a quarter;
 * - mentor: 300 pairs (active, waiting and ended) with 60 mentors.
 * Ids are fixed patterns, so a run is repeatable and the benchmark can find what it seeded.
 */
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { demoOffers } from "@naerhed/local/demo/offers";
import type { Offer } from "@naerhed/core/directory/offer";
import { createDirectoryStore } from "@naerhed/core/directory/store";
import type { Choice, Member as CouncilMember, Proposal, ProposalStatus } from "@naerhed/core/council/council";
import { createCouncilStore } from "@naerhed/core/council/store";
import { newReceipt, voterKey, type Vote } from "@naerhed/core/council/vote";
import { decide, emptyTally } from "@naerhed/core/council/voting-rules";
import { numberQuestions, type Consultation, type Member as PanelMember } from "@naerhed/core/panel/consultation";
import { createPanelStore } from "@naerhed/core/panel/store";
import type { Mentor } from "@naerhed/core/mentor/mentor";
import type { Pair, PairState } from "@naerhed/core/mentor/pair";
import { createMentorStore } from "@naerhed/core/mentor/store";
import { demoCentres as centres } from "@naerhed/local/demo/organisation";
import type { Config } from "@naerhed/core/shared/config";
import { councilTable, directoryTable, mentorTable, panelTable } from "@naerhed/core/shared/tables";

/** Runs `work` over `items` with at most `width` at a time. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

const PLACES = ["Lyngbakken", "Skovhøj", "Åbyen", "Nørreland", "Strandby", "Vestervang", "Ølsted", "Kirkebakke", "Møllevej", "Havnen"];
const WORDS = ["Nye", "Lille", "Store", "Glade", "Rolige", "Søndags", "Aften", "Morgen", "Fælles", "Åbne", "Sommer", "Vinter"];

/** `count` published offers over the three centres, 10 areas each; ids `0190b000-…-<12-digit index>`. */
export function makeOffers(count: number): Offer[] {
  const published = demoOffers.filter((offer) => offer.publication === "published");
  return Array.from({ length: count }, (_, i) => {
    const base = published[i % published.length]!;
    const centre = centres[i % centres.length]!;
    const place = PLACES[Math.floor(i / centres.length) % PLACES.length]!;
    const word = WORDS[Math.floor(i / published.length) % WORDS.length]!;
    return {
      ...base,
      id: `0190b000-0000-7000-8000-${String(i).padStart(12, "0")}`,
      name: `${word} ${base.name.toLocaleLowerCase("da")} i ${place}`.slice(0, 120),
      organization_name: `${base.organization_name} ${place} ${i}`,
      centre_id: centre.id,
      area: `${place} ${centre.name.da.split(" ").at(-1)}`,
      publication: "published",
    };
  });
}

const uuid = (prefix: string, n: number) => `${prefix}-0000-7000-8000-${String(n).padStart(12, "0")}`;
const DAY = 86_400_000;

export type Seeded = {
  offerIds: string[];
  proposals: { centre: string; id: string }[];
  publishedConsultationIds: string[];
  pairIds: string[];
  counts: Record<string, number>;
};

export async function seedVolume(db: DynamoDBDocumentClient, config: Config, now = new Date(), offerCount = 5_000): Promise<Seeded> {
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const table = (id: string) => config.tableNames[id]!;

  const offers = makeOffers(offerCount);
  const directory = createDirectoryStore(db, table(directoryTable.id));
  await inParallel(offers, 32, (offer) => directory.putOffer(offer));

  // Council: top each centre up to 15 members and 50 proposals (nord already has the demo council's).
  const council = createCouncilStore(db, table(councilTable.id));
  const proposals: Seeded["proposals"] = [];
  const STATUSES: ProposalStatus[] = ["submitted", "on_agenda", "declined", "withdrawn", "draft"];
  for (const [c, centre] of centres.entries()) {
    const { members: existing, proposals: existingProposals } = await council.centre(centre.id);
    const members: CouncilMember[] = Array.from({ length: 15 - existing.length }, (_, i) => ({
      person_id: uuid("0190c000", c * 100 + i),
      centre_id: centre.id,
      display_name: `Rådsmedlem ${c * 100 + i}`,
      role: i === 0 && existing.length === 0 ? "chair" : "member",
      kind: (["citizen", "relative", "staff", "civil_society"] as const)[i % 4]!,
      term_from: "2026-01-01",
      term_to: "2027-12-31",
      notify: "none",
      updated_at: at(-60),
    }));
    await inParallel(members, 16, (member) => council.putMember(member));
    const voters = [...existing.map((m) => m.person_id), ...members.map((m) => m.person_id)];
    const wanted = 50 - existingProposals.length;
    await inParallel(Array.from({ length: wanted }, (_, i) => i), 8, async (i) => {
      const voted = i < 10;
      const proposal: Proposal = {
        id: uuid("0190d000", c * 1000 + i),
        centre_id: centre.id,
        title: `Forslag ${i + 1}: bedre ${["bus", "café", "have", "værksted", "tur"][i % 5]} i ${centre.name.da}`,
        summary: "Vi vil gerne gøre det bedre for alle. Her er vores forslag.",
        body: "Forslaget er lavet til at måle, hvor hurtigt siden er. Det handler om noget, mange vil have.",
        status: voted ? "on_agenda" : STATUSES[i % STATUSES.length]!,
        origin: "member",
        author_id: voters[i % voters.length]!,
        author_name: `Rådsmedlem ${i}`,
        follow_up: [],
        created_at: at(-50 + i / 2),
        updated_at: at(-50 + i / 2),
      };
      await council.putProposal(proposal);
      proposals.push({ centre: centre.id, id: proposal.id });
      if (!voted) return;
      const closed = i < 7;
      const vote: Vote & { salt: string } = {
        id: uuid("0190e000", c * 1000 + i),
        centre_id: centre.id,
        proposal_id: proposal.id,
        proposal_title: proposal.title,
        state: "open",
        opened_at: at(-30),
        opened_by_name: "Rådsmedlem",
        closes_at: closed ? at(-20) : at(10),
        majority: "simple",
        ballot: i % 2 ? "secret" : "open",
        eligible: voters,
        ballots: 0,
        tally: emptyTally(),
        seq: 0,
        salt: crypto.randomUUID(),
      };
      await council.openVote(vote, proposal);
      const tally = emptyTally();
      const choices: Choice[] = ["for", "for", "against", "abstain"];
      for (const [v, person] of voters.slice(0, 12).entries()) {
        const choice = choices[(v + i) % choices.length]!;
        const request_key = `bench-${v}-${vote.id}`;
        await council.castBallot({
          vote,
          personId: person,
          voterKey: voterKey(vote, person),
          now: at(-29),
          previous: undefined,
          next: { choice, receipt: newReceipt(), request_key, request_keys: [request_key], ...(vote.ballot === "open" ? { person_id: person, display_name: `Rådsmedlem ${v}`, changed_at: at(-29) } : {}) },
        });
        tally[choice]++;
      }
      if (closed) {
        const result = decide(tally, voters.length, vote.majority);
        await council.endVote({ ...vote, seq: 12, tally }, { state: "closed", result }, vote.closes_at, { status: "decided", outcome: result.outcome, updated_at: vote.closes_at });
      }
    });
  }

  // Panel: 2,000 members; 7 more consultations (10 with the demo's), everyone invited, a quarter answered.
  const panel = createPanelStore(db, table(panelTable.id));
  const existingMembers = await panel.listMembers();
  const bands = ["18_29", "30_49", "50_66", "67_plus"] as const;
  const relations = ["user", "user", "relative", "other"] as const;
  const newMembers: PanelMember[] = Array.from({ length: 2_000 - existingMembers.length }, (_, i) => ({
    person_id: uuid("0190f000", i),
    joined_at: at(-90),
    consent_version: "2026-11",
    profile: { age_band: bands[i % 4]!, area: centres[i % 3]!.id, relation: relations[i % 4]! },
    contact: "site",
    language: "da",
  }));
  await inParallel(newMembers, 32, (member) => panel.putMember(member));
  const everyone = [...existingMembers, ...newMembers];
  const consultations: Consultation[] = Array.from({ length: 10 - (await panel.listConsultations()).length }, (_, i) => {
    const opens = at(-60 + i * 5);
    return {
      id: uuid("01910000", i),
      centre_id: centres[i % 3]!.id,
      title: `Spørgsmål om hverdagen ${i + 1}`,
      intro: "Vi vil gerne vide, hvad du synes. Der er tre spørgsmål.",
      opens_at: opens,
      closes_at: at(-60 + i * 5 + 20),
      target: { kind: "all" },
      questions: numberQuestions([
        { type: "single", text: "Hvor tit kommer du i centret?", optional: false, choices: [{ label: "Hver uge" }, { label: "Hver måned" }, { label: "Sjældent" }] },
        { type: "scale", text: "Hvordan har du det i centret?", optional: false },
        { type: "yes_no", text: "Passer åbningstiderne dig?", optional: false },
      ]),
      status: "published",
      created_at: opens,
      created_by: "Peter Personale",
      published_at: opens,
      invited_count: everyone.length,
      answer_count: 0,
    };
  });
  const published: string[] = [];
  await inParallel(consultations, 4, async (consultation) => {
    await panel.saveDraft(consultation, true);
    await inParallel(everyone, 16, (member) => panel.invite(consultation.id, member.person_id, consultation.opens_at));
    const answeredAt = new Date(new Date(consultation.opens_at).getTime() + DAY).toISOString();
    // One after another: every answer adds to the one consultation item, and parallel answers would only collide.
    for (const [i, member] of everyone.entries()) {
      if (i % 4 !== 0) continue;
      const answers = { q1: `c${(i % 3) + 1}`, q2: (i % 5) + 1, q3: i % 3 ? "yes" : "no" };
      await panel.submit(consultation.id, member.person_id, { answers, ...member.profile }, answeredAt);
    }
    if (consultation.closes_at < now.toISOString()) {
      await panel.markResultsPublished(consultation.id, consultation.closes_at, "Tak for jeres svar. Her er, hvad I sagde.");
      published.push(consultation.id);
    }
  });

  // Mentor: 60 mentors over the three centres, 300 pairs: 180 active, 60 waiting, 60 ended.
  const mentor = createMentorStore(db, table(mentorTable.id));
  const mentors: Mentor[] = Array.from({ length: 60 }, (_, i) => ({
    id: uuid("01911000", i),
    display_name: `Mentor ${i}`,
    about: "Jeg vil gerne hjælpe en ny i byen.",
    interests: ["nature", "cooking"],
    languages: ["da"],
    area: PLACES[i % PLACES.length]!,
    availability: ["tue-afternoon"],
    can_help_with: "At komme ud og møde andre.",
    capacity: 3,
    gender: i % 2 ? "man" : "woman",
    age_group: "50-66",
    contact: `Telefon 20 00 ${String(i).padStart(4, "0")}`,
    centre_id: centres[i % 3]!.id,
    frequency: "weekly",
    status: "approved",
    applied_at: at(-120),
    approved_at: at(-100),
    screening: { interview_on: "2026-06-01", straffeattest_on: "2026-06-02", training_on: "2026-06-10", at: at(-100) },
    active_pairs: 3,
  }));
  await inParallel(mentors, 16, (m) => mentor.saveMentor(m, null));
  const pairs: Pair[] = Array.from({ length: 300 }, (_, i) => {
    const state: PairState = i < 180 ? "active" : i < 240 ? "requested" : "ended";
    const matched = state !== "requested" ? mentors[i % mentors.length]! : undefined;
    return {
      id: uuid("01912000", i),
      state,
      asked_by: "staff",
      mentee_name: `Borger ${i}`,
      help_with: "Vil gerne lære byen at kende og finde en fritidsaktivitet.",
      goals: [{ id: uuid("01913000", i), text: "Jeg vil tage bussen alene", progress: i % 4 }],
      interests: ["nature"],
      languages: ["da"],
      centre_id: matched?.centre_id ?? centres[i % 3]!.id,
      area: PLACES[i % PLACES.length]!,
      availability: ["tue-afternoon"],
      contact_preference: "via_staff",
      created_at: at(-80),
      requester_name: "Peter Personale",
      declined_mentor_ids: [],
      feedback: {},
      ...(matched ? { mentor_id: matched.id, mentor_name: matched.display_name, mentor_contact: matched.contact, started_at: at(-60), next_check_in_at: at(20) } : {}),
      ...(state === "ended" ? { ended_at: at(-5) } : {}),
    };
  });
  await inParallel(pairs, 16, (pair) => mentor.createPair(pair));

  return {
    offerIds: offers.map((offer) => offer.id),
    proposals,
    publishedConsultationIds: published,
    pairIds: pairs.filter((pair) => pair.state === "active").map((pair) => pair.id),
    counts: {
      offers: offers.length,
      "council members": centres.length * 15,
      proposals: centres.length * 50,
      "panel members": everyone.length,
      consultations: 10,
      "mentor pairs": pairs.length,
    },
  };
}
