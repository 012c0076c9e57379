import * as v from "valibot";
import { accessibilityFacts } from "./lists.ts";

export { accessibilityFacts } from "./lists.ts";

export const AccessibilityFact = v.picklist(
  accessibilityFacts.map((fact) => fact.id),
  "accessibility_fact_invalid",
);
export type AccessibilityFact = v.InferOutput<typeof AccessibilityFact>;
