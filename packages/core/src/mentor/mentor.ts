import * as v from "valibot";
import { CentreId } from "../shared/centres.ts";
import { AgeGroup, Gender, Interest, IsoDate, LanguageCode, optionalPick, picks, Slot } from "./profile.ts";
import { optionalText, requiredText } from "../shared/validation.ts";
import { FREQUENCIES } from "./lists.ts";

/**
 * A volunteer mentor: what they wrote when they applied, and how staff screened them
 * (MENTOR's recruitment, screening and training). Only an approved mentor whose criminal
 * record certificate is still valid, and who has a free place, can be matched.
 */

export const MentorId = v.pipe(v.string("mentor_id_invalid"), v.uuid("mentor_id_invalid"));

export const MENTOR_LIMITS = { about: 1000, helpWith: 500, livedExperience: 500, area: 80, contact: 120, maxCapacity: 3 } as const;

export const Frequency = v.picklist(FREQUENCIES, "mentor_frequency_invalid");

/** What a person sends to become a mentor. */
export const MentorApplicationInput = v.object({
  about: requiredText(MENTOR_LIMITS.about, "mentor_about_invalid", "many"),
  interests: picks(Interest, 1, 9, "mentor_interests_invalid"),
  languages: picks(LanguageCode, 1, 10, "mentor_languages_invalid"),
  centre_id: v.pipe(v.optional(v.string("centre_invalid"), ""), CentreId),
  area: optionalText(MENTOR_LIMITS.area, "mentor_area_invalid"),
  availability: picks(Slot, 1, 21, "mentor_availability_invalid"),
  frequency: v.pipe(v.optional(v.string("mentor_frequency_invalid"), ""), Frequency),
  can_help_with: requiredText(MENTOR_LIMITS.helpWith, "mentor_help_with_invalid", "many"),
  lived_experience: optionalText(MENTOR_LIMITS.livedExperience, "mentor_lived_experience_invalid", "many"),
  capacity: v.optional(
    v.pipe(v.number("mentor_capacity_invalid"), v.integer("mentor_capacity_invalid"), v.minValue(1, "mentor_capacity_invalid"), v.maxValue(MENTOR_LIMITS.maxCapacity, "mentor_capacity_invalid")),
    1,
  ),
  gender: optionalPick(Gender, "mentor_gender_invalid"),
  age_group: optionalPick(AgeGroup, "mentor_age_group_invalid"),
  contact: requiredText(MENTOR_LIMITS.contact, "mentor_contact_invalid"),
});
export type MentorApplicationInput = v.InferOutput<typeof MentorApplicationInput>;

/** What staff may change about an approved mentor: what they applied with, except the centre (another centre's staff would take them over). */
export const MentorDetailsInput = v.omit(MentorApplicationInput, ["centre_id"]);
export type MentorDetailsInput = v.InferOutput<typeof MentorDetailsInput>;

/**
 * Staff's screening: the dates they saw each thing. A decision "approve" needs the interview,
 * the criminal record certificate and the training; "børneattest" only where the mentee is a child.
 */
export const ScreeningInput = v.object({
  interview_on: v.optional(IsoDate),
  straffeattest_on: v.optional(IsoDate),
  boerneattest_on: v.optional(IsoDate),
  training_on: v.optional(IsoDate),
  decision: v.picklist(["approve", "reject", "save"], "mentor_decision_invalid"),
  note: optionalText(500, "mentor_note_invalid", "many"),
});
export type ScreeningInput = v.InferOutput<typeof ScreeningInput>;

/** applied → approved (or rejected); an approved mentor whose certificate expired goes to recheck. */
export const MentorStatus = v.picklist(["applied", "approved", "rejected", "recheck"]);
export type MentorStatus = v.InferOutput<typeof MentorStatus>;

export type Screening = Omit<ScreeningInput, "decision" | "note"> & { note?: string; by?: { person_id: string; display_name: string }; at?: string };

export type Mentor = MentorApplicationInput & {
  id: string;
  display_name: string;
  status: MentorStatus;
  applied_at: string;
  approved_at?: string;
  screening: Screening;
  /** Pairs proposed or active now; a mentor is full when this reaches `capacity`. */
  active_pairs: number;
};

const DAY_MS = 24 * 3600 * 1000;

/** The first day a certificate seen on `seenOn` no longer counts. */
export function certificateExpiresOn(seenOn: string, validDays: number): string {
  return new Date(Date.parse(`${seenOn}T00:00:00Z`) + validDays * DAY_MS).toISOString().slice(0, 10);
}

/** True when a certificate the mentor needs has run out (or was never seen). */
export function certificatesExpired(screening: Screening, now: Date, validDays: number): boolean {
  const today = now.toISOString().slice(0, 10);
  return [screening.straffeattest_on, screening.boerneattest_on]
    .filter((seen, index) => index === 0 || seen !== undefined)
    .some((seen) => seen === undefined || certificateExpiresOn(seen, validDays) <= today);
}

/** Approved, certificates valid and a free place: the only mentors staff may propose. */
export function canBeMatched(mentor: Mentor, now: Date, validDays: number): boolean {
  return mentor.status === "approved" && !certificatesExpired(mentor.screening, now, validDays) && mentor.active_pairs < mentor.capacity;
}
