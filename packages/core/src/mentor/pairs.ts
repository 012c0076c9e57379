import { v7 as uuidv7 } from "uuid";
import { hasRole, type Actor } from "../identity/person.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../shared/errors.ts";
import type { Language } from "../shared/language.ts";
import { canBeMatched } from "./mentor.ts";
import { suggestMentors, type Suggestion } from "./matching.ts";
import type { MentorServices } from "./mentors.ts";
import type { EndInput, FeedbackInput, LogEntry, LogInput, Pair, PairState, RequestInput, Side } from "./pair.ts";

/**
 * A request and the pair it becomes. Who may see what: the mentor sees their own pairs; the
 * person who asked sees theirs; staff of the pair's centre see every pair there. Anyone else
 * is told the pair does not exist, so ids cannot be probed.
 */

const DAY_MS = 24 * 3600 * 1000;
export const FIRST_CHECK_IN_DAYS = 14;
export const CHECK_IN_EVERY_DAYS = 30;
export const QUIET_AFTER_DAYS = 30;

type Viewer = Side | "staff";

const isStaffOf = (actor: Actor, centre: string) => hasRole(actor, "staff", centre) || hasRole(actor, "admin");

/** How the actor stands to the pair; null when they have no business with it. */
function viewerOf(actor: Actor, pair: Pair): Viewer | null {
  if (pair.mentor_id === actor.person_id) return "mentor";
  if (pair.requester_id === actor.person_id) return "mentee";
  return isStaffOf(actor, pair.centre_id) ? "staff" : null;
}

async function pairFor(services: MentorServices, actor: Actor, id: string): Promise<{ pair: Pair; viewer: Viewer }> {
  const pair = await services.store.getPair(id);
  const viewer = pair ? viewerOf(actor, pair) : null;
  if (!pair || !viewer) throw new NotFoundError("mentor_pair_not_found");
  return { pair, viewer };
}

async function pairOfCentre(services: MentorServices, centre: string, id: string): Promise<Pair> {
  const pair = await services.store.getPair(id);
  if (!pair || pair.centre_id !== centre) throw new NotFoundError("mentor_pair_not_found");
  return pair;
}

/** What each side sees: contact details only once both said yes; staff notes only for staff and the mentor who wrote them. */
export type PairView = Omit<Pair, "contact" | "mentor_contact"> & { contact?: string; mentor_contact?: string; viewer: Viewer };

export function pairView(pair: Pair, viewer: Viewer): PairView {
  const { contact, mentor_contact, declined_mentor_ids, proposed_by, ...rest } = pair;
  const together = pair.state === "active" || pair.state === "ended";
  return {
    ...rest,
    viewer,
    ...(viewer === "staff" ? { declined_mentor_ids, proposed_by } : {}),
    ...(viewer !== "mentor" || together ? { contact } : {}),
    ...(viewer !== "mentee" || together ? { mentor_contact } : {}),
  } as PairView;
}

const stripStaffNote = (entry: LogEntry, viewer: Viewer) => {
  if (viewer !== "mentee") return entry;
  const { note_for_staff: _hidden, ...rest } = entry;
  return rest;
};

export async function askForMentor(services: MentorServices, actor: Actor, input: RequestInput, byStaff: boolean): Promise<PairView> {
  if (byStaff ? !isStaffOf(actor, input.centre_id) : input.asked_by === "staff") {
    throw new InvalidInputError([{ field: "asked_by", message: "mentor_asked_by_invalid" }]);
  }
  const forSelf = !byStaff && input.asked_by === "self";
  const mentee_name = input.mentee_name ?? (forSelf ? actor.display_name : undefined);
  if (!mentee_name) throw new InvalidInputError([{ field: "mentee_name", message: "mentor_mentee_name_invalid" }]);
  const now = services.now().toISOString();
  const { goals, ...rest } = input;
  const pair: Pair = {
    ...rest,
    mentee_name,
    asked_by: byStaff ? "staff" : input.asked_by,
    id: uuidv7(),
    state: "requested",
    goals: goals.map((text) => ({ id: uuidv7(), text, progress: 0 })),
    created_at: now,
    ...(byStaff ? {} : { requester_id: actor.person_id }),
    requester_name: actor.display_name,
    declined_mentor_ids: [],
    feedback: {},
  };
  await services.store.createPair(pair, byStaff ? auditLine(services, actor, "create", pair, {}) : undefined);
  return pairView(pair, byStaff ? "staff" : "mentee");
}

