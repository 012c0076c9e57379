import * as v from "valibot";
import { isoTimestamp, optionalText, requiredText } from "../shared/validation.ts";

/**
 * Council meetings: when and where (with what a wheelchair user or someone with a hearing aid
 * needs to know), the agenda (items may link a proposal), who came, and the minutes: a plain
 * summary first, then the decisions. Minutes are public once published.
 */

export const MeetingId = v.pipe(v.string("meeting_id_invalid"), v.uuid("meeting_id_invalid"));

const AgendaItem = v.object({
  title: requiredText(200, "agenda_item_invalid"),
  proposal_id: v.optional(v.pipe(v.string("proposal_id_invalid"), v.uuid("proposal_id_invalid"))),
});

export const MeetingInput = v.pipe(
  v.object({
    starts_at: isoTimestamp("timestamp_invalid"),
    ends_at: isoTimestamp("timestamp_invalid"),
    place: requiredText(200, "meeting_place_invalid"),
    /** Step-free access, toilet, hearing loop, quiet room: in plain words. */
    accessibility: requiredText(1000, "meeting_accessibility_invalid", "many"),
    agenda: v.optional(v.pipe(v.array(AgendaItem, "agenda_item_invalid"), v.maxLength(30, "agenda_item_invalid")), []),
  }),
  v.forward(
    // Not "ends after starts" but "does not end before": a time that is not valid has its own message already.
    v.check((meeting) => !(new Date(meeting.ends_at) <= new Date(meeting.starts_at)), "meeting_end_invalid"),
    ["ends_at"],
  ),
);
export type MeetingInput = v.InferOutput<typeof MeetingInput>;

export const MinutesInput = v.object({
  /** Who came: person ids of members. */
  attendance: v.optional(v.pipe(v.array(v.pipe(v.string("person_id_invalid"), v.uuid("person_id_invalid"))), v.maxLength(100, "person_id_invalid")), []),
  summary: requiredText(2000, "minutes_summary_invalid", "many"),
  decisions: v.optional(v.pipe(v.array(requiredText(500, "minutes_decision_invalid", "many")), v.maxLength(30, "minutes_decision_invalid")), []),
  details: optionalText(10000, "minutes_details_invalid", "many"),
  publish: v.optional(v.boolean("invalid_value"), false),
});
export type MinutesInput = v.InferOutput<typeof MinutesInput>;

export type Meeting = MeetingInput & {
  id: string;
  centre_id: string;
  minutes?: Omit<MinutesInput, "attendance" | "publish"> & { attendance: { person_id: string; display_name: string }[]; published: boolean; written_by: string };
  created_at: string;
  updated_at: string;
};

/** What the public sees: unpublished minutes stay with the chair and staff. */
export function publicMeeting(meeting: Meeting): Meeting {
  if (meeting.minutes?.published) return meeting;
  const { minutes: _draft, ...rest } = meeting;
  return rest;
}
