import * as v from "valibot";
import { ConflictError, ForbiddenError, NotFoundError } from "../shared/errors.ts";
import { hashPassword } from "../shared/secrets.ts";
import { invitationMail, roleNames } from "./mails.ts";
import { addGrant, DisplayName, GrantRemoval, Invitation, PreferredLanguage, sameGrant, type Actor, type Grant, type Person } from "./person.ts";
import { Email } from "./person.ts";
import { refuseCardSession } from "./card-rules.ts";
import { mayInvite } from "./roles.ts";
import type { IdentityServices } from "./services.ts";

export { mayInvite } from "./roles.ts";
import { findOrCreatePerson, PASSWORD_ROLES } from "./sign-in.ts";

/** A signed-in person's own data, invitations, and the first admin. */

export const UpdateMe = v.object({ display_name: v.optional(DisplayName), language: v.optional(PreferredLanguage) });

export const SetPassword = v.object({
  password: v.pipe(v.string("password_invalid"), v.minLength(12, "password_invalid"), v.maxLength(200, "password_invalid")),
});

const isStaffOrAdmin = (actor: Actor) => actor.grants.some((grant) => grant.role === "staff" || grant.role === "admin");

/** The audit line of a change made by staff or an admin, for the store to write with the change; citizens' own changes have none. */
function auditLine(services: IdentityServices, actor: Actor, action: string, item: string, summary: string) {
  return isStaffOrAdmin(actor) ? services.audit.line({ actor, action, item, summary }) : undefined;
}

export async function getMe(services: IdentityServices, actor: Actor): Promise<Person> {
  const person = await services.store.getPerson(actor.person_id);
  if (!person) throw new NotFoundError("person_not_found");
  return person;
}

export async function updateMe(services: IdentityServices, actor: Actor, input: v.InferOutput<typeof UpdateMe>): Promise<Person> {
  // A card session may choose the site's language, nothing that says who the person is or how to reach them.
  if (Object.keys(input).some((key) => key !== "language")) refuseCardSession(actor);
  const before = await getMe(services, actor);
  const after = { ...before, ...input };
  await services.store.updatePerson(
    after,
    auditLine(services, actor, "identity.me.update", `identity:person:${before.id}`, JSON.stringify({ changed: changedKeys(before, after) })),
  );
  return after;
}

const changedKeys = (before: Person, after: Person) =>
  (["display_name", "language"] as const).filter((key) => before[key] !== after[key]);

/**
 * What the inviter is told: what they typed, the grant, and the person's id (to act on the grant
 * just given, e.g. add them to the council). The same whether or not the email already had an
 * account, so an invitation never shows someone's name or other roles. (The id is a UUIDv7: its
 * time says when the account was made, so an old one tells that the email had an account.)
 */
export type InvitationSent = { person_id: string; email: string; display_name: string; grant: Grant };

const grantOf = (input: Pick<Grant, "role" | "centre_id">): Grant =>
  input.centre_id === undefined ? { role: input.role } : { role: input.role, centre_id: input.centre_id };

export async function invite(services: IdentityServices, actor: Actor, input: v.InferOutput<typeof Invitation>): Promise<InvitationSent> {
  const grant = grantOf(input);
  if (!mayInvite(actor, grant)) throw new ForbiddenError("invite_not_allowed");
  const existing = await findOrCreatePerson(services, input.email, "da", input.display_name);
  const person = { ...existing, grants: addGrant(existing.grants, grant) };
  // The item names the person by id only: if they erase themselves later, the log keeps no email of theirs.
  await services.store.updatePerson(person, auditLine(services, actor, "identity.invite", `identity:person:${person.id}`, JSON.stringify({ granted: grant })));
  await services.mailer.send(
    invitationMail(person.language, person.email, roleNames[person.language][grant.role] ?? grant.role, actor.display_name, `${services.siteUrl}/logind`),
  );
  return { person_id: person.id, email: input.email, display_name: input.display_name, grant };
}

/**
 * Takes a grant away: whoever may give a grant may take it back (admins any, staff council
 * member and mentor at their own centre). It ends at once in every session of that person
 * (updatePerson refreshes their copies). Nobody removes their own admin role, so a slip cannot
 * leave the platform without an administrator. An unknown email and an email without the grant
 * get the same answer.
 */
export async function removeGrant(services: IdentityServices, actor: Actor, input: v.InferOutput<typeof GrantRemoval>): Promise<{ removed: Grant }> {
  const grant = grantOf(input);
  if (!mayInvite(actor, grant)) throw new ForbiddenError("grant_remove_not_allowed");
  const personId = await services.store.findPersonId(input.email);
  const person = personId ? await services.store.getPerson(personId) : undefined;
  if (!person || !person.grants.some((held) => sameGrant(held, grant))) throw new NotFoundError("grant_not_held");
  if (grant.role === "admin" && person.id === actor.person_id) throw new ConflictError("grant_own_admin", {});
  await services.store.updatePerson(
    { ...person, grants: person.grants.filter((held) => !sameGrant(held, grant)) },
    auditLine(services, actor, "identity.grant.remove", `identity:person:${person.id}`, JSON.stringify({ removed: grant })),
  );
  return { removed: grant };
}

export async function setPassword(services: IdentityServices, actor: Actor, input: v.InferOutput<typeof SetPassword>): Promise<void> {
  if (!actor.grants.some((grant) => PASSWORD_ROLES.includes(grant.role))) throw new ForbiddenError("password_not_allowed");
  const line = auditLine(services, actor, "identity.password.set", `identity:person:${actor.person_id}`, "password set");
  await services.store.setPasswordHash(actor.person_id, await hashPassword(input.password), line);
}

/** The first admin (`npm run admin:create`): creates the person if needed and grants admin. */
export async function ensureAdmin(services: Pick<IdentityServices, "store" | "now">, email: string): Promise<Person> {
  const existing = await findOrCreatePerson(services, v.parse(Email, email), "da");
  const person = { ...existing, grants: addGrant(existing.grants, { role: "admin" }) };
  await services.store.updatePerson(person);
  return person;
}
