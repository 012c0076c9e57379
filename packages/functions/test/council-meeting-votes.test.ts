import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { createCouncilStore } from "@naerhed/core/council/store";
import { decide } from "@naerhed/core/council/voting-rules";
import type { Mail } from "@naerhed/core/shared/mailer";
import { councilTable } from "@naerhed/core/shared/tables";
import { beforeAll, describe, expect, it } from "vitest";
import { json, testApi } from "./support.ts";

/**
 * Votes taken at a meeting (issue 16): the chair, deputy chair or secretary writes down a show
 * of hands or the totals of a secret paper vote; who was present comes from the minutes; the
 * same quorum rule decides as online; a proposal is decided once (an online vote nobody has
 * voted in is replaced, one with ballots is not). Also the council part of issue 17 item 12:
 * the secretary writes minutes, and a planned meeting can be changed or cancelled, with mail.
 */

type Person = Awaited<ReturnType<Awaited<ReturnType<typeof testApi>>["personWith"]>>;
let t: Awaited<ReturnType<typeof testApi>>;
const sent: Mail[] = [];
let staff: Person, chair: Person, secretary: Person, m1: Person, m2: Person, m3: Person, sydChair: Person, sydChairAtNord: Person;

const call = async (method: string, path: string, who?: Person, body?: unknown, language = "da") => {
  const headers = { "accept-language": language, ...(who ? { cookie: who.cookie } : {}) };
  const response = await t.api.request(`/api/council${path}`, { method, ...(body === undefined ? { headers } : json(body, headers)) });
  return { status: response.status, body: response.headers.get("content-type")?.includes("json") ? ((await response.json()) as any) : await response.text() };
};

const member = (who: Person, role: string, name: string, centre = "nord") =>
  call("PUT", `/centres/${centre}/members`, centre === "nord" ? staff : undefined, { person_id: who.person.id, display_name: name, email: who.person.email, role, kind: "citizen", term_from: "2026-01-01" });

const meetingInput = {
  starts_at: "2026-11-20T15:00:00.000Z",
  ends_at: "2026-11-20T17:00:00.000Z",
  place: "Salen",
  accessibility: "Trinfri adgang og teleslynge.",
};

/** A proposal on the agenda. */
async function onAgenda(title: string) {
  const proposal = (await call("POST", "/centres/nord/proposals", chair, { title, summary: "Kort.", body: "Langt." })).body.proposal;
  expect((await call("POST", `/centres/nord/proposals/${proposal.id}/accept`, chair)).status).toBe(200);
  return proposal.id as string;
}

/** A meeting that took place, with who came in its minutes. */
async function heldMeeting(present: Person[]) {
  const meeting = (await call("POST", "/centres/nord/meetings", staff, meetingInput)).body.meeting;
  const minutes = await call("PUT", `/centres/nord/meetings/${meeting.id}/minutes`, secretary, { attendance: present.map((p) => p.person.id), summary: "Vi stemte." });
  expect(minutes.status).toBe(200);
  return meeting.id as string;
}

beforeAll(async () => {
  t = await testApi({ mailer: (outbox) => ({ send: async (mail) => (sent.push(mail), outbox.send(mail)) }) });
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  const nord = [{ role: "council_member" as const, centre_id: "nord" }];
  chair = await t.personWith(nord, "Frida");
  secretary = await t.personWith(nord, "Sofie");
  m1 = await t.personWith(nord, "Ali");
  m2 = await t.personWith(nord, "Bo");
  m3 = await t.personWith(nord, "Carl");
  await member(chair, "chair", "Frida");
  await member(secretary, "secretary", "Sofie");
  await member(m1, "member", "Ali");
  await member(m2, "member", "Bo");
  await member(m3, "member", "Carl");
  // The chair of another centre's council, once with no grant at Nord, once also a plain council member at Nord.
  const sydStaff = await t.personWith([{ role: "staff", centre_id: "syd" }]);
  sydChair = await t.personWith([{ role: "council_member", centre_id: "syd" }], "Sid");
  sydChairAtNord = await t.personWith([{ role: "council_member", centre_id: "syd" }, ...nord], "Nina");
  for (const who of [sydChair, sydChairAtNord]) {
    const added = await call("PUT", "/centres/syd/members", sydStaff, { person_id: who.person.id, display_name: "Syd", role: "chair", kind: "citizen", term_from: "2026-01-01" });
    expect(added.status).toBe(200);
  }
});

