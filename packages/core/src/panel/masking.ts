/**
 * Free-text answers may name people or give a phone number or an email address. Staff see
 * free text only after this check, which masks what it finds. It is deliberately simple and
 * errs on masking: a capitalised word that does not start a sentence is taken for a name
 * (so "Jeg bor på Nørrebro" loses "Nørrebro" too). It cannot catch everything — a name
 * written in lower case, or a description ("min nabo i nr. 4") — which is why breakdowns of
 * free text are never shown and exports carry the masked text only.
 */

export const MASK = {
  email: "[e-mail skjult]",
  phone: "[telefon skjult]",
  name: "[navn skjult]",
} as const;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
/** 8 digits, with or without +45 and spaces or dashes between groups (Danish numbers). */
const PHONE = /(?:\+|00)?(?:45[\s-]?)?(?:\d[\s-]?){7}\d\b/g;
/** A capitalised word (Unicode letters, æøå included) that is not the first word of a sentence. */
const NAME = /(?<=[\p{L}\p{N},;:)]\s+)\p{Lu}[\p{Ll}\p{Lu}'-]+/gu;

/** Words that are written with a capital letter mid-sentence without being a person. */
const NOT_NAMES = new Set(["I", "De", "Dem", "Deres", "Borgercenter", "Kommune", "Kommunen"]);

export function maskFreeText(text: string): string {
  return text
    .replace(EMAIL, MASK.email)
    .replace(PHONE, MASK.phone)
    .replace(NAME, (word) => (NOT_NAMES.has(word) ? word : MASK.name));
}
