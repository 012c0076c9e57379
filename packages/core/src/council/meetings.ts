import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../identity/person.ts";
import type { AuditLine } from "../shared/audit.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../shared/errors.ts";
import { toICalendar } from "../shared/icalendar.ts";
import { meetingMailJob } from "./mailing.ts";
import { publicMeeting, type CancelMeetingInput, type Meeting, type MeetingInput, type MinutesInput } from "./meeting.ts";
import { auditActor, canKeepMinutes, canManage, type CouncilServices } from "./services.ts";

/** The chair or staff plan a meeting: time, place with its accessibility, agenda. */
export async function planMeeting(services: CouncilServices, actor: Actor, centre: string, input: MeetingInput): Promise<Meeting> {
  if (!(await canManage(services, actor, centre))) throw new ForbiddenError("council_manage_only");
  const now = services.now().toISOString();
  const meeting: Meeting = { ...input, id: uuidv7(), centre_id: centre, created_at: now, updated_at: now };
  await services.store.putMeeting(
    meeting,
    services.audit.line({ actor: auditActor(actor), action: "council.meeting.plan", item: `council:meeting:${meeting.id}`, summary: `${input.starts_at} ${input.place}` }),
  );
  return meeting;
}

async function load(services: CouncilServices, centre: string, id: string): Promise<Meeting> {
  const meeting = await services.store.getMeeting(centre, id);
  if (!meeting) throw new NotFoundError("meeting_not_found");
  return meeting;
}

/**
 * A meeting that has not started yet and is not cancelled: the only kind the chair or staff may
 * change or call off. Once it has started, the minutes say what happened.
 */
async function loadPlanned(services: CouncilServices, actor: Actor, centre: string, id: string): Promise<Meeting> {
  const meeting = await load(services, centre, id);
  if (!(await canManage(services, actor, centre))) throw new ForbiddenError("council_manage_only");
  if (meeting.cancelled) throw new ConflictError("meeting_cancelled", {});
  if (meeting.starts_at <= services.now().toISOString()) throw new ConflictError("meeting_started", {});
  return meeting;
}

/**
 * Stores a change to a planned meeting with its audit line and the mail that tells members,
 * only if nobody changed the meeting since it was read (two people editing at once: the second
 * is told to load the page again, and no member gets a mail about a change that was not stored).
 */
async function storeChange(services: CouncilServices, before: Meeting, next: Meeting, kind: "meeting_changed" | "meeting_cancelled", line: AuditLine) {
  const mailing = meetingMailJob(services, kind, next, before);
  if (!(await services.store.putMeeting(next, line, before.updated_at, mailing.write))) throw new ConflictError("meeting_changed", {});
  await services.jobs.kick(mailing.job);
  return next;
}

/** The chair or staff change a planned meeting; members who want council mail are told what it is now. */
export async function editMeeting(services: CouncilServices, actor: Actor, centre: string, id: string, input: MeetingInput): Promise<Meeting> {
  const meeting = await loadPlanned(services, actor, centre, id);
  const next: Meeting = { ...meeting, ...input, updated_at: services.now().toISOString() };
  const line = services.audit.line({ actor: auditActor(actor), action: "council.meeting.edit", item: `council:meeting:${id}`, summary: `${input.starts_at} ${input.place}` });
  return storeChange(services, meeting, next, "meeting_changed", line);
}

/** The chair or staff call off a planned meeting; it stays on the page marked as cancelled, and members are told. */
export async function cancelMeeting(services: CouncilServices, actor: Actor, centre: string, id: string, input: CancelMeetingInput): Promise<Meeting> {
  const meeting = await loadPlanned(services, actor, centre, id);
  const now = services.now().toISOString();
  const next: Meeting = { ...meeting, cancelled: { at: now, by_name: actor.display_name, ...(input.reason ? { reason: input.reason } : {}) }, updated_at: now };
  const line = services.audit.line({ actor: auditActor(actor), action: "council.meeting.cancel", item: `council:meeting:${id}`, summary: input.reason ?? meeting.starts_at });
  return storeChange(services, meeting, next, "meeting_cancelled", line);
}

/** After the meeting: who came, the plain summary, the decisions; published when the chair or secretary says so. */
export async function writeMinutes(services: CouncilServices, actor: Actor, centre: string, id: string, input: MinutesInput): Promise<Meeting> {
  const meeting = await load(services, centre, id);
  if (!(await canKeepMinutes(services, actor, centre))) throw new ForbiddenError("council_minutes_only");
  if (meeting.cancelled) throw new ConflictError("meeting_cancelled", {});
  const { members } = await services.store.centre(centre);
  const attendance = input.attendance.flatMap((personId) => {
    const member = members.find((m) => m.person_id === personId);
    return member ? [{ person_id: personId, display_name: member.display_name }] : [];
  });
  const next: Meeting = {
    ...meeting,
    minutes: { summary: input.summary, decisions: input.decisions, details: input.details, attendance, published: input.publish, written_by: actor.display_name },
    updated_at: services.now().toISOString(),
  };
  const line = services.audit.line({
    actor: auditActor(actor),
    action: input.publish ? "council.minutes.publish" : "council.minutes.write",
    item: `council:meeting:${id}`,
    summary: input.summary,
  });
  // Only over the meeting as read: minutes saved while the chair moved or cancelled it must not put the old time back.
  if (!(await services.store.putMeeting(next, line, meeting.updated_at))) throw new ConflictError("meeting_changed", {});
  return next;
}

export async function readMeeting(services: CouncilServices, actor: Actor | null, centre: string, id: string): Promise<Meeting> {
  const meeting = await load(services, centre, id);
  return actor && (await canKeepMinutes(services, actor, centre)) ? meeting : publicMeeting(meeting);
}

/** Upcoming meetings first (soonest first), then past ones (newest first). */
export function sortMeetings(meetings: readonly Meeting[], now: Date) {
  const at = now.toISOString();
  return {
    upcoming: meetings.filter((m) => m.ends_at >= at).sort((a, b) => a.starts_at.localeCompare(b.starts_at)),
    past: meetings.filter((m) => m.ends_at < at).sort((a, b) => b.starts_at.localeCompare(a.starts_at)),
  };
}

/** The iCalendar feed of a centre's upcoming meetings. */
export async function meetingsCalendar(services: CouncilServices, centre: string): Promise<string> {
  const now = services.now();
  // A cancelled meeting leaves the feed, so a subscribed calendar drops it.
  const upcoming = sortMeetings(await services.store.meetings(centre), now).upcoming.filter((meeting) => !meeting.cancelled);
  const name = (await services.centres.find(centre))?.name.da ?? centre;
  return toICalendar(
    upcoming.map((meeting) => ({
      uid: `${meeting.id}@naerhed`,
      start: meeting.starts_at,
      end: meeting.ends_at,
      summary: `Borgerrådet mødes, ${name}`,
      location: meeting.place,
      description: [`Tilgængelighed: ${meeting.accessibility}`, ...meeting.agenda.map((item, i) => `${i + 1}. ${item.title}`)].join("\n"),
      url: `${services.siteUrl}/borgerraadet/${centre}#moede-${meeting.id}`,
    })),
    { name: `Borgerrådet, ${name}`, now },
  );
}
