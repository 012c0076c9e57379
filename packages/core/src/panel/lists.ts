/**
 * The citizen panel's closed lists. Free of valibot, so the site imports them too;
 * consultation.ts makes the schemas from them.
 */
export const AGE_BANDS = ["under_18", "18_29", "30_49", "50_66", "67_plus"] as const;
export const RELATIONS = ["user", "relative", "other"] as const;
/** How a member wants to hear about a new consultation: a mail, or only on their page on the site. */
export const CONTACT_PREFERENCES = ["email", "site"] as const;
/** Icons a choice may show next to its words (the site draws them; the words always carry the meaning). */
export const CHOICE_ICONS = ["home", "bus", "food", "people", "heart", "sun", "book", "phone"] as const;
export const QUESTION_TYPES = ["single", "multiple", "yes_no", "scale", "short_text", "long_text"] as const;
/** The three ways results are broken down; each is one profile field. */
export const DIMENSIONS = ["age_band", "area", "relation"] as const;
export type Dimension = (typeof DIMENSIONS)[number];
