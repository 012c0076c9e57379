import * as v from "valibot";
import { copenhagenMoment, type LocalMoment } from "../shared/copenhagen.ts";
import type { CalendarEvent } from "../shared/icalendar.ts";
import { isoDate } from "../shared/validation.ts";
import { weekdays } from "./lists.ts";

export { weekdays } from "./lists.ts";
export { copenhagenMoment, type LocalMoment };

/**
 * When an offer is open: weekly opening times ("every Tuesday 14–16") and dated sessions
 * ("Saturday 5 December 10–13"). HSDS 3.0 `schedule` holds both (freq WEEKLY + byday, or
 * valid_from = valid_to for one date); hsds.ts maps them. All times are Copenhagen wall-clock
 * times: that is what a citizen reads on the poster.
 */

export const Weekday = v.picklist(
  weekdays.map((day) => day.id),
  "weekday_invalid",
);
export type Weekday = v.InferOutput<typeof Weekday>;

const Clock = v.pipe(v.string("time_invalid"), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "time_invalid"));

/** Opening and closing on the same day, closing after opening ("HH:MM" compares as text). */
const inOrder = <T extends { opens_at: string; closes_at: string }>() =>
  v.forward<T, v.CheckIssue<T>, ["closes_at"]>(
    v.check((times: T) => times.opens_at < times.closes_at, "time_order_invalid"),
    ["closes_at"] as never,
  );

export const WeeklyOpening = v.pipe(v.object({ weekday: Weekday, opens_at: Clock, closes_at: Clock }), inOrder());
export type WeeklyOpening = v.InferOutput<typeof WeeklyOpening>;

export const Session = v.pipe(
  v.object({ date: isoDate("date_invalid"), opens_at: Clock, closes_at: Clock }),
  inOrder(),
);
export type Session = v.InferOutput<typeof Session>;

export const WeeklyOpenings = v.pipe(v.array(WeeklyOpening, "schedule_invalid"), v.maxLength(14, "schedule_too_long"));
export const Sessions = v.pipe(v.array(Session, "schedule_invalid"), v.maxLength(60, "schedule_too_long"));

type Scheduled = { weekly?: readonly WeeklyOpening[]; sessions?: readonly Session[] };

/** The weekday of a calendar date (no time zone involved: a date is a date). */
export function weekdayOf(date: string): Weekday {
  return weekdays[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7]!.id;
}

/** Open on this weekday: a weekly opening that day, or a session from today on that falls on it. */
export function isOpenOn(offer: Scheduled, weekday: Weekday, today: string): boolean {
  return (
    (offer.weekly ?? []).some((opening) => opening.weekday === weekday) ||
    (offer.sessions ?? []).some((session) => session.date >= today && weekdayOf(session.date) === weekday)
  );
}

/** Open at this moment, by its weekly times or a session today. */
export function isOpenAt(offer: Scheduled, moment: LocalMoment): boolean {
  const covers = (times: { opens_at: string; closes_at: string }) => times.opens_at <= moment.time && moment.time < times.closes_at;
  return (
    (offer.weekly ?? []).some((opening) => opening.weekday === moment.weekday && covers(opening)) ||
    (offer.sessions ?? []).some((session) => session.date === moment.date && covers(session))
  );
}

/** The first date on or after `from` that falls on the weekday. */
export function nextDateOn(weekday: Weekday, from: string): string {
  const start = new Date(`${from}T12:00:00Z`);
  const ahead = (weekdays.findIndex((day) => day.id === weekday) - ((start.getUTCDay() + 6) % 7) + 7) % 7;
  start.setUTCDate(start.getUTCDate() + ahead);
  return start.toISOString().slice(0, 10);
}

/** Calendar events for an offer: each weekly time repeats from its next date; sessions from today on. */
export function scheduleEvents(
  offer: Scheduled & { id: string },
  today: string,
  describe: Omit<CalendarEvent, "uid" | "start" | "end" | "weekly">,
): CalendarEvent[] {
  const weekly = (offer.weekly ?? []).map((opening, index) => ({
    ...describe,
    uid: `${offer.id}-weekly-${index}@naerhed`,
    start: { date: nextDateOn(opening.weekday, today), time: opening.opens_at },
    end: { date: nextDateOn(opening.weekday, today), time: opening.closes_at },
    weekly: weekdays.find((day) => day.id === opening.weekday)!.ical,
  }));
  const sessions = (offer.sessions ?? [])
    .filter((session) => session.date >= today)
    .map((session) => ({
      ...describe,
      uid: `${offer.id}-${session.date}-${session.opens_at.replace(":", "")}@naerhed`,
      start: { date: session.date, time: session.opens_at },
      end: { date: session.date, time: session.closes_at },
    }));
  return [...weekly, ...sessions];
}
