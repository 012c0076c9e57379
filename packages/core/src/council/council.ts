import * as v from "valibot";
import { DisplayName, Email, PersonId } from "../identity/person.ts";
import type { MessageKey } from "../shared/messages.ts";
import { isoDate, isoTimestamp, plainText, requiredText } from "../shared/validation.ts";
import { BALLOT_KINDS, CHOICES, FOLLOW_UP_STATUSES, MAJORITIES, MEMBER_KINDS, MEMBER_ROLES, NOTIFY_PREFERENCES, OUTCOMES, PROPOSAL_STATUSES } from "./lists.ts";

/**
 * The citizen council (Borgerråd) of one centre: its members, the proposals it handles and
 * the motion votes it holds. Types come from these schemas; texts are kept as typed and the
 * site shows them as text, never as markup.
 */

const Timestamp = isoTimestamp("timestamp_invalid");
const DateOnly = isoDate("date_invalid");

export const CouncilId = (message: MessageKey) => v.pipe(v.string(message), v.uuid(message));
export const ProposalId = CouncilId("proposal_id_invalid");
export const VoteId = CouncilId("vote_id_invalid");

// Members
export const MemberRole = v.picklist(MEMBER_ROLES, "member_role_invalid");
export type MemberRole = v.InferOutput<typeof MemberRole>;
export const MemberKind = v.picklist(MEMBER_KINDS, "member_kind_invalid");
export const NotifyPreference = v.picklist(NOTIFY_PREFERENCES, "notify_invalid");

const MemberFields = v.object({
    person_id: PersonId,
    display_name: v.pipe(v.optional(v.string("display_name_invalid"), ""), DisplayName),
    /** Given with the member's knowledge, only to send them council mail; erased with their data. */
    email: v.optional(Email),
    role: MemberRole,
    kind: MemberKind,
    term_from: DateOnly,
    term_to: v.optional(DateOnly),
    notify: v.optional(NotifyPreference, "immediate"),
  });

/** A member's own choice of council mail, and the address to send it to (given by themselves). */
export const NotifyInput = v.object({ notify: NotifyPreference, email: v.optional(Email) });
export type NotifyInput = v.InferOutput<typeof NotifyInput>;

export const MemberInput = v.pipe(
  MemberFields,
  v.forward(
    v.check((member) => member.term_to === undefined || member.term_to >= member.term_from, "term_invalid"),
    ["term_to"],
  ),
);
export type MemberInput = v.InferOutput<typeof MemberInput>;

export const Member = v.object({
  ...MemberFields.entries,
  centre_id: v.string(),
  updated_at: Timestamp,
});
export type Member = v.InferOutput<typeof Member>;

/** Whether the member's term covers a moment (terms are whole days, Copenhagen days are close enough to UTC days here). */
export function inTerm(member: Pick<Member, "term_from" | "term_to">, at: Date): boolean {
  const day = at.toISOString().slice(0, 10);
  return member.term_from <= day && (member.term_to === undefined || day <= member.term_to);
}

// Proposals
export const ProposalStatus = v.picklist(PROPOSAL_STATUSES);
export type ProposalStatus = v.InferOutput<typeof ProposalStatus>;
export const Outcome = v.picklist(OUTCOMES);
export type Outcome = v.InferOutput<typeof Outcome>;

export const ProposalInput = v.object({
  title: requiredText(120, "proposal_title_invalid"),
  summary: requiredText(600, "proposal_summary_invalid", "many"),
  body: requiredText(6000, "proposal_body_invalid", "many"),
  draft: v.optional(v.boolean("invalid_value"), false),
});
export type ProposalInput = v.InferOutput<typeof ProposalInput>;

export const FollowUpStatus = v.picklist(FOLLOW_UP_STATUSES, "follow_up_status_invalid");
export const FollowUpInput = v.object({ status: FollowUpStatus, text: requiredText(1000, "follow_up_text_invalid", "many") });
export type FollowUpInput = v.InferOutput<typeof FollowUpInput>;
export type FollowUp = FollowUpInput & { at: string; by_name: string };

export const Proposal = v.object({
  id: v.string(),
  centre_id: v.string(),
  title: v.string(),
  summary: v.string(),
  body: v.string(),
  status: ProposalStatus,
  /** Who proposed it: a member of the council, staff, or any signed-in citizen (goes to the inbox). */
  origin: v.picklist(["member", "staff", "citizen"]),
  author_id: v.string(),
  author_name: v.string(),
  decline_reason: v.optional(v.string()),
  vote_id: v.optional(v.string()),
  outcome: v.optional(Outcome),
  follow_up: v.array(v.object({ status: FollowUpStatus, text: v.string(), at: v.string(), by_name: v.string() })),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Proposal = v.InferOutput<typeof Proposal>;

export const DeclineInput = v.object({ reason: requiredText(500, "decline_reason_invalid", "many") });
export const CommentInput = v.object({ text: requiredText(2000, "comment_invalid", "many") });
export type Comment = { id: string; author_name: string; text: string; at: string };

// Votes
export const Choice = v.picklist(CHOICES, "choice_invalid");
export type Choice = v.InferOutput<typeof Choice>;
export const Majority = v.picklist(MAJORITIES, "majority_invalid");
export type Majority = v.InferOutput<typeof Majority>;
export const BallotKind = v.picklist(BALLOT_KINDS, "ballot_kind_invalid");
export type BallotKind = v.InferOutput<typeof BallotKind>;

export const OpenVoteInput = v.object({
  closes_at: Timestamp,
  majority: v.optional(Majority, "simple"),
  ballot: v.optional(BallotKind, "open"),
});
export type OpenVoteInput = v.InferOutput<typeof OpenVoteInput>;

/** The supporter (bisidder) beside a member who votes: a name as the member says it, never a link to a person (docs/supported-voting.md). */
export const SupporterName = v.pipe(
  v.string("supporter_invalid"),
  v.trim(),
  v.minLength(1, "supporter_invalid"),
  v.maxLength(80, "supporter_invalid"),
  plainText("one"),
);

/** A retried request carries the same key, so it never counts twice. */
export const CastInput = v.object({
  choice: Choice,
  request_key: v.pipe(v.string("request_key_invalid"), v.regex(/^[A-Za-z0-9-]{8,64}$/, "request_key_invalid")),
  supporter: v.optional(SupporterName),
});
export type CastInput = v.InferOutput<typeof CastInput>;

export type Tally = Record<Choice, number>;
