import { registerTexts } from "../i18n/texts.ts";

/** Texts of the page where staff and admins take a role away (/personale/fjern-rolle); they load with it. */
export const removeRoleDa = {
  "removeRole.title": "Fjern en rolle",
  "removeRole.lead": "Personen mister rollen med det samme. Også hvis personen er logget ind lige nu.",
  "removeRole.who": "Personale kan fjerne medlemmer af borgerrådet og mentorer i deres eget center. Administratorer kan fjerne alle roller.",
  "removeRole.email": "Personens mail",
  "removeRole.role": "Rolle",
  "removeRole.centre": "Borgercenter",
  "removeRole.submit": "Fjern rollen",
  "removeRole.done": "Rollen er fjernet: {role}",
  "removeRole.emailMissing": "Skriv personens mail.",
  "removeRole.roleMissing": "Vælg en rolle.",
  "removeRole.centreMissing": "Vælg et borgercenter.",
} as const satisfies Record<string, string>;

export type RemoveRoleKey = keyof typeof removeRoleDa;

export const removeRoleEn: Record<RemoveRoleKey, string> = {
  "removeRole.title": "Remove a role",
  "removeRole.lead": "The person loses the role at once. Also if the person is signed in right now.",
  "removeRole.who": "Staff can remove council members and mentors in their own centre. Administrators can remove every role.",
  "removeRole.email": "The person's email",
  "removeRole.role": "Role",
  "removeRole.centre": "Citizen centre",
  "removeRole.submit": "Remove the role",
  "removeRole.done": "The role is removed: {role}",
  "removeRole.emailMissing": "Write the person's email.",
  "removeRole.roleMissing": "Choose a role.",
  "removeRole.centreMissing": "Choose a citizen centre.",
};

registerTexts(removeRoleDa, removeRoleEn);
