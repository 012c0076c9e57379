import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { OutboxMail } from "@naerhed/core/identity/store";
import { withMonthlyLimit } from "@naerhed/core/shared/sms";
import { json, testApi } from "./support.ts";

/**
 * Notices (issue 16): every notice on both channels (mail and SMS, read from the outbox), the
 * choices per kind, the stop link from the message, the calendar file, the weekly digest, SMS
 * that cannot be delivered, sign-in codes by SMS, and the mobile number in export and erasure.
 */

/** Numbers SNS refuses for good (in the test: any +45 99… number). */
const REFUSED_PREFIX = "+4599";

let t: Awaited<ReturnType<typeof testApi>>;
type Someone = Awaited<ReturnType<typeof t.personWith>>;
let staff: Someone;
let otherStaff: Someone;
let chair: Someone;

const ORIGIN = { origin: "http://localhost:3000" };

beforeAll(async () => {
  t = await testApi({
    sms: (outbox) => ({
      async send(sms) {
        if (sms.to.startsWith(REFUSED_PREFIX)) throw Object.assign(new Error("Invalid parameter: PhoneNumber"), { name: "InvalidParameterException" });
        await outbox.send(sms);
      },
    }),
  });
  staff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Sara Staff");
  otherStaff = await t.personWith([{ role: "staff", centre_id: "syd" }], "Simon Syd");
  chair = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Carl Formand");
  const added = await t.api.request("/api/council/centres/nord/members", {
    method: "PUT",
    ...json({ person_id: chair.person.id, display_name: "Carl Formand", role: "chair", kind: "citizen", term_from: "2026-01-01" }, { cookie: staff.cookie, ...ORIGIN }),
  });
  expect(added.status).toBe(200);
});

let phone = 20_000_000;
/** A Danish mobile number nobody else in the test has. */
const newMobile = () => `${++phone}`;

const call = async (method: string, path: string, who?: Someone, body?: unknown, headers: Record<string, string> = {}) => {
  const cookie: Record<string, string> = who ? { cookie: who.cookie } : {};
  const response = await t.api.request(`/api${path}`, body === undefined ? { method, headers: { ...cookie, ...headers } } : { method, ...json(body, { ...cookie, ...ORIGIN, ...headers }) });
  const text = await response.text();
  return { status: response.status, body: text.startsWith("{") ? JSON.parse(text) : text, headers: response.headers };
};

