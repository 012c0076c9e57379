import { readFileSync } from "node:fs";
import { profilePatches } from "@naerhed/core/directory/hsds-profile";
import { personas } from "../routes.ts";
import type { testApi } from "../support.ts";

export type Api = Awaited<ReturnType<typeof testApi>>;
export type Signed = { cookie: string; person: { id: string; email: string; display_name: string } };
/** A valid body (and its content type) for a route: a starting point for mutations. */
export type Example = { body: unknown; type?: string };

/** What seeding made through the API: the people, and real ids and valid requests for every route. */
export type Seeded = {
  /** One signed-in person per persona (null: nobody signed in); the fuzzing replaces one whose session it ended. */
  people: Record<string, Signed | null>;
  /** Real ids by path parameter name, so parameters also hit stored items. */
  real: Record<string, string[]>;
  /** Valid bodies per route; the first is the plain one. */
  examples: Record<string, Example[]>;
  /** A valid query string per route that reads one. */
  exampleQueries: Record<string, string>;
  /** Which seeded items a route's :id is about, by path. */
  exampleIds: [RegExp, string[]][];
};

async function call(t: Api, people: Seeded["people"], persona: string, method: string, path: string, body?: unknown, type = "application/json") {
  const headers: Record<string, string> = { "content-type": type };
  const signed = people[persona];
  if (signed) headers.cookie = signed.cookie;
  const response = await t.api.request(path, { method, headers, ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`seeding ${method} ${path} as ${persona}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

const uuids = (text: string) => [...new Set(text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [])];

/** Some real data, made through the API as people would: offers, a council with a vote, a panel consultation, a mentor pair. */
export async function seed(t: Api): Promise<Seeded> {
  const people: Seeded["people"] = {};
  for (const [persona, grants] of Object.entries(personas)) people[persona] = grants ? await t.personWith(grants, `Fuzz ${persona}`) : null;
  const citizen = people.citizen!;
  const member = people.council_member!;
  // Someone whose council grant the grant removal route may take away (not a persona the other routes rely on).
  const grantee = await t.personWith([{ role: "citizen" }, { role: "council_member", centre_id: "nord" }], "Fuzz grantee");
  const mentorPerson = people.mentor!;
  const inHours = (hours: number) => new Date(t.clock.now.getTime() + hours * 3_600_000).toISOString();

  // Directory: a published offer, a draft, suggestions.
  const offerInput = {
    name: "Strikkeklub",
    description: "Vi strikker sammen og drikker kaffe.",
    organization_name: "Strikkeforeningen",
    status: "active",
    centre_id: "nord",
    area: "Nordby",
    category: "sport",
    free: true,
    location: { address_1: "Nørregade 1", postal_code: "7000", city: "Fredericia", latitude: 55.56, longitude: 9.75 },
    weekly: [{ weekday: "tu", opens_at: "14:00", closes_at: "16:00" }],
  };
  const offer = (await call(t, people, "staff_nord", "POST", "/api/directory/centres/nord/offers", offerInput)).offer;
  await call(t, people, "staff_nord", "POST", `/api/directory/centres/nord/offers/${offer.id}/publish`, { version: offer.version });
  const draft = (await call(t, people, "staff_nord", "POST", "/api/directory/centres/nord/offers", { ...offerInput, name: "Kladde" })).offer;
  const suggestionInput = { name: "Gåtur", description: "Vi går en tur hver fredag.", where: "Ved kirken", centre_id: "nord" };
  const suggestions: string[] = [];
  for (const where of ["Ved kirken", "I parken", "På biblioteket"]) suggestions.push((await call(t, people, "citizen", "POST", "/api/directory/suggestions", { ...suggestionInput, where })).suggestion.id);
  const csv = await (await t.api.request("/api/hsds/export.csv")).text();
  const hsdsJson = await call(t, people, "anonymous", "GET", "/api/hsds/export.json");
  const { plan } = await call(t, people, "staff_nord", "POST", "/api/directory/centres/nord/import/preview", csv, "text/csv");
  const hsdsIds = [
    ...uuids(JSON.stringify(await call(t, people, "anonymous", "GET", "/api/hsds/services"))),
    ...uuids(JSON.stringify(await call(t, people, "anonymous", "GET", "/api/hsds/taxonomy_terms?per_page=5"))),
  ].slice(0, 12);
  const serviceAtLocationIds = (await call(t, people, "anonymous", "GET", "/api/hsds/service_at_locations")).contents.map((item: { id: string }) => item.id);
  // Organisations are shared by the centres; another publisher's services come in with their own organisations and terms.
  const organizationInput = { name: "Gangforeningen Nord", website: "https://gang.example.dk", identifiers: [{ identifier_type: "CVR", identifier: "12345678" }] };
  const organization = (await call(t, people, "staff_syd", "POST", "/api/directory/organizations", organizationInput)).organization;
  const foreignServices = JSON.parse(readFileSync(new URL("../fixtures/hsds-foreign/services.json", import.meta.url), "utf8")).contents.slice(0, 3);

  // Council: the council member chairs it; a proposal on the agenda with an open vote and a ballot, one waiting in the inbox, a meeting.
  const memberInput = { person_id: member.person.id, display_name: "Fuzz Formand", email: member.person.email, role: "chair", kind: "citizen", term_from: "2026-01-01" };
  await call(t, people, "staff_nord", "PUT", "/api/council/centres/nord/members", memberInput);
  const proposalInput = { title: "Bænke ved stien", summary: "Vi vil have flere bænke.", body: "Der er langt mellem bænkene." };
  const proposal = (await call(t, people, "council_member", "POST", "/api/council/centres/nord/proposals", proposalInput)).proposal;
  await call(t, people, "council_member", "POST", `/api/council/centres/nord/proposals/${proposal.id}/accept`);
  const openVote = { closes_at: inHours(48), ballot: "open" };
  const vote = (await call(t, people, "council_member", "POST", `/api/council/centres/nord/proposals/${proposal.id}/vote`, openVote)).vote;
  const ballotInput = { choice: "for", request_key: "fuzz-ballot-0001" };
  const ballot = (await call(t, people, "council_member", "PUT", `/api/council/centres/nord/votes/${vote.id}/ballot`, ballotInput)).ballot;
  // More on the agenda and in the inbox: opening a vote, accepting and declining use them up.
  const agenda: string[] = [];
  const submitted: string[] = [];
  for (const title of ["Mere lys", "Flere bænke", "Bedre busser"]) {
    const onAgenda = (await call(t, people, "council_member", "POST", "/api/council/centres/nord/proposals", { ...proposalInput, title })).proposal;
    await call(t, people, "council_member", "POST", `/api/council/centres/nord/proposals/${onAgenda.id}/accept`);
    agenda.push(onAgenda.id);
    submitted.push((await call(t, people, "citizen", "POST", "/api/council/centres/nord/proposals", { ...proposalInput, title })).proposal.id);
  }
  const meetingInput = {
    starts_at: "2026-12-01T17:00:00.000Z",
    ends_at: "2026-12-01T19:00:00.000Z",
    place: "Salen",
    accessibility: "Trinfri adgang og teleslynge.",
    agenda: [{ title: "Bænke", proposal_id: proposal.id }],
  };
  const meeting = (await call(t, people, "staff_nord", "POST", "/api/council/centres/nord/meetings", meetingInput)).meeting;
  // A meeting that took place, with the chair present in its minutes: a vote taken there can be written down.
  const heldInput = { ...meetingInput, starts_at: "2026-11-20T17:00:00.000Z", ends_at: "2026-11-20T19:00:00.000Z" };
  const held = (await call(t, people, "staff_nord", "POST", "/api/council/centres/nord/meetings", heldInput)).meeting;
  await call(t, people, "staff_nord", "PUT", `/api/council/centres/nord/meetings/${held.id}/minutes`, { attendance: [member.person.id], summary: "Vi stemte." });

  // Panel: the citizen is a member; one published consultation (they are invited), one draft.
  const joinInput = { consent: true, profile: { age_band: "30_49", area: "nord" }, contact: "site" };
  await call(t, people, "citizen", "PUT", "/api/panel/membership", joinInput);
  // Four more members: a consultation goes only to 5 or more.
  for (let i = 0; i < 4; i++) {
    const other = await t.personWith([{ role: "citizen" }], `Panel ${i}`);
    const joined = await t.api.request("/api/panel/membership", { method: "PUT", headers: { "content-type": "application/json", cookie: other.cookie }, body: JSON.stringify(joinInput) });
    if (joined.status !== 200) throw new Error(`seeding a panel member: ${joined.status}`);
  }
  const consultationInput = {
    title: "Hvad synes du om centret?",
    intro: "Vi vil gerne høre din mening.",
    opens_at: "2026-11-23T09:00:00.000Z",
    closes_at: "2026-11-30T09:00:00.000Z",
    target: { kind: "all" },
    questions: [
      { type: "single", text: "Hvor tit kommer du?", choices: [{ label: "Hver uge", icon: "home" }, { label: "Sjældent" }] },
      { type: "scale", text: "Hvordan har du det med centret?" },
      { type: "short_text", text: "Hvad er det bedste?", optional: true },
    ],
  };
  const consultation = (await call(t, people, "staff_nord", "POST", "/api/panel/centres/nord/consultations", consultationInput)).consultation;
  await call(t, people, "staff_nord", "POST", `/api/panel/centres/nord/consultations/${consultation.id}/publish`);
  const draftConsultation = (await call(t, people, "staff_nord", "POST", "/api/panel/centres/nord/consultations", { ...consultationInput, title: "Kladde til høring" })).consultation;

  // Mentor: the mentor persona applied and was approved; the citizen asked and was proposed the mentor; the council member asked.
  const application = {
    about: "Jeg er pensioneret lærer.",
    interests: ["fishing", "music"],
    languages: ["da", "ar"],
    centre_id: "nord",
    area: "Fredericia Øst",
    availability: ["tue-afternoon"],
    frequency: "weekly",
    can_help_with: "Bus og breve fra kommunen.",
    capacity: 2,
    contact: "20 30 40 50",
  };
  await call(t, people, "mentor", "POST", "/api/mentor/applications", application);
  const withoutCentre = ({ centre_id: _centre, ...details }: typeof application) => details;
  const screening = { interview_on: "2026-11-01", straffeattest_on: "2026-10-20", training_on: "2026-11-10", decision: "approve" };
  await call(t, people, "staff_nord", "POST", `/api/mentor/centres/nord/mentors/${mentorPerson.person.id}/screening`, screening);
  const requestInput = {
    asked_by: "self",
    mentee_name: "Ahmad",
    help_with: "Jeg vil gerne klare mere selv.",
    goals: ["Tage bussen alene"],
    interests: ["fishing"],
    languages: ["ar"],
    centre_id: "nord",
    availability: ["tue-afternoon"],
    contact_preference: "sms",
    contact: "11 22 33 44",
  };
  const pair = (await call(t, people, "citizen", "POST", "/api/mentor/requests", requestInput)).pair;
  await call(t, people, "staff_nord", "POST", `/api/mentor/centres/nord/pairs/${pair.id}/propose`, { mentor_id: mentorPerson.person.id });
  const otherPair = (await call(t, people, "council_member", "POST", "/api/mentor/requests", requestInput)).pair;

  // Identity: a sign-in code waiting for the citizen; a person the centre looks after, with a sign-in card.
  const challenge = await call(t, people, "anonymous", "POST", "/api/identity/sign-in", { email: citizen.person.email });
  const lookedAfter = (await call(t, people, "staff_nord", "POST", "/api/identity/centres/nord/people", { display_name: "Fuzz Uden Mail", person_present: true })).person;
  const card = (await call(t, people, "staff_nord", "POST", `/api/identity/centres/nord/people/${lookedAfter.id}/card`, { person_present: true })).card;

  const real: Record<string, string[]> = { centre: ["nord", "syd", "midt"], file: Object.keys(profilePatches) };
  real.id = [
    offer.id,
    draft.id,
    ...suggestions,
    proposal.id,
    ...agenda,
    ...submitted,
    vote.id,
    meeting.id,
    held.id,
    consultation.id,
    draftConsultation.id,
    mentorPerson.person.id,
    citizen.person.id,
    lookedAfter.id,
    pair.id,
    otherPair.id,
    ...hsdsIds,
    ...serviceAtLocationIds,
    organization.id,
  ];
  real.goal = pair.goals.map((goal: { id: string }) => goal.id);
  const exampleIds: [RegExp, string[]][] = [
    [/proposals\/:id\/vote$/, agenda],
    [/proposals\/:id\/meeting-vote$/, agenda],
    [/proposals\/:id\/(accept|decline)$/, submitted],
    [/proposals\/:id/, [proposal.id, ...submitted]],
    [/suggestions\/:id/, suggestions],
    [/offers\/:id/, [offer.id, draft.id]],
    [/votes\/:id/, [vote.id]],
    [/meetings\/:id/, [meeting.id]],
    [/consultations\/:id(\/publish)?$/, [draftConsultation.id, consultation.id]],
    [/(consultations|results)\/:id/, [consultation.id]],
    [/pairs\/:id/, [pair.id, otherPair.id]],
    [/mentors\/:id/, [mentorPerson.person.id]],
    [/people\/:id/, [lookedAfter.id]],
    [/directory\/organizations\/:id/, [organization.id]],
    [/hsds\/service_at_locations\/:id/, serviceAtLocationIds.slice(0, 3)],
    [/hsds\//, hsdsIds.slice(0, 3)],
  ];
  real.receipt = [ballot.receipt];
  // A notice's calendar link and a stop link, as the mentor's proposal notice carries them.
  const proposalNotice = (await t.services.identity.store.listMail(200)).find((mail) => mail.to === mentorPerson.person.email && mail.text.includes("/stop?"));
  const stop = /\/stop\?p=([^&\s]+)&k=([^&\s]+)&t=([A-Za-z0-9_-]{43})/.exec(proposalNotice?.text ?? "");
  real.token = ["A".repeat(43)];

  const exampleQueries: Record<string, string> = {
    "GET /api/identity/audit": "month=2026-11",
    "GET /api/directory/offers": "limit=5",
    "GET /api/directory/search": "q=strik&centre=nord&lat=55.5&lon=9.7",
    "GET /api/directory/centres/:centre/offers": "limit=2&name=strik&state=published",
    "GET /api/hsds/services": "per_page=5&search=strik&postcode=7000&proximity=5000",
    "GET /api/hsds/organizations": "page=1&per_page=2",
    "GET /api/hsds/service_at_locations": "per_page=5&full=true",
    "GET /api/hsds/taxonomy_terms": "search=sport",
    "GET /api/panel/centres/:centre/consultations/:id/export": "format=csv",
    "POST /api/directory/centres/:centre/import": `plan=${plan}`,
  };
  const single: Record<string, Example> = {
    "POST /api/identity/sign-in": { body: { email: "fuzz@example.dk", language: "en" } },
    "POST /api/identity/sign-in/verify": { body: { challenge_id: challenge.challenge_id, code: "123456" } },
    "POST /api/identity/sign-in/password": { body: { email: people.staff_nord!.person.email, password: "not-the-password" } },
    "POST /api/identity/invitations": { body: { email: "ny@example.dk", display_name: "Ny Kollega", role: "staff", centre_id: "nord" } },
    "DELETE /api/identity/grants": { body: { email: grantee.person.email, role: "council_member", centre_id: "nord" } },
    "PATCH /api/me": { body: { display_name: "Nyt Navn", language: "en" } },
    "PUT /api/me/notices": { body: { mobile: "20 30 40 50", sign_in: "both", choices: { vote_opened: { when: "digest", channel: "sms" } } } },
    "POST /api/identity/notices/stop": { body: stop ? { person_id: stop[1], kind: stop[2], token: stop[3] } : { person_id: citizen.person.id, kind: "vote_opened", token: "A".repeat(43) } },
    "POST /api/identity/sign-in/card": { body: { code: card.code } },
    "POST /api/identity/centres/:centre/people": { body: { display_name: "Ny Person", mobile: "+4520304050", person_present: true } },
    "POST /api/identity/centres/:centre/people/:id/card": { body: { person_present: true } },
    "DELETE /api/identity/centres/:centre/people/:id/card": { body: { person_present: true } },
    "POST /api/identity/centres/:centre/people/:id/export": { body: { person_present: true } },
    "DELETE /api/identity/centres/:centre/people/:id": { body: { person_present: true } },
    "POST /api/me/password": { body: { password: "et-langt-kodeord-1234" } },
    "POST /api/directory/centres/:centre/offers": { body: offerInput },
    "PUT /api/directory/centres/:centre/offers/:id": { body: { version: 1, offer: offerInput } },
    "POST /api/directory/centres/:centre/offers/:id/publish": { body: { version: 1 } },
    "POST /api/directory/centres/:centre/offers/:id/unpublish": { body: { version: 2 } },
    "POST /api/directory/centres/:centre/offers/:id/archive": { body: { version: 2 } },
    "POST /api/directory/centres/:centre/offers/:id/verify": { body: { version: 2 } },
    "POST /api/directory/centres/:centre/import/preview": { body: csv, type: "text/csv" },
    "POST /api/directory/centres/:centre/import": { body: csv, type: "text/csv" },
    "POST /api/directory/suggestions": { body: suggestionInput },
    "POST /api/directory/organizations": { body: { ...organizationInput, name: "Nye Venner", identifiers: [] } },
    "PUT /api/directory/organizations/:id": { body: { version: 1, organization: { ...organizationInput, description: "Vi går ture." } } },
    "PUT /api/directory/centres/:centre/import/mapping": { body: { publisher: "Frivilligcenter Trekanten", terms: { "trekanten:motion": "sport" } } },
    "POST /api/directory/centres/:centre/suggestions/:id/decline": { body: { reason: "Findes allerede." } },
    "PUT /api/panel/membership": { body: joinInput },
    "POST /api/panel/consultations/:id/answers": { body: { answers: { q1: "c1", q2: 4, q3: "Personalet" } } },
    "POST /api/panel/centres/:centre/consultations": { body: consultationInput },
    "PUT /api/panel/centres/:centre/consultations/:id": { body: consultationInput },
    "POST /api/panel/centres/:centre/target-count": { body: { target: { kind: "segment", age_bands: ["30_49"], areas: ["nord"] } } },
    "POST /api/panel/centres/:centre/consultations/:id/results": { body: { summary: "Mange kommer hver uge." } },
    "POST /api/mentor/applications": { body: application },
    "POST /api/mentor/requests": { body: requestInput },
    "POST /api/mentor/pairs/:id/answer": { body: { answer: "accept" } },
    "POST /api/mentor/pairs/:id/log": { body: { on: "2026-11-20", what_we_did: "Vi tog bussen.", how_it_went: 4, note_for_staff: "Godt." } },
    "PUT /api/mentor/pairs/:id/goals/:goal": { body: { progress: 2 } },
    "POST /api/mentor/pairs/:id/feedback": { body: { good_to_meet: 5, helped_goals: 4, recommend: 5, words: "Tak." } },
    "POST /api/mentor/centres/:centre/mentors/:id/screening": { body: screening },
    "PUT /api/mentor/centres/:centre/mentors/:id": { body: { ...withoutCentre(application), contact: "21 31 41 51" } },
    "POST /api/mentor/centres/:centre/requests": { body: requestInput },
    "POST /api/mentor/centres/:centre/pairs/:id/propose": { body: { mentor_id: mentorPerson.person.id } },
    "POST /api/mentor/centres/:centre/pairs/:id/first-meeting": { body: { on: "2026-11-30", place: "Biblioteket" } },
    "POST /api/mentor/centres/:centre/pairs/:id/check-in": { body: { note: "Det går godt." } },
    "POST /api/mentor/centres/:centre/pairs/:id/end": { body: { outcome: "completed", closing_conversation_on: "2026-11-23", next_step: "Svømmeklub", next_offer_id: offer.id } },
    "POST /api/council/centres/:centre/meetings": { body: meetingInput },
    "PUT /api/council/centres/:centre/meetings/:id/minutes": {
      body: { attendance: [member.person.id], summary: "Vi talte om bænke.", decisions: ["Flere bænke"], details: "Referat.", publish: true },
    },
    "PUT /api/council/centres/:centre/meetings/:id": { body: { ...meetingInput, place: "Biblioteket" } },
    "POST /api/council/centres/:centre/meetings/:id/cancel": { body: { reason: "Formanden er syg." } },
    "POST /api/council/centres/:centre/proposals/:id/meeting-vote": { body: { meeting_id: held.id, ballot: "open", hands: [{ person_id: member.person.id, choice: "for" }] } },
    "POST /api/council/centres/:centre/proposals": { body: proposalInput },
    "PUT /api/council/centres/:centre/my-notifications": { body: { notify: "digest", email: "mig@example.dk" } },
    "PUT /api/council/centres/:centre/votes/:id/ballot": { body: ballotInput },
    "POST /api/council/centres/:centre/proposals/:id/comments": { body: { text: "Godt forslag." } },
    "POST /api/council/centres/:centre/proposals/:id/decline": { body: { reason: "Det er ikke rådets opgave." } },
    "POST /api/council/centres/:centre/proposals/:id/vote": { body: openVote },
    "POST /api/council/centres/:centre/proposals/:id/follow-up": { body: { status: "planned", text: "Kommunen sætter bænke op." } },
    "PUT /api/council/centres/:centre/members": { body: { ...memberInput, role: "member" } },
  };
  const examples: Record<string, Example[]> = Object.fromEntries(Object.entries(single).map(([route, example]) => [route, [example]]));
  // Import takes the export's CSV, its HSDS JSON, or any publisher's nested HSDS.
  for (const route of ["POST /api/directory/centres/:centre/import/preview", "POST /api/directory/centres/:centre/import"]) examples[route]!.push({ body: hsdsJson }, { body: foreignServices });
  return { people, real, examples, exampleQueries, exampleIds };
}
