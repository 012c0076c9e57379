import { setTimeout as sleep } from "node:timers/promises";
import { v7 as uuidv7 } from "uuid";
import type { Publisher } from "../shared/events.ts";
import { epochSeconds } from "../shared/rate-limit.ts";
import type { IdentityServices } from "./services.ts";

/**
 * A person's own data across modules (GDPR), asked for through identity and answered by every
 * module that holds personal data, over the event bus (design and reasons: docs/personal-data.md).
 *
 * Export: identity asks (`personal-data.export-requested`); each module sends its part back
 * (`personal-data.export-part`), which identity keeps for an hour under the request. The
 * download waits a few seconds for the parts; when one is late the person is asked to try again
 * shortly, and that try finds what has come meanwhile.
 *
 * Erase: identity ends every session, marks the person as being erased (nobody can sign in as
 * them meanwhile) and asks every module (`personal-data.erase-requested`). Each module confirms
 * (`personal-data.erased`); when the last one has, identity erases itself. Until then a job
 * asks the modules that have not confirmed again.
 */

export type PersonalDataServices = IdentityServices & { publish: Publisher; modules: readonly string[] };

/** An export asked for this recently is reused: a second click or a retry does not ask every module again. */
const EXPORT_REUSE_SECONDS = 10 * 60;
/** How long the download waits for the modules' parts (the function's time limit is 10 s). */
const EXPORT_WAIT_MS = 6000;
/** An erasure unconfirmed for this long is asked for again. */
const ERASE_REDRIVE_AFTER_SECONDS = 10 * 60;

/** Everything identity itself holds about the person (the mobile number is in `person`); secrets (hashes, the stop key) are never part of it. */
export async function exportIdentityData(services: Pick<IdentityServices, "store">, personId: string) {
  const person = await services.store.getPerson(personId);
  const sessions = await services.store.sessionsOf(personId);
  return {
    person,
    notices: (await services.store.noticeSettings(personId)) ?? null,
    notices_for_the_weekly_digest: await services.store.digestOf(personId),
    has_password: !!(await services.store.getPasswordHash(personId)),
    sessions: sessions.map((session) => ({ started: session.created_at, ends: new Date(session.expires_at * 1000).toISOString() })),
  };
}

export type ExportResult = { ready: true; data: Record<string, unknown> } | { ready: false; missing: string[] };

/** The person's data from every module, or which modules have not answered yet. */
export async function exportPersonalData(services: PersonalDataServices, personId: string): Promise<ExportResult> {
  const now = services.now();
  const since = new Date(now.getTime() - EXPORT_REUSE_SECONDS * 1000).toISOString();
  let requestId = await services.store.currentExport(personId, since);
  if (!requestId) {
    requestId = uuidv7();
    await services.store.startExport(personId, requestId, now.toISOString(), epochSeconds(now));
    await services.publish("personal-data.export-requested", { request_id: requestId, person_id: personId });
  }
  const deadline = Date.now() + EXPORT_WAIT_MS;
  for (;;) {
    const parts = await services.store.exportParts(requestId, personId);
    const missing = services.modules.filter((module) => !(module in parts));
    if (missing.length === 0) {
      return { ready: true, data: { exported_at: now.toISOString(), identity: await exportIdentityData(services, personId), ...parts } };
    }
    if (Date.now() >= deadline) return { ready: false, missing };
    await sleep(100);
  }
}

/** A module's part arrived. */
export async function keepExportPart(services: IdentityServices, detail: { request_id: string; person_id: string; module: string; part: unknown }) {
  await services.store.putExportPart(detail.request_id, detail.person_id, detail.module, detail.part, epochSeconds(services.now()));
}

/** Erases identity's own data: the person, their email, sessions and any export. Erasing someone already gone does nothing. */
export async function eraseIdentityData(services: Pick<IdentityServices, "store">, personId: string): Promise<void> {
  await services.store.deleteExport(personId);
  const person = await services.store.getPerson(personId);
  if (person) await services.store.deletePerson(person);
  else await services.store.deleteSessionsOf(personId);
}

/** DELETE /api/me: the person is signed out everywhere and cannot sign in again; every module is asked to erase them. */
export async function requestErasure(services: PersonalDataServices, personId: string): Promise<void> {
  await services.store.deleteSessionsOf(personId);
  const started = await services.store.startErasure(personId, [...services.modules], services.now().toISOString());
  if (!started) return;
  if (services.modules.length === 0) return eraseIdentityData(services, personId);
  await services.publish("personal-data.erase-requested", { person_id: personId });
}

/** A module confirmed; after the last one identity erases itself. Safe to receive twice. */
export async function confirmErasure(services: PersonalDataServices, personId: string, module: string): Promise<void> {
  const pending = await services.store.confirmErased(personId, module);
  if (pending?.length === 0) await eraseIdentityData(services, personId);
}

/** The job: erasures some module has not confirmed for a while are asked for again (the modules erase idempotently). */
export async function redriveErasures(services: PersonalDataServices): Promise<number> {
  const before = new Date(services.now().getTime() - ERASE_REDRIVE_AFTER_SECONDS * 1000).toISOString();
  let sent = 0;
  for (const erasure of await services.store.unfinishedErasures()) {
    if (erasure.sent_at > before) continue;
    if (erasure.pending.length === 0) {
      await eraseIdentityData(services, erasure.person_id);
      continue;
    }
    await services.store.startErasure(erasure.person_id, [], services.now().toISOString());
    await services.publish("personal-data.erase-requested", { person_id: erasure.person_id });
    sent += 1;
  }
  return sent;
}
