import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../identity/person.ts";
import * as v from "valibot";
import type { AuditLog } from "../shared/audit.ts";
import type { Publisher } from "../shared/events.ts";
import type { NoticeRequest } from "../shared/notice.ts";
import { MobileNumber } from "../shared/phone.ts";
import { ConflictError, NotFoundError } from "../shared/errors.ts";
import { epochSeconds, limit, type Hit, type LimitRule } from "../shared/rate-limit.ts";
import type { CuratedOffer } from "./offer.ts";
import type { DirectoryStore } from "./store.ts";
import type { Suggestion, SuggestionInput } from "./suggestion.ts";

/**
 * "Kender du et tilbud?": anyone may suggest an offer. Suggestions wait in the queue of the
 * centre they are near; staff of that centre accept one (it becomes a draft offer, which they
 * then complete and publish) or decline it with a reason. Sending is limited: per client
 * address for people who are not signed in, per person for those who are.
 */

export type SuggestionServices = { store: DirectoryStore; audit: AuditLog; now: () => Date; publish: Publisher };

export const SUGGESTION_LIMITS_PER_WINDOW = {
  anonymous: { scope: "suggest-client", max: 5, windowSeconds: 60 * 60, reason: "suggestion_too_many" },
  signedIn: { scope: "suggest-person", max: 20, windowSeconds: 24 * 60 * 60, reason: "suggestion_too_many" },
} as const satisfies Record<string, LimitRule>;

/** How long a handled suggestion (with the suggester's contact details) is kept. */
export const HANDLED_SUGGESTION_DAYS = 90;

/**
 * Stores a new suggestion. The input is already valid (checked at the edge), so a mistake in
 * the form never counts against the limit; only suggestions that would be stored do.
 */
export async function suggestOffer(
  services: SuggestionServices,
  input: SuggestionInput,
  from: { actor: Actor | null; clientAddress: string },
): Promise<Suggestion> {
  const hit: Hit = services.store.hit;
  if (from.actor) await limit(hit, services.now(), SUGGESTION_LIMITS_PER_WINDOW.signedIn, from.actor.person_id);
  else await limit(hit, services.now(), SUGGESTION_LIMITS_PER_WINDOW.anonymous, from.clientAddress);
  const suggestion: Suggestion = {
    ...input,
    id: uuidv7(),
    centre_id: input.centre_id,
    status: "pending",
    created_at: services.now().toISOString(),
  };
  await services.store.putSuggestion(suggestion, from.actor?.person_id);
  // Staff of the centre hear of it (identity knows who they are and how each wants to be told).
  await services.publish("notice.requested", {
    notice_id: `suggestion:${suggestion.id}:received`,
    kind: "suggestion_received",
    to: { staff_of: suggestion.centre_id },
    about: { title: suggestion.name, place: firstLine(suggestion.where), path: "/personale/forslag" },
  });
  return suggestion;
}

/** A notice's title or place is one line of at most 200 characters: the first line of what was typed. */
const firstLine = (text: string) => (text.split(/\r?\n/)[0] ?? "").trim().slice(0, 200) || "-";

/**
 * "Får du svar": the citizen hears whether staff took the suggestion. A signed-in citizen through
 * their own choices; someone without an account at the email (or mobile) they gave for it.
 */
async function tellSuggester(services: SuggestionServices, suggestion: Suggestion, outcome: "accepted" | "declined") {
  const personId = await services.store.suggesterOf(suggestion.id);
  const mobile = v.safeParse(MobileNumber, suggestion.contact_phone ?? "");
  const to: NoticeRequest["to"] | undefined = personId
    ? { person_id: personId }
    : suggestion.contact_email
      ? { contact: { email: suggestion.contact_email } }
      : mobile.success
        ? { contact: { mobile: mobile.output } }
        : undefined;
  if (!to) return;
  await services.publish("notice.requested", {
    notice_id: `suggestion:${suggestion.id}:answered`,
    kind: "suggestion_answered",
    to,
    about: { title: suggestion.name, outcome, path: "/tilbud" },
  });
}

/** A signed-in person's suggestions, with the contact details they gave (their part of the export). */
export async function exportSuggestions(services: SuggestionServices, personId: string) {
  return { suggestions: await services.store.suggestionsBy(personId) };
}

