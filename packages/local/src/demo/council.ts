import type { Choice, Member, Proposal } from "@naerhed/core/council/council";
import type { CouncilStore } from "@naerhed/core/council/store";
import { newReceipt, voterKey, type Vote } from "@naerhed/core/council/vote";
import { decide, emptyTally } from "@naerhed/core/council/voting-rules";

/**
 * The demo council of Borgercenter Nord, for trying the platform on one machine. Rasmus
 * (raadsmedlem@example.dk) is a member and Frida (formand@example.dk) chairs it; the other
 * members have no sign-in. Ballots go through the store's real transactions, so the tallies
 * equal the ballots here too. Times are relative to when the data is loaded.
 */

const RASMUS = "019ab000-0000-7000-8000-000000000002";
const FRIDA = "019ab000-0000-7000-8000-000000000006";
const PETER = "019ab000-0000-7000-8000-000000000004";
const id = (n: number) => `019ab000-0000-7000-8000-0000000c0${String(n).padStart(3, "0")}`;

type Seed = Omit<Member, "centre_id" | "updated_at">;
const members: Seed[] = [
  { person_id: FRIDA, display_name: "Frida Formand", email: "formand@example.dk", role: "chair", kind: "citizen", term_from: "2026-01-01", term_to: "2027-12-31", notify: "immediate" },
  { person_id: RASMUS, display_name: "Rasmus Rådsmedlem", email: "raadsmedlem@example.dk", role: "member", kind: "citizen", term_from: "2026-01-01", term_to: "2027-12-31", notify: "immediate" },
  { person_id: id(1), display_name: "Karen Hansen", role: "deputy_chair", kind: "relative", term_from: "2026-01-01", term_to: "2027-12-31", notify: "none" },
  { person_id: PETER, display_name: "Peter Personale", role: "secretary", kind: "staff", term_from: "2026-01-01", term_to: "2027-12-31", notify: "none" },
  { person_id: id(2), display_name: "Lene Frivillig", role: "member", kind: "civil_society", term_from: "2026-01-01", term_to: "2027-12-31", notify: "none" },
  { person_id: id(3), display_name: "Ali Jensen", role: "member", kind: "citizen", term_from: "2026-01-01", term_to: "2027-12-31", notify: "none" },
  { person_id: id(4), display_name: "Gert Nielsen", role: "member", kind: "citizen", term_from: "2024-01-01", term_to: "2025-12-31", notify: "none" },
];

type ProposalSeed = Pick<Proposal, "title" | "summary" | "body" | "status" | "origin"> & { author: string; vote?: { ballot: "open" | "secret"; choices: Choice[]; closesInDays: number } };

const proposals: ProposalSeed[] = [
  {
    title: "Caféen skal have åbent til kl. 18",
    summary: "Mange arbejder om dagen. De vil gerne bruge caféen efter arbejde. Vi foreslår åbent til kl. 18.",
    body: "Caféen lukker i dag kl. 15. Flere brugere har sagt, at de ikke kan nå at komme. Vi foreslår at prøve længere åbent i et halvt år.",
    status: "decided",
    origin: "member",
    author: RASMUS,
    vote: { ballot: "open", choices: ["for", "for", "against", "abstain"], closesInDays: -20 },
  },
  {
    title: "Gratis bus til aktiviteter",
    summary: "Det koster penge at tage bussen. Vi foreslår en gratis bus til centrets aktiviteter.",
    body: "En gratis bus vil gøre det lettere at komme til aktiviteter. Den skal køre to gange om ugen.",
    status: "decided",
    origin: "member",
    author: id(2),
    vote: { ballot: "secret", choices: ["for", "against", "against", "abstain"], closesInDays: -10 },
  },
  {
    title: "Flere bænke ved stien",
    summary: "Der er langt mellem bænkene ved stien. Vi vil have flere bænke. Så kan flere gå en tur.",
    body: "Stien rundt om søen er 2 km. Der er kun to bænke. Vi foreslår en bænk for hver 300 meter.",
    status: "voting",
    origin: "member",
    author: id(3),
    vote: { ballot: "open", choices: ["for", "abstain"], closesInDays: 5 },
  },
  {
    title: "Et fast møde med byrådets politikere",
    summary: "Vi vil mødes med politikerne to gange om året. Så kan vi fortælle dem, hvad der virker.",
    body: "Borgerrådet skal have et fast møde med social- og sundhedsudvalget i foråret og efteråret.",
    status: "on_agenda",
    origin: "staff",
    author: PETER,
  },
  {
    title: "Hjælp til at læse breve fra kommunen",
    summary: "Breve fra kommunen er svære at læse. Vi vil have en fast tid, hvor man kan få hjælp.",
    body: "En gang om ugen kan man komme med sine breve. En medarbejder hjælper med at læse og svare.",
    status: "submitted",
    origin: "citizen",
    author: "019ab000-0000-7000-8000-000000000001",
  },
];

