import type { Majority, Outcome, Tally } from "./council.ts";

/**
 * How a motion vote is decided. Pure, so every edge is tested on its own (voting-rules.test.ts).
 *
 * Quorum: more than half of the eligible members (those whose term covered the moment the
 * vote opened) cast a ballot; abstaining counts as taking part.
 * Majority "simple": more for than against; a tie is rejected. Abstentions do not count either way.
 * Majority "two_thirds": at least two thirds of the for and against ballots are for.
 */

export { CHOICES } from "./lists.ts";

export const emptyTally = (): Tally => ({ for: 0, against: 0, abstain: 0 });

export const ballotsIn = (tally: Tally) => tally.for + tally.against + tally.abstain;

export function quorumMet(tally: Tally, eligible: number): boolean {
  return eligible > 0 && ballotsIn(tally) * 2 > eligible;
}

export function majorityFor(tally: Tally, majority: Majority): boolean {
  if (majority === "two_thirds") return tally.for > 0 && tally.for * 3 >= (tally.for + tally.against) * 2;
  return tally.for > tally.against;
}

export type VoteResult = { outcome: Outcome; quorum_met: boolean; ballots: number; eligible: number; tally: Tally; majority: Majority };

export function decide(tally: Tally, eligible: number, majority: Majority): VoteResult {
  const quorum_met = quorumMet(tally, eligible);
  const outcome: Outcome = !quorum_met ? "no_quorum" : majorityFor(tally, majority) ? "adopted" : "rejected";
  return { outcome, quorum_met, ballots: ballotsIn(tally), eligible, tally: { ...tally }, majority };
}

/** The smallest number of ballots that meets the quorum, to say on the page ("mindst 4 af 6 skal stemme"). */
export const quorumNeeded = (eligible: number) => Math.floor(eligible / 2) + 1;
