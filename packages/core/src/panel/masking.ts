/**
 * Free-text answers may name people or give a phone number or an email address. Staff see
 * free text only after this check, which masks what it finds. It is deliberately simple and
 * errs on masking: a capitalised word that does not start a sentence is taken for a name
 * (so "Jeg bor på Nørrebro" loses "Nørrebro" too), also after a dash, a quote or a bracket.
 * The member's own name is masked before the answer is stored (`maskOwnName`), in any case and
 * anywhere, sentence start included: it is the one name we know. It cannot catch everything —
 * another name written in lower case, or a description ("min nabo i nr. 4") — which is why
 * free text is shown only from 5 answers, never broken down by group, and exported masked.
 */

export const MASK = {
  email: "[e-mail skjult]",
  phone: "[telefon skjult]",
  name: "[navn skjult]",
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** 8 digits, with or without +45 and spaces or dashes between groups (Danish numbers). */
const PHONE = /(?:\+|00)?(?:45[\s-]?)?(?:\d[\s-]?){7}\d\b/g;
/**
 * A capitalised word (Unicode letters, æøå included) that is not the first word of a sentence:
 * after a word, a comma, a dash or a closing bracket and a space, or straight after an opening
 * quote or bracket.
 */
const NAME = /(?<=[\p{L}\p{N},;:)\]»”’–—\-/&+]\s+|[(«“„‘"'\[])\p{Lu}[\p{Ll}\p{Lu}'-]+/gu;

/** Words that are written with a capital letter mid-sentence without being a person. */
const NOT_NAMES = new Set(["I", "De", "Dem", "Deres", "Borgercenter", "Kommune", "Kommunen"]);

export function maskFreeText(text: string): string {
  return text
    .replace(EMAIL, MASK.email)
    .replace(PHONE, MASK.phone)
    .replace(NAME, (word) => (NOT_NAMES.has(word) ? word : MASK.name));
}

const LETTERS = /[^\p{L}\p{N}]+/u;

/** Masks every word of the member's own display name (and its possessive), whatever its case or place. */
export function maskOwnName(text: string, displayName: string): string {
  const words = [...new Set(displayName.toLocaleLowerCase("da").split(LETTERS).filter((word) => word.length >= 2 && !/^\d+$/.test(word)))];
  if (words.length === 0) return text;
  const escaped = words.sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const own = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?:'?s|')?(?![\\p{L}\\p{N}])`, "giu");
  return text.replace(own, MASK.name);
}
