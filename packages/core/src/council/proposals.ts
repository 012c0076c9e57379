import { v7 as uuidv7 } from "uuid";
import { hasRole, type Actor } from "../identity/person.ts";
import type { AuditLine } from "../shared/audit.ts";
import { ConflictError, ForbiddenError, NotFoundError } from "../shared/errors.ts";
import type { FollowUpInput, Proposal, ProposalInput, ProposalStatus } from "./council.ts";
import { auditActor, canManage, councilCan, currentMember, isInCouncil, type CouncilServices } from "./services.ts";
import { publicVote } from "./vote.ts";
import { cancelVoteOf, currentVote, openBallots, proposalWithVote } from "./voting.ts";

/**
 * A proposal's life: draft → submitted → on agenda → voting → decided (adopted, rejected or
 * no quorum) → follow-up; or withdrawn, or declined with a reason. Members, staff and any
 * signed-in citizen may propose; everything submitted waits in the council's inbox until the
 * chair (or staff) puts it on an agenda or declines it.
 */

/** What the public sees: nothing still in drafting or waiting in the inbox. */
export const PUBLIC_STATUSES: readonly ProposalStatus[] = ["on_agenda", "voting", "decided", "follow_up", "withdrawn"];
/** While these last, members may comment. */
const OPEN_STATUSES: readonly ProposalStatus[] = ["submitted", "on_agenda", "voting"];

async function load(services: CouncilServices, centre: string, id: string): Promise<Proposal> {
  const proposal = await services.store.getProposal(centre, id);
  if (!proposal) throw new NotFoundError("proposal_not_found");
  return proposal;
}

/** `line`: the audit line of a move made by the chair or staff, written with it. */
async function move(services: CouncilServices, proposal: Proposal, allowedFrom: readonly ProposalStatus[], changes: Partial<Proposal>, line?: AuditLine) {
  if (!allowedFrom.includes(proposal.status)) throw new ConflictError("proposal_wrong_status", { status: proposal.status });
  const next = { ...changes, updated_at: services.now().toISOString() };
  if (!(await services.store.moveProposal(proposal, proposal.status, next, line))) throw new ConflictError("proposal_wrong_status", { status: "changed" });
  return { ...proposal, ...next };
}

export async function createProposal(services: CouncilServices, actor: Actor, centre: string, input: ProposalInput): Promise<Proposal> {
  const origin = hasRole(actor, "staff", centre) || hasRole(actor, "admin") ? "staff" : (await currentMember(services, actor, centre)) ? "member" : "citizen";
  const now = services.now().toISOString();
  const proposal: Proposal = {
    id: uuidv7(),
    centre_id: centre,
    title: input.title,
    summary: input.summary,
    body: input.body,
    status: input.draft ? "draft" : "submitted",
    origin,
    author_id: actor.person_id,
    author_name: actor.display_name,
    follow_up: [],
    created_at: now,
    updated_at: now,
  };
  await services.store.putProposal(proposal);
  return proposal;
}

/** Who may see a proposal that is not public yet: its author, the council's members and the managers. */
async function mayRead(services: CouncilServices, actor: Actor | null, proposal: Proposal) {
  if (PUBLIC_STATUSES.includes(proposal.status)) return true;
  if (!actor) return false;
  if (proposal.author_id === actor.person_id) return true;
  if (proposal.status === "draft") return false;
  return isInCouncil(services, actor, proposal.centre_id);
}

/**
 * The proposal page: the proposal as it stands, its comments, its vote (closed first if its
 * time is up) with the open ballots once counted, and what the viewer may do there. The
 * routes check every action again; `can` only decides what the page offers.
 */
export async function proposalPage(services: CouncilServices, actor: Actor | null, centre: string, id: string) {
  const read = await load(services, centre, id);
  if (!(await mayRead(services, actor, read))) throw new NotFoundError("proposal_not_found");
  const vote = read.vote_id ? await currentVote(services, centre, read.vote_id) : undefined;
  const proposal = proposalWithVote(read, vote);
  return {
    proposal,
    comments: await services.store.comments(proposal.id),
    vote: vote ? publicVote(vote) : null,
    open_ballots: vote ? await openBallots(services, vote) : [],
    can: {
      manage: !!actor && (await canManage(services, actor, centre)),
      comment: !!actor && OPEN_STATUSES.includes(proposal.status) && (await isInCouncil(services, actor, centre)),
      vote: !!actor && vote?.state === "open" && vote.eligible.includes(actor.person_id),
      // Only someone who could vote can hold a receipt, and only once someone has voted.
      check_receipt: !!actor && !!vote && vote.ballots > 0 && vote.eligible.includes(actor.person_id),
    },
  };
}

