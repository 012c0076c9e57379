import * as v from "valibot";

/**
 * Accessibility facts: a closed list of terms, so a citizen can filter on them and other systems
 * read them as HSDS taxonomy terms ("Nærhed tilgængelighed"). The free text `accessibility_notes`
 * stays for what the terms cannot say.
 */
export const accessibilityFacts = [
  { id: "step_free", name: { da: "Uden trin", en: "Step-free access" } },
  { id: "accessible_toilet", name: { da: "Handicaptoilet", en: "Accessible toilet" } },
  { id: "hearing_loop", name: { da: "Teleslynge", en: "Hearing loop" } },
  { id: "easy_read", name: { da: "Let at læse", en: "Easy-read material" } },
  { id: "quiet_room", name: { da: "Stille rum", en: "Quiet room" } },
  { id: "companion_welcome", name: { da: "Hjælper må komme med", en: "Companion welcome" } },
] as const;

export const AccessibilityFact = v.picklist(
  accessibilityFacts.map((fact) => fact.id),
  "accessibility_fact_invalid",
);
export type AccessibilityFact = v.InferOutput<typeof AccessibilityFact>;