/** Sets the person's mobile and choices; fails the test if refused. */
async function choose(who: Someone, settings: object) {
  const response = await call("PUT", "/me/notices", who, settings);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const outbox = async (): Promise<OutboxMail[]> => t.services.identity.store.listMail(1000);
const mailsTo = async (who: Someone) => (await outbox()).filter((m) => m.channel !== "sms" && m.to === who.person.email);
const smsTo = async (mobile: string) => (await outbox()).filter((m) => m.channel === "sms" && m.to === mobile);
const e164 = (typed: string) => `+45${typed}`;

/** The stop link's parts, as the site's /stop page reads them from the message. */
function stopLinkIn(text: string) {
  const match = /http:\/\/localhost:3000\/stop\?p=([^&\s]+)&k=([^&\s]+)&t=([A-Za-z0-9_-]+)/.exec(text);
  expect(match, text).not.toBeNull();
  return { person_id: match![1]!, kind: match![2]!, token: match![3]! };
}

const calendarLinkIn = (text: string) => /http:\/\/localhost:3000(\/api\/identity\/calendar\/[A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe("a person's notice choices (My page)", () => {
  it("start as 'now, by mail'; SMS needs a mobile number first, and a number that isn't one is refused per field", async () => {
    const person = await t.personWith([{ role: "citizen" }], "Nora");
    const start = await call("GET", "/me/notices", person);
    expect(start.body).toMatchObject({ mobile: null, has_email: true, sign_in: "mail", sms_undelivered: null });
    expect(start.body.choices.vote_opened).toEqual({ when: "now", channel: "mail" });

    const noMobile = await call("PUT", "/me/notices", person, { choices: { vote_opened: { when: "now", channel: "sms" } } });
    expect(noMobile.status).toBe(400);
    expect(noMobile.body.error.fields).toEqual([{ field: "choices.vote_opened.channel", message: "Skriv dit mobilnummer først. Så kan du få SMS." }]);

    const badNumber = await call("PUT", "/me/notices", person, { mobile: "12 34" });
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.error.fields[0]).toMatchObject({ field: "mobile", message: "Mobilnummeret er ikke rigtigt. Skriv 8 tal, eller + og landekode." });

    const wrongWhen = await call("PUT", "/me/notices", person, { choices: { vote_opened: { when: "sometimes", channel: "mail" } } });
    expect(wrongWhen.status).toBe(400);

    const saved = await choose(person, { mobile: "21 22 23 24", choices: { vote_opened: { when: "now", channel: "both" }, match_proposed: { when: "never", channel: "mail" } } });
    expect(saved).toMatchObject({ mobile: "+4521222324", choices: { vote_opened: { when: "now", channel: "both" }, match_proposed: { when: "never", channel: "mail" } } });
    expect((await call("GET", "/me/notices", person)).body.mobile).toBe("+4521222324");

    // Removing the number while SMS is chosen would leave a kind with no way to reach the person.
    const removing = await call("PUT", "/me/notices", person, { mobile: "" });
    expect(removing.status).toBe(400);
    expect(removing.body.error.fields[0].field).toBe("choices.vote_opened.channel");
  });

  it("is only for the signed-in person", async () => {
    expect((await call("GET", "/me/notices")).status).toBe(401);
    expect((await call("PUT", "/me/notices", undefined, { choices: {} })).status).toBe(401);
  });
});

describe("staff hear of a suggestion, and the citizen hears the answer", () => {
  const suggestion = { name: "Strikkecafé i Lyngbakken", description: "Vi strikker og drikker kaffe.", where: "Biblioteket i Lyngbakken, tirsdag kl. 14", centre_id: "nord" };
  let address = 0;
  const suggest = (body: object, who?: Someone) =>
    t.api.request("/api/directory/suggestions", { method: "POST", ...json(body, who ? { cookie: who.cookie } : {}) }, { clientAddress: `198.51.100.${++address}` });

  it("staff of the centre get it by mail, or by SMS when they chose it, with what and where; staff of another centre do not", async () => {
    const textingStaff = await t.personWith([{ role: "staff", centre_id: "nord" }], "Tekst Staff");
    const mobile = newMobile();
    await choose(textingStaff, { mobile, choices: { suggestion_received: { when: "now", channel: "sms" } } });

    expect((await suggest(suggestion)).status).toBe(201);

    const mail = (await mailsTo(staff)).find((m) => m.subject === "Nyt forslag til et tilbud: Strikkecafé i Lyngbakken");
    expect(mail?.text).toContain("Hvor: Biblioteket i Lyngbakken, tirsdag kl. 14");
    expect(mail?.text).toContain("http://localhost:3000/personale/forslag");
    expect(stopLinkIn(mail!.text)).toMatchObject({ person_id: staff.person.id, kind: "suggestion_received" });

    const [sms] = await smsTo(e164(mobile));
    expect(sms?.text).toContain("Nærhed: Nyt forslag til et tilbud: Strikkecafé i Lyngbakken.");
    expect(sms?.text).toContain("Hvor: Biblioteket i Lyngbakken, tirsdag kl. 14.");
    expect(stopLinkIn(sms!.text).person_id).toBe(textingStaff.person.id);
    expect((await mailsTo(textingStaff)).some((m) => m.subject.includes("Strikkecafé"))).toBe(false);

    expect((await mailsTo(otherStaff)).some((m) => m.subject.includes("Strikkecafé"))).toBe(false);
  });

  it("a signed-in citizen is told when staff accept (mail) and when they decline (SMS, as chosen)", async () => {
    const citizen = await t.personWith([{ role: "citizen" }], "Signe");
    const accepted = (await (await suggest({ ...suggestion, name: "Sangkoret" }, citizen)).json()) as { suggestion: { id: string } };
    expect((await call("POST", `/directory/centres/nord/suggestions/${accepted.suggestion.id}/accept`, staff, {})).status).toBe(201);
    const yes = (await mailsTo(citizen)).find((m) => m.subject === "Tak for dit forslag. Vi tager det med: Sangkoret");
    expect(yes?.text).toContain("http://localhost:3000/tilbud");

    const mobile = newMobile();
    await choose(citizen, { mobile, choices: { suggestion_answered: { when: "now", channel: "sms" } } });
    const declined = (await (await suggest({ ...suggestion, name: "Dartklubben" }, citizen)).json()) as { suggestion: { id: string } };
    expect((await call("POST", `/directory/centres/nord/suggestions/${declined.suggestion.id}/decline`, staff, { reason: "Findes allerede." })).status).toBe(200);
    const [no] = await smsTo(e164(mobile));
    expect(no?.text).toContain("Tak for dit forslag. Vi tager det ikke med: Dartklubben");
    // The reason is for staff only.
    expect(no?.text).not.toContain("Findes allerede");
  });

  it("someone without an account hears it at the email or mobile they gave, once (the bus delivers twice)", async () => {
    const byMail = (await (await suggest({ ...suggestion, name: "Petanque", contact_email: "gaest@example.dk" })).json()) as { suggestion: { id: string } };
    await call("POST", `/directory/centres/nord/suggestions/${byMail.suggestion.id}/accept`, staff, {});
    const mails = (await outbox()).filter((m) => m.to === "gaest@example.dk");
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Tak for dit forslag. Vi tager det med: Petanque");
    expect(mails[0]!.text).not.toContain("/stop?");

    const byPhone = (await (await suggest({ ...suggestion, name: "Billard", contact_phone: "31 32 33 34" })).json()) as { suggestion: { id: string } };
    await call("POST", `/directory/centres/nord/suggestions/${byPhone.suggestion.id}/decline`, staff, { reason: "Nej." });
    expect((await smsTo("+4531323334")).map((m) => m.text)).toEqual([expect.stringContaining("Vi tager det ikke med: Billard")]);
  });
});

describe("mentor and citizen hear of a proposed match, and when the other side says yes", () => {
  const application = {
    about: "Jeg kan lide at gå ture.",
    interests: ["fishing"],
    languages: ["da"],
    centre_id: "nord",
    area: "Fredericia Øst",
    availability: ["tue-afternoon"],
    frequency: "weekly",
    can_help_with: "Bus og indkøb.",
    capacity: 2,
    gender: "man",
    contact: "20 30 40 50",
  };
  const request = {
    asked_by: "self",
    mentee_name: "Ahmad",
    help_with: "Jeg vil klare mere selv.",
    goals: ["Tage bussen alene"],
    interests: ["fishing"],
    languages: ["da"],
    centre_id: "nord",
    availability: ["tue-afternoon"],
    contact_preference: "phone",
    contact: "11 22 33 44",
  };

  it("both get the proposal (mentor by mail, citizen by SMS, in English); the yes carries the first meeting's day and place and a calendar file", async () => {
    const mentor = await t.personWith([{ role: "citizen" }], "Mads Mentor");
    expect((await call("POST", "/mentor/applications", mentor, application)).status).toBe(201);
    const screening = { interview_on: "2026-11-01", straffeattest_on: "2026-10-20", training_on: "2026-11-10", decision: "approve" };
    expect((await call("POST", `/mentor/centres/nord/mentors/${mentor.person.id}/screening`, staff, screening)).status).toBe(200);
    const citizen = await t.personWith([{ role: "citizen" }], "Amal");
    await call("PATCH", "/me", citizen, { language: "en" });
    const mobile = newMobile();
    await choose(citizen, { mobile, choices: { match_proposed: { when: "now", channel: "sms" }, match_accepted: { when: "now", channel: "sms" } } });
    const pair = (await call("POST", "/mentor/requests", citizen, request)).body.pair as { id: string };
    expect((await call("POST", `/mentor/centres/nord/pairs/${pair.id}/propose`, staff, { mentor_id: mentor.person.id })).status).toBe(200);

    const toMentor = (await mailsTo(mentor)).find((m) => m.subject === "Vi foreslår en mentor-makker til dig: Mentorordningen");
    expect(toMentor?.text).toContain(`Sig ja eller nej her: http://localhost:3000/mentorordningen/forloeb/${pair.id}`);
    expect(stopLinkIn(toMentor!.text)).toMatchObject({ person_id: mentor.person.id, kind: "match_proposed" });
    const [proposed] = await smsTo(e164(mobile));
    expect(proposed?.text).toContain("Nærhed: We suggest a mentor match for you: Mentorordningen.");
    expect(proposed?.text).toContain(`Say yes or no here: http://localhost:3000/mentorordningen/forloeb/${pair.id}`);

    expect((await call("POST", `/mentor/centres/nord/pairs/${pair.id}/first-meeting`, staff, { on: "2026-12-01", place: "Biblioteket" })).status).toBe(200);
    expect((await call("POST", `/mentor/pairs/${pair.id}/answer`, mentor, { answer: "accept" })).status).toBe(200);
    const mentorSaidYes = (await smsTo(e164(mobile))).find((m) => m.text.includes("The mentor has said yes"));
    expect(mentorSaidYes?.text).toContain("When: Tuesday 1 December.");
    expect(mentorSaidYes?.text).toContain("Where: Biblioteket.");
    // The mentor is not told of their own yes.
    expect((await mailsTo(mentor)).some((m) => m.subject.startsWith("Mentoren har sagt ja"))).toBe(false);

    expect((await call("POST", `/mentor/pairs/${pair.id}/answer`, citizen, { answer: "accept" })).status).toBe(200);
    const citizenSaidYes = (await mailsTo(mentor)).find((m) => m.subject === "Borgeren har sagt ja: Mentorordningen");
    expect(citizenSaidYes?.text).toContain("Hvornår: tirsdag 1. december");
    expect(citizenSaidYes?.text).toContain("Hvor: Biblioteket");
    const calendar = await t.api.request(calendarLinkIn(citizenSaidYes!.text)!);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get("content-type")).toContain("text/calendar");
    const ics = await calendar.text();
    expect(ics).toContain("DTSTART;VALUE=DATE:20261201");
    expect(ics).toContain("DTEND;VALUE=DATE:20261202");
    expect(ics).toContain("LOCATION:Biblioteket");
    // A calendar link that was never sent: not found.
    expect((await t.api.request(`/api/identity/calendar/${"x".repeat(43)}`)).status).toBe(404);
  });
});

describe("a council member is told that a vote is open for them", () => {
  async function openVote(title: string) {
    const proposal = await call("POST", "/council/centres/nord/proposals", chair, { title, summary: "Vi vil have flere bænke. Så kan flere gå en tur.", body: "Der er langt mellem bænkene." });
    expect(proposal.status).toBe(201);
    await call("POST", `/council/centres/nord/proposals/${proposal.body.proposal.id}/accept`, staff);
    const closes = new Date(t.clock.now.getTime() + 48 * 3_600_000).toISOString();
    const opened = await call("POST", `/council/centres/nord/proposals/${proposal.body.proposal.id}/vote`, staff, { closes_at: closes, ballot: "open" });
    expect(opened.status).toBe(201);
    return opened.body.vote as { id: string; closes_at: string };
  }
  const addMember = (who: Someone) =>
    call("PUT", "/council/centres/nord/members", staff, { person_id: who.person.id, display_name: who.person.display_name, role: "member", kind: "citizen", term_from: "2026-01-01" });

  it("by SMS and mail ('both'), with what and until when, and a calendar file for the closing time", async () => {
    const member = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Mona Medlem");
    expect((await addMember(member)).status).toBe(200);
    const mobile = newMobile();
    await choose(member, { mobile, choices: { vote_opened: { when: "now", channel: "both" } } });
    await openVote("Bænke ved søen");

    const [sms] = await smsTo(e164(mobile));
    expect(sms?.text).toContain("Nærhed: Du kan stemme om: Bænke ved søen.");
    expect(sms?.text).toContain("Du kan stemme indtil onsdag 25. november kl. 11:00.");
    expect(sms?.text).toContain("http://localhost:3000/borgerraadet/mine-afstemninger");
    const mail = (await mailsTo(member)).find((m) => m.subject === "Du kan stemme om: Bænke ved søen");
    expect(mail).toBeDefined();
    const ics = await (await t.api.request(calendarLinkIn(mail!.text)!)).text();
    expect(ics).toContain("SUMMARY:Afstemning slutter: Bænke ved søen");
    expect(ics).toContain("DTSTART:20261125T100000Z");
  });

  it("is not told when they chose never; gets it in the weekly digest when they chose that", async () => {
    const never = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Niels Aldrig");
    const weekly = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Vera Ugentlig");
    await addMember(never);
    await addMember(weekly);
    await choose(never, { choices: { vote_opened: { when: "never", channel: "mail" } } });
    await choose(weekly, { choices: { vote_opened: { when: "digest", channel: "mail" } } });
    await openVote("Lys på stien");
    await openVote("Flere busser");
    expect((await mailsTo(never)).some((m) => m.text.includes("Lys på stien"))).toBe(false);
    expect(await mailsTo(weekly)).toEqual([]);

    await t.runJob("identity", "notice-digest");
    const digest = await mailsTo(weekly);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toBe("Nærhed: ugens nyt");
    expect(digest[0]!.text).toContain("- Du kan stemme om: Lys på stien");
    expect(digest[0]!.text).toContain("- Du kan stemme om: Flere busser");
    expect(stopLinkIn(digest[0]!.text)).toMatchObject({ person_id: weekly.person.id, kind: "vote_opened" });
    // Sent once: the next week starts empty.
    await t.runJob("identity", "notice-digest");
    expect(await mailsTo(weekly)).toHaveLength(1);
  });
});

describe("a council member who gave the council no mail address hears the reminder and the result", () => {
  it("by SMS: 'remember to vote' the day before a vote closes, and that the council has voted, with a link to the result", async () => {
    const member = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Ole Uden Rådsmail");
    expect((await call("PUT", "/council/centres/nord/members", staff, { person_id: member.person.id, display_name: "Ole", role: "member", kind: "citizen", term_from: "2026-01-01" })).status).toBe(200);
    const mobile = newMobile();
    await choose(member, { mobile, choices: { vote_opened: { when: "never", channel: "sms" }, vote_closing: { when: "now", channel: "sms" }, vote_result: { when: "now", channel: "sms" } } });
    const proposal = await call("POST", "/council/centres/nord/proposals", chair, { title: "Flere træer", summary: "Vi vil have flere træer. Så bliver der mere skygge.", body: "Det er varmt om sommeren." });
    await call("POST", `/council/centres/nord/proposals/${proposal.body.proposal.id}/accept`, staff);
    const closes = new Date(t.clock.now.getTime() + 48 * 3_600_000).toISOString();
    const vote = (await call("POST", `/council/centres/nord/proposals/${proposal.body.proposal.id}/vote`, staff, { closes_at: closes, ballot: "open" })).body.vote;

    // A day and an hour later the reminder job runs; the clock is put back for the tests after this one.
    const before = t.clock.now;
    t.advance(25 * 3600);
    try {
      await t.runJob("council", "close-votes");
    } finally {
      t.clock.now = before;
    }
    const [reminder] = await smsTo(e164(mobile));
    expect(reminder?.text).toContain("Nærhed: Husk at stemme om: Flere træer.");
    expect(reminder?.text).toContain("http://localhost:3000/borgerraadet/mine-afstemninger");

    expect((await call("POST", `/council/centres/nord/votes/${vote.id}/close`, chair)).status).toBe(200);
    const result = (await smsTo(e164(mobile))).find((sms) => sms.text.includes("har stemt om"));
    expect(result?.text).toContain("Nærhed: Borgerrådet har stemt om: Flere træer.");
    expect(result?.text).toContain(`http://localhost:3000/borgerraadet/nord/forslag/${proposal.body.proposal.id}`);
    expect(await smsTo(e164(mobile))).toHaveLength(2);
  });
});

describe("a council member who gave the council no mail address is told when a planned meeting changes or is cancelled", () => {
  const meeting = { starts_at: "2026-12-03T15:00:00.000Z", ends_at: "2026-12-03T17:00:00.000Z", place: "Salen", accessibility: "Trinfri adgang." };

  it("by SMS, with the new time and place and a calendar file; a cancelled meeting with no calendar file", async () => {
    const member = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Mie Uden Rådsmail");
    // No address given to the council (as for someone staff look after): identity's channel is the only way.
    expect((await call("PUT", "/council/centres/nord/members", staff, { person_id: member.person.id, display_name: "Mie", role: "member", kind: "citizen", term_from: "2026-01-01" })).status).toBe(200);
    const mobile = newMobile();
    await choose(member, { mobile, choices: { meeting_changed: { when: "now", channel: "sms" }, meeting_cancelled: { when: "now", channel: "sms" } } });
    const planned = (await call("POST", "/council/centres/nord/meetings", staff, meeting)).body.meeting;

    expect((await call("PUT", `/council/centres/nord/meetings/${planned.id}`, staff, { ...meeting, starts_at: "2026-12-04T15:00:00.000Z", ends_at: "2026-12-04T17:00:00.000Z", place: "Biblioteket" })).status).toBe(200);
    const [changed] = await smsTo(e164(mobile));
    expect(changed?.text).toContain("Nærhed: Borgerrådets møde er ændret.");
    expect(changed?.text).toContain("Hvornår: fredag 4. december kl. 16:00.");
    expect(changed?.text).toContain("Hvor: Biblioteket.");
    expect(changed?.text).toContain("http://localhost:3000/borgerraadet/nord");
    const mail = await choose(member, { choices: { meeting_changed: { when: "now", channel: "mail" } } });
    expect(mail.choices.meeting_changed.channel).toBe("mail");

    expect((await call("POST", `/council/centres/nord/meetings/${planned.id}/cancel`, staff, { reason: "Salen er optaget." })).status).toBe(200);
    const cancelled = (await smsTo(e164(mobile))).find((sms) => sms.text.includes("aflyst"));
    expect(cancelled?.text).toContain("Nærhed: Borgerrådets møde er aflyst.");
    expect(cancelled?.text).toContain("Hvornår: fredag 4. december kl. 16:00.");
    expect(cancelled?.text).not.toContain("/api/identity/calendar/");
    expect(await smsTo(e164(mobile))).toHaveLength(2);
  });

  it("by mail with a calendar file for the new time, when the person has email and chose mail; not when they gave the council an address", async () => {
    const member = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Jens Mail");
    expect((await call("PUT", "/council/centres/nord/members", staff, { person_id: member.person.id, display_name: "Jens", role: "member", kind: "citizen", term_from: "2026-01-01" })).status).toBe(200);
    const planned = (await call("POST", "/council/centres/nord/meetings", staff, meeting)).body.meeting;
    expect((await call("PUT", `/council/centres/nord/meetings/${planned.id}`, staff, { ...meeting, place: "Caféen" })).status).toBe(200);
    const mail = (await mailsTo(member)).find((m) => m.subject === "Borgerrådets møde er ændret");
    expect(mail?.text).toContain("Hvor: Caféen");
    const ics = await (await t.api.request(calendarLinkIn(mail!.text)!)).text();
    expect(ics).toContain("SUMMARY:Borgerrådets møde");
    expect(ics).toContain("DTSTART:20261203T150000Z");
    expect(ics).toContain("LOCATION:Caféen");

    // Someone who gave the council an address gets the council's own mail there, not a second message.
    const withAddress = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Rita Rådsmail");
    expect((await call("PUT", "/council/centres/nord/members", staff, { person_id: withAddress.person.id, display_name: "Rita", email: withAddress.person.email, role: "member", kind: "citizen", term_from: "2026-01-01" })).status).toBe(200);
    const another = (await call("POST", "/council/centres/nord/meetings", staff, meeting)).body.meeting;
    expect((await call("PUT", `/council/centres/nord/meetings/${another.id}`, staff, { ...meeting, place: "Haven" })).status).toBe(200);
    const hers = (await mailsTo(withAddress)).map((m) => m.subject);
    expect(hers.filter((subject) => subject.startsWith("Mødet i borgerrådet er ændret"))).toHaveLength(1);
    expect(hers).not.toContain("Borgerrådets møde er ændret");
  });
});

describe("'stop these messages' from the message itself", () => {
  let stopAddress = 0;
  async function suggestionMailFor(who: Someone) {
    const response = await t.api.request(
      "/api/directory/suggestions",
      { method: "POST", ...json({ name: `Forslag ${randomUUID().slice(0, 8)}`, description: "En god idé.", where: "I byen", centre_id: "syd" }) },
      { clientAddress: `203.0.113.${++stopAddress}` },
    );
    const { suggestion } = (await response.json()) as { suggestion: { name: string } };
    return (await mailsTo(who)).find((m) => m.subject.endsWith(suggestion.name));
  }

  it("sets that kind to never without signing in; the next one does not come; other kinds still do", async () => {
    const mail = await suggestionMailFor(otherStaff);
    const stop = stopLinkIn(mail!.text);
    const stopped = await call("POST", "/identity/notices/stop", undefined, stop);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toEqual({ kind: "suggestion_received" });
    const settings = (await call("GET", "/me/notices", otherStaff)).body;
    expect(settings.choices.suggestion_received.when).toBe("never");
    expect(settings.choices.vote_opened.when).toBe("now");
    expect(await suggestionMailFor(otherStaff)).toBeUndefined();
    // Using the link again changes nothing and is no error.
    expect((await call("POST", "/identity/notices/stop", undefined, stop)).status).toBe(200);
  });

  it("refuses a forged token, another person's token, and a token for another kind", async () => {
    const victim = await t.personWith([{ role: "staff", centre_id: "syd" }], "Vibeke");
    const attacker = await t.personWith([{ role: "staff", centre_id: "syd" }], "Anton");
    const own = stopLinkIn((await suggestionMailFor(attacker))!.text);

    const attempts = [
      { ...own, person_id: victim.person.id },
      { ...own, token: `${own.token.slice(0, -1)}${own.token.endsWith("A") ? "B" : "A"}` },
      { ...own, kind: "vote_opened" },
      { person_id: victim.person.id, kind: "suggestion_received", token: "A".repeat(43) },
    ];
    for (const attempt of attempts) {
      const refused = await call("POST", "/identity/notices/stop", undefined, attempt);
      expect(refused.status, JSON.stringify(attempt)).toBe(403);
      expect(refused.body.error.message).toBe("Linket virker ikke. Du kan ændre dine beskeder på Min side.");
    }
    expect((await call("POST", "/identity/notices/stop", undefined, { ...own, token: "short" })).status).toBe(400);
    expect((await call("GET", "/me/notices", victim)).body.choices.suggestion_received.when).toBe("now");
    expect((await call("GET", "/me/notices", attacker)).body.choices.suggestion_received.when).toBe("now");
  });
});

describe("SMS that cannot be delivered", () => {
  it("is recorded for the person's page, and other people still get theirs", async () => {
    const unlucky = await t.personWith([{ role: "staff", centre_id: "midt" }], "Ulla Uheld");
    await choose(unlucky, { mobile: "99 00 00 01", choices: { suggestion_received: { when: "now", channel: "sms" } } });
    const response = await t.api.request(
      "/api/directory/suggestions",
      { method: "POST", ...json({ name: "Havefolk", description: "Vi passer haver.", where: "Midtbyen", centre_id: "midt" }) },
      { clientAddress: "203.0.113.251" },
    );
    expect(response.status).toBe(201);
    expect(await smsTo("+4599000001")).toEqual([]);
    const settings = (await call("GET", "/me/notices", unlucky)).body;
    expect(settings.sms_undelivered).toEqual({ at: t.clock.now.toISOString(), kind: "suggestion_received", reason: "InvalidParameterException" });
  });

  it("past the month's limit (a deploy setting) none goes out, and it is refused as undeliverable", async () => {
    const sent: string[] = [];
    // The table's own counter, under a key of this test's own (the texts sent by other tests count on the real one).
    const key = randomUUID();
    const hit: typeof t.services.identity.store.hit = (scope, _all, start, end) => t.services.identity.store.hit(scope, key, start, end);
    const limited = withMonthlyLimit({ send: async (sms) => void sent.push(sms.text) }, hit, t.services.now, 2);
    await limited.send({ to: "+4540000001", text: "1" });
    await limited.send({ to: "+4540000001", text: "2" });
    await expect(limited.send({ to: "+4540000001", text: "3" })).rejects.toMatchObject({ name: "MonthlySmsLimitReached" });
    expect(sent).toEqual(["1", "2"]);
    // A new month starts again.
    const nextMonth = withMonthlyLimit({ send: async (sms) => void sent.push(sms.text) }, hit, () => new Date("2026-12-01T00:00:00Z"), 2);
    await nextMonth.send({ to: "+4540000001", text: "4" });
    expect(sent).toEqual(["1", "2", "4"]);
  });
});

describe("sign-in codes by SMS for a person who chose it", () => {
  it("the code comes by SMS and not by mail, works, and the same limits apply", async () => {
    const person = await t.personWith([{ role: "citizen" }], "Sofus");
    const mobile = newMobile();
    await choose(person, { mobile, sign_in: "sms" });
    const client = { clientAddress: "192.0.2.200" };
    const asked = await t.api.request("/api/identity/sign-in", { method: "POST", ...json({ email: person.person.email }, ORIGIN) }, client);
    expect(asked.status).toBe(202);
    const { challenge_id } = (await asked.json()) as { challenge_id: string };
    const [sms] = await smsTo(e164(mobile));
    const code = /Din kode til Nærhed er (\d{6})\./.exec(sms!.text)?.[1];
    expect(code).toBeDefined();
    expect((await mailsTo(person)).some((m) => m.subject.startsWith("Din kode"))).toBe(false);
    const verified = await t.api.request("/api/identity/sign-in/verify", { method: "POST", ...json({ challenge_id, code }, ORIGIN) }, client);
    expect(verified.status).toBe(200);

    // Five codes per email and address in 15 minutes, as by mail: the next is refused and sends nothing.
    for (let i = 0; i < 4; i++) expect((await t.api.request("/api/identity/sign-in", { method: "POST", ...json({ email: person.person.email }, ORIGIN) }, client)).status).toBe(202);
    const before = (await smsTo(e164(mobile))).length;
    expect((await t.api.request("/api/identity/sign-in", { method: "POST", ...json({ email: person.person.email }, ORIGIN) }, client)).status).toBe(429);
    expect(await smsTo(e164(mobile))).toHaveLength(before);
  });

  it("an SMS that cannot be delivered falls back to mail and is recorded", async () => {
    const person = await t.personWith([{ role: "citizen" }], "Frede");
    await choose(person, { mobile: "99 00 00 02", sign_in: "sms" });
    await t.api.request("/api/identity/sign-in", { method: "POST", ...json({ email: person.person.email }, ORIGIN) }, { clientAddress: "192.0.2.201" });
    expect((await mailsTo(person)).some((m) => m.subject.startsWith("Din kode"))).toBe(true);
    expect((await call("GET", "/me/notices", person)).body.sms_undelivered).toMatchObject({ kind: "sign_in" });
  });
});

describe("the mobile number and notice choices are the person's data", () => {
  it("are in the export and gone after erasure", async () => {
    const person = await t.personWith([{ role: "citizen" }], "Erik");
    await choose(person, { mobile: "41 42 43 44", choices: { vote_opened: { when: "digest", channel: "sms" } } });
    const exported = await call("GET", "/me/export", person);
    expect(exported.status).toBe(200);
    expect(exported.body.identity.person.mobile).toBe("+4541424344");
    expect(exported.body.identity.notices.choices.vote_opened).toEqual({ when: "digest", channel: "sms" });

    expect((await call("DELETE", "/me", person, {})).status).toBe(204);
    expect(await t.services.identity.store.getPerson(person.person.id)).toBeUndefined();
    expect(await t.services.identity.store.noticeSettings(person.person.id)).toBeUndefined();
  });
});
