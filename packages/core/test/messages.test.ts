import { describe, expect, it } from "vitest";
import { languageFrom, message, messages, messageSources } from "../src/shared/messages.ts";

describe("languageFrom", () => {
  it.each([
    [undefined, "da"],
    ["", "da"],
    ["en", "en"],
    ["en-GB,en;q=0.9", "en"],
    ["da-DK,da;q=0.9,en;q=0.8", "da"],
    ["de-DE,en;q=0.5", "en"],
    ["fr,de", "da"],
    ["da;q=0.3,en;q=0.7", "en"],
    ["en;q=0,da", "da"],
  ])("%s → %s", (header, expected) => {
    expect(languageFrom(header)).toBe(expected);
  });
});

describe("messages", () => {
  it("has every Danish message in English too", () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.da).sort());
  });

  it("calls a 'tilbud' an 'activity' in English, as the site does: one word for one thing", () => {
    expect(Object.entries(messages.en).filter(([, text]) => /\boffers?\b/i.test(text))).toEqual([]);
  });

  it("falls back to a general message for an unknown key", () => {
    expect(message("no_such_key", "da")).toBe(messages.da.invalid_value);
  });

  it("gives every key to one module only, with the same keys in both languages", () => {
    const keys = Object.values(messageSources).flatMap((source) => Object.keys(source.da));
    expect(keys.length).toBe(new Set(keys).size);
    for (const source of Object.values(messageSources)) expect(Object.keys(source.en).sort()).toEqual(Object.keys(source.da).sort());
  });
});
