import type { Language } from "../shared/language.ts";
import type { NoticeAbout, NoticeKind } from "../shared/notice.ts";

/**
 * The words of each notice, in the person's language: first what happened, then what, when and
 * where, then what to do. Short sentences; the SMS says the same in one short paragraph.
 */

type Words = {
  /** The mail's subject and the SMS's first words. */
  headline: (about: NoticeAbout) => string;
  /** What to do, before the link. */
  action: string;
};

const da: Record<NoticeKind, Words> = {
  vote_opened: { headline: (a) => `Du kan stemme om: ${a.title}`, action: "Stem her" },
  suggestion_received: { headline: (a) => `Nyt forslag til et tilbud: ${a.title}`, action: "Se forslaget her" },
  suggestion_answered: {
    headline: (a) => (a.outcome === "accepted" ? `Tak for dit forslag. Vi tager det med: ${a.title}` : `Tak for dit forslag. Vi tager det ikke med: ${a.title}`),
    action: "Se mere her",
  },
  match_proposed: { headline: (a) => `Vi foreslår en mentor-makker til dig: ${a.title}`, action: "Sig ja eller nej her" },
  match_accepted: {
    headline: (a) => (a.side === "mentor" ? `Mentoren har sagt ja: ${a.title}` : `Borgeren har sagt ja: ${a.title}`),
    action: "Se jeres side her",
  },
  meeting_changed: { headline: () => "Borgerrådets møde er ændret", action: "Se mødet her" },
  meeting_cancelled: { headline: () => "Borgerrådets møde er aflyst", action: "Se borgerrådets side her" },
  vote_closing: { headline: (a) => `Husk at stemme om: ${a.title}`, action: "Stem her" },
  vote_result: { headline: (a) => `Borgerrådet har stemt om: ${a.title}`, action: "Se resultatet her" },
};

const en: Record<NoticeKind, Words> = {
  vote_opened: { headline: (a) => `You can vote on: ${a.title}`, action: "Vote here" },
  suggestion_received: { headline: (a) => `A new suggestion for an activity: ${a.title}`, action: "See the suggestion here" },
  suggestion_answered: {
    headline: (a) => (a.outcome === "accepted" ? `Thank you for your suggestion. We will add it: ${a.title}` : `Thank you for your suggestion. We will not add it: ${a.title}`),
    action: "See more here",
  },
  match_proposed: { headline: (a) => `We suggest a mentor match for you: ${a.title}`, action: "Say yes or no here" },
  match_accepted: {
    headline: (a) => (a.side === "mentor" ? `The mentor has said yes: ${a.title}` : `The citizen has said yes: ${a.title}`),
    action: "See your page here",
  },
  meeting_changed: { headline: () => "The citizen council's meeting has changed", action: "See the meeting here" },
  meeting_cancelled: { headline: () => "The citizen council's meeting is cancelled", action: "See the council's page here" },
  vote_closing: { headline: (a) => `Remember to vote on: ${a.title}`, action: "Vote here" },
  vote_result: { headline: (a) => `The citizen council has voted on: ${a.title}`, action: "See the result here" },
};

const labels = {
  da: { when: "Hvornår", closes: "Du kan stemme indtil", where: "Hvor", calendar: "Sæt i din kalender", stop: "Vil du ikke have disse beskeder? Stop dem her", digest: "Det er sket i denne uge", at: "kl." },
  en: { when: "When", closes: "You can vote until", where: "Where", calendar: "Add to your calendar", stop: "Do you not want these messages? Stop them here", digest: "This week", at: "at" },
} as const;

const dateFormat = (language: Language, withTime: boolean) =>
  new Intl.DateTimeFormat(language === "en" ? "en-GB" : "da-DK", {
    timeZone: "Europe/Copenhagen",
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
  });

/** "torsdag 26. november kl. 16.00" / "Thursday 26 November at 16:00", as people in Copenhagen read the clock. */
function spokenTime(language: Language, iso: string): string {
  const parts = Object.fromEntries(dateFormat(language, true).formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const day = language === "en" ? `${parts.weekday} ${parts.day} ${parts.month}` : `${parts.weekday} ${parts.day}. ${parts.month}`;
  return `${day} ${labels[language].at} ${parts.hour}:${parts.minute}`;
}

/** A whole day ("2026-11-26"): read at noon so no time zone moves it. */
const spokenDay = (language: Language, day: string) => dateFormat(language, false).format(new Date(`${day}T12:00:00Z`));

export type NoticeLinks = { open: string; calendar?: string; stop?: string };

/** What, when and where, one line each: the part every channel carries. */
function facts(language: Language, about: NoticeAbout): string[] {
  const words = labels[language];
  return [
    ...(about.starts_at ? [`${words.when}: ${spokenTime(language, about.starts_at)}`] : []),
    ...(about.on ? [`${words.when}: ${spokenDay(language, about.on)}`] : []),
    ...(about.closes_at ? [`${words.closes} ${spokenTime(language, about.closes_at)}`] : []),
    ...(about.place ? [`${words.where}: ${about.place}`] : []),
  ];
}

export function noticeMail(language: Language, kind: NoticeKind, about: NoticeAbout, links: NoticeLinks): { subject: string; text: string } {
  const words = { da, en }[language][kind];
  const label = labels[language];
  const subject = words.headline(about);
  const lines = [
    subject,
    "",
    ...facts(language, about),
    "",
    `${words.action}: ${links.open}`,
    ...(links.calendar ? [`${label.calendar}: ${links.calendar}`] : []),
    ...(links.stop ? ["", `${label.stop}: ${links.stop}`] : []),
  ];
  return { subject, text: lines.join("\n") };
}

/** The same in a text message: the headline, the facts, the link, the stop link (no calendar: a phone opens the link instead). */
export function noticeSms(language: Language, kind: NoticeKind, about: NoticeAbout, links: NoticeLinks): string {
  const words = { da, en }[language][kind];
  return [`Nærhed: ${words.headline(about)}.`, ...facts(language, about).map((fact) => `${fact}.`), `${words.action}: ${links.open}`, ...(links.stop ? [`Stop: ${links.stop}`] : [])].join("\n");
}

/** One line of the weekly digest. */
export function digestLine(language: Language, kind: NoticeKind, about: NoticeAbout, open: string): string {
  return [`- ${{ da, en }[language][kind].headline(about)}`, ...facts(language, about).map((fact) => `  ${fact}`), `  ${open}`].join("\n");
}

/** The weekly digest: the week's lines, and a stop link for each kind in it. */
export function digestMail(language: Language, lines: readonly string[], stops: readonly string[]): { subject: string; text: string } {
  const label = labels[language];
  const subject = language === "en" ? "Nærhed: this week" : "Nærhed: ugens nyt";
  return { subject, text: [label.digest, "", ...lines, "", ...stops.map((stop) => `${label.stop}: ${stop}`)].join("\n") };
}

/** The calendar event's title. */
export const calendarSummary = (language: Language, kind: NoticeKind, about: NoticeAbout) =>
  kind === "vote_opened" || kind === "vote_closing"
    ? `${language === "en" ? "Vote closes" : "Afstemning slutter"}: ${about.title}`
    : kind === "meeting_changed"
      ? language === "en"
        ? "Citizen council meeting"
        : "Borgerrådets møde"
      : about.title;

/** The sign-in code as a text message. */
export const signInSms = (language: Language, code: string) =>
  language === "en" ? `Your code for Nærhed is ${code}. It works for 15 minutes.` : `Din kode til Nærhed er ${code}. Den virker i 15 minutter.`;
