import { hasRole, type Actor } from "../identity/person.ts";
import type { AuditLog } from "../shared/audit.ts";
import type { CentreDirectory } from "../shared/centres.ts";
import type { Publisher } from "../shared/events.ts";
import type { Mailer } from "../shared/mailer.ts";
import type { Jobs } from "../shared/resumable-jobs.ts";
import { inTerm, type Member } from "./council.ts";
import type { CouncilStore } from "./store.ts";

/**
 * What the council's use cases need; built once per process. `jobs` send mail to members in parts
 * (mailing.ts); `publish` asks identity to deliver a notice ("a vote is open for you").
 */
export type CouncilServices = {
  store: CouncilStore;
  audit: AuditLog;
  mailer: Mailer;
  publish: Publisher;
  now: () => Date;
  siteUrl: string;
  centres: CentreDirectory;
  jobs: Jobs;
};

/** Staff of the centre and admins manage the council; so do its chair and deputy chair while their term runs. */
export async function canManage(services: CouncilServices, actor: Actor, centre: string): Promise<boolean> {
  if (hasRole(actor, "admin") || hasRole(actor, "staff", centre)) return true;
  const member = await services.store.getMember(centre, actor.person_id);
  return !!member && (member.role === "chair" || member.role === "deputy_chair") && inTerm(member, services.now());
}

/** The secretary writes the minutes too, member or staff, while their term runs; so does whoever manages the council. */
export async function canKeepMinutes(services: CouncilServices, actor: Actor, centre: string): Promise<boolean> {
  const member = await currentMember(services, actor, centre);
  return member?.role === "secretary" || (await canManage(services, actor, centre));
}

/**
 * Who writes down a vote taken at a meeting: those who ran the meeting and keep its record, the
 * chair, deputy chair or secretary while their term runs. Not staff or admins as such: the
 * council speaks for itself here (a staff member who is the secretary records as secretary).
 */
export async function canRecordAtMeeting(services: CouncilServices, actor: Actor, centre: string): Promise<boolean> {
  const member = await currentMember(services, actor, centre);
  return !!member && (member.role === "chair" || member.role === "deputy_chair" || member.role === "secretary");
}

export async function currentMember(services: CouncilServices, actor: Actor, centre: string): Promise<Member | undefined> {
  const member = await services.store.getMember(centre, actor.person_id);
  return member && inTerm(member, services.now()) ? member : undefined;
}

/**
 * Members of the council (in term), people identity gave the council-member role at this
 * centre (before staff add them to the member list), and the managers: they read the inbox and comment.
 */
export async function isInCouncil(services: CouncilServices, actor: Actor, centre: string): Promise<boolean> {
  return hasRole(actor, "council_member", centre) || !!(await currentMember(services, actor, centre)) || (await canManage(services, actor, centre));
}

export const auditActor = (actor: Actor) => ({ person_id: actor.person_id, display_name: actor.display_name });

/** What a person may do at a centre's council, for the pages to offer; every route checks again. Nobody signed in may do none of it. */
export async function councilCan(services: CouncilServices, actor: Actor | null, centre: string) {
  return {
    manage: !!actor && (await canManage(services, actor, centre)),
    read_inbox: !!actor && (await isInCouncil(services, actor, centre)),
    vote: !!actor && !!(await currentMember(services, actor, centre)),
    manage_members: hasRole(actor, "admin") || hasRole(actor, "staff", centre),
    keep_minutes: !!actor && (await canKeepMinutes(services, actor, centre)),
    record_meeting_votes: !!actor && (await canRecordAtMeeting(services, actor, centre)),
  };
}
