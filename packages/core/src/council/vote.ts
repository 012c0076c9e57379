import { randomInt } from "node:crypto";
import * as v from "valibot";
import { sha256 } from "../shared/secrets.ts";
import { BallotKind, Majority, Outcome } from "./council.ts";

/**
 * A motion vote on one proposal, and how a ballot is tied (or not) to the member who cast it.
 *
 * ## What the stored data reveals (read this before changing ballots)
 * Open ballot: the ballot item's key is the member's person id, and it holds their name,
 * choice and the time of their last change. Everyone may see who voted what; that is the point.
 *
 * Secret ballot: the ballot item's key is sha256(<vote salt>:<person id>). It holds the choice,
 * the receipt code and the key of the last request, and nothing else: no person id, no name,
 * no time. The salt is a random value made when the vote opens, stored on the vote item and
 * never sent by any route, export or page. The platform shows each member only their own
 * ballot (it recomputes the key from the signed-in person), the public only the totals.
 * Staff and admins have no route that lists ballots, and the audit log records that a vote
 * opened or closed, never who voted what.
 *
 * What someone with direct database access (or the ability to run code with the function's
 * rights) can still learn about a secret ballot:
 * - Who voted what: the salt and the eligible person ids are on the vote item, so they can
 *   compute every eligible member's key and read each member's choice. Hiding that would take a
 *   key the database never sees (e.g. KMS) or a ballot only the member's device can unlock;
 *   we chose not to, because members must be able to change their vote from any device.
 * - Who has voted at all (same computation): the "closes in 24 hours" reminder uses exactly
 *   that, to mail only those who have not voted.
 * - The order of events, if DynamoDB Streams, backups or CloudTrail data events are enabled.
 * So: a secret ballot is secret from everyone who uses the platform, including staff and
 * admins, but not from the people who operate its database. Tell the council that.
 */

export const VoteState = v.picklist(["open", "closed", "cancelled"]);

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
    ...(secret && vote.state === "open" ? {} : { ballots: vote.ballots }),
    result: vote.result && (secret && !vote.result.quorum_met ? withoutTally(vote.result) : vote.result),
  };
}

type Result = v.InferOutput<typeof VoteResult>;
const withoutTally = ({ tally: _tally, ...rest }: Result): Omit<Result, "tally"> & { tally?: Result["tally"] } => rest;
export type PublicVote = ReturnType<typeof publicVote>;

