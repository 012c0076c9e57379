import type { Actor } from "../identity/person.ts";
import type { AuditLog } from "../shared/audit.ts";
import type { CentreDirectory } from "../shared/centres.ts";
import type { Publisher } from "../shared/events.ts";
import { ConflictError, InvalidInputError, NotFoundError, type FieldProblem } from "../shared/errors.ts";
import { certificateExpiresOn, certificatesExpired, type Mentor, type MentorApplicationInput, type MentorDetailsInput, type ScreeningInput } from "./mentor.ts";
import type { MentorStore } from "./store.ts";

/**
 * Recruitment and screening: anyone signed in applies; staff of the centre record the
 * interview, the certificates and the training, then approve. A scheduled job moves mentors
 * whose certificate ran out to "recheck", which takes them out of matching.
 */

export type MentorServices = {
  store: MentorStore;
  audit: AuditLog;
  now: () => Date;
  certificateValidDays: number;
  closureWeeks: number;
  centres: CentreDirectory;
  /** Match notices go to identity over the bus (shared/notice.ts). */
  publish: Publisher;
};

/** The job's name in the audit log. */
export const SYSTEM_ACTOR = { person_id: "system", display_name: "Nærhed" };

/** A mentor as staff and the mentor see them: with when the certificate runs out. */
export type MentorView = Mentor & { certificate_expires_on: string | null; certificate_expired: boolean };

export function mentorView(mentor: Mentor, services: Pick<MentorServices, "now" | "certificateValidDays">): MentorView {
  const seen = mentor.screening.straffeattest_on;
  return {
    ...mentor,
    certificate_expires_on: seen ? certificateExpiresOn(seen, services.certificateValidDays) : null,
    certificate_expired: certificatesExpired(mentor.screening, services.now(), services.certificateValidDays),
  };
}

/** Apply, or change an application that is not approved yet. An approved mentor asks staff instead. */
export async function applyAsMentor(services: MentorServices, actor: Actor, input: MentorApplicationInput): Promise<MentorView> {
  const existing = await services.store.getMentor(actor.person_id);
  if (existing && (existing.status === "approved" || existing.status === "recheck")) {
    throw new ConflictError("mentor_already_approved", { status: existing.status });
  }
  const mentor: Mentor = {
    ...input,
    id: actor.person_id,
    display_name: actor.display_name,
    status: "applied",
    applied_at: existing?.applied_at ?? services.now().toISOString(),
    screening: existing?.screening ?? {},
    active_pairs: 0,
  };
  if (!(await services.store.saveMentor(mentor, existing ? existing.status : null))) {
    throw new ConflictError("mentor_changed", {});
  }
  return mentorView(mentor, services);
}

export async function myMentorProfile(services: MentorServices, actor: Actor): Promise<MentorView | null> {
  const mentor = await services.store.getMentor(actor.person_id);
  return mentor ? mentorView(mentor, services) : null;
}

/** Staff: applications to screen and mentors to recheck, then the approved pool. */
export async function centreMentors(services: MentorServices, centre: string) {
  const [applied, recheck, approved] = await Promise.all([
    services.store.listMentors(centre, "applied"),
    services.store.listMentors(centre, "recheck"),
    services.store.listMentors(centre, "approved"),
  ]);
  const view = (mentor: Mentor) => mentorView(mentor, services);
  return { to_screen: [...recheck, ...applied].map(view), approved: approved.map(view) };
}

async function mentorOfCentre(services: MentorServices, centre: string, id: string): Promise<Mentor> {
  const mentor = await services.store.getMentor(id);
  if (!mentor || mentor.centre_id !== centre) throw new NotFoundError("mentor_not_found");
  return mentor;
}

/**
 * Records what staff saw and decides. Approving needs an interview, a valid criminal record
 * certificate and training; dates cannot be in the future.
 */
