/**
 * Roles and the rules about them that the API and the site both need. Free of valibot, so the
 * site imports them too (person.ts makes the schemas); a page asks these, never its own copy.
 */

export const ROLES = ["citizen", "council_member", "mentor", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that only make sense at one centre. */
export const CENTRE_ROLES: readonly Role[] = ["council_member", "mentor", "staff"];

/** A role, and for a centre role the centre it is for. */
export type Grant = { role: Role; centre_id?: string };

type Holder = { grants: readonly Grant[] };

/** Holds the role (at the centre, if one is given). */
export function hasRole(holder: Holder | null | undefined, role: Role, centreId?: string): boolean {
  return !!holder?.grants.some((grant) => grant.role === role && (centreId === undefined || grant.centre_id === centreId));
}

/** Holds one of the roles, at any centre. */
export function hasAnyRole(holder: Holder | null | undefined, roles: readonly Role[]): boolean {
  return roles.some((role) => hasRole(holder, role));
}

/** The centres where the person works as staff: their staff grants; an admin's are every open centre (`openCentres`, the stored ones). */
export function staffCentres(holder: Holder | null | undefined, openCentres: readonly string[] = []): string[] {
  if (hasRole(holder, "admin")) return [...openCentres];
  return [...new Set(holder?.grants.flatMap((grant) => (grant.role === "staff" && grant.centre_id ? [grant.centre_id] : [])) ?? [])];
}

/** The roles the person may give others: staff give council member and mentor at their own centres; admins give every role. */
export function invitableRoles(holder: Holder | null | undefined): Role[] {
  if (hasRole(holder, "admin")) return [...ROLES];
  return holder?.grants.some((grant) => grant.role === "staff") ? ["council_member", "mentor"] : [];
}

export function mayInvite(holder: Holder, grant: Grant): boolean {
  if (hasRole(holder, "admin")) return true;
  return invitableRoles(holder).includes(grant.role) && grant.centre_id !== undefined && staffCentres(holder).includes(grant.centre_id);
}
