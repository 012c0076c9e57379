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
  const problems = result.issues.map((issue) => ({
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

/** A required text: a missing key, an empty or a too long text all get the field's own message. */
export const requiredText = (max: number, message: MessageKey) =>
  v.pipe(v.optional(v.string(message), ""), v.trim(), v.minLength(1, message), v.maxLength(max, message));

/** An optional text: empty counts as not given. */
export const optionalText = (max: number, message: MessageKey) =>
  v.optional(
    v.pipe(
      v.string(message),
      v.trim(),
      v.maxLength(max, message),
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

function isRealMoment(text: string): boolean {
  if (!Number.isFinite(Date.parse(text))) return false;
  const [year, month, day] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
