import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../identity/person.ts";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "../shared/errors.ts";
import { checkAnswers } from "./answers.ts";
import { isOpen, matchesTarget, numberQuestions, type Consultation, type ConsultationInput, type Target } from "./consultation.ts";
import { consultationInvitationMail, consultationReminderMail } from "./mails.ts";
import { maskOwnName } from "./masking.ts";
import { breakdowns, exportRows, MIN_GROUP, questionResults, representativeness, shown, toCsv, type ShownCount } from "./results.ts";
import type { PanelServices } from "./services.ts";

/**
 * Consultations: staff of a centre build them, publish them to the panel (or a part of it),
 * members answer once, staff read the results and publish a summary when it has closed.
 */

/** The reminder goes out once, this long before closing, to those who have not answered. */
export const REMIND_HOURS_BEFORE_CLOSING = 48;

const answerLink = (services: PanelServices, id: string) => `${services.siteUrl}/borgerpanelet/svar/${id}`;
const who = (actor: Actor) => ({ person_id: actor.person_id, display_name: actor.display_name });

async function ofCentre(services: PanelServices, centreId: string, id: string): Promise<Consultation> {
  const consultation = await services.store.getConsultation(id);
  if (!consultation || consultation.centre_id !== centreId) throw new NotFoundError("panel_consultation_not_found");
  return consultation;
}

/** A consultation as staff see it: its counts follow the small-group rule like everything else (results.ts). */
export type StaffConsultation = Omit<Consultation, "invited_count" | "answer_count"> & { invited_count: ShownCount; answer_count: ShownCount };

const forStaff = (c: Consultation): StaffConsultation => ({ ...c, invited_count: shown(c.invited_count), answer_count: shown(c.answer_count) });

export async function listForCentre(services: PanelServices, centreId: string): Promise<StaffConsultation[]> {
  return (await services.store.listConsultations()).filter((c) => c.centre_id === centreId).reverse().map(forStaff);
}

export async function getForCentre(services: PanelServices, centreId: string, id: string): Promise<StaffConsultation> {
  return forStaff(await ofCentre(services, centreId, id));
}

export async function createConsultation(services: PanelServices, actor: Actor, centreId: string, input: ConsultationInput): Promise<StaffConsultation> {
  const consultation: Consultation = {
    ...input,
    questions: numberQuestions(input.questions),
    id: uuidv7(),
    centre_id: centreId,
    status: "draft",
    created_at: services.now().toISOString(),
    created_by: actor.display_name,
    invited_count: 0,
    answer_count: 0,
  };
  const line = services.audit.line({ actor: who(actor), action: "panel.consultation.create", item: `panel:consultation:${consultation.id}`, summary: consultation.title });
  await services.store.saveDraft(consultation, true, line);
  return forStaff(consultation);
}

const notDraft = (c: Consultation) => new ConflictError("panel_consultation_not_draft", { status: c.status });

export async function updateConsultation(services: PanelServices, actor: Actor, centreId: string, id: string, input: ConsultationInput): Promise<StaffConsultation> {
  const existing = await ofCentre(services, centreId, id);
  if (existing.status !== "draft") throw notDraft(existing);
  const consultation: Consultation = { ...existing, ...input, questions: numberQuestions(input.questions) };
  const line = services.audit.line({ actor: who(actor), action: "panel.consultation.edit", item: `panel:consultation:${id}`, summary: consultation.title });
  if (!(await services.store.saveDraft(consultation, false, line))) throw notDraft((await services.store.getConsultation(id)) ?? existing);
  return forStaff(consultation);
}

/** The members a target reaches now. */
async function membersFor(services: PanelServices, target: Target) {
  return (await services.store.listMembers()).filter((member) => matchesTarget(target, member.profile));
}

/** How many members a target reaches, "<5" under five: the builder shows it before staff publish. */
export async function countTarget(services: PanelServices, target: Target): Promise<ShownCount> {
  return shown((await membersFor(services, target)).length);
}

/**
 * Publishes a draft: invites every member the target reaches (a target that reaches fewer than
 * MIN_GROUP is refused: its results would be about people one could name), then mails those who
 * want mail. Two staff publishing at once invite the same people (invitations are idempotent)
 * and only the one whose status change wins sends the mails.
 */
