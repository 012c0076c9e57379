import * as v from "valibot";
import { accessibilityFacts } from "./accessibility.ts";
import { categories } from "./categories.ts";
import { MAPPING_NONE } from "./lists.ts";
import type { ForeignTerm } from "./import-rows.ts";

/**
 * Another publisher's taxonomy terms → Nærhed's categories and accessibility facts. The import
 * suggests a match from the term's words; staff confirm or change it in the preview, and the
 * confirmed mapping is kept for the next import from the same publisher (store pattern 16). A
 * term mapped to "none" is kept out of the offers (and counted so).
 */

const codes: [string, ...string[]] = [MAPPING_NONE, ...categories.map((c) => c.id), ...accessibilityFacts.map((f) => f.id)];

/** A publisher as the file names it → the key its mapping is kept under. */
export const publisherKey = (publisher: string) =>
  publisher
    .normalize("NFC")
    .toLocaleLowerCase("da")
    .replace(/[^a-z0-9æøå]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80) || "ukendt";

export const Publisher = v.pipe(v.string("import_publisher_invalid"), v.trim(), v.minLength(1, "import_publisher_invalid"), v.maxLength(120, "import_publisher_invalid"));

/** PUT …/import/mapping: the publisher and the terms staff confirmed (added to what was confirmed before). */
export const MappingInput = v.object({
  publisher: Publisher,
  terms: v.pipe(
    v.record(v.pipe(v.string("import_mapping_invalid"), v.minLength(1, "import_mapping_invalid"), v.maxLength(240, "import_mapping_invalid")), v.picklist(codes, "import_mapping_invalid"), "import_mapping_invalid"),
    v.check((terms) => Object.keys(terms).length <= 500, "import_mapping_invalid"),
  ),
});

/** Words that say which of ours a term is, Danish and English (besides our own names and codes). */
const WORDS: Record<string, string[]> = {
  sport: ["sport", "motion", "idræt", "exercise", "fitness", "gymnastik", "svømning", "swimming"],
  creative: ["kreativ", "creative", "kunst", "art", "craft", "håndarbejde", "hobby", "strik"],
  meeting_place: ["café", "cafe", "mødested", "meeting place", "social", "fællesskab", "community"],
  self_help: ["samtalegruppe", "selvhjælp", "self-help", "support group", "peer support"],
  volunteering: ["frivillig", "volunteer"],
  counselling: ["rådgivning", "vejledning", "advice", "counselling", "counseling", "guidance"],
  culture: ["kultur", "musik", "music", "culture", "teater", "theatre", "bibliotek", "library"],
  nature: ["natur", "friluft", "outdoor", "nature", "have", "garden", "gåtur", "walk"],
  step_free: ["kørestol", "wheelchair", "trinfri", "uden trin", "niveaufri", "step-free", "step free", "rampe"],
  accessible_toilet: ["handicaptoilet", "accessible toilet", "disabled toilet"],
  hearing_loop: ["teleslynge", "hearing loop", "induction loop"],
  easy_read: ["let at læse", "letlæst", "easy read", "easy-read"],
  quiet_room: ["stille rum", "quiet room", "quiet space", "skærmet"],
  companion_welcome: ["ledsager", "hjælper", "companion", "carer", "personal assistant"],
};

const fold = (text: string) => text.normalize("NFC").toLocaleLowerCase("da");

/** Our category or fact a term most likely is; undefined when its words say nothing we know. */
export function suggestMapping(term: Pick<ForeignTerm, "name" | "code">): string | undefined {
  const text = fold(`${term.name} ${term.code ?? ""}`);
  const named = [...categories, ...accessibilityFacts].find((ours) => [ours.id, ours.name.da, ours.name.en].some((word) => text.includes(fold(word))));
  if (named) return named.id;
  return Object.entries(WORDS).find(([, words]) => words.some((word) => text.includes(word)))?.[0];
}
