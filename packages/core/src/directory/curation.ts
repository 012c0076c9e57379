import * as v from "valibot";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../identity/person.ts";
import type { AuditLog } from "../shared/audit.ts";
import { ConflictError, InvalidInputError, NotFoundError } from "../shared/errors.ts";
import { optionalText, parseInput, queryInteger } from "../shared/validation.ts";
import { Offer, OfferInput, type CuratedOffer } from "./offer.ts";
import { withOrganization } from "./organizations.ts";
import type { DirectoryStore, WorklistFields } from "./store.ts";

/**
 * Staff keep the directory current: drafts → published → re-verified, unpublished or
 * archived. Every save carries the version the person started from, so two staff members
 * never silently overwrite each other; every change goes to the audit log.
 */

export type CurationServices = { store: DirectoryStore; audit: AuditLog; now: () => Date; recheckAfterDays: number };

export const Version = v.pipe(v.number("version_invalid"), v.integer("version_invalid"), v.minValue(1, "version_invalid"));
export const OfferEdit = v.object({ version: Version, offer: OfferInput });
export const VersionOnly = v.object({ version: Version });

/** An offer on the staff list, with whether it is due for checking. */
export type WorklistOffer = WorklistFields & { needs_checking: boolean };

const today = (now: Date) => now.toISOString().slice(0, 10);

export function needsChecking(offer: Pick<CuratedOffer, "publication" | "assured_date">, now: Date, recheckAfterDays: number): boolean {
  if (offer.publication !== "published") return false;
  if (!offer.assured_date) return true;
  const checked = Date.parse(`${offer.assured_date}T00:00:00Z`);
  return now.getTime() - checked > recheckAfterDays * 24 * 3600 * 1000;
}

/** The worklist's choices: which offers ("check": published and due for checking), and the start of a name. */
export const WORKLIST_STATES = ["all", "check", "draft", "published", "archived"] as const;
export type WorklistState = (typeof WORKLIST_STATES)[number];
export const WorklistQuery = v.object({
  limit: v.optional(queryInteger("limit_invalid", 1, 50), "25"),
  cursor: v.optional(v.pipe(v.string("cursor_invalid"), v.maxLength(2048, "cursor_invalid"))),
  name: optionalText(120, "worklist_name_invalid"),
  state: v.optional(v.picklist(WORKLIST_STATES, "worklist_state_invalid"), "all"),
});
export type WorklistQuery = v.InferOutput<typeof WorklistQuery>;

/** One page of the centre's offers in name order, in every state, with whether each is due for checking. */
export async function listForCentre(
  services: CurationServices,
  centreId: string,
  query: WorklistQuery,
): Promise<{ items: WorklistOffer[]; next_cursor: string | null }> {
  const now = services.now();
  const due = (offer: WorklistFields) => needsChecking(offer, now, services.recheckAfterDays);
  const { state } = query;
  const keep = state === "all" ? undefined : state === "check" ? due : (offer: WorklistFields) => offer.publication === state;
  const page = await services.store.pageCentreWorklist(centreId, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.name ? { name: query.name } : {}),
    ...(keep ? { keep } : {}),
  });
  return { ...page, items: page.items.map((offer) => ({ ...offer, needs_checking: due(offer) })) };
}

/** The offer, if it belongs to this centre; another centre's offer is "not found" to this staff member. */
export async function getForCentre(services: CurationServices, centreId: string, id: string): Promise<CuratedOffer> {
  const offer = await services.store.getCuratedOffer(id);
  if (!offer || offer.centre_id !== centreId) throw new NotFoundError("offer_not_found");
  return offer;
}

/** Names of the fields that differ, so a conflict can say what the other person changed. */
function changedFields(before: CuratedOffer, after: CuratedOffer): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((key) => !["version", "last_modified"].includes(key))
    .filter((key) => JSON.stringify(before[key as keyof CuratedOffer]) !== JSON.stringify(after[key as keyof CuratedOffer]))
    .sort();
}

async function save(
  services: CurationServices,
  actor: Actor,
  action: string,
  before: CuratedOffer | null,
  after: CuratedOffer,
  editedVersion: number | null,
): Promise<CuratedOffer> {
  if (before && editedVersion !== null && before.version !== editedVersion) throw conflict(before, editedVersion);
  const auditLine = services.audit.line({
    actor,
    action,
    item: `directory:offer:${after.id}`,
    summary: JSON.stringify({ name: after.name, publication: after.publication, changed: before ? changedFields(before, after) : ["created"] }),
  });
  // The offer and its audit line are written in one transaction: a change is never left unrecorded.
  if (!(await services.store.saveOffer(after, editedVersion, auditLine))) {
    const current = await services.store.getCuratedOffer(after.id);
    throw conflict(current ?? after, editedVersion ?? 0);
  }
  return after;
}

function conflict(current: CuratedOffer, editedVersion: number) {
  return new ConflictError("offer_conflict", { current, edited_version: editedVersion });
}

export async function createDraft(services: CurationServices, actor: Actor, centreId: string, input: OfferInput): Promise<CuratedOffer> {
  if (input.centre_id !== centreId) throw new InvalidInputError([{ field: "centre_id", message: "centre_invalid" }]);
  const draft: CuratedOffer = {
    ...(await withOrganization(services.store, input)),
    id: uuidv7(),
    publication: "draft",
    version: 1,
    last_modified: services.now().toISOString(),
  };
  return save(services, actor, "directory.offer.create", null, draft, null);
}

/** Refuses, field by field, an offer that is not complete enough for citizens to see. */
const assertComplete = (offer: CuratedOffer) => void parseInput(Offer, offer);

function editable(offer: CuratedOffer) {
  if (offer.publication === "archived") throw new InvalidInputError([{ field: "publication", message: "offer_archived" }]);
}

export async function editOffer(
  services: CurationServices,
  actor: Actor,
  centreId: string,
  id: string,
  edit: v.InferOutput<typeof OfferEdit>,
): Promise<CuratedOffer> {
  // Staff move no offer to a centre that is not theirs.
  if (edit.offer.centre_id !== centreId) throw new InvalidInputError([{ field: "offer.centre_id", message: "centre_invalid" }]);
  const before = await getForCentre(services, centreId, id);
  editable(before);
  const after: CuratedOffer = {
    ...(await withOrganization(services.store, edit.offer, "offer.organization_id")),
    id,
    publication: before.publication,
    ...(before.assured_date ? { assured_date: before.assured_date } : {}),
    version: edit.version + 1,
    last_modified: services.now().toISOString(),
  };
  // A published offer stays complete: an edit that would leave a gap is refused, field by field.
  if (after.publication === "published") assertComplete(after);
  return save(services, actor, "directory.offer.edit", before, after, edit.version);
}

type Transition = "publish" | "unpublish" | "archive" | "verify";

/** Publishing checks the offer is complete and counts as checking it today. */
export async function changeState(
  services: CurationServices,
  actor: Actor,
  centreId: string,
  id: string,
  version: number,
  transition: Transition,
): Promise<CuratedOffer> {
  const before = await getForCentre(services, centreId, id);
  editable(before);
  const now = services.now();
  const base = { ...before, version: version + 1, last_modified: now.toISOString() };
  const after: CuratedOffer =
    transition === "publish" || transition === "verify"
      ? { ...base, publication: transition === "publish" ? "published" : before.publication, assured_date: today(now) }
      : { ...base, publication: transition === "archive" ? "archived" : "draft" };
  if (after.publication === "published") assertComplete(after);
  return save(services, actor, `directory.offer.${transition}`, before, after, version);
}