describe("a vote taken at the meeting", () => {
  it("the chair records a show of hands: decided at the meeting, by the same quorum rule, with each hand public; audited; members told", async () => {
    const proposal = await onAgenda("Bænke ved stien");
    const meeting = await heldMeeting([chair, secretary, m1]);
    sent.length = 0;
    const hands = [
      { person_id: chair.person.id, choice: "for" },
      { person_id: secretary.person.id, choice: "for" },
      { person_id: m1.person.id, choice: "abstain" },
    ];
    const recorded = await call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, chair, { meeting_id: meeting, ballot: "open", hands });
    expect(recorded.status).toBe(201);

    const page = (await call("GET", `/centres/nord/proposals/${proposal}`)).body;
    expect(page.proposal).toMatchObject({ status: "decided", outcome: "adopted" });
    // 3 of 5 present: more than half, as online (voting-rules.ts quorumMet); abstaining takes part.
    expect(page.vote).toMatchObject({ mode: "meeting", meeting_id: meeting, state: "closed", eligible: 5, ballots: 3 });
    expect(page.vote.result).toMatchObject({ outcome: "adopted", quorum_met: true, tally: { for: 2, against: 0, abstain: 1 } });
    expect(page.open_ballots).toEqual([
      { display_name: "Frida", choice: "for" },
      { display_name: "Sofie", choice: "for" },
      { display_name: "Ali", choice: "abstain" },
    ]);
    // The council page shows it the same way.
    const listed = (await call("GET", "/centres/nord")).body.proposals.find((p: { id: string }) => p.id === proposal);
    expect(listed.vote.mode).toBe("meeting");

    const audit = (await t.services.audit.list({ item: `council:vote:${recorded.body.vote.id}` })).items;
    expect(audit).toMatchObject([{ action: "council.vote.meeting", actor_id: chair.person.id }]);
    expect(audit[0]!.summary).toContain("present 3/5");
    expect(sent.filter((mail) => mail.subject === "Resultat: Bænke ved stien").map((mail) => mail.to).sort()).toEqual(
      [chair, secretary, m1, m2, m3].map((p) => p.person.email).sort(),
    );

    // Ali's hand is in his data export.
    const exported = await t.api.request("/api/me/export", { headers: { cookie: m1.cookie } });
    expect(((await exported.json()) as any).council.meeting_votes).toEqual([
      { centre_id: "nord", proposal_title: "Bænke ved stien", meeting_id: meeting, choice: "abstain", recorded_at: t.clock.now.toISOString() },
    ]);

    // Decided once: a second meeting vote, or an online vote, is refused.
    const again = await call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, chair, { meeting_id: meeting, ballot: "open", hands });
    expect(again.status).toBe(409);
    expect((await call("POST", `/centres/nord/proposals/${proposal}/vote`, chair, { closes_at: "2026-11-25T10:00:00.000Z" })).status).toBe(409);
  });

  it("counts those present for the quorum: 2 of 5 present is not enough, whatever they chose", async () => {
    const proposal = await onAgenda("Mere lys");
    const meeting = await heldMeeting([chair, m1]);
    const hands = [
      { person_id: chair.person.id, choice: "for" },
      { person_id: m1.person.id, choice: "for" },
    ];
    expect((await call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, secretary, { meeting_id: meeting, ballot: "open", hands })).status).toBe(201);
    const page = (await call("GET", `/centres/nord/proposals/${proposal}`)).body;
    expect(page.proposal.outcome).toBe("no_quorum");
    expect(page.vote.result).toMatchObject({ quorum_met: false, ballots: 2, eligible: 5 });
  });

  it("takes only the totals of a secret paper vote; they must add up to those present", async () => {
    const proposal = await onAgenda("Gratis bus");
    const meeting = await heldMeeting([chair, secretary, m1, m2]);
    const wrong = await call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, chair, { meeting_id: meeting, ballot: "secret", tally: { for: 1, against: 1, abstain: 1 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([{ field: "tally", message: "Tallene skal give 4 i alt. Så mange var med på mødet." }]);

    const ok = await call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, chair, { meeting_id: meeting, ballot: "secret", majority: "two_thirds", tally: { for: 2, against: 1, abstain: 1 } });
    expect(ok.status).toBe(201);
    const page = (await call("GET", `/centres/nord/proposals/${proposal}`)).body;
    // 2 of 3 for-and-against ballots is two thirds.
    expect(page.vote).toMatchObject({ mode: "meeting", ballot: "secret", majority: "two_thirds", result: { outcome: "adopted", tally: { for: 2, against: 1, abstain: 1 } } });
    // Nobody's paper is named.
    expect(page.open_ballots).toEqual([]);
  });

  it("replaces an online vote nobody has voted in yet; the online vote then says so", async () => {
    const proposal = await onAgenda("Café til kl. 18");
    const online = (await call("POST", `/centres/nord/proposals/${proposal}/vote`, chair, { closes_at: "2026-11-30T10:00:00.000Z" })).body.vote;
    const meeting = await heldMeeting([chair, secretary, m1]);
    const hands = [chair, secretary, m1].map((p) => ({ person_id: p.person.id, choice: "against" }));
    expect((await call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, chair, { meeting_id: meeting, ballot: "open", hands })).status).toBe(201);

    const page = (await call("GET", `/centres/nord/proposals/${proposal}`)).body;
    expect(page.proposal).toMatchObject({ status: "decided", outcome: "rejected" });
    expect(page.vote.mode).toBe("meeting");
    const late = await call("PUT", `/centres/nord/votes/${online.id}/ballot`, m2, { choice: "for", request_key: "late-ballot-0001" });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe("I har stemt om forslaget på mødet. Derfor er der ikke en afstemning på nettet mere.");
    expect((await call("GET", "/my-votes", m2)).body.items).toEqual([]);
  });

  it("refuses once someone has voted online: that vote counts", async () => {
    const proposal = await onAgenda("Fast møde med politikerne");
    const online = (await call("POST", `/centres/nord/proposals/${proposal}/vote`, chair, { closes_at: "2026-11-30T10:00:00.000Z" })).body.vote;
    expect((await call("PUT", `/centres/nord/votes/${online.id}/ballot`, m3, { choice: "for", request_key: "early-ballot-001" })).status).toBe(200);
    const meeting = await heldMeeting([chair, m3]);
    const hands = [chair, m3].map((p) => ({ person_id: p.person.id, choice: "against" }));
    const refused = await call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, chair, { meeting_id: meeting, ballot: "open", hands }, "en");
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe("Someone has already voted online. So the online vote counts.");
    const page = (await call("GET", `/centres/nord/proposals/${proposal}`)).body;
    expect(page).toMatchObject({ proposal: { status: "voting" }, vote: { id: online.id, state: "open", mode: "online" } });
  });

  // The race the use case cannot see: a ballot arrives between reading the online vote (nobody voted) and replacing it.
  it("is refused by the store when a ballot reached the online vote after it was read; nothing of the meeting vote is stored", async () => {
    const proposal = await onAgenda("Kapløb");
    const online = (await call("POST", `/centres/nord/proposals/${proposal}/vote`, chair, { closes_at: "2026-11-30T10:00:00.000Z" })).body.vote;
    const table = t.config.tableNames[councilTable.id]!;
    const store = createCouncilStore(t.db, table);
    const read = (await store.getVote("nord", online.id))!;
    expect(read.seq).toBe(0);
    expect((await call("PUT", `/centres/nord/votes/${online.id}/ballot`, m1, { choice: "for", request_key: "race-ballot-0001" })).status).toBe(200);

    const tally = { for: 3, against: 0, abstain: 0 };
    const meetingVote = { ...read, id: crypto.randomUUID(), state: "closed" as const, mode: "meeting" as const, closed_at: t.clock.now.toISOString(), tally, ballots: 3, result: decide(tally, 5, "simple") };
    const marker = { Put: { TableName: table, Item: { pk: "TEST#race", sk: "TEST" } } };
    const line = t.services.audit.line({ actor: { person_id: chair.person.id, display_name: "Frida" }, action: "council.vote.meeting", item: `council:vote:${meetingVote.id}`, summary: "race" });
    expect(await store.recordMeetingVote(meetingVote, read, line, marker)).toBe(false);

    expect(await store.getVote("nord", meetingVote.id)).toBeUndefined();
    expect((await t.db.send(new GetCommand({ TableName: table, Key: { pk: "TEST#race", sk: "TEST" } }))).Item).toBeUndefined();
    const page = (await call("GET", `/centres/nord/proposals/${proposal}`)).body;
    expect(page).toMatchObject({ proposal: { status: "voting" }, vote: { id: online.id, state: "open", mode: "online", ballots: 1 } });
  });

  it("is for the chair, deputy chair and secretary of that centre only", async () => {
    const proposal = await onAgenda("Adgang");
    const meeting = await heldMeeting([chair]);
    const body = { meeting_id: meeting, ballot: "open", hands: [{ person_id: chair.person.id, choice: "for" }] };
    const admin = await t.personWith([{ role: "admin" }]);
    const citizen = await t.personWith([{ role: "citizen" }]);
    const answers: Record<string, number> = {};
    for (const [who, person] of Object.entries({ anonymous: undefined, citizen, member: m1, staff, admin, sydChair, sydChairAtNord })) {
      answers[who] = (await call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, person, body)).status;
    }
    expect(answers).toEqual({ anonymous: 401, citizen: 403, member: 403, staff: 403, admin: 403, sydChair: 403, sydChairAtNord: 403 });
    const refused = await call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, sydChairAtNord, body);
    expect(refused.body.error.message).toBe("Kun formanden, næstformanden og sekretæren kan skrive en afstemning fra mødet.");
    expect((await call("GET", `/centres/nord/proposals/${proposal}`)).body.proposal.status).toBe("on_agenda");
  });

  it("says per field what is wrong, in Danish or English, and stores nothing", async () => {
    const proposal = await onAgenda("Forkerte tal");
    const meeting = await heldMeeting([chair, m1]);
    const post = (body: unknown, language = "da") => call("POST", `/centres/nord/proposals/${proposal}/meeting-vote`, chair, body, language);
    const fields = async (body: unknown, language = "da") => {
      const answer = await post(body, language);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      return answer.body.error.fields;
    };
    const hand = (p: Person, choice = "for") => ({ person_id: p.person.id, choice });

    expect(await fields({ meeting_id: "møde-1", ballot: "open", hands: [hand(chair), hand(m1)] })).toEqual([{ field: "meeting_id", message: "Linket til mødet er ikke rigtigt. Gå tilbage til borgerrådets side." }]);
    expect(await fields({ meeting_id: meeting, ballot: "hands", hands: [] })).toEqual([{ field: "ballot", message: "Vælg åben eller hemmelig afstemning." }]);
    expect(await fields({ meeting_id: meeting, ballot: "open", hands: [hand(chair, "maybe")] }, "en")).toEqual([
      { field: "hands.0.choice", message: "Choose one of the three: for, against, or neither for nor against." },
    ]);
    expect(await fields({ meeting_id: meeting, ballot: "secret", tally: { for: -1, against: 1.5, abstain: "2" } })).toEqual([
      { field: "tally.for", message: "Skriv et helt tal fra 0 og op." },
      { field: "tally.against", message: "Skriv et helt tal fra 0 og op." },
      { field: "tally.abstain", message: "Skriv et helt tal fra 0 og op." },
    ]);
    expect(await fields({ meeting_id: meeting, ballot: "secret" })).toEqual([{ field: "tally", message: "Skriv hvor mange der stemte for, imod og hverken for eller imod." }]);
    // A hand missing, one counted twice, or someone who was not there.
    const handsMessage = [{ field: "hands", message: "Vælg for, imod eller hverken for eller imod for hver, der var med på mødet." }];
    for (const hands of [[hand(chair)], [hand(chair), hand(chair)], [hand(chair), hand(m2)], [hand(chair), hand(m1), hand(m2)]]) {
      expect(await fields({ meeting_id: meeting, ballot: "open", hands })).toEqual(handsMessage);
    }
    // A meeting that has not happened, was cancelled, or has no attendance in its minutes.
    const future = (await call("POST", "/centres/nord/meetings", staff, { ...meetingInput, starts_at: "2026-12-20T15:00:00.000Z", ends_at: "2026-12-20T17:00:00.000Z" })).body.meeting.id;
    const ok = { ballot: "open", hands: [hand(chair), hand(m1)] };
    expect(await fields({ ...ok, meeting_id: future })).toEqual([{ field: "meeting_id", message: "Mødet er ikke begyndt endnu. Skriv afstemningen, når I har holdt mødet." }]);
    expect((await call("POST", `/centres/nord/meetings/${future}/cancel`, chair, {})).status).toBe(200);
    expect(await fields({ ...ok, meeting_id: future }, "en")).toEqual([{ field: "meeting_id", message: "The meeting is cancelled. It cannot be changed any more." }]);
    const empty = (await call("POST", "/centres/nord/meetings", staff, meetingInput)).body.meeting.id;
    expect(await fields({ ...ok, meeting_id: empty })).toEqual([{ field: "meeting_id", message: "Skriv først i referatet, hvem der var med på mødet." }]);
    expect(await fields({ ...ok, meeting_id: "019ab000-0000-7000-8000-00000000dead" })).toEqual([{ field: "meeting_id", message: "Vi kan ikke finde mødet. Gå tilbage til borgerrådets side." }]);

    expect((await call("GET", `/centres/nord/proposals/${proposal}`)).body).toMatchObject({ proposal: { status: "on_agenda" }, vote: null });
  });
});