/** The audit line of a change staff make to a pair, written in the same transaction as the change. */
function auditLine(services: MentorServices, actor: Actor, action: string, pair: Pair, details: Record<string, unknown>) {
  return services.audit.line({
    actor,
    action: `mentor.pair.${action}`,
    item: `mentor:pair:${pair.id}`,
    // People by id only (the mentee's is in the pair, the pair's in `item`): an erased person's name must not stay in the log.
    summary: JSON.stringify(details),
  });
}

export async function getPair(services: MentorServices, actor: Actor, id: string) {
  const { pair, viewer } = await pairFor(services, actor, id);
  const log = await services.store.listLog(id);
  return { pair: pairView(pair, viewer), log: log.map((entry) => stripStaffNote(entry, viewer)) };
}

/** "Mine": the person's mentor profile is read separately; here the pairs they mentor and the ones they asked for. */
export async function myPairs(services: MentorServices, actor: Actor) {
  const [mentoring, askedIds] = await Promise.all([services.store.listMentorPairs(actor.person_id), services.store.listAskedPairIds(actor.person_id)]);
  const asked = (await Promise.all(askedIds.map((id) => services.store.getPair(id)))).filter((pair): pair is Pair => pair !== undefined);
  return { mentoring: mentoring.map((pair) => pairView(pair, "mentor")), asked: asked.map((pair) => pairView(pair, "mentee")) };
}

const OPEN: readonly PairState[] = ["requested", "declined"];

export async function suggestionsFor(services: MentorServices, centre: string, id: string, language: Language): Promise<Suggestion[]> {
  const pair = await pairOfCentre(services, centre, id);
  if (!OPEN.includes(pair.state)) throw new ConflictError("mentor_request_not_open", { state: pair.state });
  return suggestMentors(pair, await services.store.listMentors(centre, "approved"), services.now(), services.certificateValidDays, language);
}

/**
 * Staff propose a mentor. The mentor's free place and the request move together: when two
 * staff propose the same mentor for the last place, one succeeds and the other is told so.
 */
export async function proposeMentor(services: MentorServices, actor: Actor, centre: string, id: string, mentorId: string): Promise<PairView> {
  const pair = await pairOfCentre(services, centre, id);
  if (!OPEN.includes(pair.state)) throw new ConflictError("mentor_request_not_open", { state: pair.state });
  const mentor = await services.store.getMentor(mentorId);
  if (!mentor || mentor.centre_id !== centre) throw new NotFoundError("mentor_not_found");
  if (pair.declined_mentor_ids.includes(mentorId)) throw new ConflictError("mentor_declined_before", {});
  if (!canBeMatched(mentor, services.now(), services.certificateValidDays)) {
    throw new ConflictError(mentor.status === "approved" && mentor.active_pairs >= mentor.capacity ? "mentor_full" : "mentor_not_approved", {
      status: mentor.status,
      free_places: Math.max(0, mentor.capacity - mentor.active_pairs),
    });
  }
  const set: Partial<Pair> = {
    state: "proposed",
    mentor_id: mentor.id,
    mentor_name: mentor.display_name,
    mentor_contact: mentor.contact,
    proposed_at: services.now().toISOString(),
    proposed_by: actor.display_name,
  };
  const line = auditLine(services, actor, "propose", pair, { mentor_id: mentor.id });
  if (!(await services.store.propose(pair, mentor.id, { set, from: OPEN, remove: ["mentor_accepted_at", "mentee_accepted_at"] }, line))) {
    const [now, mentorNow] = await Promise.all([services.store.getPair(id), services.store.getMentor(mentorId)]);
    if (now && !OPEN.includes(now.state)) throw new ConflictError("mentor_request_not_open", { state: now.state });
    throw new ConflictError("mentor_full", { free_places: Math.max(0, (mentorNow?.capacity ?? 0) - (mentorNow?.active_pairs ?? 0)) });
  }
  const proposed = { ...pair, ...set };
  await tellSides(services, proposed, "match_proposed", `${proposed.proposed_at}`, ["mentor", "mentee"]);
  return pairView(proposed, "staff");
}

