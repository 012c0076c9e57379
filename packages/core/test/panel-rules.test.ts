import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../src/shared/errors.ts";
import { checkAnswers } from "../src/panel/answers.ts";
import { matchesTarget, numberQuestions } from "../src/panel/consultation.ts";
import { maskFreeText } from "../src/panel/masking.ts";
import { exportRows, hiddenGroups } from "../src/panel/results.ts";

describe("masking free text before staff read it", () => {
  it.each([
    ["Skriv til mette.hansen@gmail.com tak", "Skriv til [e-mail skjult] tak"],
    ["Ring på 12 34 56 78 eller +45 87654321", "Ring på [telefon skjult] eller [telefon skjult]"],
    ["Min kontakt Jens Ole er sød", "Min kontakt [navn skjult] [navn skjult] er sød"],
    ["Tak. Bussen er god", "Tak. Bussen er god"],
    ["Jeg vil gerne have flere ture.", "Jeg vil gerne have flere ture."],
    ["Bussen kører kl. 8 og det er 20 kr", "Bussen kører kl. 8 og det er 20 kr"],
  ])("%s → %s", (text, masked) => {
    expect(maskFreeText(text)).toBe(masked);
  });
});

describe("hiding small groups", () => {
  it("hides a group under 5 and the smallest other group, so the small one cannot be worked out", () => {
    expect(hiddenGroups(new Map([["user", 9], ["relative", 6], ["other", 3]]))).toEqual(new Set(["other", "relative"]));
  });
  it("needs no second group when two are hidden already, and hides nothing when all are big enough", () => {
    expect(hiddenGroups(new Map([["a", 9], ["b", 2], ["c", 4]]))).toEqual(new Set(["b", "c"]));
    expect(hiddenGroups(new Map([["a", 5], ["b", 5]]))).toEqual(new Set());
  });
  it("blanks the whole profile of exported rows whose combination is rarer than 5", () => {
    const questions = numberQuestions([{ type: "yes_no", text: "Ja?", optional: false }]);
    const rows = [
      ...Array.from({ length: 5 }, () => ({ answers: { q1: "yes" }, age_band: "30_49" as const, area: "nord" as const })),
      ...Array.from({ length: 5 }, () => ({ answers: { q1: "no" }, age_band: "18_29" as const, area: "nord" as const })),
      ...Array.from({ length: 5 }, () => ({ answers: { q1: "no" }, age_band: "30_49" as const, area: "syd" as const })),
      { answers: { q1: "yes" }, age_band: "18_29" as const, area: "syd" as const },
    ];
    const out = exportRows(questions, rows);
    expect(out.slice(0, 5).every((r) => r.age_band === "30_49" && r.area === "nord")).toBe(true);
    expect(out[15]).toEqual({ age_band: "hidden", area: "hidden", relation: "hidden", q1: "yes" });
  });
});

describe("targeting", () => {
  it("matches a segment only when every chosen list fits the profile", () => {
    const segment = { kind: "segment" as const, age_bands: [], areas: ["nord" as const], relations: ["relative" as const] };
    expect(matchesTarget(segment, { area: "nord", relation: "relative" })).toBe(true);
    expect(matchesTarget(segment, { area: "nord" })).toBe(false);
    expect(matchesTarget({ kind: "all" }, {})).toBe(true);
  });
});

describe("checking answers", () => {
  const questions = numberQuestions([
    { type: "multiple", text: "Hvad?", optional: false, choices: [{ label: "A" }, { label: "B" }] },
    { type: "short_text", text: "Hvorfor?", optional: true },
  ]);
  it("keeps valid answers, drops empty optional ones and repeated choices", () => {
    expect(checkAnswers(questions, { q1: ["c2", "c2"], q2: "  " })).toEqual({ q1: ["c2"] });
  });
  it("refuses a too long short text and an empty required choice", () => {
    const error = (() => {
      try {
        checkAnswers(questions, { q1: [], q2: "x".repeat(201) });
      } catch (e) {
        return e as InvalidInputError;
      }
    })();
    expect(error?.problems).toEqual([
      { field: "answers.q1", message: "panel_answer_required" },
      { field: "answers.q2", message: "panel_answer_too_long" },
    ]);
  });
});
