import { describe, expect, it } from "vitest";
import { LONG_SENTENCE_WORDS, LONG_WORD_LETTERS, lix } from "../src/shared/lix.ts";

describe("lix", () => {
  it("computes a simple text by hand", () => {
    // "Vi spiller boccia i hallen. Alle kan være med."
    // Words: Vi spiller boccia i hallen | Alle kan være med = 5 + 4 = 9; sentences = 2.
    // Long (> 6 letters): "spiller" (7). "boccia" (6) and "hallen" (6) are not long. longWords = 1.
    // LIX = 9 / 2 + 100 × 1 / 9 = 4.5 + 11.11… = 15.61… → 15.6
    expect(lix("Vi spiller boccia i hallen. Alle kan være med.")).toEqual({
      lix: 15.6,
      words: 9,
      sentences: 2,
      longWords: 1,
      longSentences: [],
    });
  });

  it("counts æ, ø and å as one letter each", () => {
    // "Søndagsmøde på Østervænget." — words 3, sentences 1.
    // "Søndagsmøde" 11 letters (long), "på" 2, "Østervænget" 11 letters (long): longWords = 2.
    // LIX = 3 / 1 + 100 × 2 / 3 = 3 + 66.66… = 69.66… → 69.7
    expect(lix("Søndagsmøde på Østervænget.")).toMatchObject({ lix: 69.7, words: 3, sentences: 1, longWords: 2 });
    // "Blåbær" is exactly 6 letters: not long. "Blåbærtærte" is 11: long.
    expect(lix("Blåbær.").longWords).toBe(0);
    expect(lix("Blåbærtærte.").longWords).toBe(1);
  });

  it("uses the documented thresholds", () => {
    expect(LONG_WORD_LETTERS).toBe(6);
    expect(LONG_SENTENCE_WORDS).toBe(15);
    expect(lix("abcdef").longWords).toBe(0); // 6 letters
    expect(lix("abcdefg").longWords).toBe(1); // 7 letters
  });

  it("counts numbers as words but never as long words", () => {
    // "Det koster 2026 kroner." — 4 words, 1 sentence; "2026" has no letters; none has > 6 letters.
    // LIX = 4 / 1 + 0 = 4
    expect(lix("Det koster 2026 kroner.")).toMatchObject({ lix: 4, words: 4, sentences: 1, longWords: 0 });
    // "1.000.000" and "10.30" are one word each and do not end a sentence.
    expect(lix("Vi har 1.000.000 kr. og mødes 10.30 i dag.")).toMatchObject({ words: 9, sentences: 1 });
  });

  it("ends sentences at . ! ? and …, also when several stand together", () => {
    // 4 sentences of 2 words each: words 8, sentences 4. "Kommer" is 6 letters: no long words.
    // LIX = 8 / 4 + 0 = 2
    expect(lix("Kom ind! Kommer du? Ja tak… Så fint.")).toMatchObject({ lix: 2, words: 8, sentences: 4 });
    expect(lix("Hvad nu?! Det ved jeg ikke...").sentences).toBe(2);
  });

  it("treats a line break as a sentence end, also after a colon", () => {
    // "Husk at tage med:\nMadpakke\nGode sko" — 3 sentences: 4 + 1 + 2 = 7 words.
    // Long: "Madpakke" (8). longWords = 1.
    // LIX = 7 / 3 + 100 × 1 / 7 = 2.333… + 14.285… = 16.61… → 16.6
    expect(lix("Husk at tage med:\nMadpakke\nGode sko")).toMatchObject({ lix: 16.6, words: 7, sentences: 3, longWords: 1 });
    // Windows line breaks and blank lines: blank lines are not sentences.
    expect(lix("Hej\r\n\r\nfarvel").sentences).toBe(2);
    // A colon inside a line does not end the sentence.
    expect(lix("Tid: hver dag.").sentences).toBe(1);
  });

  it("does not split at common Danish abbreviations", () => {
    // "Vi mødes kl. 17 på torvet." — 6 words, 1 sentence, no long words. LIX = 6.
    expect(lix("Vi mødes kl. 17 på torvet.")).toMatchObject({ lix: 6, words: 6, sentences: 1 });
    expect(lix("Tag fx en ven med.").sentences).toBe(1);
    expect(lix("Tag f.eks. en ven med.").sentences).toBe(1);
    expect(lix("Vi spiller bl.a. boccia.").sentences).toBe(1);
    expect(lix("Der kommer ca. 20 personer.").sentences).toBe(1);
    expect(lix("Tag evt. en madpakke med, osv. og så videre.").sentences).toBe(1);
    expect(lix("Ring på tlf. 70 00 00 12 i dag.").sentences).toBe(1);
    // "f.eks." has 4 letters, so it is not a long word.
    expect(lix("f.eks.").longWords).toBe(0);
  });

  it("ends the sentence after an abbreviation when the next word has a capital letter", () => {
    // "Det koster 20 kr. Du betaler ved døren." — 2 sentences: 4 + 4 = 8 words.
    // Long: "betaler" (7). LIX = 8 / 2 + 100 × 1 / 8 = 4 + 12.5 = 16.5
    expect(lix("Det koster 20 kr. Du betaler ved døren.")).toMatchObject({ lix: 16.5, words: 8, sentences: 2, longWords: 1 });
    expect(lix("Vi ses kl. Mød op i god tid.").sentences).toBe(2);
  });

  it("does not split at ordinal numbers", () => {
    expect(lix("Vi starter den 3. maj igen.").sentences).toBe(1);
    expect(lix("Der er plads til 12. Kom bare.").sentences).toBe(2);
  });

  it("sees periods inside quotes and brackets", () => {
    expect(lix('Hun sagde: "Kom bare." Så kom vi.').sentences).toBe(2);
    expect(lix("(Det er gratis.) Alle må komme.").sentences).toBe(2);
    expect(lix("Tag en ven med (fx. din nabo).").sentences).toBe(1);
  });

  it("returns 0 for empty text without dividing by zero", () => {
    const empty = { lix: 0, words: 0, sentences: 0, longWords: 0, longSentences: [] };
    expect(lix("")).toEqual(empty);
    expect(lix("   \n\t  ")).toEqual(empty);
    expect(lix("... !? –")).toEqual(empty);
  });

  it("counts a text without a final period as one sentence", () => {
    // "Alle er velkomne" — 3 words, 1 sentence; "velkomne" (8) is long.
    // LIX = 3 / 1 + 100 × 1 / 3 = 3 + 33.33… = 36.33… → 36.3
    expect(lix("Alle er velkomne")).toMatchObject({ lix: 36.3, words: 3, sentences: 1, longWords: 1 });
  });

  it("counts hyphenated words and punctuation-only tokens correctly", () => {
    // "Vi spiller gå-fodbold – kom og vær med." — the dash "–" is not a word.
    // Words: Vi spiller gå-fodbold kom og vær med = 7. Long: "spiller" (7), "gå-fodbold" (9 letters) = 2.
    // LIX = 7 / 1 + 100 × 2 / 7 = 7 + 28.57… = 35.57… → 35.6
    expect(lix("Vi spiller gå-fodbold – kom og vær med.")).toMatchObject({ lix: 35.6, words: 7, sentences: 1, longWords: 2 });
  });

  it("marks sentences with more than 15 words", () => {
    const fifteen = "en to tre fire fem seks syv otte ni ti elleve tolv tretten fjorten femten.";
    const sixteen = "en to tre fire fem seks syv otte ni ti elleve tolv tretten fjorten femten seksten.";
    expect(lix(fifteen).longSentences).toEqual([]);
    expect(lix(`Kort sætning.   ${sixteen} Kort igen.`).longSentences).toEqual([sixteen]);
  });

  it("rounds to one decimal", () => {
    // "Det er en lang eftermiddag." — 5 words, 1 sentence, long: "eftermiddag" (11).
    // LIX = 5 + 100 × 1 / 5 = 25 exactly.
    expect(lix("Det er en lang eftermiddag.").lix).toBe(25);
    // "Velkommen hjem" — 2 words, 1 long. LIX = 2 + 50 = 52.
    expect(lix("Velkommen hjem").lix).toBe(52);
    // 3 sentences, 7 words, 1 long ("spiller"): 7 / 3 + 100 / 7 = 2.333… + 14.2857… = 16.619… → 16.6
    expect(lix("Vi spiller. Du ser. Det er sjovt.").lix).toBe(16.6);
  });
});
