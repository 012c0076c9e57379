/** The kinds of notice a person chooses for one by one (now, weekly digest, never; mail, SMS or both). Free of valibot: the site uses them too. */
export const NOTICE_KINDS = ["vote_opened", "suggestion_received", "suggestion_answered", "match_proposed", "match_accepted", "meeting_changed", "meeting_cancelled", "vote_closing", "vote_result"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
