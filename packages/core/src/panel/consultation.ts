import * as v from "valibot";
import { Email } from "../identity/person.ts";
import { CentreId } from "../shared/centres.ts";
import type { MessageKey } from "../shared/messages.ts";
import { plainText, type Lines, isoTimestamp } from "../shared/validation.ts";
import { AGE_BANDS, CHOICE_ICONS, CONTACT_PREFERENCES, RELATIONS } from "./lists.ts";

/**
 * The citizen panel (Borgerpanel): who is on it, and the consultations staff send to it.
 * Types come from these schemas; the site sends the same shapes.
 */

// Members
export const AgeBand = v.picklist(AGE_BANDS, "panel_age_band_invalid");
export const Relation = v.picklist(RELATIONS, "panel_relation_invalid");
export const ContactPreference = v.picklist(CONTACT_PREFERENCES, "panel_contact_invalid");

/** Optional, and used only to see who answers (representativeness) and to ask a group (targeting). */
export const Profile = v.object({
  age_band: v.optional(AgeBand),
  area: v.optional(CentreId),
  relation: v.optional(Relation),
});
export type Profile = v.InferOutput<typeof Profile>;

/** The version of the consent text the member agreed to (the site shows it: web/src/panel/ConsentText.tsx, texts "panel.consent…"). */
export const CONSENT_VERSION = "2026-11";

export const JoinInput = v.pipe(
  v.object({
    consent: v.literal(true, "panel_consent_required"),
    profile: v.optional(Profile, {}),
    contact: ContactPreference,
    email: v.optional(Email),
  }),
  v.forward(
    v.check((input) => input.contact !== "email" || input.email !== undefined, "panel_email_needed"),
    ["email"],
  ),
);
export type JoinInput = v.InferOutput<typeof JoinInput>;

export const Member = v.object({
  person_id: v.string(),
  joined_at: v.string(),
  consent_version: v.string(),
  profile: Profile,
  contact: ContactPreference,
  email: v.optional(v.string()),
  language: v.picklist(["da", "en"]),
});
export type Member = v.InferOutput<typeof Member>;

export { DIMENSIONS, QUESTION_TYPES, type Dimension } from "./lists.ts";

// Consultations
export const ConsultationId = v.pipe(v.string("panel_consultation_id_invalid"), v.uuid("panel_consultation_id_invalid"));

const text = (min: number, max: number, message: MessageKey, lines: Lines = "one") =>
  v.pipe(v.optional(v.string(message), ""), v.trim(), v.minLength(min, message), v.maxLength(max, message), plainText(lines));

export const ChoiceIcon = v.picklist(CHOICE_ICONS, "panel_icon_invalid");

const ChoiceInput = v.object({ label: text(1, 120, "panel_choice_label_invalid"), icon: v.optional(ChoiceIcon) });
const Choices = v.pipe(v.array(ChoiceInput, "panel_choices_invalid"), v.minLength(2, "panel_choices_invalid"), v.maxLength(12, "panel_choices_invalid"));

const questionBase = { text: text(1, 300, "panel_question_text_invalid"), optional: v.optional(v.boolean(), false) };

const QuestionInput = v.variant(
  "type",
  [
    v.object({ type: v.literal("single"), ...questionBase, choices: Choices }),
    v.object({ type: v.literal("multiple"), ...questionBase, choices: Choices }),
    v.object({ type: v.literal("yes_no"), ...questionBase }),
    v.object({ type: v.literal("scale"), ...questionBase }),
    v.object({ type: v.literal("short_text"), ...questionBase }),
    v.object({ type: v.literal("long_text"), ...questionBase }),
  ],
  "panel_question_type_invalid",
);

const SegmentList = <T extends v.GenericSchema>(item: T) => v.optional(v.array(item, "panel_target_invalid"), []);

/** Everyone on the panel, or the members whose profile matches every list that is not empty. */
export const Target = v.variant(
  "kind",
  [
    v.object({ kind: v.literal("all") }),
    v.pipe(
      v.object({
        kind: v.literal("segment"),
        age_bands: SegmentList(AgeBand),
        areas: SegmentList(CentreId),
        relations: SegmentList(Relation),
      }),
      v.check((t) => t.age_bands.length + t.areas.length + t.relations.length > 0, "panel_target_invalid"),
    ),
  ],
  "panel_target_invalid",
);
export type Target = v.InferOutput<typeof Target>;

const Timestamp = v.pipe(isoTimestamp("panel_time_invalid"), v.transform((t) => new Date(t).toISOString()));

export const ConsultationInput = v.pipe(
  v.object({
    title: text(3, 120, "panel_title_invalid"),
    intro: text(1, 2000, "panel_intro_invalid", "many"),
    opens_at: Timestamp,
    closes_at: Timestamp,
    target: Target,
    questions: v.pipe(v.array(QuestionInput, "panel_questions_invalid"), v.minLength(1, "panel_questions_invalid"), v.maxLength(30, "panel_questions_invalid")),
  }),
  v.forward(
    v.check((c) => c.closes_at > c.opens_at, "panel_closes_before_opens"),
    ["closes_at"],
  ),
);
export type ConsultationInput = v.InferOutput<typeof ConsultationInput>;

type QuestionOf<T> = T extends { choices: (infer C)[] } ? Omit<T, "choices"> & { id: string; choices: (C & { id: string })[] } : T & { id: string };
/** A stored question: the server numbers questions q1, q2… and choices c1, c2… (a draft has no answers, so renumbering is safe). */
export type Question = QuestionOf<v.InferOutput<typeof QuestionInput>>;

export const ConsultationStatus = v.picklist(["draft", "published", "results_published"]);

export type Consultation = Omit<ConsultationInput, "questions"> & {
  id: string;
  centre_id: string;
  questions: Question[];
  status: v.InferOutput<typeof ConsultationStatus>;
  created_at: string;
  created_by: string;
  published_at?: string;
  invited_count: number;
  answer_count: number;
  reminded_at?: string;
  summary?: string;
  results_published_at?: string;
};

export function numberQuestions(questions: ConsultationInput["questions"]): Question[] {
  return questions.map((question, index) => {
    const id = `q${index + 1}`;
    if ("choices" in question) return { ...question, id, choices: question.choices.map((choice, c) => ({ ...choice, id: `c${c + 1}` })) };
    return { ...question, id };
  }) as Question[];
}

/** Open for answers at `now`: published and between its opening and closing time. */
export const isOpen = (c: Pick<Consultation, "status" | "opens_at" | "closes_at">, now: Date) =>
  c.status === "published" && c.opens_at <= now.toISOString() && now.toISOString() < c.closes_at;

export function matchesTarget(target: Target, profile: Profile): boolean {
  if (target.kind === "all") return true;
  const fits = <T>(wanted: readonly T[], value: T | undefined) => wanted.length === 0 || (value !== undefined && wanted.includes(value));
  return fits(target.age_bands, profile.age_band) && fits(target.areas, profile.area) && fits(target.relations, profile.relation);
}

// Answers and results
export const AnswerInput = v.object({ answers: v.record(v.string(), v.unknown(), "panel_answers_invalid") });

/** One stored answer value: a choice id, several, "yes"/"no", 1–5, or text. */
export type AnswerValue = string | string[] | number;

export const SummaryInput = v.object({ summary: text(1, 4000, "panel_summary_invalid", "many") });

export const ExportFormat = v.object({ format: v.optional(v.picklist(["csv", "json"], "panel_format_invalid"), "json") });
