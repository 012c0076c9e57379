import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../identity/person.ts";
import { ForbiddenError, NotFoundError } from "../shared/errors.ts";
import { toICalendar } from "../shared/icalendar.ts";
import { publicMeeting, type Meeting, type MeetingInput, type MinutesInput } from "./meeting.ts";
import { auditActor, canManage, type CouncilServices } from "./services.ts";

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

/** After the meeting: who came, the plain summary, the decisions; published when the chair says so. */
export async function writeMinutes(services: CouncilServices, actor: Actor, centre: string, id: string, input: MinutesInput): Promise<Meeting> {
  const meeting = await load(services, centre, id);
  if (!(await canManage(services, actor, centre))) throw new ForbiddenError("council_manage_only");
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
  await services.store.putMeeting(
    next,
    services.audit.line({
      actor: auditActor(actor),
      action: input.publish ? "council.minutes.publish" : "council.minutes.write",
      item: `council:meeting:${id}`,
      summary: input.summary,
    }),
  );
  return next;
}

export async function readMeeting(services: CouncilServices, actor: Actor | null, centre: string, id: string): Promise<Meeting> {
  const meeting = await load(services, centre, id);
  return actor && (await canManage(services, actor, centre)) ? meeting : publicMeeting(meeting);
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
  const { upcoming } = sortMeetings(await services.store.meetings(centre), now);
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
