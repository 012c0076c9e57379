import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { isoTimestamp } from "../src/shared/validation.ts";

describe("isoTimestamp", () => {
  const schema = isoTimestamp("timestamp_invalid");

  it.each(["2026-11-23T10:00:00Z", "2026-11-23T10:00:00.123Z", "2026-11-23T11:00:00+01:00", "2026-11-23T11:00:00+0100", "2028-02-29T12:00:00Z"])("takes %s", (text) => {
    expect(v.safeParse(schema, text).success).toBe(true);
  });

  // valibot's pattern takes these; JavaScript cannot read the first, and quietly moves the others to another day.
  it.each(["2026-11-23T10:00:00+23", "2026-02-30T10:00:00Z", "2026-04-31T10:00:00Z", "2026-02-29T10:00:00Z", "2026-11-23", 20261123])("refuses %s", (text) => {
    const result = v.safeParse(schema, text);
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => issue.message)).toEqual(["timestamp_invalid"]);
  });
});
