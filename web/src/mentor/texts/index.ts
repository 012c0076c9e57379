import { da } from "./da.ts";
import { en } from "./en.ts";

/** The mentor scheme's texts, Danish and English; a page reads them with `useTexts(mentorTexts)`. */
export const mentorTexts = { da, en };
export type { MentorKey } from "./da.ts";