/**
 * Tells the mentor and/or the mentee (the person who asked; nobody when staff asked, as staff
 * answer for them) about the match. What the message says: the scheme, and the first meeting's
 * day and place once staff planned it. No names travel: the link shows them to those signed in.
 */
async function tellSides(services: MentorServices, pair: Pair, kind: "match_proposed" | "match_accepted", happening: string, sides: readonly Side[], saidYes?: Side) {
  const people: Record<Side, string | undefined> = { mentor: pair.mentor_id, mentee: pair.requester_id };
  for (const side of sides) {
    const personId = people[side];
    if (!personId) continue;
    await services.publish("notice.requested", {
      notice_id: `mentor:${pair.id}:${kind}:${side}:${happening.replace(/[^A-Za-z0-9]/g, "")}`,
      kind,
      to: { person_id: personId },
      about: {
        title: "Mentorordningen",
        ...(pair.first_meeting ? { on: pair.first_meeting.on, place: pair.first_meeting.place } : {}),
        ...(saidYes ? { side: saidYes } : {}),
        path: `/mentorordningen/forloeb/${pair.id}`,
      },
    });
  }
}

/** Which side the actor answers for: the mentor, or the mentee (the asker; staff when staff asked). */
function answeringSide(pair: Pair, viewer: Viewer): Side | null {
  if (viewer === "mentor" || viewer === "mentee") return viewer;
  return pair.requester_id === undefined ? "mentee" : null;
}

/** The mentor or the mentee says yes or no to a proposal. Both yes → the pair is active. */
export async function answerProposal(services: MentorServices, actor: Actor, id: string, answer: "accept" | "decline"): Promise<PairView> {
  const { pair, viewer } = await pairFor(services, actor, id);
  const side = answeringSide(pair, viewer);
  if (!side) throw new ConflictError("mentor_not_your_answer", {});
  const field = side === "mentor" ? "mentor_accepted_at" : "mentee_accepted_at";
  if (pair[field]) throw new ConflictError("mentor_already_answered", { state: pair.state });
  if (pair.state !== "proposed") throw new ConflictError("mentor_not_proposed", { state: pair.state });
  const sameProposal = { condition: "#mentor_id = :mentor", names: { "#mentor_id": "mentor_id" }, values: { ":mentor": pair.mentor_id } };
  const now = services.now();
  // Staff answer for a mentee who asked through them; the mentor and mentee answer for themselves (not staff's doing).
  const line = viewer === "staff" ? auditLine(services, actor, answer, pair, { for: "mentee" }) : undefined;
  if (answer === "decline") {
    const declined = await services.store.releasePlace(
      pair,
      {
        set: { state: "declined", declined_mentor_ids: [...pair.declined_mentor_ids, pair.mentor_id!] },
        remove: ["mentor_id", "mentor_name", "mentor_contact", "mentor_accepted_at", "mentee_accepted_at", "first_meeting"],
        from: ["proposed"],
        ...sameProposal,
      },
      line,
    );
    if (!declined) throw new ConflictError("mentor_already_answered", {});
    return pairView({ ...(await services.store.getPair(id))! }, viewer);
  }
  const accepted = await services.store.updatePair(
    pair,
    {
      set: { [field]: now.toISOString() },
      from: ["proposed"],
      ...sameProposal,
      condition: `${sameProposal.condition} AND attribute_not_exists(#${field})`,
      names: { ...sameProposal.names, [`#${field}`]: field },
    },
    line,
  );
  if (!accepted) throw new ConflictError("mentor_already_answered", {});
  // The other side hears that this one said yes.
  await tellSides(services, pair, "match_accepted", pair.proposed_at ?? "", [side === "mentor" ? "mentee" : "mentor"], side);
  const other = side === "mentor" ? pair.mentee_accepted_at : pair.mentor_accepted_at;
  if (other) {
    // Both said yes: start. If both answered at once, the second activation finds it active and changes nothing.
    await services.store.updatePair(pair, {
      set: {
        state: "active",
        started_at: now.toISOString(),
        planned_end_on: new Date(now.getTime() + services.closureWeeks * 7 * DAY_MS).toISOString().slice(0, 10),
        next_check_in_at: new Date(now.getTime() + FIRST_CHECK_IN_DAYS * DAY_MS).toISOString(),
      },
      from: ["proposed"],
      condition: "attribute_exists(mentor_accepted_at) AND attribute_exists(mentee_accepted_at)",
    });
  }
  return pairView((await services.store.getPair(id))!, viewer);
}

