import * as v from "valibot";
import { InvalidInputError } from "./errors.ts";
import { isMessageKey, type MessageKey } from "./messages.ts";

/**
 * Parses input at the edge. Every valibot issue becomes a field problem whose message is a
 * key of the bilingual dictionary; a check without its own key falls back to "invalid_value".
 */
export function parseInput<const Schema extends v.GenericSchema>(
  schema: Schema,
  input: unknown,
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const all = result.issues.map((issue) => ({
    field: v.getDotPath(issue) ?? "",
    message: isMessageKey(issue.message)
      ? issue.message
      : // A key that is missing altogether: the object reports it, so say the field is empty.
        issue.type === "object" && issue.input === undefined
        ? ("text_required" as const)
        : ("invalid_value" as const),
    // What was typed, for a message that names it (only short texts: nothing long is echoed back).
    ...(typeof issue.input === "string" && issue.input.length <= 40 ? { values: { value: issue.input } } : {}),
  }));
  // Two checks of one pipe can fail on the same text ("23-11-2026" is neither the pattern nor a real day): say it once.
  const problems = all.filter((problem, index) => all.findIndex((other) => other.field === problem.field && other.message === problem.message) === index);
  throw new InvalidInputError(problems);
}

/** A whole number in a query string ("20"), from `min` to `max`; every problem says `message`. */
export function queryInteger<const Message extends MessageKey>(message: Message, min: number, max: number) {
  return v.pipe(
    v.string(message),
    v.regex(/^\d{1,9}$/, message),
    v.transform(Number),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
}

/** Whether a text may have lines (a description) or is one line (a name, a title, a place). */
export type Lines = "one" | "many";

/**
 * Control characters are never part of what a person typed; stored, they turn up in places that
 * read them as structure: a lone CR starts a new property in an iCalendar file, a new row in some
 * CSV readers. A text with lines may hold line breaks (LF, or CR LF) and nothing else of them.
 */
const CONTROL = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;
const LINE_BREAK = /[\r\n]/;

export const isPlainText = (text: string, lines: Lines) => !CONTROL.test(text) && (lines === "many" || !LINE_BREAK.test(text));

/** Refuses control characters: all of them in a one-line text, all but line breaks in a text with lines. */
export const plainText = (lines: Lines) => v.check((text: string) => isPlainText(text, lines), lines === "one" ? "text_one_line" : "text_control_characters");

/** A required text: a missing key, an empty or a too long text all get the field's own message. */
export const requiredText = (max: number, message: MessageKey, lines: Lines = "one") =>
  v.pipe(v.optional(v.string(message), ""), v.trim(), v.minLength(1, message), v.maxLength(max, message), plainText(lines));

/** An optional text: empty counts as not given. */
export const optionalText = (max: number, message: MessageKey, lines: Lines = "one") =>
  v.optional(
    v.pipe(
      v.string(message),
      v.trim(),
      v.maxLength(max, message),
      plainText(lines),
      v.transform((text) => text || undefined),
    ),
  );

/**
 * A moment in ISO 8601 ("2026-11-23T10:00:00Z", "…+01:00"). valibot's pattern alone also lets
 * through texts JavaScript cannot read ("…+23": Invalid Date, a 500 further on) and days that
 * do not exist (30 February, which JavaScript quietly reads as 2 March): both get `message`.
 */
export const isoTimestamp = <const Message extends MessageKey>(message: Message) =>
  v.pipe(v.string(message), v.isoTimestamp(message), v.check(isRealMoment, message));

/** A calendar date ("2026-11-23") that exists: valibot's pattern alone lets 30 February through. */
export const isoDate = <const Message extends MessageKey>(message: Message) =>
  v.pipe(v.string(message), v.isoDate(message), v.check(isRealDay, message));

function isRealMoment(text: string): boolean {
  return Number.isFinite(Date.parse(text)) && isRealDay(text);
}

function isRealDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
