/**
 * The mentor scheme's closed lists: what mentors and mentees say about themselves, from the
 * same lists so that matching compares like with like. Free of valibot, so the site imports
 * them too; profile.ts, mentor.ts and pair.ts make the schemas from them.
 */
export const INTERESTS = ["sport", "music", "nature", "fishing", "cooking", "games", "it", "job", "crafts"] as const;
/** Languages as ISO 639-1 codes; a deployment adds the languages its citizens speak. */
export const LANGUAGES = ["da", "en", "ar", "so", "ti", "fa", "tr", "uk", "pl", "de"] as const;
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const DAY_PARTS = ["morning", "afternoon", "evening"] as const;
export const GENDERS = ["woman", "man", "other"] as const;
export const AGE_GROUPS = ["18-29", "30-49", "50-66", "67+"] as const;
export const FREQUENCIES = ["weekly", "every_other_week", "monthly"] as const;
export const ASKED_BY = ["self", "relative", "staff"] as const;
export const CONTACT_PREFERENCES = ["phone", "sms", "email", "via_relative", "via_staff"] as const;
