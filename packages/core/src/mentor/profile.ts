import * as v from "valibot";
import type { MessageKey } from "../shared/messages.ts";
import { isoDate } from "../shared/validation.ts";

/**
 * What mentors and mentees tell about themselves, from the same lists, so that matching can
 * compare like with like: interests, languages, when they are free, who they are.
 */

export const INTERESTS = ["sport", "music", "nature", "fishing", "cooking", "games", "it", "job", "crafts"] as const;
export const Interest = v.picklist(INTERESTS, "mentor_interest_invalid");
export type Interest = v.InferOutput<typeof Interest>;

/** Languages as ISO 639-1 codes; a deployment adds the languages its citizens speak. */
export const LANGUAGES = ["da", "en", "ar", "so", "ti", "fa", "tr", "uk", "pl", "de"] as const;
export const LanguageCode = v.picklist(LANGUAGES, "mentor_language_invalid");

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const DAY_PARTS = ["morning", "afternoon", "evening"] as const;
/** One time a week someone is free, e.g. "tue-afternoon". */
export const Slot = v.picklist(
  WEEKDAYS.flatMap((day) => DAY_PARTS.map((part) => `${day}-${part}` as const)),
  "mentor_slot_invalid",
);
export type Slot = v.InferOutput<typeof Slot>;

export const Gender = v.picklist(["woman", "man", "other"], "mentor_gender_invalid");
export const AgeGroup = v.picklist(["18-29", "30-49", "50-66", "67+"], "mentor_age_group_invalid");

/** A list of distinct picks, at least `min`; duplicates are dropped. */
export const picks = <T extends v.GenericSchema<unknown, string>>(item: T, min: number, max: number, message: MessageKey) =>
  v.pipe(
    v.optional(v.array(item, message), []),
    v.transform((list) => [...new Set(list)]),
    v.minLength(min, message),
    v.maxLength(max, message),
  );

/** Empty counts as not given, then the value must be one of the choices. */
export const optionalPick = <T extends v.GenericSchema<string, string>>(schema: T, message: MessageKey) =>
  v.optional(
    v.pipe(
      v.string(message),
      v.transform((text) => text || undefined),
      v.optional(schema),
    ),
  );

/** A calendar date that exists, "2026-11-23". */
export const IsoDate = isoDate("date_invalid");
