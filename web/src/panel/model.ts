import type { AnswerValue, Consultation, Dimension, Member, Question, Target } from "@naerhed/core/panel/consultation";
import type { Breakdown, QuestionResult, Representativeness } from "@naerhed/core/panel/results";
import type { Progress } from "@naerhed/core/shared/resumable-jobs";
import { centres } from "@naerhed/core/shared/centres";
import type { I18n, Language, MessageKey } from "../i18n/index.tsx";

/** The panel's shapes as the API sends them (types only: the schemas stay on the server) and the words for their values. */

export type { AnswerValue, Consultation, Dimension, Member, Progress, Question, Target };
export type MemberConsultation = Pick<Consultation, "id" | "title" | "intro" | "opens_at" | "closes_at" | "questions" | "status"> & {
  answered: boolean;
  open: boolean;
};
export type Results = { respondents: number; questions: QuestionResult[]; breakdowns: Breakdown[]; representativeness?: Representativeness[] };
export type { Breakdown, QuestionResult, Representativeness };

export const AGE_BANDS = ["under_18", "18_29", "30_49", "50_66", "67_plus"] as const;
export const RELATIONS = ["user", "relative", "other"] as const;
export const ICONS = ["home", "bus", "food", "people", "heart", "sun", "book", "phone"] as const;
export const QUESTION_TYPES = ["single", "multiple", "yes_no", "scale", "short_text", "long_text"] as const;

/** Pictures next to a choice's words; the words carry the meaning, so screen readers skip these. */
export const ICON_GLYPHS: Record<(typeof ICONS)[number], string> = {
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

export const centreName = (id: string, lang: Language) => centres.find((c) => c.id === id)?.name[lang] ?? id;

/** The words for one value of a breakdown dimension. */
export function groupName(dimension: Dimension, value: string, t: I18n["t"], lang: Language): string {
  if (value === "unknown") return t("panel.unknown");
  if (value === "hidden") return t("panel.tooFew");
  if (dimension === "area") return centreName(value, lang);
  return t(`panel.${dimension === "age_band" ? "age" : "relation"}.${value}` as MessageKey);
}

/** The words for one answer key of a counted question (a choice id, yes/no, or 1–5). */
export function answerLabel(question: Question, key: string, t: I18n["t"]): string {
  if ("choices" in question) return question.choices.find((c) => c.id === key)?.label ?? key;
  if (question.type === "yes_no") return t(key === "yes" ? "panel.yes" : "panel.no");
  return t(`panel.scale.${key}` as MessageKey);
}

/** An answer as the member gave it, in words (the "check your answers" page). */
export function answerText(question: Question, value: AnswerValue | undefined, t: I18n["t"]): string {
  if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return t("panel.notAnswered");
  if (question.type === "short_text" || question.type === "long_text") return String(value);
  return [value].flat().map((key) => answerLabel(question, String(key), t)).join(", ");
}

export function formatTime(iso: string, lang: Language): string {
  return new Date(iso).toLocaleString(lang === "en" ? "en-GB" : "da-DK", { timeZone: "Europe/Copenhagen", dateStyle: "long", timeStyle: "short" });
}
