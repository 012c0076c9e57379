/**
 * Time as people in the municipality read the clock: Europe/Copenhagen. Times are stored as
 * UTC; these say which day and which "HH:MM" that is here. Free of valibot: the site uses them too.
 */

export type WeekdayId = "mo" | "tu" | "we" | "th" | "fr" | "sa" | "su";

/** A moment as a Copenhagen citizen reads the clock: date, weekday, "HH:MM". */
export type LocalMoment = { date: string; weekday: WeekdayId; time: string };

const clockFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function copenhagenMoment(at: Date): LocalMoment {
  const part = Object.fromEntries(clockFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    weekday: part.weekday!.slice(0, 2).toLowerCase() as WeekdayId,
    time: `${part.hour}:${part.minute}`,
  };
}

/** Today's date in Copenhagen (YYYY-MM-DD): the day terms, meetings and checks are written in. */
export const copenhagenToday = (now: Date = new Date()): string => copenhagenMoment(now).date;
