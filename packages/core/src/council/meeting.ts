import * as v from "valibot";
import { isoTimestamp, optionalText, requiredText } from "../shared/validation.ts";
import { BallotKind, Choice, Majority } from "./council.ts";

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

const PersonRef = v.pipe(v.string("person_id_invalid"), v.uuid("person_id_invalid"));

export const MinutesInput = v.object({
  /** Who came: person ids of members. */
  attendance: v.optional(v.pipe(v.array(PersonRef), v.maxLength(100, "person_id_invalid")), []),
  summary: requiredText(2000, "minutes_summary_invalid", "many"),
  decisions: v.optional(v.pipe(v.array(requiredText(500, "minutes_decision_invalid", "many")), v.maxLength(30, "minutes_decision_invalid")), []),
  details: optionalText(10000, "minutes_details_invalid", "many"),
  publish: v.optional(v.boolean("invalid_value"), false),
});
export type MinutesInput = v.InferOutput<typeof MinutesInput>;

/** Why a planned meeting is called off, told to the members in the mail and shown on the page. */
export const CancelMeetingInput = v.object({ reason: optionalText(500, "meeting_cancel_reason_invalid", "many") });
export type CancelMeetingInput = v.InferOutput<typeof CancelMeetingInput>;

const Count = v.pipe(v.number("meeting_vote_count_invalid"), v.integer("meeting_vote_count_invalid"), v.minValue(0, "meeting_vote_count_invalid"), v.maxValue(1000, "meeting_vote_count_invalid"));

/**
 * A vote taken at a meeting, as the chair or secretary writes it down afterwards: an open vote
 * (show of hands) gives each present member's choice; a secret paper vote gives only the totals.
 * Who was present comes from the minutes, not from here (meeting-votes.ts).
 */
export const MeetingVoteInput = v.pipe(
  v.object({
    meeting_id: MeetingId,
    ballot: BallotKind,
    majority: v.optional(Majority, "simple"),
    hands: v.optional(v.pipe(v.array(v.object({ person_id: PersonRef, choice: Choice }), "meeting_vote_hands_invalid"), v.maxLength(100, "meeting_vote_hands_invalid"))),
    tally: v.optional(v.object({ for: Count, against: Count, abstain: Count }, "meeting_vote_tally_invalid")),
  }),
  v.forward(
    v.check((input) => input.ballot !== "open" || (input.hands?.length ?? 0) > 0, "meeting_vote_hands_invalid"),
    ["hands"],
  ),
  v.forward(
    v.check((input) => input.ballot !== "secret" || input.tally !== undefined, "meeting_vote_tally_invalid"),
    ["tally"],
  ),
);
export type MeetingVoteInput = v.InferOutput<typeof MeetingVoteInput>;

export type Meeting = MeetingInput & {
  id: string;
  centre_id: string;
  minutes?: Omit<MinutesInput, "attendance" | "publish"> & { attendance: { person_id: string; display_name: string }[]; published: boolean; written_by: string };
  /** A planned meeting that was called off stays on the page, marked, so nobody turns up in vain. */
  cancelled?: { at: string; by_name: string; reason?: string };
  created_at: string;
  updated_at: string;
};

/** What the public sees: unpublished minutes stay with the chair and staff. */
export function publicMeeting(meeting: Meeting): Meeting {
  if (meeting.minutes?.published) return meeting;
  const { minutes: _draft, ...rest } = meeting;
  return rest;
}