export async function publishConsultation(services: PanelServices, actor: Actor, centreId: string, id: string): Promise<StaffConsultation> {
  const consultation = await ofCentre(services, centreId, id);
  if (consultation.status !== "draft") throw notDraft(consultation);
  const now = services.now().toISOString();
  if (consultation.closes_at <= now) throw new InvalidInputError([{ field: "closes_at", message: "panel_closes_in_past" }]);
  const members = await membersFor(services, consultation.target);
  if (members.length < MIN_GROUP) throw new InvalidInputError([{ field: "target", message: "panel_segment_too_small" }]);
  for (const member of members) await services.store.invite(id, member.person_id, now);
  const line = services.audit.line({ actor: who(actor), action: "panel.consultation.publish", item: `panel:consultation:${id}`, summary: `${consultation.title} (${members.length})` });
  if (!(await services.store.markPublished(id, now, members.length, line))) throw notDraft((await services.store.getConsultation(id)) ?? consultation);
  for (const member of members) {
    if (member.contact === "email" && member.email) {
      await services.mailer.send(consultationInvitationMail(member.language, member.email, consultation.title, consultation.closes_at, answerLink(services, id)));
    }
  }
  return forStaff({ ...consultation, status: "published", published_at: now, invited_count: members.length });
}

/** Scheduled: one reminder, shortly before closing, to invited members who have not answered. Safe to run twice. */
export async function sendReminders(services: PanelServices): Promise<number> {
  const now = services.now();
  const soon = new Date(now.getTime() + REMIND_HOURS_BEFORE_CLOSING * 3600_000).toISOString();
  let sent = 0;
  for (const consultation of await services.store.listConsultations()) {
    if (!isOpen(consultation, now) || consultation.reminded_at || consultation.closes_at > soon) continue;
    if (!(await services.store.claimReminder(consultation.id, now.toISOString()))) continue;
    for (const invitation of await services.store.invitationsOf(consultation.id)) {
      if (invitation.answered) continue;
      const member = await services.store.getMember(invitation.person_id);
      if (member?.contact !== "email" || !member.email) continue;
      await services.mailer.send(consultationReminderMail(member.language, member.email, consultation.title, consultation.closes_at, answerLink(services, consultation.id)));
      sent++;
    }
  }
  return sent;
}

// Members
/** What a member sees of a consultation: never counts or other people's answers. */
export type MemberConsultation = Pick<Consultation, "id" | "title" | "intro" | "opens_at" | "closes_at" | "questions" | "status"> & {
  answered: boolean;
  open: boolean;
};

const forMember = (c: Consultation, answered: boolean, now: Date): MemberConsultation => ({
  id: c.id,
  title: c.title,
  intro: c.intro,
  opens_at: c.opens_at,
  closes_at: c.closes_at,
  questions: c.questions,
  status: c.status,
  answered,
  open: isOpen(c, now),
});

export async function myConsultations(services: PanelServices, actor: Actor): Promise<MemberConsultation[]> {
  const now = services.now();
  const invitations = await services.store.invitationsFor(actor.person_id);
  const all = new Map((await services.store.listConsultations()).map((c) => [c.id, c]));
  return invitations.flatMap((invitation) => {
    const c = all.get(invitation.consultation_id);
    return c && c.status !== "draft" ? [forMember(c, invitation.answered, now)] : [];
  });
}

async function invitedTo(services: PanelServices, actor: Actor, id: string) {
  const consultation = await services.store.getConsultation(id);
  const invitation = (await services.store.invitationsFor(actor.person_id)).find((i) => i.consultation_id === id);
  if (!consultation || !invitation || consultation.status === "draft") throw new NotFoundError("panel_consultation_not_found");
  return { consultation, invitation };
}

export async function getForMember(services: PanelServices, actor: Actor, id: string): Promise<MemberConsultation> {
  const { consultation, invitation } = await invitedTo(services, actor, id);
  return forMember(consultation, invitation.answered, services.now());
}

/**
 * Stores one member's answers, once. Checked in this order, and nothing is stored unless all
 * pass: invited, not answered yet, open now, every answer valid. The table checks the first
 * three again inside the write (store.submit), so two sends at once store one.
 */
