import type { CouncilServices } from "./services.ts";

/**
 * A person's council data (GDPR). Export: their memberships (with the mail address and
 * preference they gave), the proposals they wrote, their hands in votes taken at a meeting and
 * who helped them vote. Erase: the mail address and preference go, and a term still running ends
 * yesterday, so no vote opened from now on counts the person as eligible (one whose term starts
 * today or later ends on its first day); who helped them vote (a supporter's name) goes too;
 * name, role, past term, proposals, open-ballot votes and hands at meetings stay, because what a
 * council decided and who sat on it is the municipality's public record. Secret ballots hold no
 * person data. Safe to run twice.
 */
export async function exportCouncilData(services: CouncilServices, personId: string) {
  const memberships = await services.store.membershipsOf(personId);
  const proposals = [];
  const meetingVotes = [];
  for (const centre of await services.centres.all()) {
    const { proposals: all, votes } = await services.store.centre(centre.id);
    proposals.push(...all.filter((p) => p.author_id === personId));
    // A show of hands at a meeting names each member's choice (meeting-votes.ts): theirs is their data.
    for (const vote of votes) {
      const hand = vote.hands?.find((h) => h.person_id === personId);
      if (hand) meetingVotes.push({ centre_id: centre.id, proposal_title: vote.proposal_title, meeting_id: vote.meeting_id, choice: hand.choice, recorded_at: vote.closed_at });
    }
  }
  return { memberships, proposals, meeting_votes: meetingVotes, votes_with_supporter: await services.store.assistanceOf(personId) };
}

export async function eraseCouncilData(services: CouncilServices, personId: string) {
  await services.store.deleteAssistance(personId);
  const now = services.now();
  const yesterday = new Date(now.getTime() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  for (const member of await services.store.membershipsOf(personId)) {
    const { email: _email, term_to, ...rest } = member;
    const ended = term_to !== undefined && term_to <= yesterday ? term_to : [member.term_from, yesterday].sort()[1]!;
    await services.store.putMember({ ...rest, term_to: ended, notify: "none", updated_at: now.toISOString() });
  }
}