/** Loads the demo council into an empty table; returns how many items it wrote (members and proposals). */
export async function loadDemoCouncil(store: CouncilStore, now: Date = new Date()): Promise<number> {
  const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  const nord = members.map((member): Member => ({ ...member, centre_id: "nord", updated_at: at(-60) }));
  for (const member of nord) await store.putMember(member);
  const eligible = nord.filter((m) => !m.term_to || m.term_to >= now.toISOString().slice(0, 10)).map((m) => m.person_id);

  for (const [index, seed] of proposals.entries()) {
    const proposal: Proposal = {
      id: id(100 + index),
      centre_id: "nord",
      title: seed.title,
      summary: seed.summary,
      body: seed.body,
      status: seed.vote ? "on_agenda" : seed.status,
      origin: seed.origin,
      author_id: seed.author,
      author_name: nord.find((m) => m.person_id === seed.author)?.display_name ?? "Bente Borger",
      follow_up: [],
      created_at: at(-40 + index),
      updated_at: at(-40 + index),
    };
    await store.putProposal(proposal);
    if (!seed.vote) continue;
    const opened = at(seed.vote.closesInDays - 7);
    const vote: Vote & { salt: string } = {
      id: id(200 + index),
      centre_id: "nord",
      proposal_id: proposal.id,
      proposal_title: proposal.title,
      state: "open",
      opened_at: opened,
      opened_by_name: "Frida Formand",
      closes_at: at(seed.vote.closesInDays),
      majority: "simple",
      ballot: seed.vote.ballot,
      eligible,
      ballots: 0,
      tally: emptyTally(),
      seq: 0,
      salt: crypto.randomUUID(),
    };
    await store.openVote(vote, proposal);
    // The demo's ballots are cast by members without a sign-in, never by Rasmus or Frida, so they can try voting.
    const voters = eligible.filter((person) => person !== RASMUS && person !== FRIDA);
    const tally = emptyTally();
    for (const [i, choice] of seed.vote.choices.entries()) {
      const person = voters[i % voters.length]!;
      const member = nord.find((m) => m.person_id === person)!;
      await store.castBallot({
        vote,
        personId: person,
        voterKey: voterKey(vote, person),
        now: opened,
        previous: undefined,
        next: {
          choice,
          receipt: newReceipt(),
          request_key: `demo-${i}-${vote.id}`,
          request_keys: [`demo-${i}-${vote.id}`],
          ...(vote.ballot === "open" ? { person_id: person, display_name: member.display_name, changed_at: opened } : {}),
        },
      });
      tally[choice]++;
    }
    if (seed.vote.closesInDays < 0) {
      const result = decide(tally, eligible.length, vote.majority);
      await store.endVote({ ...vote, seq: seed.vote.choices.length, tally }, { state: "closed", result }, vote.closes_at, {
        status: "decided",
        outcome: result.outcome,
        updated_at: vote.closes_at,
      });
      if (result.outcome === "adopted") {
        await store.addFollowUp("nord", proposal.id, { status: "planned", text: "Vi prøver længere åbent fra 1. december.", at: at(-15), by_name: "Peter Personale" });
        await store.addFollowUp("nord", proposal.id, { status: "in_progress", text: "Vi har fundet to frivillige til eftermiddagen.", at: at(-5), by_name: "Peter Personale" });
      }
    }
  }
  const at16 = (days: number) => `${at(days).slice(0, 10)}T15:00:00.000Z`;
  const at18 = (days: number) => `${at(days).slice(0, 10)}T17:00:00.000Z`;
  const place = "Borgercenter Nord, mødesal 1, Nørregade 4";
  const accessibility = "Indgang uden trin. Elevator til 1. sal. Handicaptoilet. Teleslynge i salen. Et stille rum ved siden af.";
  await store.putMeeting({
    id: id(300),
    centre_id: "nord",
    starts_at: at16(-21),
    ends_at: at18(-21),
    place,
    accessibility,
    agenda: [{ title: "Velkommen" }, { title: "Caféens åbningstid", proposal_id: id(100) }],
    minutes: {
      summary: "Vi talte om caféen. Mange vil gerne have længere åbent. Rådet stemmer om det.",
      decisions: ["Rådet stemmer om caféens åbningstid.", "Næste møde er om fire uger."],
      attendance: nord.filter((m) => m.term_to !== "2025-12-31").slice(0, 5).map((m) => ({ person_id: m.person_id, display_name: m.display_name })),
      published: true,
      written_by: "Peter Personale",
    },
    created_at: at(-30),
    updated_at: at(-20),
  });
  await store.putMeeting({
    id: id(301),
    centre_id: "nord",
    starts_at: at16(3),
    ends_at: at18(3),
    place,
    accessibility,
    agenda: [{ title: "Velkommen" }, { title: "Flere bænke ved stien", proposal_id: id(102) }, { title: "Et fast møde med byrådets politikere", proposal_id: id(103) }],
    created_at: at(-5),
    updated_at: at(-5),
  });
  return nord.length + proposals.length + 2;
}
