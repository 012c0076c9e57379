import { da } from "./da.ts";
import { en } from "./en.ts";

/** The organisation's pages (its settings, its centres, the accessibility statement), Danish and English; a page reads them with `useTexts(organisationTexts)`. */
export const organisationTexts = { da, en };
export type { OrganisationKey } from "./da.ts";