/**
 * Erasing a person removes their contact details from every suggestion they sent and the link
 * to them; what was suggested stays, like any other tip (a handled one expires after 90 days).
 */
export async function eraseSuggestions(services: SuggestionServices, personId: string): Promise<void> {
  for (const suggestion of await services.store.suggestionsBy(personId)) await services.store.forgetSuggester(suggestion.id);
}

/** The centre's moderation queue, oldest first. */
export function pendingSuggestions(services: SuggestionServices, centreId: string): Promise<Suggestion[]> {
  return services.store.listSuggestions(centreId, "pending");
}

/** The suggestion, if it is near this centre; another centre's is "not found" to this staff member. */
async function getForCentre(services: SuggestionServices, centreId: string, id: string): Promise<Suggestion> {
  const suggestion = await services.store.getSuggestion(id);
  if (!suggestion || suggestion.centre_id !== centreId) throw new NotFoundError("suggestion_not_found");
  return suggestion;
}

function alreadyHandled(current: Suggestion | undefined) {
  return new ConflictError("suggestion_handled", { status: current?.status ?? "pending", offer_id: current?.offer_id ?? null });
}

function handling(services: SuggestionServices, actor: Actor) {
  const now = services.now();
  return {
    handled_by: { person_id: actor.person_id, display_name: actor.display_name },
    handled_at: now.toISOString(),
    expires_at: epochSeconds(now) + HANDLED_SUGGESTION_DAYS * 24 * 3600,
  };
}

/** The draft a suggestion becomes: what the citizen told us, for staff to complete. */
export function draftFrom(suggestion: Suggestion, id: string, now: Date): CuratedOffer {
  return {
    id,
    name: suggestion.name,
    description: suggestion.description,
    centre_id: suggestion.centre_id,
    ...(suggestion.category ? { category: suggestion.category } : {}),
    // "Where and how to get in touch", in the citizen's words; staff turn it into address and contact.
    application_process: suggestion.where,
    publication: "draft",
    version: 1,
    last_modified: now.toISOString(),
  };
}

/**
 * Accepts a pending suggestion: one transaction creates the draft offer and marks the
 * suggestion accepted. When two staff members accept at once, one gets the draft, the other 409.
 */
export async function acceptSuggestion(services: SuggestionServices, actor: Actor, centreId: string, id: string): Promise<CuratedOffer> {
  const suggestion = await getForCentre(services, centreId, id);
  if (suggestion.status !== "pending") throw alreadyHandled(suggestion);
  const draft = draftFrom(suggestion, uuidv7(), services.now());
  const lines = [
    services.audit.line({
      actor,
      action: "directory.suggestion.accept",
      item: `directory:suggestion:${id}`,
      summary: JSON.stringify({ name: suggestion.name, offer_id: draft.id }),
    }),
    services.audit.line({
      actor,
      action: "directory.offer.create",
      item: `directory:offer:${draft.id}`,
      summary: JSON.stringify({ name: draft.name, publication: draft.publication, changed: ["created"], suggestion_id: id }),
    }),
  ];
  const accepted = await services.store.handleSuggestion(id, centreId, { status: "accepted", ...handling(services, actor), offer_id: draft.id }, lines, draft);
  if (!accepted) throw alreadyHandled(await services.store.getSuggestion(id));
  await tellSuggester(services, suggestion, "accepted");
  return draft;
}

/** Declines a pending suggestion; the reason is for staff only and no draft is made. */
export async function declineSuggestion(
  services: SuggestionServices,
  actor: Actor,
  centreId: string,
  id: string,
  reason: string,
): Promise<Suggestion> {
  const suggestion = await getForCentre(services, centreId, id);
  if (suggestion.status !== "pending") throw alreadyHandled(suggestion);
  const fields = { ...handling(services, actor), decline_reason: reason };
  const line = services.audit.line({
    actor,
    action: "directory.suggestion.decline",
    item: `directory:suggestion:${id}`,
    summary: JSON.stringify({ name: suggestion.name, reason }),
  });
  if (!(await services.store.handleSuggestion(id, centreId, { status: "declined", ...fields }, [line]))) {
    throw alreadyHandled(await services.store.getSuggestion(id));
  }
  await tellSuggester(services, suggestion, "declined");
  const { expires_at: _kept, ...handled } = fields;
  return { ...suggestion, status: "declined", ...handled };
}
