import { da } from "./da.ts";
import { en } from "./en.ts";

/** The directory's texts (offers, search, suggestions, the staff pages), Danish and English; a page reads them with `useTexts(directoryTexts)`. */
export const directoryTexts = { da, en };
export type { DirectoryKey } from "./da.ts";
