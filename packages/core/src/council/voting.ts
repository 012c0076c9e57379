import { setTimeout as sleep } from "node:timers/promises";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../identity/person.ts";
import type { AuditLine } from "../shared/audit.ts";
import { copenhagenMoment } from "../shared/copenhagen.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../shared/errors.ts";
import { inTerm, type CastInput, type OpenVoteInput, type Proposal } from "./council.ts";
import { voteMailJob } from "./mailing.ts";
import { auditActor, canManage, type CouncilServices } from "./services.ts";
import type { Assistance, StoredBallot } from "./store.ts";
import { newReceipt, publicVote, voterKey, type Vote } from "./vote.ts";
import { decide, emptyTally } from "./voting-rules.ts";

/**
 * Motion votes: open, cast and change a ballot, close. Counting once rests on the store's
 * transactions (store.ts, patterns 9 and 10); this file decides what to try and what to say.
 */

type StoredVote = Vote & { salt: string };

/** A vote can be open for at most this long, and must stay open at least a few minutes. */
const MIN_OPEN_MINUTES = 5;
const MAX_OPEN_DAYS = 60;
/** Many members voting at the same moment contend for the one tally item; each request retries with a random pause. */
const MAX_ATTEMPTS = 60;

const pause = (attempt: number) => sleep(Math.floor(Math.random() * Math.min(200, 10 * (attempt + 1))));

export async function openVote(services: CouncilServices, actor: Actor, centre: string, proposalId: string, input: OpenVoteInput) {
  const proposal = await services.store.getProposal(centre, proposalId);
  if (!proposal) throw new NotFoundError("proposal_not_found");
  if (!(await canManage(services, actor, centre))) throw new ForbiddenError("council_manage_only");
  if (proposal.status !== "on_agenda") throw new ConflictError("proposal_not_on_agenda", { status: proposal.status });
  const now = services.now();
  const closes = new Date(input.closes_at);
  if (closes.getTime() < now.getTime() + MIN_OPEN_MINUTES * 60_000 || closes.getTime() > now.getTime() + MAX_OPEN_DAYS * 86_400_000) {
    throw new InvalidInputError([{ field: "closes_at", message: "closes_at_invalid" }]);
  }
  const { members } = await services.store.centre(centre);
  const eligible = members.filter((member) => inTerm(member, now));
  if (eligible.length === 0) throw new ConflictError("council_no_members", {});
  const vote: StoredVote = {
    id: uuidv7(),
    centre_id: centre,
    proposal_id: proposal.id,
    proposal_title: proposal.title,
    state: "open",
    opened_at: now.toISOString(),
    opened_by_name: actor.display_name,
    closes_at: closes.toISOString(),
    majority: input.majority,
    ballot: input.ballot,
    eligible: eligible.map((member) => member.person_id),
    ballots: 0,
    tally: emptyTally(),
    seq: 0,
    salt: crypto.randomUUID(),
  };
  const line = services.audit.line({ actor: auditActor(actor), action: "council.vote.open", item: `council:vote:${vote.id}`, summary: `${proposal.title} (${input.ballot}, ${input.majority})` });
  const mailing = voteMailJob(services, "vote_opened", vote);
  if (!(await services.store.openVote(vote, proposal, line, mailing.write))) throw new ConflictError("proposal_not_on_agenda", { status: "changed" });
  await services.jobs.kick(mailing.job);
  return publicVote(vote);
}

/**
 * The vote as it is now. Reading a vote past its closing time closes it first, so nobody
 * ever sees an open vote whose time is up, whether or not the closing job has run.
 */
export async function currentVote(services: CouncilServices, centre: string, voteId: string): Promise<StoredVote> {
  const vote = await services.store.getVote(centre, voteId);
  if (!vote) throw new NotFoundError("vote_not_found");
  if (vote.state === "open" && vote.closes_at <= services.now().toISOString()) return endVote(services, vote, { kind: "close" });
  return vote;
}

/**
 * Ends a vote: closes it with its result, or cancels it when its proposal is withdrawn.
 * Safe to run twice or at the same time as a ballot: the store only ends a vote that is still
 * open and whose tally has not changed since it was read; otherwise this reads it again. Only
 * the run that ended it stores the job that mails the result (mailing.ts) and `how.line` (the
 * audit line of the person who ended it), in the same transaction.
 */
