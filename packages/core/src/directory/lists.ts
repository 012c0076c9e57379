import type { WeekdayId } from "../shared/copenhagen.ts";

/**
 * The directory's closed lists, with their names in both languages. Free of valibot, so the
 * site imports them too; the schemas that check an id against them are beside their use
 * (categories.ts, accessibility.ts, schedule.ts, offer.ts).
 */

/**
 * Kinds of offer in two levels: a few broad groups a citizen can take in at a glance, and the
 * categories inside them. Offers carry a category; the group follows from it.
 */
export const categoryGroups = [
  { id: "activities", name: { da: "Aktiviteter", en: "Activities" } },
  { id: "community", name: { da: "Fællesskab", en: "Community" } },
  { id: "support", name: { da: "Støtte og råd", en: "Support and advice" } },
] as const;

export const categories = [
  { id: "sport", group: "activities", name: { da: "Sport og bevægelse", en: "Sport and exercise" } },
  { id: "creative", group: "activities", name: { da: "Kreativt værksted", en: "Creative workshop" } },
  { id: "meeting_place", group: "community", name: { da: "Café og mødested", en: "Café and meeting place" } },
  { id: "self_help", group: "support", name: { da: "Samtalegruppe", en: "Support group" } },
  { id: "volunteering", group: "community", name: { da: "Frivilligt arbejde", en: "Volunteering" } },
  { id: "counselling", group: "support", name: { da: "Rådgivning", en: "Advice and counselling" } },
  { id: "culture", group: "activities", name: { da: "Kultur og musik", en: "Culture and music" } },
  { id: "nature", group: "activities", name: { da: "Natur og friluftsliv", en: "Nature and outdoor life" } },
] as const;

/**
 * Accessibility facts: a closed list of terms, so a citizen can filter on them and other systems
 * read them as HSDS taxonomy terms ("Nærhed tilgængelighed"). The free text `accessibility_notes`
 * stays for what the terms cannot say.
 */
export const accessibilityFacts = [
  { id: "step_free", name: { da: "Uden trin", en: "Step-free access" } },
  { id: "accessible_toilet", name: { da: "Handicaptoilet", en: "Accessible toilet" } },
  { id: "hearing_loop", name: { da: "Teleslynge", en: "Hearing loop" } },
  { id: "easy_read", name: { da: "Let at læse", en: "Easy-read material" } },
  { id: "quiet_room", name: { da: "Stille rum", en: "Quiet room" } },
  { id: "companion_welcome", name: { da: "Hjælper må komme med", en: "Companion welcome" } },
] as const;

/** The days of the week, Monday first, with their iCalendar names. */
export const weekdays = [
  { id: "mo", ical: "MO", name: { da: "Mandag", en: "Monday" } },
  { id: "tu", ical: "TU", name: { da: "Tirsdag", en: "Tuesday" } },
  { id: "we", ical: "WE", name: { da: "Onsdag", en: "Wednesday" } },
  { id: "th", ical: "TH", name: { da: "Torsdag", en: "Thursday" } },
  { id: "fr", ical: "FR", name: { da: "Fredag", en: "Friday" } },
  { id: "sa", ical: "SA", name: { da: "Lørdag", en: "Saturday" } },
  { id: "su", ical: "SU", name: { da: "Søndag", en: "Sunday" } },
] as const satisfies readonly { id: WeekdayId; ical: string; name: Record<"da" | "en", string> }[];

/** HSDS's own status: is the offer running? */
export const OFFER_STATUSES = ["active", "inactive", "defunct", "temporarily closed"] as const;
/** The curation state: may citizens see the offer? */
export const PUBLICATIONS = ["draft", "published", "archived"] as const;
/** What staff map another publisher's taxonomy term to when it means nothing here: the term is kept out (term-mapping.ts). */
export const MAPPING_NONE = "none";
