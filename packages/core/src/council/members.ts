import { refuseCardSession } from "../identity/card-rules.ts";
import type { Actor } from "../identity/person.ts";
import { ForbiddenError } from "../shared/errors.ts";
import type { Member, MemberInput, NotifyInput } from "./council.ts";
import { auditActor, type CouncilServices } from "./services.ts";

/**
 * Staff of the centre manage who sits on the council. A member who leaves gets an end date
 * (term_to); they stay in the record, shown as a past member. The email is only for council mail.
 */
export async function putMember(services: CouncilServices, actor: Actor, centre: string, input: MemberInput): Promise<Member> {
  const existing = await services.store.getMember(centre, input.person_id);
  const member: Member = { ...input, centre_id: centre, updated_at: services.now().toISOString() };
  await services.store.putMember(
    member,
    services.audit.line({
      actor: auditActor(actor),
      action: existing ? "council.member.update" : "council.member.add",
      item: `council:member:${centre}:${input.person_id}`,
      // The person by id only (in `item`): an erased member's name must not stay in the log.
      summary: `${input.role}, ${input.kind}, ${input.term_from}–${input.term_to ?? ""}`,
    }),
  );
  return member;
}

/** What the public sees of a member: name, role, kind and term; never the mail address or preference. */
export const publicMember = (member: Member) => ({
  person_id: member.person_id,
  display_name: member.display_name,
  role: member.role,
  kind: member.kind,
  term_from: member.term_from,
  term_to: member.term_to,
});

/** A member chooses how they hear about votes; a new address replaces the one staff entered. */
export async function setNotify(services: CouncilServices, actor: Actor, centre: string, input: NotifyInput): Promise<Member> {
  // An address is a contact detail: whoever holds someone's sign-in card must not redirect their mail.
  if (input.email) refuseCardSession(actor);
  const member = await services.store.getMember(centre, actor.person_id);
  if (!member) throw new ForbiddenError("council_members_only");
  const next: Member = { ...member, notify: input.notify, ...(input.email ? { email: input.email } : {}), updated_at: services.now().toISOString() };
  await services.store.putMember(next);
  return next;
}

/** The person's memberships as they may see them: which councils, and their mail choice. */
export async function myMemberships(services: CouncilServices, actor: Actor) {
  return (await services.store.membershipsOf(actor.person_id)).map((m) => ({ centre_id: m.centre_id, role: m.role, notify: m.notify, email: m.email }));
}
