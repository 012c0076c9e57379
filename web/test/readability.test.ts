import { lix } from "@naerhed/core/shared/lix";
import { describe, expect, it } from "vitest";
import { councilTexts } from "../src/council/texts/index.ts";
import { directoryTexts } from "../src/directory/texts/index.ts";
import { identityTexts } from "../src/identity/texts/index.ts";
import { siteTexts } from "../src/lib/texts/index.ts";
import { mentorTexts } from "../src/mentor/texts/index.ts";
import { panelTexts } from "../src/panel/texts/index.ts";

/** Each module's own texts (they load with its pages). */
const moduleDictionaries: { da: Record<string, string>; en: Record<string, string> }[] = [identityTexts, directoryTexts, councilTexts, panelTexts, mentorTexts];
/** The site-wide texts and every module's own, as one dictionary per language. */
const da: Record<string, string> = Object.assign({ ...siteTexts.da }, ...moduleDictionaries.map((m) => m.da));
const en: Record<string, string> = Object.assign({ ...siteTexts.en }, ...moduleDictionaries.map((m) => m.en));

/** Placeholders such as {count} stand for a short word or number. */
const plain = (text: string) => text.replace(/\{\w+\}/g, "5");
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe("plain Danish", () => {
  const texts = Object.values(da).map(plain);

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
    for (const key of Object.keys(da)) {
      expect({ key, placeholders: placeholders(en[key] ?? "") }).toEqual({ key, placeholders: placeholders(da[key]!) });
    }
  });

  it("give every key to one dictionary only", () => {
    const all = [siteTexts.da, ...moduleDictionaries.map((m) => m.da)].flatMap((dictionary) => Object.keys(dictionary));
    expect(all.length).toBe(new Set(all).size);
  });

  it("have no empty texts", () => {
    for (const text of [...Object.values(da), ...Object.values(en)]) expect(text.trim()).not.toBe("");
  });
});

describe("one English word for 'tilbud' (issue 17, item 8)", () => {
  it("says 'activity' everywhere, never 'offer'", () => {
    expect(Object.entries(en).filter(([, text]) => /\boffers?\b/i.test(text))).toEqual([]);
  });
});
