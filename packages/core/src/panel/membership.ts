import { refuseCardSession } from "../identity/card-rules.ts";
import type { Actor } from "../identity/person.ts";
import { CONSENT_VERSION, isOpen, matchesTarget, type JoinInput, type Member } from "./consultation.ts";
import type { PanelServices } from "./services.ts";

/**
 * Joining and leaving the panel. Joining needs explicit consent (the schema demands
 * `consent: true`); the profile is optional. Joining again changes the profile and contact.
 * Leaving removes the membership and its profile at once; the "has answered" markers of
 * consultations already answered stay until the person is erased, so leaving and joining
 * again cannot give a second answer.
 */

export async function getMembership(services: PanelServices, actor: Actor): Promise<Member | null> {
  return (await services.store.getMember(actor.person_id)) ?? null;
}

export async function joinPanel(services: PanelServices, actor: Actor, input: JoinInput): Promise<Member> {
  // An address is a contact detail: whoever holds someone's sign-in card must not redirect their mail (docs/sign-in-cards.md).
  if (input.contact === "email") refuseCardSession(actor);
  const now = services.now();
  const existing = await services.store.getMember(actor.person_id);
  const member: Member = {
    person_id: actor.person_id,
    joined_at: existing?.joined_at ?? now.toISOString(),
    consent_version: CONSENT_VERSION,
    profile: input.profile,
    contact: input.contact,
    ...(input.contact === "email" ? { email: input.email } : {}),
    language: actor.language,
  };
  await services.store.putMember(member);
  // Someone who joins while a consultation runs is asked too, if it is meant for them.
  for (const consultation of await services.store.listConsultations()) {
    if (isOpen(consultation, now) && matchesTarget(consultation.target, member.profile)) {
      await services.store.invite(consultation.id, member.person_id, now.toISOString());
    }
  }
  return member;
}

export async function leavePanel(services: PanelServices, personId: string): Promise<void> {
  for (const invitation of await services.store.invitationsFor(personId)) {
    if (!invitation.answered) await services.store.deleteInvitation(invitation.consultation_id, personId);
  }
  await services.store.deleteMember(personId);
}

/** Everything the panel holds about the person. Their answers are not here: they are stored without a name, so nobody can find them. */
export async function exportPanelData(services: PanelServices, personId: string) {
  const invitations = await services.store.invitationsFor(personId);
  return {
    membership: (await services.store.getMember(personId)) ?? null,
    invitations: invitations.map(({ consultation_id, invited_at, answered }) => ({ consultation_id, invited_at, answered })),
  };
}

export async function erasePanelData(services: PanelServices, personId: string): Promise<void> {
  for (const invitation of await services.store.invitationsFor(personId)) await services.store.deleteInvitation(invitation.consultation_id, personId);
  await services.store.deleteMember(personId);
}
