import { da } from "./da.ts";
import { en } from "./en.ts";

/** The shared texts of the site (layout, errors, forms, the front page), Danish and English; a page reads them with `useTexts(siteTexts)`. */
export const siteTexts = { da, en };
export type { SiteKey } from "./da.ts";
