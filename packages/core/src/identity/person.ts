import * as v from "valibot";
import { CentreId } from "../shared/centre-id.ts";
import { MobileNumber } from "../shared/phone.ts";
import { plainText } from "../shared/validation.ts";
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

/**
 * Characters that change how text around them looks without showing: bidi controls (which can
 * turn a name around or make it look like another, "Trojan Source") and zero-width ones (which
 * make two names that look the same different). A name never needs them.
 */
const INVISIBLE = /[\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]/u;

export const DisplayName = v.pipe(
  v.string("display_name_invalid"),
  v.trim(),
  v.minLength(1, "display_name_invalid"),
  v.maxLength(80, "display_name_invalid"),
  plainText("one"),
  v.check((name) => !INVISIBLE.test(name), "display_name_invisible"),
);

export const PreferredLanguage = v.picklist(["da", "en"], "language_invalid");

/** Someone to invite and the grant they get. */
export const Invitation = v.pipe(v.object({ email: Email, display_name: DisplayName, ...grantEntries }), grantCentreCheck());

/** Whose grant to take away, and which. */
export const GrantRemoval = v.pipe(v.object({ email: Email, ...grantEntries }), grantCentreCheck());

export const PersonId = v.pipe(v.string("person_id_invalid"), v.uuid("person_id_invalid"));

/**
 * How a person agreed to be in the platform without signing in themselves: staff of a centre
 * created them, with the person beside them ("in person"); who and when are kept (issue 16).
 */
export const Consent = v.object({
  how: v.literal("in_person"),
  by_id: PersonId,
  by_name: v.string(),
  at: v.pipe(v.string(), v.isoTimestamp()),
});
export type Consent = v.InferOutput<typeof Consent>;

export const Person = v.object({
  id: PersonId,
  /** Absent for people staff look after who have no email (they sign in with a card: docs/sign-in-cards.md). */
  email: v.optional(Email),
  display_name: DisplayName,
  /** Only where the person chose SMS or has no email (issue 16); exported and erased with the rest. */
  mobile: v.optional(MobileNumber),
  language: PreferredLanguage,
  grants: v.array(Grant),
  created_at: v.pipe(v.string(), v.isoTimestamp()),
  /** The centre whose staff look after the person (they created them); only they manage them. */
  looked_after_at: v.optional(CentreId),
  consent: v.optional(Consent),
});
export type Person = v.InferOutput<typeof Person>;

/**
 * Who is making a request, as the session check knows them. Null when nobody is signed in.
 * `via: "card"` marks a session started with a sign-in card, which may do less (identity/cards.ts).
 */
export type Actor = Pick<Person, "grants" | "language" | "display_name"> & { person_id: string; via?: "card" };

export const sameGrant = (a: Grant, b: Grant) => a.role === b.role && a.centre_id === b.centre_id;

export function addGrant(grants: readonly Grant[], grant: Grant): Grant[] {
  return grants.some((held) => sameGrant(held, grant)) ? [...grants] : [...grants, grant];
}
