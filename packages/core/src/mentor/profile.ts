import * as v from "valibot";
import type { MessageKey } from "../shared/messages.ts";
import { isoDate } from "../shared/validation.ts";
import { AGE_GROUPS, DAY_PARTS, GENDERS, INTERESTS, LANGUAGES, WEEKDAYS } from "./lists.ts";

export { DAY_PARTS, INTERESTS, LANGUAGES, WEEKDAYS } from "./lists.ts";

/**
 * What mentors and mentees tell about themselves, from the same lists, so that matching can
 * compare like with like: interests, languages, when they are free, who they are.
 */

export const Interest = v.picklist(INTERESTS, "mentor_interest_invalid");
export type Interest = v.InferOutput<typeof Interest>;

export const LanguageCode = v.picklist(LANGUAGES, "mentor_language_invalid");

/** One time a week someone is free, e.g. "tue-afternoon". */
export const Slot = v.picklist(
  WEEKDAYS.flatMap((day) => DAY_PARTS.map((part) => `${day}-${part}` as const)),
  "mentor_slot_invalid",
);
export type Slot = v.InferOutput<typeof Slot>;

export const Gender = v.picklist(GENDERS, "mentor_gender_invalid");
export const AgeGroup = v.picklist(AGE_GROUPS, "mentor_age_group_invalid");

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
