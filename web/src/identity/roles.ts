import { centres } from "@naerhed/core/shared/centres";
import type { I18n, Language } from "../i18n/index.tsx";
import type { Grant, Role } from "./session.tsx";

export const allRoles: readonly Role[] = ["citizen", "council_member", "mentor", "staff", "admin"];
/** Roles that belong to one centre (the API wants a centre_id with them). */
export const centreRoles: readonly Role[] = ["council_member", "mentor", "staff"];

export const roleName = (role: Role, t: I18n["t"]): string => t(`role.${role}`);

export function centreName(id: string, lang: Language): string {
  return centres.find((centre) => centre.id === id)?.name[lang] ?? id;
}

export const allCentres = (lang: Language) => centres.map((centre) => ({ id: centre.id as string, name: centre.name[lang] }));

/** A grant in words: "Medlem af borgerrådet, Borgercenter Nord". */
export function grantText(grant: Grant, t: I18n["t"], lang: Language): string {
  const role = roleName(grant.role, t);
  return grant.centre_id ? t("role.at", { role, centre: centreName(grant.centre_id, lang) }) : role;
}

/** The roles shown to a person: "citizen" is left out when they hold another role too. */
export function shownGrants(grants: readonly Grant[]): Grant[] {
  const others = grants.filter((grant) => grant.role !== "citizen");
  return others.length > 0 ? others : [...grants];
}
