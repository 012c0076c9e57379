import { describe, expect, it } from "vitest";
import { hashPassword, newCode, newToken, verifyPassword } from "../src/shared/secrets.ts";

describe("secrets", () => {
  it("makes 6-digit codes, leading zeros kept, and 43-character url-safe tokens", () => {
    for (let i = 0; i < 200; i++) expect(newCode()).toMatch(/^\d{6}$/);
    expect(newToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(newToken());
  });

  it("stores passwords salted (two hashes of one password differ) and checks them", async () => {
    const [first, second] = [await hashPassword("en lang adgangskode"), await hashPassword("en lang adgangskode")];
    expect(first).not.toBe(second);
    expect(first).not.toContain("adgangskode");
    expect(await verifyPassword("en lang adgangskode", first)).toBe(true);
    expect(await verifyPassword("en lang adgangskodE", first)).toBe(false);
    expect(await verifyPassword("x", "md5$whatever")).toBe(false);
  });
});
