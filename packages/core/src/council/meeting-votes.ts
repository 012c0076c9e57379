import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../identity/person.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, type FieldProblem } from "../shared/errors.ts";
import { inTerm, type Tally } from "./council.ts";
import { voteMailJob } from "./mailing.ts";
import type { MeetingVoteInput } from "./meeting.ts";
import { auditActor, canRecordAtMeeting, type CouncilServices } from "./services.ts";
import { publicVote, type Vote } from "./vote.ts";
import { currentVote } from "./voting.ts";
import { ballotsIn, decide, emptyTally } from "./voting-rules.ts";

/**
 * Votes taken at a meeting (show of hands, or secret on paper), written down afterwards by the
 * chair, deputy chair or secretary. The same rules decide as online (voting-rules.ts): the
 * eligible are the members whose term covered the meeting's start, and every member present
 * takes part (a show of hands gives each present member's choice, abstaining included; the
 * paper totals must add up to those present), so the quorum counts those present.
 *
 * A proposal is decided once. The rule, in words for the how-to page:
 * - on the agenda, no online vote: the meeting vote decides it;
 * - an online vote is open and nobody has voted in it yet: the meeting vote replaces it (the
 *   online vote is cancelled as superseded, in the same transaction, on condition no ballot came in);
 * - an online vote has ballots, or has ended: refused; the online vote counts.
 * The result mail goes to members as for an online vote.
 */

type StoredVote = Vote & { salt: string };

const refuse = (field: string, message: FieldProblem["message"], values?: Record<string, string>) =>
  new InvalidInputError([{ field, message, ...(values ? { values } : {}) }]);

/** The online vote a meeting vote would replace, or the reason it may not. */
async function onlineVoteToReplace(services: CouncilServices, centre: string, voteId: string): Promise<StoredVote> {
  const vote = await currentVote(services, centre, voteId);
  if (vote.state !== "open") throw new ConflictError("proposal_wrong_status", { status: "decided" });
  if (vote.seq > 0) throw new ConflictError("meeting_vote_online_started", {});
  return vote;
}

export async function recordMeetingVote(services: CouncilServices, actor: Actor, centre: string, proposalId: string, input: MeetingVoteInput) {
  const proposal = await services.store.getProposal(centre, proposalId);
  if (!proposal) throw new NotFoundError("proposal_not_found");
  if (!(await canRecordAtMeeting(services, actor, centre))) throw new ForbiddenError("meeting_vote_chair_only");
  if (proposal.status !== "on_agenda" && proposal.status !== "voting") throw new ConflictError("proposal_wrong_status", { status: proposal.status });
  const online = proposal.status === "voting" && proposal.vote_id ? await onlineVoteToReplace(services, centre, proposal.vote_id) : undefined;

  const meeting = await services.store.getMeeting(centre, input.meeting_id);
  if (!meeting) throw refuse("meeting_id", "meeting_not_found");
  if (meeting.cancelled) throw refuse("meeting_id", "meeting_cancelled");
  const now = services.now();
  if (meeting.starts_at > now.toISOString()) throw refuse("meeting_id", "meeting_vote_not_yet");
  const { members } = await services.store.centre(centre);
  const eligible = members.filter((member) => inTerm(member, new Date(meeting.starts_at)));
  const present = (meeting.minutes?.attendance ?? []).filter((person) => eligible.some((member) => member.person_id === person.person_id));
  if (present.length === 0) throw refuse("meeting_id", "meeting_vote_no_attendance");

  let tally: Tally;
  let hands: Vote["hands"];
  if (input.ballot === "open") {
    // Exactly one choice for each member present: a hand not counted, or counted twice, would change the result.
    const given = input.hands ?? [];
    const byPerson = new Map(given.map((hand) => [hand.person_id, hand.choice]));
    if (byPerson.size !== given.length || given.length !== present.length || present.some((person) => !byPerson.has(person.person_id))) {
      throw refuse("hands", "meeting_vote_hands_invalid");
    }
    hands = present.map((person) => ({ person_id: person.person_id, display_name: person.display_name, choice: byPerson.get(person.person_id)! }));
    tally = hands.reduce((sum, hand) => ({ ...sum, [hand.choice]: sum[hand.choice] + 1 }), emptyTally());
  } else {
    tally = { ...input.tally! };
    if (ballotsIn(tally) !== present.length) throw refuse("tally", "meeting_vote_tally_sum", { present: String(present.length) });
  }

  const at = now.toISOString();
  const vote: StoredVote = {
    id: uuidv7(),
    centre_id: centre,
    proposal_id: proposal.id,
    proposal_title: proposal.title,
    state: "closed",
    mode: "meeting",
    meeting_id: meeting.id,
    opened_at: meeting.starts_at,
    opened_by_name: actor.display_name,
    closes_at: meeting.ends_at,
    closed_at: at,
    majority: input.majority,
    ballot: input.ballot,
    eligible: eligible.map((member) => member.person_id),
    ballots: ballotsIn(tally),
    tally,
    seq: 0,
    salt: crypto.randomUUID(),
    result: decide(tally, eligible.length, input.majority),
    ...(hands ? { hands } : {}),
  };
  const line = services.audit.line({
    actor: auditActor(actor),
    action: "council.vote.meeting",
    item: `council:vote:${vote.id}`,
    summary: `${proposal.title} (${input.ballot}, ${input.majority}, meeting ${meeting.id}, present ${present.length}/${eligible.length}${online ? `, replaces online vote ${online.id}` : ""})`,
  });
  const mailing = voteMailJob(services, "vote_result", vote);
  if (!(await services.store.recordMeetingVote(vote, online, line, mailing.write))) {
    // Someone voted online, or the proposal moved on, since it was read: say which.
    const fresh = await services.store.getProposal(centre, proposalId);
    if (fresh?.status === "voting" && fresh.vote_id) await onlineVoteToReplace(services, centre, fresh.vote_id);
    throw new ConflictError("proposal_wrong_status", { status: fresh?.status ?? "changed" });
  }
  await services.jobs.kick(mailing.job);
  return publicVote(vote);
}
