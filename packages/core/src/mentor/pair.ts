import * as v from "valibot";
import { CentreId } from "../shared/centres.ts";
import { AgeGroup, Gender, Interest, IsoDate, LanguageCode, optionalPick, picks, Slot } from "./profile.ts";
import { isoDate, isPlainText, optionalText, requiredText } from "../shared/validation.ts";
import { ASKED_BY, CONTACT_PREFERENCES } from "./lists.ts";

/**
 * A request for a mentor, and the pair it becomes: one item from the first words of the
 * request to the closing feedback (MENTOR's matching, monitoring and closure).
 *
 * requested → proposed → active → ended (completed or ended early)
 *           ↘ cancelled   ↘ declined (staff may propose another mentor)
 */

export const PairId = v.pipe(v.string("mentor_pair_id_invalid"), v.uuid("mentor_pair_id_invalid"));

export const PairState = v.picklist(["requested", "proposed", "active", "ended", "declined", "cancelled"]);
export type PairState = v.InferOutput<typeof PairState>;

export const PAIR_LIMITS = { helpWith: 1000, goal: 200, maxGoals: 3, name: 80, contact: 120, wishes: 500, logText: 1000 } as const;

/** Who asked: the citizen, a relative on their behalf, or staff for them. */
export const AskedBy = v.picklist(ASKED_BY, "mentor_asked_by_invalid");

export const ContactPreference = v.picklist(CONTACT_PREFERENCES, "mentor_contact_preference_invalid");

/** One to three goals, each in the person's own words. */
const Goals = v.pipe(
  v.optional(v.array(v.string("mentor_goal_invalid"), "mentor_goals_count"), []),
  v.transform((goals) => goals.map((goal) => goal.trim()).filter(Boolean)),
  v.minLength(1, "mentor_goals_count"),
  v.maxLength(PAIR_LIMITS.maxGoals, "mentor_goals_count"),
  v.check((goals) => goals.every((goal) => goal.length <= PAIR_LIMITS.goal), "mentor_goal_invalid"),
  v.check((goals) => goals.every((goal) => isPlainText(goal, "one")), "text_one_line"),
);

export const RequestInput = v.object({
  asked_by: v.pipe(v.optional(v.string("mentor_asked_by_invalid"), "self"), AskedBy),
  /** Not asked when a citizen asks for themselves: their own name is used (pairs.ts askForMentor). */
  mentee_name: optionalText(PAIR_LIMITS.name, "mentor_mentee_name_invalid"),
  help_with: requiredText(PAIR_LIMITS.helpWith, "mentor_help_with_invalid", "many"),
  goals: Goals,
  interests: picks(Interest, 0, 9, "mentor_interests_invalid"),
  languages: picks(LanguageCode, 1, 10, "mentor_languages_invalid"),
  centre_id: v.pipe(v.optional(v.string("centre_invalid"), ""), CentreId),
  area: optionalText(80, "mentor_area_invalid"),
  availability: picks(Slot, 0, 21, "mentor_availability_invalid"),
  wish_gender: optionalPick(Gender, "mentor_gender_invalid"),
  wish_age_group: optionalPick(AgeGroup, "mentor_age_group_invalid"),
  wishes: optionalText(PAIR_LIMITS.wishes, "mentor_wishes_invalid", "many"),
  contact_preference: v.pipe(v.optional(v.string("mentor_contact_preference_invalid"), ""), ContactPreference),
  contact: optionalText(PAIR_LIMITS.contact, "mentor_contact_invalid"),
});
export type RequestInput = v.InferOutput<typeof RequestInput>;

/** How far a goal has come, 0 (not started) to 4 (reached). */
export const Progress = v.pipe(v.number("mentor_progress_invalid"), v.integer("mentor_progress_invalid"), v.minValue(0, "mentor_progress_invalid"), v.maxValue(4, "mentor_progress_invalid"));

export type Goal = { id: string; text: string; progress: number; updated_at?: string };

export const ProposeInput = v.object({ mentor_id: v.pipe(v.string("mentor_id_invalid"), v.uuid("mentor_id_invalid")) });

export const AnswerInput = v.object({ answer: v.picklist(["accept", "decline"], "mentor_answer_invalid") });

export const FirstMeetingInput = v.object({
  on: IsoDate,
  place: requiredText(200, "mentor_place_invalid"),
});

/** One meeting, as the mentor logs it. */
export const LogInput = v.object({
  // A day, never a moment: the site sends what its date field holds.
  on: isoDate("mentor_log_date_invalid"),
  what_we_did: requiredText(PAIR_LIMITS.logText, "mentor_log_what_invalid", "many"),
  how_it_went: v.pipe(v.number("mentor_rating_invalid"), v.integer("mentor_rating_invalid"), v.minValue(1, "mentor_rating_invalid"), v.maxValue(5, "mentor_rating_invalid")),
  note_for_staff: optionalText(PAIR_LIMITS.logText, "mentor_note_invalid", "many"),
});
export type LogInput = v.InferOutput<typeof LogInput>;
export type LogEntry = LogInput & { id: string; logged_at: string };

export const GoalProgressInput = v.object({ progress: Progress });

export const CheckInInput = v.object({ note: optionalText(500, "mentor_note_invalid", "many") });

export const EndInput = v.pipe(
  v.object({
    outcome: v.picklist(["completed", "ended_early"], "mentor_outcome_invalid"),
    reason: optionalText(500, "mentor_end_reason_invalid", "many"),
    closing_conversation_on: v.optional(IsoDate),
    next_step: optionalText(500, "mentor_next_step_invalid", "many"),
    next_offer_id: optionalPick(v.pipe(v.string(), v.uuid("mentor_offer_id_invalid")), "mentor_offer_id_invalid"),
  }),
  v.forward(
    v.check((end) => end.outcome === "completed" || end.reason !== undefined, "mentor_end_reason_invalid"),
    ["reason"],
  ),
);
export type EndInput = v.InferOutput<typeof EndInput>;

/** Three plain questions answered with faces (1 = sad … 5 = happy), and optional words. */
const Face = v.pipe(v.number("mentor_face_invalid"), v.integer("mentor_face_invalid"), v.minValue(1, "mentor_face_invalid"), v.maxValue(5, "mentor_face_invalid"));
export const FeedbackInput = v.object({
  good_to_meet: Face,
  helped_goals: Face,
  recommend: Face,
  words: optionalText(1000, "mentor_feedback_words_invalid", "many"),
});
export type FeedbackInput = v.InferOutput<typeof FeedbackInput>;

export type Side = "mentor" | "mentee";

export type Pair = Omit<RequestInput, "goals" | "mentee_name"> & {
  id: string;
  /** Always set: the asker's own name when a citizen asked for themselves. */
  mentee_name: string;
  state: PairState;
  goals: Goal[];
  created_at: string;
  /** The person who asked (citizen or relative); answers for the mentee. Absent when staff asked. */
  requester_id?: string;
  requester_name: string;
  mentor_id?: string;
  mentor_name?: string;
  mentor_contact?: string;
  /** Mentors who said no to this request; not suggested again. */
  declined_mentor_ids: string[];
  proposed_at?: string;
  proposed_by?: string;
  mentor_accepted_at?: string;
  mentee_accepted_at?: string;
  first_meeting?: { on: string; place: string };
  started_at?: string;
  planned_end_on?: string;
  last_log_at?: string;
  last_check_in_at?: string;
  next_check_in_at?: string;
  ended_at?: string;
  end?: EndInput;
  feedback?: Partial<Record<Side, FeedbackInput & { at: string }>>;
};