describe("meetings: the secretary's minutes, changing and cancelling a planned meeting", () => {
  it("the secretary, a member who is not staff, writes and publishes the minutes; a plain member cannot", async () => {
    const meeting = (await call("POST", "/centres/nord/meetings", staff, meetingInput)).body.meeting.id;
    const minutes = { attendance: [chair.person.id, secretary.person.id], summary: "Vi talte om caféen.", publish: true };
    const refused = await call("PUT", `/centres/nord/meetings/${meeting}/minutes`, m1, minutes);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe("Kun sekretæren, formanden og personalet kan skrive referatet.");
    expect((await call("PUT", `/centres/nord/meetings/${meeting}/minutes`, secretary, minutes)).status).toBe(200);
    const shown = (await call("GET", `/centres/nord/meetings/${meeting}`)).body.meeting.minutes;
    expect(shown).toMatchObject({ summary: "Vi talte om caféen.", written_by: "Sofie", attendance: [{ display_name: "Frida" }, { display_name: "Sofie" }] });
    expect((await call("GET", "/centres/nord", secretary)).body.can).toMatchObject({ keep_minutes: true, record_meeting_votes: true, manage: false });
  });

  it("the chair moves a planned meeting; members who want mail are told the new time and place; audited", async () => {
    const planned = (await call("POST", "/centres/nord/meetings", chair, { ...meetingInput, starts_at: "2026-12-03T15:00:00.000Z", ends_at: "2026-12-03T17:00:00.000Z" })).body.meeting;
    const moved = { ...meetingInput, starts_at: "2026-12-04T15:00:00.000Z", ends_at: "2026-12-04T17:00:00.000Z", place: "Biblioteket, lokale 2" };
    expect((await call("PUT", `/centres/nord/meetings/${planned.id}`, m1, moved)).status).toBe(403);
    // Bo wants no council mail.
    expect((await call("PUT", "/centres/nord/my-notifications", m2, { notify: "none" })).status).toBe(200);
    sent.length = 0;
    const edited = await call("PUT", `/centres/nord/meetings/${planned.id}`, chair, moved);
    expect(edited.status).toBe(200);
    expect((await call("GET", `/centres/nord/meetings/${planned.id}`)).body.meeting).toMatchObject({ place: "Biblioteket, lokale 2", starts_at: moved.starts_at });
    const mails = sent.filter((mail) => mail.subject.startsWith("Mødet i borgerrådet er ændret"));
    expect(mails.map((mail) => mail.to).sort()).toEqual([chair, secretary, m1, m3].map((p) => p.person.email).sort());
    expect(mails[0]!.subject).toBe("Mødet i borgerrådet er ændret: fredag 4. december kl. 16.00");
    expect(mails[0]!.text).toContain("Hvor: Biblioteket, lokale 2");
    expect(mails[0]!.text).toContain("Før var det: torsdag 3. december kl. 16.00");
    expect((await t.services.audit.list({ item: `council:meeting:${planned.id}` })).items.map((line) => line.action)).toContain("council.meeting.edit");

    const bad = await call("PUT", `/centres/nord/meetings/${planned.id}`, chair, { ...moved, ends_at: "2026-12-04T14:00:00.000Z", place: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([
      { field: "place", message: "Skriv hvor mødet er. Højst 200 tegn." },
      { field: "ends_at", message: "Mødet skal slutte efter det starter." },
    ]);
  });

  it("the chair cancels a planned meeting: it stays on the page marked, leaves the calendar feed, members are told; it cannot be changed after", async () => {
    const planned = (await call("POST", "/centres/nord/meetings", chair, { ...meetingInput, starts_at: "2026-12-10T15:00:00.000Z", ends_at: "2026-12-10T17:00:00.000Z" })).body.meeting;
    expect((await call("GET", "/centres/nord/meetings.ics")).body).toContain(planned.id);
    sent.length = 0;
    const tooLong = await call("POST", `/centres/nord/meetings/${planned.id}/cancel`, chair, { reason: "x".repeat(501) }, "en");
    expect(tooLong.body.error.fields).toEqual([{ field: "reason", message: "Write briefly why the meeting is cancelled. At most 500 characters." }]);
    expect((await call("POST", `/centres/nord/meetings/${planned.id}/cancel`, m1, { reason: "Syg" })).status).toBe(403);
    expect((await call("POST", `/centres/nord/meetings/${planned.id}/cancel`, chair, { reason: "Formanden er syg." })).status).toBe(200);

    const listed = (await call("GET", "/centres/nord")).body.upcoming_meetings.find((m: { id: string }) => m.id === planned.id);
    expect(listed.cancelled).toMatchObject({ by_name: "Frida", reason: "Formanden er syg." });
    expect((await call("GET", "/centres/nord/meetings.ics")).body).not.toContain(planned.id);
    const mail = sent.find((m) => m.to === m1.person.email && m.subject.startsWith("Mødet i borgerrådet er aflyst"));
    expect(mail?.text).toContain("Hvorfor: Formanden er syg.");

    const again = await call("PUT", `/centres/nord/meetings/${planned.id}`, chair, meetingInput);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("Mødet er aflyst. Det kan ikke ændres mere.");
  });

  it("stores a change only over the meeting as it was read: minutes saved on a stale copy do not undo a move", async () => {
    const planned = (await call("POST", "/centres/nord/meetings", chair, { ...meetingInput, starts_at: "2026-12-17T15:00:00.000Z", ends_at: "2026-12-17T17:00:00.000Z" })).body.meeting;
    const store = createCouncilStore(t.db, t.config.tableNames[councilTable.id]!);
    const read = (await store.getMeeting("nord", planned.id))!;
    t.advance(60);
    expect((await call("PUT", `/centres/nord/meetings/${planned.id}`, chair, { ...meetingInput, starts_at: planned.starts_at, ends_at: planned.ends_at, place: "Biblioteket" })).status).toBe(200);
    const stale = { ...read, minutes: { summary: "Kladde.", decisions: [], attendance: [], published: false, written_by: "Sofie" }, updated_at: t.clock.now.toISOString() };
    expect(await store.putMeeting(stale, undefined, read.updated_at)).toBe(false);
    expect((await call("GET", `/centres/nord/meetings/${planned.id}`, chair)).body.meeting).toMatchObject({ place: "Biblioteket" });
  });

  it("a meeting that has started is not changed any more: its minutes tell what happened", async () => {
    const started = (await call("POST", "/centres/nord/meetings", staff, meetingInput)).body.meeting;
    const answer = await call("PUT", `/centres/nord/meetings/${started.id}`, staff, { ...meetingInput, place: "Et andet sted" });
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toBe("Mødet er begyndt. Nu kan du kun skrive referatet.");
    expect((await call("POST", `/centres/nord/meetings/${started.id}/cancel`, staff, {})).status).toBe(409);
  });
});
