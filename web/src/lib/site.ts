import { createSignal } from "solid-js";
import { staffCentres } from "@naerhed/core/identity/roles";
import type { Language } from "@naerhed/core/shared/language";
import { api, request, type Answer } from "./api.ts";

/**
 * The site organisation and its centres, for every page: data an administrator manages
 * (GET /api/organisation/site), read once when the site starts and again after an admin
 * changes it. Centre names and choices come from here, never from a list in the code.
 */

export type SiteAnswer = Answer<typeof api.organisation.site.$get>;
export type SiteOrganisation = NonNullable<SiteAnswer["organisation"]>;
export type SiteCentre = SiteAnswer["centres"][number];

const [site, setSite] = createSignal<SiteAnswer | undefined>();
let loading: Promise<void> | undefined;

/** Asks the API again (at start, and after an administrator saved a change). A failure keeps what was known. */
export function loadSite(language: Language = "da"): Promise<void> {
  loading ??= request(language, api.organisation.site.$get, {})
    .then((answer) => void setSite(answer))
    .catch(() => undefined)
    .finally(() => {
      loading = undefined;
    });
  return loading;
}

/** The organisation once set up; undefined while loading or on a platform nobody has set up yet. */
export const siteOrganisation = (): SiteOrganisation | undefined => site()?.organisation ?? undefined;

/** Whether the first answer has come. */
export const siteLoaded = (): boolean => site() !== undefined;

/** Every centre, closed ones too (their history is still shown). */
export const allCentres = (): SiteCentre[] => site()?.centres ?? [];

/** The centres people may choose. */
export const openCentres = (): SiteCentre[] => allCentres().filter((centre) => centre.status === "open");

/** A centre's name in the reader's language (English falls back to Danish); an unknown id as it is. */
export function centreName(id: string, language: Language): string {
  const centre = allCentres().find((candidate) => candidate.id === id);
  return centre ? (centre.name[language] ?? centre.name.da) : id;
}

/** A centre's choice in a form: its id and its name. */
export const centreOptions = (language: Language) => openCentres().map((centre) => ({ value: centre.id, label: centreName(centre.id, language) }));

/** The centres a person works at: a staff member's own, every open one for an administrator. */
export const myCentres = (person: Parameters<typeof staffCentres>[0]): string[] => staffCentres(person, openCentres().map((centre) => centre.id));
