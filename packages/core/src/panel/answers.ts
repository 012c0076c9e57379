import { InvalidInputError, type FieldProblem } from "../shared/errors.ts";
import { isPlainText } from "../shared/validation.ts";
import type { AnswerValue, Question } from "./consultation.ts";

/**
 * Checks a member's answers against the consultation's questions, before anything is stored.
 * Every wrong answer gets its own problem (field `answers.<question id>`), so the site can say
 * which question to fix. An optional question left empty is simply not stored.
 */

export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4000;

type Checked = { value?: AnswerValue; problem?: FieldProblem["message"] };

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);

function checkOne(question: Question, value: unknown): Checked {
  if (isBlank(value)) return question.optional ? {} : { problem: "panel_answer_required" };
  switch (question.type) {
    case "single":
      if (typeof value !== "string") return { problem: "panel_answer_wrong_type" };
      return question.choices.some((c) => c.id === value) ? { value } : { problem: "panel_choice_unknown" };
    case "multiple": {
      if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) return { problem: "panel_answer_wrong_type" };
      const chosen = [...new Set(value as string[])];
      return chosen.every((id) => question.choices.some((c) => c.id === id)) ? { value: chosen } : { problem: "panel_choice_unknown" };
    }
    case "yes_no":
      return value === "yes" || value === "no" ? { value } : { problem: "panel_answer_wrong_type" };
    case "scale":
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5 ? { value: value as number } : { problem: "panel_answer_wrong_type" };
    case "short_text":
    case "long_text": {
      if (typeof value !== "string") return { problem: "panel_answer_wrong_type" };
      const [max, lines] = question.type === "short_text" ? [SHORT_TEXT_MAX, "one" as const] : [LONG_TEXT_MAX, "many" as const];
      if (value.trim().length > max) return { problem: "panel_answer_too_long" };
      if (!isPlainText(value.trim(), lines)) return { problem: lines === "one" ? "text_one_line" : "text_control_characters" };
      return { value: value.trim() };
    }
  }
}

/** The answers to store, keyed by question id; throws with one problem per wrong answer. */
export function checkAnswers(questions: readonly Question[], answers: Record<string, unknown>): Record<string, AnswerValue> {
  const problems: FieldProblem[] = [];
  const checked: Record<string, AnswerValue> = {};
  for (const key of Object.keys(answers)) {
    if (!questions.some((q) => q.id === key)) problems.push({ field: `answers.${key}`, message: "panel_question_unknown" });
  }
  for (const question of questions) {
    const { value, problem } = checkOne(question, answers[question.id]);
    if (problem) problems.push({ field: `answers.${question.id}`, message: problem });
    else if (value !== undefined) checked[question.id] = value;
  }
  if (problems.length > 0) throw new InvalidInputError(problems);
  return checked;
}