export async function submitProposal(services: CouncilServices, actor: Actor, centre: string, id: string) {
  const proposal = await load(services, centre, id);
  if (proposal.author_id !== actor.person_id) throw new ForbiddenError("proposal_author_only");
  return move(services, proposal, ["draft"], { status: "submitted" });
}

/** The chair (or staff) puts a submitted proposal on the agenda. */
export async function acceptProposal(services: CouncilServices, actor: Actor, centre: string, id: string) {
  const proposal = await load(services, centre, id);
  if (!(await canManage(services, actor, centre))) throw new ForbiddenError("council_manage_only");
  const line = services.audit.line({ actor: auditActor(actor), action: "council.proposal.accept", item: `council:proposal:${id}`, summary: proposal.title });
  return move(services, proposal, ["submitted"], { status: "on_agenda" }, line);
}

export async function declineProposal(services: CouncilServices, actor: Actor, centre: string, id: string, reason: string) {
  const proposal = await load(services, centre, id);
  if (!(await canManage(services, actor, centre))) throw new ForbiddenError("council_manage_only");
  const line = services.audit.line({ actor: auditActor(actor), action: "council.proposal.decline", item: `council:proposal:${id}`, summary: reason });
  return move(services, proposal, ["submitted"], { status: "declined", decline_reason: reason }, line);
}

/** The author, the chair or staff withdraw a proposal; if it is being voted on, the vote is cancelled. */
export async function withdrawProposal(services: CouncilServices, actor: Actor, centre: string, id: string) {
  const proposal = await load(services, centre, id);
  const manager = await canManage(services, actor, centre);
  if (proposal.author_id !== actor.person_id && !manager) throw new ForbiddenError("proposal_author_only");
  // The author withdrawing their own proposal is not staff's doing; the chair or staff withdrawing it is.
  const line = manager
    ? services.audit.line({ actor: auditActor(actor), action: "council.proposal.withdraw", item: `council:proposal:${id}`, summary: proposal.title })
    : undefined;
  if (proposal.status === "voting") {
    await cancelVoteOf(services, proposal, line);
    const after = await load(services, centre, id);
    if (after.status !== "withdrawn") throw new ConflictError("proposal_wrong_status", { status: after.status });
    return after;
  }
  return move(services, proposal, ["draft", "submitted", "on_agenda"], { status: "withdrawn" }, line);
}

export async function commentOn(services: CouncilServices, actor: Actor, centre: string, id: string, text: string) {
  const proposal = await load(services, centre, id);
  if (!(await isInCouncil(services, actor, centre))) throw new ForbiddenError("council_members_only");
  if (!OPEN_STATUSES.includes(proposal.status)) throw new ConflictError("proposal_wrong_status", { status: proposal.status });
  const comment = { id: uuidv7(), author_name: actor.display_name, text, at: services.now().toISOString() };
  await services.store.addComment(proposal.id, comment);
  return comment;
}

export async function addFollowUp(services: CouncilServices, actor: Actor, centre: string, id: string, input: FollowUpInput) {
  const proposal = await load(services, centre, id);
  if (!(await canManage(services, actor, centre))) throw new ForbiddenError("council_manage_only");
  const entry = { ...input, at: services.now().toISOString(), by_name: actor.display_name };
  const line = services.audit.line({ actor: auditActor(actor), action: "council.proposal.follow_up", item: `council:proposal:${id}`, summary: input.text });
  if (!(await services.store.addFollowUp(centre, id, entry, line))) throw new ConflictError("follow_up_not_adopted", { status: proposal.status });
  return load(services, centre, id);
}

/** The council's inbox: everything submitted and not yet on an agenda, oldest first, and what the reader may do. For members and managers. */
export async function inbox(services: CouncilServices, actor: Actor, centre: string) {
  if (!(await isInCouncil(services, actor, centre))) throw new ForbiddenError("council_members_only");
  const { proposals } = await services.store.centre(centre);
  return {
    items: proposals.filter((p) => p.status === "submitted").sort((a, b) => a.created_at.localeCompare(b.created_at)),
    can: await councilCan(services, actor, centre),
  };
}
