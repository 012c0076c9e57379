import { format, useI18n, type MessageKey } from "../i18n/index.tsx";
import { mentorDa, type MentorKey } from "./i18n/da.ts";
import { mentorEn } from "./i18n/en.ts";

export type { MentorKey };

const dictionaries = { da: mentorDa, en: mentorEn } as const;
const isMentorKey = (key: string): key is MentorKey => Object.hasOwn(mentorDa, key);

/** The site's i18n, with the mentor pages' own texts on top (src/mentor/i18n/, loaded with these pages). */
export function useMentorI18n() {
  const i18n = useI18n();
  const t = (key: MentorKey | MessageKey, params?: Record<string, string | number>): string =>
    isMentorKey(key) ? format(dictionaries[i18n.lang()][key], params) : i18n.t(key, params);
  return { ...i18n, t };
}

export type MentorT = ReturnType<typeof useMentorI18n>["t"];
