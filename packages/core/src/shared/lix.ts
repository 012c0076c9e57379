/**
 * LIX, the Scandinavian readability index (Björnsson 1968):
 *
 *   LIX = words / sentences + 100 × longWords / words
 *
 * A long word has more than {@link LONG_WORD_LETTERS} letters. Texts for citizens in Nærhed
 * should stay at LIX 30 or below ("let at læse"), with short sentences.
 *
 * How this implementation counts (so that editors and tests agree):
 * - A word is a whitespace-separated token with at least one letter or digit. Numbers are
 *   words ("kl. 17" is two words). "f.eks.", "10-12" and "kørestols-basket" are one word each.
 * - Letters are Unicode letters (æ, ø, å count as one letter each); digits, hyphens and
 *   punctuation are not letters. So "2026" is a short word and "f.eks." has 4 letters.
 * - A sentence ends at ".", "!", "?", "…" (also several together, like "?!" or "..."), and
 *   at every line break, so a heading or a list item ending in ":" followed by a new line
 *   is a sentence of its own. A colon inside a line does not end a sentence.
 * - A period after a common Danish abbreviation ({@link DANISH_ABBREVIATIONS}, like "kl.",
 *   "f.eks.", "bl.a.", "ca.") or after an ordinal number ("den 3. maj") does not end the
 *   sentence, unless the next word starts with a capital letter ("Det koster 20 kr. Du
 *   betaler ved døren." is two sentences).
 * - A sentence is long when it has more than {@link LONG_SENTENCE_WORDS} words.
 * - Empty text (or text with no words) has LIX 0. LIX is rounded to one decimal.
 */

/** A word with more than this many letters is a long word (the LIX definition). */
export const LONG_WORD_LETTERS = 6;

/** A sentence with more than this many words is reported in `longSentences`. */
export const LONG_SENTENCE_WORDS = 15;

/** Abbreviations whose final period does not end a sentence (lower case, with periods). */
export const DANISH_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "kl.",
  "fx.",
  "f.eks.",
  "eks.",
  "bl.a.",
  "ca.",
  "evt.",
  "dvs.",
  "d.v.s.",
  "osv.",
  "m.m.",
  "mm.",
  "mv.",
  "m.v.",
  "o.l.",
  "ol.",
  "etc.",
  "nr.",
  "tlf.",
  "tel.",
  "inkl.",
  "ekskl.",
  "excl.",
  "jf.",
  "jvf.",
  "pga.",
  "p.g.a.",
  "mht.",
  "m.h.t.",
  "vha.",
  "v.h.a.",
  "ift.",
  "i.f.t.",
  "iflg.",
  "hhv.",
  "f.o.m.",
  "t.o.m.",
  "el.",
  "kr.",
  "stk.",
  "min.",
  "maks.",
  "max.",
  "ang.",
  "vedr.",
  "att.",
  "adr.",
  "st.",
  "th.",
  "tv.",
  "sal.",
  "hr.",
  "fr.",
  "dr.",
  "prof.",
  "jan.",
  "feb.",
  "apr.",
  "aug.",
  "sep.",
  "sept.",
  "okt.",
  "nov.",
  "dec.",
  "man.",
  "tirs.",
  "ons.",
  "tors.",
  "fre.",
  "lør.",
  "søn.",
]);

export type LixResult = {
  /** The LIX value, rounded to one decimal; 0 for text with no words. */
  lix: number;
  words: number;
  sentences: number;
  longWords: number;
  /** Sentences with more than {@link LONG_SENTENCE_WORDS} words, as they appear (spaces normalised). */
  longSentences: string[];
};

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/gu;
const LEADING_PUNCT = /^[\p{Ps}\p{Pi}"'«»‘’“”„]+/u;
const TRAILING_CLOSERS = /[\p{Pe}\p{Pf}"'«»‘’“”]+$/u;
const ENDS_SENTENCE = /(?:[!?…]|\.\.)$/u;
const ORDINAL = /^\d+\.$/u;

function letterCount(token: string): number {
  return token.match(LETTER)?.length ?? 0;
}

function startsWithCapital(token: string | undefined): boolean {
  if (token === undefined) return false;
  const first = token.replace(LEADING_PUNCT, "").charAt(0);
  return first !== "" && first !== first.toLowerCase() && first === first.toUpperCase();
}

/** Does this token end its sentence? `next` is the following token on the same line. */
function endsSentence(token: string, next: string | undefined): boolean {
  const core = token.replace(TRAILING_CLOSERS, "");
  if (ENDS_SENTENCE.test(core)) return true;
  if (!core.endsWith(".")) return false;
  const bare = core.replace(LEADING_PUNCT, "").toLowerCase();
  if (DANISH_ABBREVIATIONS.has(bare) || ORDINAL.test(bare)) return next === undefined || startsWithCapital(next);
  return true;
}

function splitSentences(text: string): string[][] {
  const sentences: string[][] = [];
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/u)) {
    const tokens = line.split(/\s+/u).filter((token) => token !== "");
    let current: string[] = [];
    tokens.forEach((token, index) => {
      current.push(token);
      if (endsSentence(token, tokens[index + 1])) {
        sentences.push(current);
        current = [];
      }
    });
    if (current.length > 0) sentences.push(current);
  }
  return sentences;
}

/** Computes LIX and the counts behind it. Pure; see the module comment for the rules. */
export function lix(text: string): LixResult {
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  const longSentences: string[] = [];

  for (const tokens of splitSentences(text)) {
    const sentenceWords = tokens.filter((token) => HAS_WORD_CHAR.test(token));
    if (sentenceWords.length === 0) continue;
    sentences += 1;
    words += sentenceWords.length;
    longWords += sentenceWords.filter((word) => letterCount(word) > LONG_WORD_LETTERS).length;
    if (sentenceWords.length > LONG_SENTENCE_WORDS) longSentences.push(tokens.join(" "));
  }

  if (words === 0) return { lix: 0, words: 0, sentences: 0, longWords: 0, longSentences: [] };
  const value = words / sentences + (100 * longWords) / words;
  return { lix: Math.round(value * 10) / 10, words, sentences, longWords, longSentences };
}
