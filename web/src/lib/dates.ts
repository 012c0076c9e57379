import { copenhagenToday } from "@naerhed/core/shared/copenhagen";
import type { Language } from "@naerhed/core/shared/language";

/** Dates and times as people in the municipality read them: Europe/Copenhagen, in the page's language. */

export { copenhagenToday };

const locale = (lang: Language) => (lang === "da" ? "da-DK" : "en-GB");
const zone = "Europe/Copenhagen";

/** A calendar date (YYYY-MM-DD) as people write it, e.g. "3. marts 2026" or "3 March 2026". */
export function formatDate(isoDate: string, lang: Language): string {
  // Noon UTC is the same calendar day in Copenhagen all year.
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale(lang), { day: "numeric", month: "long", year: "numeric", timeZone: zone }).format(date);
}

/** A moment as people say it in Copenhagen: "torsdag 26. november kl. 16.00" / "Thursday 26 November 16:00". */
export function formatMoment(iso: string, lang: Language): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(locale(lang), { weekday: "long", day: "numeric", month: "long", timeZone: zone }).format(date);
  return lang === "da" ? `${day.replace(/^(\S+) den /, "$1 ")} kl. ${formatClock(iso, lang)}` : `${day} ${formatClock(iso, lang)}`;
}

/** The time of day only: "16.00" / "16:00". */
export function formatClock(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(locale(lang), { hour: "2-digit", minute: "2-digit", timeZone: zone }).format(new Date(iso));
}

/** A moment with its date in full: "26. november 2026 kl. 16.00" / "26 November 2026 at 16:00". */
export function formatDateTime(iso: string, lang: Language): string {
  return new Date(iso).toLocaleString(locale(lang), { timeZone: zone, dateStyle: "long", timeStyle: "short" });
}

/** The UTC moment of a date and time on a Copenhagen wall clock (forms ask for those). */
export function copenhagenToIso(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const wall = new Date(guess.toLocaleString("en-US", { timeZone: zone }));
  const utc = new Date(guess.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(guess.getTime() - (wall.getTime() - utc.getTime())).toISOString();
}

/** The Copenhagen wall-clock date and time of a moment, as a form's date and time fields take them (the inverse of copenhagenToIso). */
export function copenhagenParts(iso: string): { date: string; time: string } {
  // Swedish writes dates and times the ISO way: "2026-12-03 16:00".
  const [date = "", time = ""] = new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
    .format(new Date(iso))
    .split(" ");
  return { date, time };
}
