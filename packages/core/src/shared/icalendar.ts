/**
 * iCalendar (RFC 5545) files that calendar apps on phones and computers read: Apple Calendar,
 * Google Calendar, Outlook. Two kinds of time: an exact moment (a council meeting, stored as
 * ISO-8601 UTC, written as UTC), or a wall-clock time in Europe/Copenhagen (an offer's weekly
 * times), so 14:00 stays 14:00 across summer time; then the file carries that zone's rules.
 * Lines end in CRLF, text is escaped and lines over 75 octets are folded.
 */

/** A local date and time in Copenhagen. */
export type LocalTime = { date: string; time: string };

/** A whole day, with no time (a meeting agreed for a day). */
export type CalendarDay = { day: string };

/** An exact moment (ISO-8601, e.g. "2026-11-26T15:00:00.000Z"), a Copenhagen wall-clock time, or a whole day. */
export type CalendarTime = string | LocalTime | CalendarDay;

export type CalendarEvent = {
  /** Stable and unique, so a calendar updates the event instead of adding a copy. */
  uid: string;
  start: CalendarTime;
  end: CalendarTime;
  /** RFC 5545 day code (MO, TU, …): the event repeats every week on that day. */
  weekly?: "MO" | "TU" | "WE" | "TH" | "FR" | "SA" | "SU";
  summary: string;
  description?: string;
  location?: string;
  url?: string;
};

const ZONE = "Europe/Copenhagen";

// The zone's rules since 1996 (EU summer time: last Sunday of March to last Sunday of October).
const TIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${ZONE}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** Control characters other than line breaks; a tab becomes a space, the rest go. */
const OTHER_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * TEXT values: backslash, semicolon and comma are escaped, every line break (CR LF, LF, and a
 * lone CR, which calendar apps also read as the end of a line and so as the start of a new
 * property) becomes \n, and no other control character is left in the line.
 */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/\t/g, " ")
    .replace(OTHER_CONTROL, "");
}

/** A URI value is not TEXT (no escaping), so anything that could end the line is removed instead. */
const uriValue = (uri: string) => uri.replace(/[\u0000-\u001F\u007F-\u009F]/g, "");

/** Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** 2026-11-26T15:00:00.000Z → 20261126T150000Z */
export const icsTime = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

const isWallClock = (at: CalendarTime): at is LocalTime => typeof at !== "string" && "time" in at;

/** `DTSTART:20261126T150000Z` for a moment, `DTSTART;TZID=Europe/Copenhagen:20261124T140000` for a wall-clock time, `DTSTART;VALUE=DATE:20261124` for a day. */
function timeProperty(name: string, at: CalendarTime): string {
  if (typeof at === "string") return `${name}:${icsTime(at)}`;
  if (!isWallClock(at)) return `${name};VALUE=DATE:${at.day.replace(/-/g, "")}`;
  return `${name};TZID=${ZONE}:${at.date.replace(/-/g, "")}T${at.time.replace(":", "")}00`;
}

export function toICalendar(events: readonly CalendarEvent[], options: { name: string; now: Date }): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Naerhed//Naerhed//DA", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  // The zone's rules only when some time refers to them.
  if (events.some((event) => isWallClock(event.start) || isWallClock(event.end))) lines.push(`X-WR-TIMEZONE:${ZONE}`, ...TIMEZONE);
  for (const event of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${event.uid}`,
      `DTSTAMP:${icsTime(options.now.toISOString())}`,
      timeProperty("DTSTART", event.start),
      timeProperty("DTEND", event.end),
    );
    if (event.weekly) lines.push(`RRULE:FREQ=WEEKLY;BYDAY=${event.weekly}`);
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.url) lines.push(`URL:${uriValue(event.url)}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
