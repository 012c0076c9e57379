import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { JobPart } from "../shared/events.ts";
import { sendInJob, type Mail } from "../shared/mailer.ts";
import type { NoticeAbout } from "../shared/notice.ts";
import { createJobs, type JobKind, type Jobs } from "../shared/resumable-jobs.ts";
import { inTerm, type Member } from "./council.ts";
import type { Meeting } from "./meeting.ts";
import { meetingMail, voteMail, type CouncilMail, type MeetingMail } from "./mails.ts";
import type { CouncilServices } from "./services.ts";
import { voterKey, type Vote } from "./vote.ts";

/**
 * Council mail to its members, as resumable jobs (shared/resumable-jobs.ts, docs/jobs.md): a
 * vote opened, "closes in 24 hours", its result, the weekly digest, and a planned meeting changed
 * or cancelled. The text is one for everyone (Danish and English) and fixed when the job starts;
 * who gets it is decided part by part from the members as they are then: an address, their
 * choice of mail, in term, and for the reminder, not voted yet.
 *
 * "A vote is open for you" is a notice instead (identity/notices.ts): each eligible member who
 * wants council news at once is told through identity, in their own language, on their own
 * channel (mail or SMS), with or without an address given to the council. The reminder, the
 * result and a changed or cancelled meeting go as council mail to the address a member gave the
 * council, and as a notice to a member who gave none (someone without email hears it by SMS).
 */

export type Audience = "digest" | CouncilMail | MeetingMail;
export type MailParams = { centre_id: string; audience: Audience; vote_id?: string; meeting_id?: string; notice_id?: string; about?: NoticeAbout } & Pick<
  Mail,
  "subject" | "text"
>;

/** A changed or cancelled meeting concerns every member in term who wants council mail at all: a weekly digest would come too late. */
const isMeetingMail = (audience: Audience): audience is MeetingMail => audience === "meeting_changed" || audience === "meeting_cancelled";

export const digestJobId = (centre: string, week: string) => `digest:${centre}:${week}`;

type MailingServices = Omit<CouncilServices, "jobs" | "audit">;

function kinds(services: MailingServices) {
  /** Who a vote's mail is for: eligible members who want each mail, and for the reminder, only those who have not voted. */
  async function voteAudience(params: MailParams): Promise<(member: Member) => boolean> {
    const vote = await services.store.getVote(params.centre_id, params.vote_id ?? "");
    if (!vote) throw new Error(`Vote ${params.vote_id} is gone`);
    const voted = new Set(params.audience === "vote_closing" ? (await services.store.ballots(vote.id)).map((ballot) => ballot.voter_key) : []);
    return (member) => member.notify === "immediate" && vote.eligible.includes(member.person_id) && !voted.has(voterKey(vote, member.person_id));
  }

  const mail: JobKind<MailParams, Member> = {
    async page(params, cursor, limit) {
      const now = services.now();
      const wanted =
        params.audience === "digest"
          ? (member: Member) => member.notify === "digest" && inTerm(member, now)
          : isMeetingMail(params.audience)
            ? (member: Member) => member.notify !== "none" && inTerm(member, now)
            : await voteAudience(params);
      // A notice needs no address here: identity has the member's own (only kinds that can go as a notice carry `about`).
      const reachable = (member: Member) => !!member.email || !!params.about;
      const after = (await services.store.members(params.centre_id))
        .filter((member) => reachable(member) && wanted(member) && (cursor === null || member.person_id > cursor))
        .sort((a, b) => (a.person_id < b.person_id ? -1 : 1));
      const items = after.slice(0, limit);
      return { items: items.map((member) => ({ key: member.person_id, value: member })), end: after.length > limit ? items.at(-1)!.person_id : null };
    },
    async handle(params, member) {
      if (params.audience === "vote_opened" && params.about) {
        await services.publish("notice.requested", { notice_id: `vote:${params.vote_id}:opened`, kind: "vote_opened", to: { person_id: member.person_id }, about: params.about });
        return true;
      }
      if (params.audience !== "digest" && !member.email && params.about && params.notice_id) {
        await services.publish("notice.requested", { notice_id: params.notice_id, kind: params.audience, to: { person_id: member.person_id }, about: params.about });
        return true;
      }
      return sendInJob(services.mailer, { to: member.email!, subject: params.subject, text: params.text }, { job: `${params.audience}:${params.centre_id}`, person: member.person_id });
    },
  };
  return { mail };
}

/** The job that mails a vote's members (`kind`), for the transaction that opens, reminds or closes it. */
export function voteMailJob(services: CouncilServices, kind: CouncilMail, vote: Vote) {
  const title = vote.proposal_title.slice(0, 200);
  const about: NoticeAbout =
    kind === "vote_result"
      ? { title, path: `/borgerraadet/${vote.centre_id}/forslag/${vote.proposal_id}` }
      : { title, closes_at: vote.closes_at, path: "/borgerraadet/mine-afstemninger" };
  const id = `vote:${vote.id}:${kind}`;
  return services.jobs.newJob<MailParams>(
    "mail",
    id,
    { centre_id: vote.centre_id, audience: kind, vote_id: vote.id, notice_id: id, about, ...voteMail(services.siteUrl, kind, vote) },
    null,
  );
}

/** The job that tells members a planned meeting changed or was called off, for the transaction that stores the change. */
export function meetingMailJob(services: CouncilServices, kind: MeetingMail, meeting: Meeting, before: Meeting) {
  // One job per change (job ids take no dots, so the time in milliseconds); the notice to members without a council address has the same id.
  const id = `meeting:${meeting.id}:${kind}:${Date.parse(meeting.updated_at)}`;
  const about: NoticeAbout = {
    title: "Borgerrådets møde",
    starts_at: meeting.starts_at,
    ends_at: meeting.ends_at,
    place: meeting.place.replace(/\s+/g, " ").slice(0, 200),
    path: `/borgerraadet/${meeting.centre_id}`,
  };
  return services.jobs.newJob<MailParams>(
    "mail",
    id,
    { centre_id: meeting.centre_id, audience: kind, meeting_id: meeting.id, notice_id: id, about, ...meetingMail(services.siteUrl, kind, meeting, before) },
    null,
  );
}

/** The council's jobs, on its own table, each part published to the council itself (`council.job-part`). */
export function councilJobs(services: MailingServices, db: DynamoDBDocumentClient, tableName: string, publish: (part: JobPart) => Promise<void>): Jobs {
  return createJobs({ db, tableName, now: services.now, publish, kinds: kinds(services) });
}
