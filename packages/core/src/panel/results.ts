import { DIMENSIONS, type AnswerValue, type Dimension, type Profile, type Question } from "./consultation.ts";
import { maskFreeText } from "./masking.ts";

/**
 * Counting answers without exposing anyone. Rules, in one place, used by the staff view, the
 * published results and the exports alike (the store's notes say what they cannot stop):
 * - A count under {@link MIN_GROUP} is never shown as a number, only as "<5" (fewer than 5):
 *   respondents, answers to a question, members a target reaches, invitations.
 * - A question answered by fewer than MIN_GROUP has no counts and no free text.
 * - A group (one value of age band, area or relation) with fewer than MIN_GROUP answers is
 *   hidden: no count, no answers. Then the smallest visible groups are hidden too, until the
 *   hidden ones hold at least MIN_GROUP together; otherwise the total minus the visible groups
 *   would give the hidden ones' numbers. The same per question, within each breakdown.
 * - Free text is shown only masked (masking.ts), never broken down by group.
 * - Exported rows: none below MIN_GROUP respondents; a question's column is "hidden" when fewer
 *   than MIN_GROUP answered it; a profile value of a hidden group becomes "hidden", and a row
 *   whose remaining combination of values is shared by fewer than MIN_GROUP rows loses all three.
 */

export const MIN_GROUP = 5;
export const UNKNOWN = "unknown";
export const HIDDEN = "hidden";
/** A count under MIN_GROUP, as every answer shows it. */
export const FEWER_THAN_MIN = "<5";

/** A count as the API shows it: the number from MIN_GROUP up, "<5" below. */
export type ShownCount = number | typeof FEWER_THAN_MIN;
export const shown = (n: number): ShownCount => (n < MIN_GROUP ? FEWER_THAN_MIN : n);

/** One stored answer: the values, and the respondent's coarse profile at the time (nothing else). */
export type AnswerRow = { answers: Record<string, AnswerValue> } & Profile;

export type Count = { key: string; count: number };
export type QuestionResult = { id: string; type: Question["type"]; text: string; answered: ShownCount; counts?: Count[]; texts?: string[] };
export type Group = { value: string; hidden: boolean; n?: number; questions?: Record<string, Count[]> };
export type Breakdown = { dimension: Dimension; groups: Group[] };

const isCounted = (q: Question) => q.type !== "short_text" && q.type !== "long_text";

/** The keys a counted question's answers can take, in the order they are shown. */
export function answerKeys(question: Question): string[] {
  if ("choices" in question) return question.choices.map((c) => c.id);
  if (question.type === "yes_no") return ["yes", "no"];
  return ["1", "2", "3", "4", "5"];
}

function countFor(question: Question, rows: readonly AnswerRow[]): Count[] {
  const counts = new Map(answerKeys(question).map((key) => [key, 0]));
  for (const row of rows) {
    const value = row.answers[question.id];
    for (const key of Array.isArray(value) ? value : value === undefined ? [] : [String(value)]) {
      if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
    }
  }
  return [...counts].map(([key, count]) => ({ key, count }));
}

export const valueOf = (row: Profile, dimension: Dimension): string => row[dimension] ?? UNKNOWN;

/**
 * The groups to hide, given each group's size: those under MIN_GROUP (and `alsoHidden`), then
 * the smallest visible ones until the hidden groups hold at least MIN_GROUP together.
 */
export function hiddenGroups(sizes: ReadonlyMap<string, number>, alsoHidden: ReadonlySet<string> = new Set()): Set<string> {
  const present = [...sizes].filter(([, n]) => n > 0);
  const hidden = new Set(present.filter(([value, n]) => n < MIN_GROUP || alsoHidden.has(value)).map(([value]) => value));
  const visible = present.filter(([value]) => !hidden.has(value)).sort((a, b) => a[1] - b[1]);
  let hiddenTotal = present.reduce((sum, [value, n]) => sum + (hidden.has(value) ? n : 0), 0);
  for (const [value, n] of visible) {
    if (hidden.size === 0 || hiddenTotal >= MIN_GROUP) break;
    hidden.add(value);
    hiddenTotal += n;
  }
  return hidden;
}

function groupSizes(rows: readonly Profile[], dimension: Dimension): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const row of rows) sizes.set(valueOf(row, dimension), (sizes.get(valueOf(row, dimension)) ?? 0) + 1);
  return sizes;
}

const answeredBy = (rows: readonly AnswerRow[], question: Question) => rows.filter((row) => row.answers[question.id] !== undefined);