async function endVote(
  services: CouncilServices,
  read: StoredVote,
  how: { kind: "close" | "cancel"; force?: boolean; line?: AuditLine },
): Promise<StoredVote> {
  let vote = read;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const now = services.now().toISOString();
    if (vote.state !== "open" || (how.kind === "close" && !how.force && vote.closes_at > now)) return vote;
    const ending = how.kind === "close" ? { state: "closed" as const, result: decide(vote.tally, vote.eligible.length, vote.majority) } : { state: "cancelled" as const };
    const mailing = ending.state === "closed" ? voteMailJob(services, "vote_result", { ...vote, ...ending }) : undefined;
    const ended = await services.store.endVote(vote, ending, now, proposalOnEnd(ending, now), how.line, mailing?.write);
    const fresh = await services.store.getVote(vote.centre_id, vote.id);
    if (!fresh) throw new NotFoundError("vote_not_found");
    if (ended) {
      if (mailing) await services.jobs.kick(mailing.job);
      return fresh;
    }
    vote = fresh;
    await pause(attempt);
  }
  throw new ConflictError("vote_busy", {});
}

/** What ending a vote does to its proposal, in the same transaction: decided with the outcome, or withdrawn. */
function proposalOnEnd(ending: Pick<Vote, "state" | "result">, at: string): Partial<Proposal> {
  return ending.state === "closed" ? { status: "decided", outcome: ending.result?.outcome, updated_at: at } : { status: "withdrawn", updated_at: at };
}

/**
 * The proposal as it stands once its vote is read: a proposal read as "voting" whose vote has
 * ended since (currentVote may just have closed it) shows what the ending wrote, without reading it again.
 */
export function proposalWithVote(proposal: Proposal, vote: Vote | undefined): Proposal {
  if (!vote || proposal.status !== "voting" || vote.state === "open") return proposal;
  return { ...proposal, ...proposalOnEnd(vote, vote.closed_at ?? proposal.updated_at) };
}

/** Staff or the chair close a vote before its time. */
export async function closeVoteNow(services: CouncilServices, actor: Actor, centre: string, voteId: string) {
  const vote = await currentVote(services, centre, voteId);
  if (!(await canManage(services, actor, centre))) throw new ForbiddenError("council_manage_only");
  if (vote.state !== "open") throw new ConflictError("vote_closed", {});
  const line = services.audit.line({ actor: auditActor(actor), action: "council.vote.close", item: `council:vote:${vote.id}`, summary: vote.proposal_title });
  return publicVote(await endVote(services, vote, { kind: "close", force: true, line }));
}

/** Withdrawing a proposal while it is being voted on cancels the vote; no result is counted. */
export async function cancelVoteOf(services: CouncilServices, proposal: Proposal, line?: AuditLine): Promise<void> {
  if (!proposal.vote_id) return;
  const vote = await services.store.getVote(proposal.centre_id, proposal.vote_id);
  if (vote) await endVote(services, vote, { kind: "cancel", line });
}

function refuseIfClosed(vote: StoredVote, personId: string) {
  if (vote.state === "cancelled") throw new ConflictError(vote.superseded_by ? "vote_superseded" : "proposal_withdrawn", {});
  if (vote.state === "closed") throw new ConflictError("vote_closed", {});
  if (!vote.eligible.includes(personId)) throw new ForbiddenError("vote_not_eligible");
}

export type MyBallot = { choice: StoredBallot["choice"]; receipt: string; closes_at: string };

/**
 * Casts or changes the signed-in member's ballot; the last one counts. A request that comes
 * again with the same key (a retry after a lost answer) changes nothing and gets the same answer.
 */
export async function castBallot(services: CouncilServices, actor: Actor, centre: string, voteId: string, input: CastInput): Promise<MyBallot> {
  let vote = await currentVote(services, centre, voteId);
  refuseIfClosed(vote, actor.person_id);
  const key = voterKey(vote, actor.person_id);
  const answer = (ballot: StoredBallot): MyBallot => ({ choice: ballot.choice, receipt: ballot.receipt, closes_at: vote.closes_at });
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const previous = await services.store.getBallot(vote.id, key);
    if (previous && (previous.request_keys.includes(input.request_key) || previous.choice === input.choice)) return answer(previous);
    const next: StoredBallot = {
      choice: input.choice,
      receipt: previous?.receipt ?? newReceipt(),
      request_key: input.request_key,
      request_keys: [...(previous?.request_keys ?? []), input.request_key].slice(-100),
      ...(vote.ballot === "open" ? { person_id: actor.person_id, display_name: actor.display_name, changed_at: services.now().toISOString() } : {}),
    };
    const cast = await services.store.castBallot({ vote, personId: actor.person_id, voterKey: key, now: services.now().toISOString(), previous, next, ...assisted(services, actor, vote, input) });
    if (cast === "cast") return answer(next);
    if (cast === "closed") {
      // It closed, was cancelled, or its time ran out since it was read. Say which.
      vote = await currentVote(services, centre, voteId);
      refuseIfClosed(vote, actor.person_id);
      throw new ConflictError("vote_closed", {});
    }
    await pause(attempt);
  }
  throw new ConflictError("vote_busy", {});
}

