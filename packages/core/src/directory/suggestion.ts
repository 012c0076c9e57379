import * as v from "valibot";
import { Email } from "../identity/person.ts";
import type { MessageKey } from "../shared/messages.ts";
import { CentreId } from "../shared/centres.ts";
import { optionalText, requiredText } from "../shared/validation.ts";
import { CategoryId } from "./categories.ts";

/**
 * A citizen's suggestion for the directory ("Kender du et tilbud?"). Anyone may send one;
 * staff of the centre it is near accept it (it becomes a draft offer) or decline it.
 * Everything is kept as the plain text that was typed: the site shows it as text, never as markup.
 */

export const SuggestionId = v.pipe(v.string("suggestion_id_invalid"), v.uuid("suggestion_id_invalid"));

export const SuggestionStatus = v.picklist(["pending", "accepted", "declined"]);
export type SuggestionStatus = v.InferOutput<typeof SuggestionStatus>;

/** Empty counts as not given, then the value must be valid. */
const blankIsMissing = <T extends v.GenericSchema<string, unknown>>(schema: T, message: MessageKey) =>
  v.optional(
    v.pipe(
      v.string(message),
      v.trim(),
      v.transform((text) => text || undefined),
      v.optional(schema),
    ),
  );

export const SUGGESTION_LIMITS = { name: 120, description: 1000, where: 500, contactName: 80, reason: 500 } as const;

/** What the short form sends. */
export const SuggestionInput = v.object({
  name: requiredText(SUGGESTION_LIMITS.name, "suggestion_name_invalid"),
  description: requiredText(SUGGESTION_LIMITS.description, "suggestion_description_invalid", "many"),
  where: requiredText(SUGGESTION_LIMITS.where, "suggestion_where_invalid", "many"),
  centre_id: v.pipe(v.optional(v.string("centre_invalid"), ""), CentreId),
  category: blankIsMissing(CategoryId, "category_invalid"),
  contact_name: optionalText(SUGGESTION_LIMITS.contactName, "suggestion_contact_name_invalid"),
  contact_email: blankIsMissing(Email, "email_invalid"),
  contact_phone: blankIsMissing(v.pipe(v.string(), v.regex(/^\+?[\d ]{8,16}$/, "phone_invalid")), "phone_invalid"),
});
export type SuggestionInput = v.InferOutput<typeof SuggestionInput>;

/** Why staff decline: for the staff's own record only, never shown publicly. */
export const DeclineInput = v.object({ reason: requiredText(SUGGESTION_LIMITS.reason, "decline_reason_invalid", "many") });

export type Suggestion = SuggestionInput & {
  id: string;
  centre_id: CentreId;
  status: SuggestionStatus;
  created_at: string;
  decline_reason?: string;
  handled_by?: { person_id: string; display_name: string };
  handled_at?: string;
  /** The draft offer an accepted suggestion became. */
  offer_id?: string;
};
