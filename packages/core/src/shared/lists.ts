import type { Language } from "./language.ts";

/**
 * The municipality's borgercentre. Modules scope data and roles to a centre by its id.
 * A deployment edits this list for its own municipality. Free of valibot, so the site
 * imports it too (its schema, CentreId, is in centres.ts).
 */
export const centres = [
  { id: "nord", name: { da: "Borgercenter Nord", en: "Citizen Centre North" } },
  { id: "midt", name: { da: "Borgercenter Midt", en: "Citizen Centre Central" } },
  { id: "syd", name: { da: "Borgercenter Syd", en: "Citizen Centre South" } },
] as const;

export type CentreId = (typeof centres)[number]["id"];

/** A centre's name in the reader's language; an unknown id as it is. */
export function centreName(id: string, language: Language): string {
  return centres.find((centre) => centre.id === id)?.name[language] ?? id;
}

/**
 * The municipality: who publishes the open data (`publisher` of /api/hsds) and where it lies
 * (HSDS `address.state_province`, required, names the region); a deployment edits this with the
 * centres above.
 */
export const municipality = { name: "Nærhed demokommune", region: "Region Syddanmark", country: "DK" } as const;