export async function submitAnswers(services: PanelServices, actor: Actor, id: string, answers: Record<string, unknown>): Promise<void> {
  const { consultation, invitation } = await invitedTo(services, actor, id);
  if (invitation.answered) throw new ConflictError("panel_already_answered", {});
  const now = services.now().toISOString();
  if (consultation.opens_at > now) throw new ConflictError("panel_consultation_not_open", { opens_at: consultation.opens_at });
  if (!isOpen(consultation, services.now())) throw new ConflictError("panel_consultation_closed", { closes_at: consultation.closes_at });
  const member = await services.store.getMember(actor.person_id);
  if (!member) throw new ForbiddenError("panel_not_member");
  // The member's own name never reaches the stored answer, whatever case or place it has in the text.
  const checked = Object.fromEntries(
    Object.entries(checkAnswers(consultation.questions, answers)).map(([key, value]) => [key, typeof value === "string" ? maskOwnName(value, actor.display_name) : value]),
  );
  const outcome = await services.store.submit(id, actor.person_id, { answers: checked, ...member.profile }, now);
  if (outcome === "already_answered") throw new ConflictError("panel_already_answered", {});
  if (outcome === "not_invited") throw new NotFoundError("panel_consultation_not_found");
  if (outcome === "closed") throw new ConflictError("panel_consultation_closed", { closes_at: consultation.closes_at });
}

// Results
/** Staff: everything while it runs — counts, masked free text, breakdowns with small groups hidden, and who is missing. */
export async function staffResults(services: PanelServices, centreId: string, id: string) {
  const consultation = await ofCentre(services, centreId, id);
  const rows = await services.store.answersTo(id);
  const members = await services.store.listMembers();
  return {
    consultation: forStaff(consultation),
    respondents: shown(rows.length),
    questions: questionResults(consultation.questions, rows, true),
    breakdowns: breakdowns(consultation.questions, rows),
    representativeness: representativeness(members.map((m) => m.profile), rows),
  };
}

export async function publishResults(services: PanelServices, actor: Actor, centreId: string, id: string, summary: string): Promise<StaffConsultation> {
  const consultation = await ofCentre(services, centreId, id);
  const now = services.now().toISOString();
  if (consultation.status !== "published" || consultation.closes_at > now) {
    throw new ConflictError("panel_results_not_closed", { status: consultation.status, closes_at: consultation.closes_at });
  }
  const line = services.audit.line({ actor: who(actor), action: "panel.results.publish", item: `panel:consultation:${id}`, summary: consultation.title });
  if (!(await services.store.markResultsPublished(id, now, summary, line))) throw new ConflictError("panel_results_not_closed", { status: consultation.status });
  return forStaff({ ...consultation, status: "results_published", results_published_at: now, summary });
}

/** Anonymous answers for staff, as CSV or JSON, with the same hiding rules, from MIN_GROUP answers on. Recorded in the audit log. */
export async function exportAnswers(services: PanelServices, actor: Actor, centreId: string, id: string, format: "csv" | "json") {
  const consultation = await ofCentre(services, centreId, id);
  const rows = await services.store.answersTo(id);
  if (rows.length < MIN_GROUP) throw new ConflictError("panel_too_few_answers", {});
  const records = exportRows(consultation.questions, rows);
  // An export changes nothing: its line is written on its own, before any answer leaves.
  await services.audit.record({ actor: who(actor), action: "panel.answers.export", item: `panel:consultation:${id}`, summary: `${format}, ${records.length}` });
  const questions = consultation.questions.map(({ id: qid, type, text, ...rest }) => ({ id: qid, type, text, ...("choices" in rest ? { choices: rest.choices } : {}) }));
  return format === "csv" ? { csv: toCsv(consultation.questions, records) } : { json: { consultation: { id, title: consultation.title }, questions, answers: records } };
}

// Public
export type PublishedSummary = Pick<Consultation, "id" | "title" | "summary" | "closes_at" | "results_published_at"> & { answer_count: ShownCount };

const published = (c: Consultation): PublishedSummary => ({
  id: c.id,
  title: c.title,
  summary: c.summary,
  closes_at: c.closes_at,
  answer_count: shown(c.answer_count),
  results_published_at: c.results_published_at,
});

export async function publishedResults(services: PanelServices): Promise<PublishedSummary[]> {
  return (await services.store.listConsultations()).filter((c) => c.status === "results_published").reverse().map(published);
}

/** Anyone: the summary, counts per question and breakdowns with small groups hidden. No free text. */
export async function publishedResult(services: PanelServices, id: string) {
  const consultation = await services.store.getConsultation(id);
  if (!consultation || consultation.status !== "results_published") throw new NotFoundError("panel_consultation_not_found");
  const rows = await services.store.answersTo(id);
  return {
    consultation: { ...published(consultation), questions: consultation.questions },
    respondents: shown(rows.length),
    questions: questionResults(consultation.questions, rows, false),
    breakdowns: breakdowns(consultation.questions, rows),
  };
}
