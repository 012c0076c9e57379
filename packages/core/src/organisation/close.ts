import { setTimeout as sleep } from "node:timers/promises";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../identity/person.ts";
import { ConflictError } from "../shared/errors.ts";
import { epochSeconds } from "../shared/rate-limit.ts";
import { centreConflict, closedCentre, getCentre, saveCentreChange } from "./centres.ts";
import type { Centre, OpenItem } from "./centre.ts";
import type { OrganisationServices } from "./services.ts";

/**
 * Closing a centre. What still runs there lives in other modules' tables (published offers,
 * open votes, open consultations, mentor pairs that have not ended), which this module may not
 * read. So it asks them over the event bus, as identity asks for a person's data
 * (`centre.close-requested`), and each answers with what it still has open at the centre
 * (`centre.open-items`, ids and titles, never a person). The request waits a few seconds for the
 * answers; when all have come and none lists anything, the centre closes; otherwise the answer
 * lists what must be handled first. A slow module means "try again in a moment", and the retry
 * (with the same request id) finds the answers that came meanwhile. Why the bus and not an API
 * call or a read of the other tables: docs/modules.md.
 *
 * Between the check and the close another person could publish something at the centre; each
 * module refuses new things at a closed centre once it has read the closed state (shared/centres.ts,
 * at most a minute later), and whatever slipped in stays visible in the centre's read-only history.
 */


/** How long the close request waits for the modules' answers (the function's limit is 10 s). */
const CLOSE_WAIT_MS = 6000;

export type CloseResult =
  | { status: "closed"; centre: Centre }
  | { status: "checking"; request_id: string; missing: string[] };

export async function closeCentre(
  services: OrganisationServices,
  actor: Actor,
  id: string,
  seenVersion: number,
  requestId?: string,
): Promise<CloseResult> {
  const before = await getCentre(services, id);
  if (before.version !== seenVersion) throw centreConflict(before, seenVersion);
  const now = services.now();
  let check = requestId ? await services.store.getCloseCheck(id, requestId) : undefined;
  if (!check) {
    check = { request_id: uuidv7(), centre_id: id, requested_at: now.toISOString() };
    await services.store.startCloseCheck(check, epochSeconds(now));
    await services.publish("centre.close-requested", { request_id: check.request_id, centre_id: id });
  }
  const deadline = Date.now() + CLOSE_WAIT_MS;
  for (;;) {
    const answers = await services.store.closeAnswers(id, check.request_id);
    const missing = services.closeCheckModules.filter((module) => !(module in answers));
    if (missing.length === 0) {
      const open = Object.values(answers).flat();
      if (open.length > 0) throw new ConflictError("centre_still_in_use", { items: open });
      const after = closedCentre(before, now.toISOString());
      if (!(await saveCentreChange(services, actor, "organisation.centre.close", after, seenVersion, { checked: check.request_id }))) {
        throw centreConflict((await services.store.getCentre(id)) ?? before, seenVersion);
      }
      return { status: "closed", centre: after };
    }
    if (Date.now() >= deadline) return { status: "checking", request_id: check.request_id, missing };
    await sleep(100);
  }
}

/** A module's answer arrived (safe to receive twice: the same answer is written again). */
export async function keepOpenItems(
  services: Pick<OrganisationServices, "store" | "now">,
  detail: { request_id: string; centre_id: string; module: string; items: OpenItem[] },
): Promise<void> {
  await services.store.putCloseAnswer(detail.centre_id, detail.request_id, detail.module, detail.items, epochSeconds(services.now()));
}