/**
 * A ballot cast with a supporter (bisidder) beside the member. The member's own record says who
 * helped and when; an open ballot's also goes in the audit log as "assisted by X at 14:05". Neither
 * holds the choice, and a secret ballot's is seen by the member alone (docs/supported-voting.md).
 * The supporter acts in the member's session: without the member signed in there is no ballot to help with.
 */
function assisted(services: CouncilServices, actor: Actor, vote: StoredVote, input: CastInput): { assistance?: Assistance; line?: AuditLine } {
  if (!input.supporter) return {};
  const at = services.now();
  const assistance = { vote_id: vote.id, proposal_title: vote.proposal_title, supporter: input.supporter, at: at.toISOString() };
  if (vote.ballot === "secret") return { assistance };
  const summary = `assisted by ${input.supporter} at ${copenhagenMoment(at).time}`;
  return { assistance, line: services.audit.line({ actor: auditActor(actor), action: "council.vote.assisted", item: `council:vote:${vote.id}`, summary }) };
}

/** The signed-in member's own ballot in a vote, if they cast one, and who helped them vote in it. */
export async function myBallot(services: CouncilServices, actor: Actor, centre: string, voteId: string) {
  const vote = await currentVote(services, centre, voteId);
  if (!vote.eligible.includes(actor.person_id)) throw new ForbiddenError("vote_not_eligible");
  const ballot = await services.store.getBallot(vote.id, voterKey(vote, actor.person_id));
  const assistance = (await services.store.assistanceOf(actor.person_id, vote.id)).map(({ supporter, at }) => ({ supporter, at }));
  return { vote: publicVote(vote), ballot: ballot ? { choice: ballot.choice, receipt: ballot.receipt } : null, assistance };
}

/** Anyone with a receipt can check that the ballot is in the count; the answer says nothing about the choice. */
export async function checkReceipt(services: CouncilServices, centre: string, voteId: string, receipt: string) {
  const vote = await currentVote(services, centre, voteId);
  return { counted: await services.store.hasReceipt(vote.id, receipt), vote: publicVote(vote) };
}

/** Open ballots are public record: who voted what, once the vote has closed. */
export async function openBallots(services: CouncilServices, vote: Vote) {
  if (vote.ballot !== "open" || vote.state !== "closed") return [];
  if (vote.hands) return vote.hands.map(({ display_name, choice }) => ({ display_name, choice }));
  return (await services.store.ballots(vote.id)).map((ballot) => ({ display_name: ballot.display_name ?? "", choice: ballot.choice }));
}

/** "Votes waiting for you": open votes in every council the person sits on, with their ballot so far. */
export async function votesFor(services: CouncilServices, actor: Actor) {
  const memberships = await services.store.membershipsOf(actor.person_id);
  const waiting = [];
  for (const membership of memberships) {
    const { votes } = await services.store.centre(membership.centre_id);
    for (const read of votes.filter((vote) => vote.state === "open" && vote.eligible.includes(actor.person_id))) {
      const vote = await currentVote(services, membership.centre_id, read.id);
      if (vote.state !== "open") continue;
      const ballot = await services.store.getBallot(vote.id, voterKey(vote, actor.person_id));
      waiting.push({ centre_id: membership.centre_id, vote: publicVote(vote), ballot: ballot ? { choice: ballot.choice, receipt: ballot.receipt } : null });
    }
  }
  return waiting.sort((a, b) => a.vote.closes_at.localeCompare(b.vote.closes_at));
}

/** "Du har 1 afstemning": the open votes the person may vote in and has not yet. */
export async function waitingVoteCount(services: CouncilServices, actor: Actor): Promise<number> {
  return (await votesFor(services, actor)).filter((waiting) => waiting.ballot === null).length;
}

/**
 * The scheduled job (every minute): closes votes whose time is up, and once per vote starts the
 * "closes in 24 hours" mail to eligible members who have not voted (a job, mailing.ts, stored
 * with the mark that it started). Safe to run twice at once.
 */
export async function runVoteJob(services: CouncilServices): Promise<void> {
  const now = services.now();
  for (const due of await services.store.openVotesUntil(now.toISOString())) {
    const vote = await services.store.getVote(due.centre_id, due.id);
    if (vote) await endVote(services, vote, { kind: "close" });
  }
  const soon = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  for (const vote of await services.store.openVotesUntil(soon)) {
    if (vote.reminded) continue;
    const mailing = voteMailJob(services, "vote_closing", vote);
    if (await services.store.markReminded(vote, mailing.write)) await services.jobs.kick(mailing.job);
  }
}
