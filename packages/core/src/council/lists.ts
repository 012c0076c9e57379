/**
 * The council's closed lists. Free of valibot, so the site imports them too; council.ts makes
 * the schemas from them.
 */
export const MEMBER_ROLES = ["chair", "deputy_chair", "secretary", "member"] as const;
export const MEMBER_KINDS = ["citizen", "relative", "staff", "civil_society"] as const;
/** How a member hears about votes: each mail at once, one mail a week, or nothing (the site still shows everything). */
export const NOTIFY_PREFERENCES = ["immediate", "digest", "none"] as const;
export const PROPOSAL_STATUSES = ["draft", "submitted", "on_agenda", "voting", "decided", "follow_up", "withdrawn", "declined"] as const;
export const OUTCOMES = ["adopted", "rejected", "no_quorum"] as const;
export const FOLLOW_UP_STATUSES = ["planned", "in_progress", "done"] as const;
export const MAJORITIES = ["simple", "two_thirds"] as const;
export const BALLOT_KINDS = ["open", "secret"] as const;
export const CHOICES = ["for", "against", "abstain"] as const;