export async function planFirstMeeting(services: MentorServices, actor: Actor, centre: string, id: string, meeting: { on: string; place: string }) {
  const pair = await pairOfCentre(services, centre, id);
  const line = auditLine(services, actor, "first-meeting", pair, meeting);
  if (!(await services.store.updatePair(pair, { set: { first_meeting: meeting }, from: ["proposed", "active"] }, line))) {
    throw new ConflictError("mentor_pair_not_active", { state: (await services.store.getPair(id))?.state ?? pair.state });
  }
  return pairView({ ...pair, first_meeting: meeting }, "staff");
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/** The mentor logs a meeting; only on an active pair. */
export async function logMeeting(services: MentorServices, actor: Actor, id: string, input: LogInput): Promise<LogEntry> {
  const { pair, viewer } = await pairFor(services, actor, id);
  if (viewer !== "mentor") throw new ConflictError("mentor_only_mentor_logs", {});
  if (input.on > today(services.now())) throw new InvalidInputError([{ field: "on", message: "mentor_date_future" }]);
  if (pair.state !== "active") throw new ConflictError("mentor_pair_not_active", { state: pair.state });
  const entry: LogEntry = { ...input, id: uuidv7(), logged_at: services.now().toISOString() };
  if (!(await services.store.addLog(pair, actor.person_id, entry))) throw new ConflictError("mentor_pair_not_active", {});
  return entry;
}

/** Mentor and mentee move a goal together. */
export async function updateGoal(services: MentorServices, actor: Actor, id: string, goalId: string, progress: number) {
  const { pair, viewer } = await pairFor(services, actor, id);
  if (viewer === "staff") throw new ConflictError("mentor_not_your_answer", {});
  const index = pair.goals.findIndex((goal) => goal.id === goalId);
  if (index < 0) throw new NotFoundError("mentor_goal_not_found");
  const at = services.now().toISOString();
  const updated = await services.store.updatePair(pair, {
    from: ["active"],
    rawSets: [`#goals[${index}].#progress = :progress`, `#goals[${index}].#updated_at = :at`],
    condition: `#goals[${index}].#id = :goal`,
    names: { "#goals": "goals", "#progress": "progress", "#updated_at": "updated_at", "#id": "id" },
    values: { ":progress": progress, ":at": at, ":goal": goalId },
  });
  if (!updated) throw new ConflictError("mentor_pair_not_active", { state: (await services.store.getPair(id))?.state ?? pair.state });
  return pairView((await services.store.getPair(id))!, viewer);
}

export async function recordCheckIn(services: MentorServices, actor: Actor, centre: string, id: string, note: string | undefined) {
  const pair = await pairOfCentre(services, centre, id);
  const now = services.now();
  const set = { last_check_in_at: now.toISOString(), next_check_in_at: new Date(now.getTime() + CHECK_IN_EVERY_DAYS * DAY_MS).toISOString() };
  // The note is about the mentee: it stays with the pair (erased with it), not in the log.
  const line = auditLine(services, actor, "check-in", pair, { note_written: !!note });
  if (!(await services.store.updatePair(pair, { set, from: ["active"] }, line))) throw new ConflictError("mentor_pair_not_active", { state: pair.state });
  return pairView({ ...pair, ...set }, "staff");
}

/** Staff close the pair after the closing conversation; the mentor's place is free again. */
export async function endPair(services: MentorServices, actor: Actor, centre: string, id: string, end: EndInput) {
  const pair = await pairOfCentre(services, centre, id);
  const set: Partial<Pair> = { state: "ended", ended_at: services.now().toISOString(), end };
  const line = auditLine(services, actor, "end", pair, { outcome: end.outcome });
  if (pair.state !== "active" || !(await services.store.releasePlace(pair, { set, from: ["active"] }, line))) {
    throw new ConflictError("mentor_pair_not_active", { state: pair.state });
  }
  return pairView({ ...pair, ...set }, "staff");
}

/** Staff withdraw a request that is not yet a pair (the person changed their mind). */
export async function cancelRequest(services: MentorServices, actor: Actor, centre: string, id: string) {
  const pair = await pairOfCentre(services, centre, id);
  const change = { set: { state: "cancelled" as const }, from: [pair.state] };
  const line = auditLine(services, actor, "cancel", pair, {});
  const cancelled =
    pair.state === "proposed"
      ? await services.store.releasePlace(pair, change, line)
      : OPEN.includes(pair.state) && (await services.store.updatePair(pair, change, line));
  if (!cancelled) throw new ConflictError("mentor_request_not_open", { state: pair.state });
  return pairView({ ...pair, state: "cancelled" }, "staff");
}

/** Each side answers the closing questions once. */
export async function giveFeedback(services: MentorServices, actor: Actor, id: string, input: FeedbackInput) {
  const { pair, viewer } = await pairFor(services, actor, id);
  if (viewer === "staff") throw new ConflictError("mentor_not_your_answer", {});
  if (pair.state !== "ended") throw new ConflictError("mentor_pair_not_ended", { state: pair.state });
  const given = await services.store.updatePair(pair, {
    from: ["ended"],
    rawSets: ["#feedback.#side = :feedback"],
    condition: "attribute_not_exists(#feedback.#side)",
    names: { "#feedback": "feedback", "#side": viewer },
    values: { ":feedback": { ...input, at: services.now().toISOString() } },
  });
  if (!given) throw new ConflictError("mentor_feedback_given", {});
  return pairView((await services.store.getPair(id))!, viewer);
}

export type StaffPair = PairView & { check_in_due: boolean; quiet: boolean };

/** The staff overview of a centre: requests to match, proposals waiting, active pairs (due and quiet first), recent endings. */
export async function centreOverview(services: MentorServices, centre: string) {
  const now = services.now();
  const list = (state: PairState) => services.store.listPairs(centre, state);
  const [requested, declined, proposed, active, ended] = await Promise.all([list("requested"), list("declined"), list("proposed"), list("active"), list("ended")]);
  const staffPair = (pair: Pair): StaffPair => {
    const lastSign = pair.last_log_at ?? pair.started_at ?? pair.created_at;
    return {
      ...pairView(pair, "staff"),
      check_in_due: pair.state === "active" && !!pair.next_check_in_at && pair.next_check_in_at <= now.toISOString(),
      quiet: pair.state === "active" && now.getTime() - Date.parse(lastSign) > QUIET_AFTER_DAYS * DAY_MS,
    };
  };
  const byAttention = (a: StaffPair, b: StaffPair) => Number(b.check_in_due || b.quiet) - Number(a.check_in_due || a.quiet);
  return {
    requests: [...requested, ...declined].map(staffPair),
    proposed: proposed.map(staffPair),
    active: active.map(staffPair).sort(byAttention),
    ended: ended.map(staffPair).sort((a, b) => (b.ended_at ?? "").localeCompare(a.ended_at ?? "")),
  };
}
