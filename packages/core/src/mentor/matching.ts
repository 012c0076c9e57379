import type { Language } from "../shared/language.ts";
import { canBeMatched, type Mentor } from "./mentor.ts";
import type { Pair } from "./pair.ts";
import type { Interest } from "./profile.ts";

/**
 * Suggestions for a request: every mentor who can be matched, scored on what they share
 * with the mentee, best first, each with its reasons in plain words for staff. Pure: the
 * same request and mentors always give the same list.
 */

export type Suggestion = { mentor_id: string; display_name: string; score: number; reasons: string[]; free_places: number };

export const WEIGHTS = { interest: 3, language: 2, area: 2, slot: 2, maxSlots: 3, wishMet: 3, wishMissed: -3 } as const;

const words = {
  da: {
    interest: { sport: "sport", music: "musik", nature: "natur", fishing: "fiskeri", cooking: "madlavning", games: "spil", it: "IT", job: "arbejde", crafts: "håndværk" },
    language: { da: "dansk", en: "engelsk", ar: "arabisk", so: "somali", ti: "tigrinya", fa: "persisk", tr: "tyrkisk", uk: "ukrainsk", pl: "polsk", de: "tysk" },
    day: { mon: "mandag", tue: "tirsdag", wed: "onsdag", thu: "torsdag", fri: "fredag", sat: "lørdag", sun: "søndag" },
    part: { morning: "formiddag", afternoon: "eftermiddag", evening: "aften" },
    gender: { woman: "en kvinde", man: "en mand", other: "hverken mand eller kvinde" },
    and: "og",
    likes: (list: string) => `I kan begge lide ${list}`,
    speaks: (list: string) => `I taler begge ${list}`,
    free: (list: string) => `I har begge tid ${list}`,
    lives: (area: string) => `I bor begge i ${area}`,
    genderMet: (gender: string) => `Mentoren er ${gender}, som ønsket`,
    genderMissed: (gender: string) => `Ønsket var ${gender}`,
    ageMet: (age: string) => `Mentoren er ${age} år, som ønsket`,
  },
  en: {
    interest: { sport: "sport", music: "music", nature: "nature", fishing: "fishing", cooking: "cooking", games: "games", it: "IT", job: "work", crafts: "crafts" },
    language: { da: "Danish", en: "English", ar: "Arabic", so: "Somali", ti: "Tigrinya", fa: "Persian", tr: "Turkish", uk: "Ukrainian", pl: "Polish", de: "German" },
    day: { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" },
    part: { morning: "morning", afternoon: "afternoon", evening: "evening" },
    gender: { woman: "a woman", man: "a man", other: "neither man nor woman" },
    and: "and",
    likes: (list: string) => `You both like ${list}`,
    speaks: (list: string) => `You both speak ${list}`,
    free: (list: string) => `You are both free on ${list}`,
    lives: (area: string) => `You both live in ${area}`,
    genderMet: (gender: string) => `The mentor is ${gender}, as wished`,
    genderMissed: (gender: string) => `The wish was ${gender}`,
    ageMet: (age: string) => `The mentor is ${age} years old, as wished`,
  },
} as const;

function list(items: string[], and: string): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

const shared = <T>(a: readonly T[], b: readonly T[]) => a.filter((item) => b.includes(item));

/** How well one mentor fits one request, and why, in `language`. */
export function scoreMentor(request: Pair, mentor: Mentor, language: Language): { score: number; reasons: string[] } {
  const w = words[language];
  let score = 0;
  const reasons: string[] = [];
  const interests = shared<Interest>(request.interests, mentor.interests);
  if (interests.length) {
    score += WEIGHTS.interest * interests.length;
    reasons.push(w.likes(list(interests.map((i) => w.interest[i]), w.and)));
  }
  const languages = shared(request.languages, mentor.languages);
  if (languages.length) {
    score += WEIGHTS.language * languages.length;
    reasons.push(w.speaks(list(languages.map((l) => w.language[l]), w.and)));
  }
  if (request.area && mentor.area && request.area.toLocaleLowerCase("da") === mentor.area.toLocaleLowerCase("da")) {
    score += WEIGHTS.area;
    reasons.push(w.lives(mentor.area));
  }
  const slots = shared(request.availability, mentor.availability);
  if (slots.length) {
    score += WEIGHTS.slot * Math.min(slots.length, WEIGHTS.maxSlots);
    const named = slots.map((slot) => {
      const [day, part] = slot.split("-") as [keyof typeof w.day, keyof typeof w.part];
      return `${w.day[day]} ${w.part[part]}`;
    });
    reasons.push(w.free(list(named, w.and)));
  }
  if (request.wish_gender) {
    const met = mentor.gender === request.wish_gender;
    score += met ? WEIGHTS.wishMet : WEIGHTS.wishMissed;
    reasons.push(met ? w.genderMet(w.gender[request.wish_gender]) : w.genderMissed(w.gender[request.wish_gender]));
  }
  if (request.wish_age_group && mentor.age_group === request.wish_age_group) {
    score += WEIGHTS.wishMet;
    reasons.push(w.ageMet(request.wish_age_group));
  }
  return { score, reasons };
}

/** Mentors who can be matched and have not said no to this request, best first (ties: most free places, then name). */
export function suggestMentors(request: Pair, mentors: readonly Mentor[], now: Date, certificateValidDays: number, language: Language): Suggestion[] {
  return mentors
    .filter((mentor) => mentor.centre_id === request.centre_id && canBeMatched(mentor, now, certificateValidDays))
    .filter((mentor) => !request.declined_mentor_ids.includes(mentor.id) && mentor.id !== request.requester_id)
    .map((mentor) => ({
      mentor_id: mentor.id,
      display_name: mentor.display_name,
      free_places: mentor.capacity - mentor.active_pairs,
      ...scoreMentor(request, mentor, language),
    }))
    .sort((a, b) => b.score - a.score || b.free_places - a.free_places || a.display_name.localeCompare(b.display_name, "da"));
}
