import { da } from "./da.ts";
import { en } from "./en.ts";

/** The citizen council's texts, Danish and English; a page reads them with `useTexts(councilTexts)`. */
export const councilTexts = { da, en };
export type { CouncilKey } from "./da.ts";
