import * as v from "valibot";
import { CentreId } from "../shared/centres.ts";
import { CENTRE_ROLES, ROLES } from "./roles.ts";

export { CENTRE_ROLES, hasRole } from "./roles.ts";

/**
 * A person and what they may do. Grants scoped to a centre only apply there; a person may
 * hold several at once (a relative on the panel who is also a mentor, say).
 */

export const Role = v.picklist(ROLES, "role_invalid");
export type Role = v.InferOutput<typeof Role>;

const grantEntries = { role: Role, centre_id: v.optional(CentreId) };

/** A centre role needs a centre; citizen and admin have none. Reused by every schema that carries a grant. */
const grantCentreCheck = <T extends { role: Role; centre_id?: string }>() =>
  v.forward<T, v.CheckIssue<T>, ["centre_id"]>(
    v.check((grant: T) => CENTRE_ROLES.includes(grant.role) === (grant.centre_id !== undefined), "grant_centre_invalid"),
    // TypeScript cannot check a key path into a generic T; the key is on every grant-carrying schema.
    ["centre_id"] as never,
  );

export const Grant = v.pipe(v.object(grantEntries), grantCentreCheck());
export type Grant = v.InferOutput<typeof Grant>;

export const Email = v.pipe(
  v.string("email_invalid"),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(254, "email_invalid"),
  v.email("email_invalid"),
);

export const DisplayName = v.pipe(
  v.string("display_name_invalid"),
  v.trim(),
  v.minLength(1, "display_name_invalid"),
  v.maxLength(80, "display_name_invalid"),
);

export const PreferredLanguage = v.picklist(["da", "en"], "language_invalid");

/** Someone to invite and the grant they get. */
export const Invitation = v.pipe(v.object({ email: Email, display_name: DisplayName, ...grantEntries }), grantCentreCheck());

export const PersonId = v.pipe(v.string("person_id_invalid"), v.uuid("person_id_invalid"));

export const Person = v.object({
  id: PersonId,
  email: Email,
  display_name: DisplayName,
  language: PreferredLanguage,
  grants: v.array(Grant),
  created_at: v.pipe(v.string(), v.isoTimestamp()),
});
export type Person = v.InferOutput<typeof Person>;

/** Who is making a request, as the session check knows them. Null when nobody is signed in. */
export type Actor = Pick<Person, "grants" | "language" | "display_name"> & { person_id: string };

export function addGrant(grants: readonly Grant[], grant: Grant): Grant[] {
  const held = grants.some((g) => g.role === grant.role && g.centre_id === grant.centre_id);
  return held ? [...grants] : [...grants, grant];
}
