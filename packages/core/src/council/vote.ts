import { randomInt } from "node:crypto";
import * as v from "valibot";
import { sha256 } from "../shared/secrets.ts";
import { BallotKind, Majority, Outcome } from "./council.ts";

/**
 * A motion vote on one proposal, and how a ballot is tied (or not) to the member who cast it.
 * What a stored ballot reveals, to whom, and why: docs/secret-ballots.md (read it before changing ballots).
 */

export const VoteState = v.picklist(["open", "closed", "cancelled"]);
/** How a vote was taken: online on the site (the default, and every vote stored before meetings could vote), or at a meeting (meeting-votes.ts). */
export const VoteMode = v.picklist(["online", "meeting"]);

export const VoteResult = v.object({
  outcome: Outcome,
  quorum_met: v.boolean(),
  ballots: v.number(),
  eligible: v.number(),
  tally: v.object({ for: v.number(), against: v.number(), abstain: v.number() }),
  majority: Majority,
});

export const Vote = v.object({
  id: v.string(),
  centre_id: v.string(),
  proposal_id: v.string(),
  proposal_title: v.string(),
  state: VoteState,
  opened_at: v.string(),
  opened_by_name: v.string(),
  closes_at: v.string(),
  closed_at: v.optional(v.string()),
  majority: Majority,
  ballot: BallotKind,
  /** Person ids of the members whose term covered the opening moment: frozen, the quorum counts from them. */
  eligible: v.array(v.string()),
  ballots: v.number(),
  tally: v.object({ for: v.number(), against: v.number(), abstain: v.number() }),
  seq: v.number(),
  reminded: v.optional(v.boolean()),
  result: v.optional(VoteResult),
  mode: v.optional(VoteMode),
  /** A vote taken at a meeting: which one, and for a show of hands, each present member's choice (public record, as open ballots are). */
  meeting_id: v.optional(v.string()),
  hands: v.optional(v.array(v.object({ person_id: v.string(), display_name: v.string(), choice: v.picklist(["for", "against", "abstain"]) }))),
  /** An online vote nobody had voted in yet, replaced by the vote taken at a meeting (its id). */
  superseded_by: v.optional(v.string()),
});
export type Vote = v.InferOutput<typeof Vote>;

/** Where a member's ballot is stored: see the notes above for what each kind reveals. */
export function voterKey(vote: Pick<Vote, "ballot"> & { salt: string }, personId: string): string {
  return vote.ballot === "open" ? personId : sha256(`${vote.salt}:${personId}`).slice(0, 40);
}

const RECEIPT_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A short code to read aloud or write down: 8 letters and digits without look-alikes (0/O, 1/I). */
export function newReceipt(): string {
  return Array.from({ length: 8 }, () => RECEIPT_LETTERS[randomInt(RECEIPT_LETTERS.length)]).join("");
}

export const Receipt = v.pipe(v.string("receipt_invalid"), v.trim(), v.toUpperCase(), v.regex(/^[A-Z2-9]{8}$/, "receipt_invalid"));

/**
 * What anyone may see of a vote: no eligible ids, no salt, the tally only once it is closed.
 * A secret vote also hides how many have voted while it is open (whoever watches the count
 * rise sees when someone they know voted), and, if it missed its quorum, how they voted: so
 * few took part that the numbers for and against would point at people.
 */
export function publicVote(vote: Vote) {
  const secret = vote.ballot === "secret";
  return {
    id: vote.id,
    proposal_id: vote.proposal_id,
    proposal_title: vote.proposal_title,
    state: vote.state,
    opened_at: vote.opened_at,
    closes_at: vote.closes_at,
    closed_at: vote.closed_at,
    majority: vote.majority,
    ballot: vote.ballot,
    eligible: vote.eligible.length,
    mode: vote.mode ?? "online",
    meeting_id: vote.meeting_id,
    ...(secret && vote.state === "open" ? {} : { ballots: vote.ballots }),
    result: vote.result && (secret && !vote.result.quorum_met ? withoutTally(vote.result) : vote.result),
  };
}

type Result = v.InferOutput<typeof VoteResult>;
const withoutTally = ({ tally: _tally, ...rest }: Result): Omit<Result, "tally"> & { tally?: Result["tally"] } => rest;
export type PublicVote = ReturnType<typeof publicVote>;

