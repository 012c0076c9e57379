import type { I18n } from "../i18n/index.tsx";
import { registerTexts } from "../i18n/texts.ts";
import { mentorDa, type MentorKey } from "./i18n/da.ts";
import { mentorEn } from "./i18n/en.ts";

/**
 * The mentor pages' texts (web/src/mentor/i18n/) load with these pages, not with the site's first
 * page (see directory/texts.ts). Every mentor file takes `useI18n` from here.
 */
registerTexts(mentorDa, mentorEn);

export type { MentorKey };
export type MentorT = I18n["t"];
export { useI18n } from "../i18n/index.tsx";
