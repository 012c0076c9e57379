import * as v from "valibot";
import { describe, expect, it } from "vitest";
import { MobileNumber } from "../src/shared/phone.ts";

describe("a mobile number", () => {
  it.each([
    ["12 34 56 78", "+4512345678"],
    ["+45 12345678", "+4512345678"],
    ["0045-12-34-56-78", "+4512345678"],
    ["+46 70 123 45 67", "+46701234567"],
  ])("%s is stored as %s", (typed, stored) => {
    expect(v.parse(MobileNumber, typed)).toBe(stored);
  });

  it.each(["1234567", "+45 1234 56789", "hej", "", "+0 12345678", "123456789"])("%s is refused with a message for the field", (typed) => {
    const result = v.safeParse(MobileNumber, typed);
    expect(result.success).toBe(false);
    expect(result.issues?.[0]?.message).toBe("mobile_invalid");
  });
});