export async function screenMentor(services: MentorServices, actor: Actor, centre: string, id: string, input: ScreeningInput): Promise<MentorView> {
  const mentor = await mentorOfCentre(services, centre, id);
  const now = services.now();
  const today = now.toISOString().slice(0, 10);
  const { decision, note, ...dates } = input;
  const screening = { ...mentor.screening, ...dates, ...(note ? { note } : {}), by: { person_id: actor.person_id, display_name: actor.display_name }, at: now.toISOString() };
  const problems: FieldProblem[] = [];
  for (const [field, date] of Object.entries(dates)) if (date && date > today) problems.push({ field, message: "mentor_date_future" });
  if (decision === "approve") {
    if (!screening.interview_on) problems.push({ field: "interview_on", message: "mentor_interview_required" });
    if (!screening.straffeattest_on) problems.push({ field: "straffeattest_on", message: "mentor_certificate_required" });
    else if (certificatesExpired(screening, now, services.certificateValidDays)) problems.push({ field: "straffeattest_on", message: "mentor_certificate_expired" });
    if (!screening.training_on) problems.push({ field: "training_on", message: "mentor_training_required" });
  }
  if (problems.length) throw new InvalidInputError(problems);
  if (decision === "reject" && mentor.active_pairs > 0) throw new ConflictError("mentor_has_pairs", { active_pairs: mentor.active_pairs });
  const status = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : mentor.status;
  const saved: Mentor = {
    ...mentor,
    status,
    screening,
    ...(decision === "approve" ? { approved_at: now.toISOString() } : {}),
  };
  const line = services.audit.line({
    actor,
    action: `mentor.mentor.${decision}`,
    item: `mentor:mentor:${id}`,
    summary: JSON.stringify({ status, ...dates }),
  });
  if (!(await services.store.saveMentor(saved, mentor.status, line))) throw new ConflictError("mentor_changed", {});
  return mentorView(saved, services);
}

/**
 * Staff change an approved mentor's details (the mentor asks them to: they cannot themselves once
 * approved). Their screening, status and pairs stay; the capacity cannot go below the pairs they have.
 * Written only if the mentor is still in the state staff saw, with the names of the changed fields in the audit log.
 */
export async function editMentorDetails(services: MentorServices, actor: Actor, centre: string, id: string, input: MentorDetailsInput): Promise<MentorView> {
  const mentor = await mentorOfCentre(services, centre, id);
  if (mentor.status !== "approved" && mentor.status !== "recheck") throw new ConflictError("mentor_edit_not_approved", { status: mentor.status });
  if (input.capacity < mentor.active_pairs) {
    throw new InvalidInputError([{ field: "capacity", message: "mentor_capacity_below_pairs", values: { count: String(mentor.active_pairs) } }]);
  }
  const saved: Mentor = { ...mentor, ...input };
  const changed = (Object.keys(input) as (keyof MentorDetailsInput)[]).filter((field) => JSON.stringify(mentor[field]) !== JSON.stringify(saved[field]));
  const line = services.audit.line({
    actor,
    action: "mentor.mentor.edit",
    item: `mentor:mentor:${id}`,
    summary: JSON.stringify({ changed }),
  });
  if (!(await services.store.saveMentor(saved, mentor.status, line))) throw new ConflictError("mentor_changed", {});
  return mentorView(saved, services);
}

/** The job: approved mentors whose certificate ran out go to recheck (safe to run twice). */
export async function expireCertificates(services: MentorServices): Promise<number> {
  let moved = 0;
  for (const centre of await services.centres.all()) {
    for (const mentor of await services.store.listMentors(centre.id, "approved")) {
      if (!certificatesExpired(mentor.screening, services.now(), services.certificateValidDays)) continue;
      const line = services.audit.line({
        actor: SYSTEM_ACTOR,
        action: "mentor.mentor.recheck",
        item: `mentor:mentor:${mentor.id}`,
        summary: JSON.stringify({ straffeattest_on: mentor.screening.straffeattest_on }),
      });
      if (!(await services.store.saveMentor({ ...mentor, status: "recheck" }, "approved", line))) continue;
      moved += 1;
    }
  }
  return moved;
}
