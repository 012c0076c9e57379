import { lix } from "@naerhed/core/shared/lix";
import { describe, expect, it } from "vitest";
import { da } from "../src/i18n/da.ts";
import { en } from "../src/i18n/en.ts";
// Module dictionaries that load with their pages: the same rules apply.
import { mentorDa } from "../src/mentor/i18n/da.ts";
import { mentorEn } from "../src/mentor/i18n/en.ts";

const allDa: Record<string, string> = { ...da, ...mentorDa };
const allEn: Record<string, string> = { ...en, ...mentorEn };

/** Placeholders such as {count} stand for a short word or number. */
const plain = (text: string) => text.replace(/\{\w+\}/g, "5");
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe("plain Danish", () => {
  const texts = Object.values(allDa).map(plain);

  it("has no sentence longer than 15 words", () => {
    const long = texts.flatMap((text) => lix(text).longSentences);
    expect(long).toEqual([]);
  });

  it("keeps the whole dictionary at LIX 30 or below (easy to read)", () => {
    // One text per line: each label and heading counts as its own sentence.
    const result = lix(texts.join("\n"));
    expect(result.words).toBeGreaterThan(100);
    expect(result.lix).toBeLessThanOrEqual(30);
  });
});

describe("the dictionaries", () => {
  it("have the same keys and the same placeholders in Danish and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    expect(Object.keys(mentorEn).sort()).toEqual(Object.keys(mentorDa).sort());
    expect(Object.keys(mentorDa).filter((key) => key in da)).toEqual([]);
    for (const key of Object.keys(allDa)) {
      expect({ key, placeholders: placeholders(allEn[key]!) }).toEqual({ key, placeholders: placeholders(allDa[key]!) });
    }
  });

  it("have no empty texts", () => {
    for (const text of [...Object.values(allDa), ...Object.values(allEn)]) expect(text.trim()).not.toBe("");
  });
});
