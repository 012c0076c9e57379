import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { JobPart } from "../shared/events.ts";
import { sendInJob } from "../shared/mailer.ts";
import { createJobs, type JobKind, type Jobs } from "../shared/resumable-jobs.ts";
import { isOpen, matchesTarget, type Consultation, type Member } from "./consultation.ts";
import { consultationInvitationMail, consultationReminderMail } from "./mails.ts";
import type { PanelServices } from "./services.ts";
import type { Invitation } from "./store.ts";

/**
 * What goes out to many members, as resumable jobs (shared/resumable-jobs.ts, docs/jobs.md):
 * the invitations when a consultation is published, and its one reminder before it closes.
 * Both go through members by person id, part by part; an invitation is stored once (a
 * conditional put, so a part run twice invites nobody twice) and its mail follows it.
 */

export const inviteJobId = (consultationId: string) => `invite:${consultationId}`;
export const remindJobId = (consultationId: string) => `remind:${consultationId}`;
export type SendingParams = { consultation_id: string };

export const answerLink = (siteUrl: string, id: string) => `${siteUrl}/borgerpanelet/svar/${id}`;

type SendingServices = Omit<PanelServices, "jobs" | "audit">;

function kinds(services: SendingServices) {
  const consultation = async (id: string): Promise<Consultation> => {
    const found = await services.store.getConsultation(id);
    if (!found) throw new Error(`Consultation ${id} is gone`);
    return found;
  };
  /** Mail about a consultation only while it can still be answered: a job resumed late sends nothing after closing. */
  const stillOpen = (c: Consultation) => services.now().toISOString() < c.closes_at;

  const invite: JobKind<SendingParams, { c: Consultation; member: Member }> = {
    async page({ consultation_id }, cursor, limit) {
      const c = await consultation(consultation_id);
      const { items, last } = await services.store.membersAfter(cursor, limit);
      return { items: items.filter((member) => matchesTarget(c.target, member.profile)).map((member) => ({ key: member.person_id, value: { c, member } })), end: last };
    },
    async handle(_params, { c, member }) {
      await services.store.invite(c.id, member.person_id, services.now().toISOString());
      if (member.contact !== "email" || !member.email || !stillOpen(c)) return false;
      const mail = consultationInvitationMail(member.language, member.email, c.title, c.closes_at, answerLink(services.siteUrl, c.id));
      return sendInJob(services.mailer, mail, { job: inviteJobId(c.id), person: member.person_id });
    },
    // Members may join or leave while it runs: the count staff see is who was invited.
    finish: ({ consultation_id }, done) => services.store.setInvitedCount(consultation_id, done),
  };

  const remind: JobKind<SendingParams, { c: Consultation; invitation: Invitation }> = {
    async page({ consultation_id }, cursor, limit) {
      const c = await consultation(consultation_id);
      if (!isOpen(c, services.now())) return { items: [], end: null };
      const { items, last } = await services.store.invitationsAfter(consultation_id, cursor, limit);
      return { items: items.map((invitation) => ({ key: invitation.person_id, value: { c, invitation } })), end: last };
    },
    async handle(_params, { c, invitation }) {
      if (invitation.answered || !stillOpen(c)) return false;
      const member = await services.store.getMember(invitation.person_id);
      if (member?.contact !== "email" || !member.email) return false;
      const mail = consultationReminderMail(member.language, member.email, c.title, c.closes_at, answerLink(services.siteUrl, c.id));
      return sendInJob(services.mailer, mail, { job: remindJobId(c.id), person: member.person_id });
    },
  };

  return { invite, remind };
}

/** The panel's jobs, on its own table, each part published to the panel itself (`panel.job-part`). */
export function panelJobs(services: SendingServices, db: DynamoDBDocumentClient, tableName: string, publish: (part: JobPart) => Promise<void>): Jobs {
  return createJobs({ db, tableName, now: services.now, publish, kinds: kinds(services) });
}
