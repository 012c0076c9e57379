import type { Offer } from "@naerhed/core/directory/offer";
import { categories, weekdays } from "@naerhed/core/directory/lists";
import { formatDate } from "../lib/dates.ts";
import type { Language } from "../lib/language.tsx";
import type { Translate } from "../lib/texts.ts";
import type { DirectoryKey } from "./texts/index.ts";

export function categoryName(id: Offer["category"], lang: Language): string {
  return categories.find((category) => category.id === id)?.name[lang] ?? id;
}

export function ageText(offer: Pick<Offer, "minimum_age" | "maximum_age">, t: Translate<DirectoryKey>): string {
  const min = offer.minimum_age;
  const max = offer.maximum_age;
  if (min !== undefined && max !== undefined) return t("directory.age.range", { min, max });
  if (min !== undefined) return t("directory.age.from", { min });
  if (max !== undefined) return t("directory.age.to", { max });
  return t("directory.age.all");
}

export function priceText(offer: Pick<Offer, "free" | "fees_description">, t: Translate<DirectoryKey>): string {
  if (offer.free) return t("directory.price.free");
  return offer.fees_description ?? t("directory.price.paid");
}

/** "2,3 km væk": one decimal, in the language's own way of writing it. */
export function distanceText(km: number, t: Translate<DirectoryKey>, lang: Language): string {
  return t("directory.distance.km", { km: new Intl.NumberFormat(lang === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1 }).format(km) });
}

/** "+45 12 34 56 78" → "tel:+4512345678". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/\s+/g, "")}`;
}

/** "tirsdag" inside a Danish sentence, "Tuesday" in English. */
export function dayName(id: string, lang: Language): string {
  const name = weekdays.find((day) => day.id === id)?.name[lang] ?? id;
  return lang === "da" ? name.toLocaleLowerCase("da") : name;
}

type Scheduled = Pick<Offer, "weekly" | "sessions">;
type WeekdayId = (typeof weekdays)[number]["id"];
export type CardTime = { kind: "weekly"; weekday: WeekdayId; from: string; to: string } | { kind: "session"; date: string; from: string; to: string };

/** The weekday of a calendar date (a date is a date: no time zone involved). */
const weekdayOf = (date: string): WeekdayId => weekdays[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7]!.id;

/** Days from `today` to the next `weekday` (0 when it is today). */
const daysUntil = (weekday: WeekdayId, today: string) => (weekdays.findIndex((day) => day.id === weekday) - weekdays.findIndex((day) => day.id === weekdayOf(today)) + 7) % 7;

/**
 * What a result card says under "Hvornår": with a day chosen, the time on that day (weekly, or
 * the next session that falls on it); otherwise the next time it is open, from today on.
 */
export function cardTime(offer: Scheduled, today: string, day?: WeekdayId): CardTime | undefined {
  const weekly = (offer.weekly ?? []).filter((time) => !day || time.weekday === day).map((time) => ({ kind: "weekly" as const, ...time, from: time.opens_at, to: time.closes_at, order: daysUntil(time.weekday, today) }));
  const sessions = (offer.sessions ?? [])
    .filter((session) => session.date >= today && (!day || weekdayOf(session.date) === day))
    .map((session) => ({ kind: "session" as const, date: session.date, from: session.opens_at, to: session.closes_at, order: (Date.parse(session.date) - Date.parse(today)) / 86_400_000 }));
  const next = [...weekly, ...sessions].sort((a, b) => a.order - b.order || a.from.localeCompare(b.from))[0];
  if (!next) return undefined;
  return next.kind === "weekly" ? { kind: "weekly", weekday: next.weekday, from: next.from, to: next.to } : { kind: "session", date: next.date, from: next.from, to: next.to };
}

/**
 * "Hver tirsdag kl. 14:00 til 16:00" or "Lørdag 5. december 2026 kl. 10:00 til 13:00": a single
 * date names its weekday too, so a person who chose a day sees at once that it matches.
 */
export function cardTimeText(time: CardTime, t: Translate<DirectoryKey>, lang: Language): string {
  if (time.kind === "weekly") return t("directory.offer.weeklyTime", { day: dayName(time.weekday, lang), from: time.from, to: time.to });
  const weekday = weekdays.find((day) => day.id === weekdayOf(time.date))!.name[lang];
  return t("directory.offer.sessionTime", { date: `${weekday} ${formatDate(time.date, lang)}`, from: time.from, to: time.to });
}
