import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../src/shared/cursor.ts";
import { InvalidInputError } from "../src/shared/errors.ts";

const keys = ["pk", "gsi1pk"] as const;

describe("page cursors", () => {
  it("round-trip a DynamoDB key", () => {
    const key = { pk: "OFFER#1", gsi1pk: "PUBLISHED_OFFERS" };
    expect(decodeCursor(encodeCursor(key)!, keys, { gsi1pk: "PUBLISHED_OFFERS" })).toEqual(key);
  });

  it("is null when there is no next page", () => {
    expect(encodeCursor(undefined)).toBeNull();
  });

  it.each([
    ["not base64 json", "%%%"],
    ["an extra key", encodeCursor({ pk: "a", gsi1pk: "PUBLISHED_OFFERS", evil: "x" })!],
    ["a missing key", encodeCursor({ pk: "a" })!],
    ["another partition", encodeCursor({ pk: "a", gsi1pk: "DRAFTS" })!],
    ["a number instead of a string", Buffer.from(JSON.stringify({ pk: 1, gsi1pk: "PUBLISHED_OFFERS" })).toString("base64url")],
  ])("refuses %s as invalid input on the cursor field", (_what, cursor) => {
    expect(() => decodeCursor(cursor, keys, { gsi1pk: "PUBLISHED_OFFERS" })).toThrow(InvalidInputError);
  });
});