export function questionResults(questions: readonly Question[], rows: readonly AnswerRow[], withTexts: boolean): QuestionResult[] {
  return questions.map((q) => {
    const answered = answeredBy(rows, q).length;
    const base = { id: q.id, type: q.type, text: q.text, answered: shown(answered) };
    if (answered < MIN_GROUP) return base;
    if (isCounted(q)) return { ...base, counts: countFor(q, rows) };
    const texts = withTexts ? rows.flatMap((row) => (typeof row.answers[q.id] === "string" ? [maskFreeText(row.answers[q.id] as string)] : [])) : undefined;
    return { ...base, ...(texts ? { texts } : {}) };
  });
}

/** Per dimension, each group's counts per question, with every hiding rule above applied. */
export function breakdowns(questions: readonly Question[], rows: readonly AnswerRow[]): Breakdown[] {
  const shownQuestions = questions.filter((q) => isCounted(q) && answeredBy(rows, q).length >= MIN_GROUP);
  return DIMENSIONS.map((dimension) => {
    const sizes = groupSizes(rows, dimension);
    const hidden = hiddenGroups(sizes);
    const hiddenFor = new Map(shownQuestions.map((q) => [q.id, hiddenGroups(groupSizes(answeredBy(rows, q), dimension), hidden)]));
    const groups = [...sizes].map(([value, n]): Group => {
      if (hidden.has(value)) return { value, hidden: true };
      const mine = rows.filter((row) => valueOf(row, dimension) === value);
      const visible = shownQuestions.filter((q) => !hiddenFor.get(q.id)!.has(value));
      return { value, hidden: false, n, questions: Object.fromEntries(visible.map((q) => [q.id, countFor(q, mine)])) };
    });
    return { dimension, groups: groups.sort((a, b) => a.value.localeCompare(b.value)) };
  });
}

export type Share = { value: string; hidden: boolean; n?: number; percent?: number };
export type Representativeness = { dimension: Dimension; panel: Share[]; respondents: Share[] };

function shares(rows: readonly Profile[], dimension: Dimension): Share[] {
  const sizes = groupSizes(rows, dimension);
  const hidden = hiddenGroups(sizes);
  return [...sizes]
    .map(([value, n]) => (hidden.has(value) ? { value, hidden: true } : { value, hidden: false, n, percent: Math.round((100 * n) / rows.length) }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

/** The panel's own profile next to the respondents'; both follow the same hiding rule. */
export function representativeness(panel: readonly Profile[], respondents: readonly Profile[]): Representativeness[] {
  return DIMENSIONS.map((dimension) => ({ dimension, panel: shares(panel, dimension), respondents: shares(respondents, dimension) }));
}

/** Rows for export (only from MIN_GROUP respondents: the caller checks): masked text, values hidden as the rules above say. Order is the store's (random). */
export function exportRows(questions: readonly Question[], rows: readonly AnswerRow[]): Record<string, string>[] {
  const hiddenBy = Object.fromEntries(DIMENSIONS.map((d) => [d, hiddenGroups(groupSizes(rows, d))])) as Record<Dimension, Set<string>>;
  const hiddenQuestions = new Set(questions.filter((q) => answeredBy(rows, q).length < MIN_GROUP).map((q) => q.id));
  const profiles = rows.map((row) => DIMENSIONS.map((d) => (hiddenBy[d].has(valueOf(row, d)) ? HIDDEN : valueOf(row, d))));
  const combos = new Map<string, number>();
  for (const p of profiles) combos.set(p.join("|"), (combos.get(p.join("|")) ?? 0) + 1);
  return rows.map((row, index) => {
    const profile = combos.get(profiles[index]!.join("|"))! < MIN_GROUP ? DIMENSIONS.map(() => HIDDEN) : profiles[index]!;
    const record: Record<string, string> = Object.fromEntries(DIMENSIONS.map((d, i) => [d, profile[i]!]));
    for (const q of questions) {
      const value = row.answers[q.id];
      record[q.id] = hiddenQuestions.has(q.id) ? HIDDEN : value === undefined ? "" : isCounted(q) ? [value].flat().join(";") : maskFreeText(String(value));
    }
    return record;
  });
}

const csvCell = (value: string) => (/[",\n\r;]/.test(value) || /^[=+\-@]/.test(value) ? `"${value.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : value);

/** CSV with a byte order mark (Excel shows æøå) and formula-looking cells defused. */
export function toCsv(questions: readonly Question[], records: readonly Record<string, string>[]): string {
  const columns = [...DIMENSIONS, ...questions.map((q) => q.id)];
  const lines = [columns.join(","), ...records.map((r) => columns.map((c) => csvCell(r[c] ?? "")).join(","))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
