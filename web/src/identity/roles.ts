import type { Grant, Role } from "@naerhed/core/identity/roles";
import { centreName } from "../lib/site.ts";
import type { Language } from "../lib/language.tsx";
import type { Translate } from "../lib/texts.ts";
import type { IdentityKey } from "./texts/index.ts";

export const roleName = (role: Role, t: Translate<IdentityKey>): string => t(`identity.role.${role}`);

/** A grant in words: "Medlem af borgerrådet, Borgercenter Nord". */
export function grantText(grant: Grant, t: Translate<IdentityKey>, lang: Language): string {
  const role = roleName(grant.role, t);
  return grant.centre_id ? t("identity.role.at", { role, centre: centreName(grant.centre_id, lang) }) : role;
}

/** The roles shown to a person: "citizen" is left out when they hold another role too. */
export function shownGrants(grants: readonly Grant[]): Grant[] {
  const others = grants.filter((grant) => grant.role !== "citizen");
  return others.length > 0 ? others : [...grants];
}
