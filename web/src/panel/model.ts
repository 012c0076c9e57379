import type { AnswerValue, Dimension, Question } from "@naerhed/core/panel/consultation";
import { CHOICE_ICONS } from "@naerhed/core/panel/lists";
import { centreName } from "../lib/site.ts";
import type { api, Answer } from "../lib/api.ts";
import type { Language } from "../lib/language.tsx";
import type { Translate } from "../lib/texts.ts";
import type { PanelKey } from "./texts/index.ts";

/** The panel's shapes as the API sends them (from its routes' types) and the words for their values. */

export type { AnswerValue, Question };
/** A consultation as a member sees it: the questions, and whether it is open and answered. */
export type MemberConsultation = Answer<(typeof api.panel.consultations)[":id"]["$get"]>["consultation"];
/** A consultation as staff of its centre see it. */
export type Consultation = Answer<(typeof api.panel.centres)[":centre"]["consultations"][":id"]["$get"]>["consultation"];
export type Member = Answer<typeof api.panel.membership.$get>["member"];
/** The counts and groups of a consultation's answers: what staff see while it runs and the public once published. */
export type Results = Pick<Answer<(typeof api.panel.results)[":id"]["$get"]>, "respondents" | "questions" | "breakdowns">;

/** Pictures next to a choice's words; the words carry the meaning, so screen readers skip these. */
export const ICON_GLYPHS: Record<(typeof CHOICE_ICONS)[number], string> = {
  home: "🏠",
  bus: "🚌",
  food: "🍽️",
  people: "👥",
  heart: "❤️",
  sun: "☀️",
  book: "📖",
  phone: "📞",
};
export const FACES = ["😞", "🙁", "😐", "🙂", "😄"] as const;

/** The words for one value of a breakdown dimension. */
export function groupName(dimension: Dimension, value: string, t: Translate<PanelKey>, lang: Language): string {
  if (value === "unknown") return t("panel.unknown");
  if (value === "hidden") return t("panel.tooFew");
  if (dimension === "area") return centreName(value, lang);
  return t(`panel.${dimension === "age_band" ? "age" : "relation"}.${value}` as PanelKey);
}

/** The words for one answer key of a counted question (a choice id, yes/no, or 1–5). */
export function answerLabel(question: Question, key: string, t: Translate<PanelKey>): string {
  if ("choices" in question) return question.choices.find((c) => c.id === key)?.label ?? key;
  if (question.type === "yes_no") return t(key === "yes" ? "panel.yes" : "panel.no");
  return t(`panel.scale.${key}` as PanelKey);
}

/** An answer as the member gave it, in words (the "check your answers" page). */
export function answerText(question: Question, value: AnswerValue | undefined, t: Translate<PanelKey>): string {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return t("panel.notAnswered");
  if (question.type === "short_text" || question.type === "long_text") return String(value);
  return [value].flat().map((key) => answerLabel(question, String(key), t)).join(", ");
}
