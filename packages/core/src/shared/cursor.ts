import * as v from "valibot";
import { InvalidInputError } from "./errors.ts";

/**
 * Opaque page cursors: DynamoDB's LastEvaluatedKey as base64url JSON. Clients never read
 * them; on the way back in the shape is checked against the keys the query uses, so a
 * tampered cursor is a 400, not a DynamoDB ValidationException.
 */

export type PageKey = Record<string, string>;

export function encodeCursor(key: PageKey | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString("base64url") : null;
}

/** `keyNames` are the key attributes the query returns; `fixed` pins those that must have one value (e.g. the index partition). */
export function decodeCursor(cursor: string, keyNames: readonly string[], fixed: PageKey = {}): PageKey {
  const schema = v.strictObject(
    Object.fromEntries(
      keyNames.map((name) => [name, fixed[name] === undefined ? v.pipe(v.string(), v.minLength(1), v.maxLength(1024)) : v.literal(fixed[name])]),
    ),
  );
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const result = v.safeParse(schema, decoded);
    if (result.success) return result.output as PageKey;
  } catch {
    // Not base64url JSON at all: the same answer as a wrong shape.
  }
  throw new InvalidInputError([{ field: "cursor", message: "cursor_invalid" }]);
}
