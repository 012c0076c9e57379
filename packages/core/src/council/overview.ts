import type { Actor } from "../identity/person.ts";
import { inTerm } from "./council.ts";
import { publicMember } from "./members.ts";
import { publicMeeting } from "./meeting.ts";
import { sortMeetings } from "./meetings.ts";
import { PUBLIC_STATUSES } from "./proposals.ts";
import { councilCan, type CouncilServices } from "./services.ts";
import { publicVote } from "./vote.ts";
import { currentVote, openBallots, proposalWithVote } from "./voting.ts";

/** Everything public about one centre's council, on one page: members, proposals with their votes and results, meetings. */
export async function councilOverview(services: CouncilServices, centre: string, actor: Actor | null) {
  const now = services.now();
  const { members, proposals, votes, meetings } = await services.store.centre(centre);
  // Reading a vote past its time closes it, so the page never shows a vote still open after it closed.
  const current = await Promise.all(
    votes.map((vote) => (vote.state === "open" && vote.closes_at <= now.toISOString() ? currentVote(services, centre, vote.id) : vote)),
  );
  const votesById = new Map(current.map((vote) => [vote.id, vote]));
  const shown = proposals.filter((p) => PUBLIC_STATUSES.includes(p.status)).sort((a, b) => b.updated_at.localeCompare(a.updated_at));
  const { upcoming, past } = sortMeetings(meetings, now);
  return {
    centre_id: centre,
    upcoming_meetings: upcoming.map(publicMeeting),
    past_meetings: past.map(publicMeeting),
    // What the page may offer this person; the routes check again on every action.
    can: await councilCan(services, actor, centre),
    members: members.filter((m) => inTerm(m, now)).map(publicMember),
    past_members: members.filter((m) => !inTerm(m, now) && (m.term_from <= now.toISOString().slice(0, 10))).map(publicMember),
    proposals: await Promise.all(
      shown.map(async (proposal) => {
        const vote = proposal.vote_id ? votesById.get(proposal.vote_id) : undefined;
        return { ...proposalWithVote(proposal, vote), vote: vote ? publicVote(vote) : null, open_ballots: vote ? await openBallots(services, vote) : [] };
      }),
    ),
  };
}
