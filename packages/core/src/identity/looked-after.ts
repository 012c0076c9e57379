import * as v from "valibot";
import { v7 as uuidv7 } from "uuid";
import { MobileNumber } from "../shared/phone.ts";
import { ConflictError, NotFoundError } from "../shared/errors.ts";
import { DisplayName, Email, PreferredLanguage, type Actor, type Person } from "./person.ts";
import { exportPersonalData, requestErasure, type PersonalDataServices } from "./personal-data.ts";
import type { IdentityServices } from "./services.ts";

/**
 * People a centre's staff look after (issue 16): people with no email, or who cannot sign in
 * on their own, whom staff create with the person beside them. Only staff of that centre manage
 * them (the route checks the centre, `lookedAfter` that the person is the centre's), and every
 * action on the person's behalf is audited with "person present".
 */

/**
 * Staff confirm the person is beside them for everything they do on the person's behalf. Checked
 * on the whole input, so a missing tick gets this message and not "the field is empty".
 */
const withPersonPresent = <const Entries extends v.ObjectEntries>(entries: Entries) =>
  v.pipe(
    v.object({ ...entries, person_present: v.optional(v.unknown()) }),
    v.forward(
      v.check((input) => input.person_present === true, "person_present_required"),
      ["person_present"] as never,
    ),
  );

export const LookedAfterInput = withPersonPresent({
  display_name: DisplayName,
  email: v.optional(Email),
  mobile: v.optional(MobileNumber),
  language: v.optional(PreferredLanguage, "da"),
});

/** An action on someone's behalf, which the audit log records as done with them present. */
export const OnBehalf = withPersonPresent({});

export type LookedAfterSummary = {
  id: string;
  display_name: string;
  has_email: boolean;
  has_mobile: boolean;
  has_card: boolean;
  /** When an SMS to the person last could not be sent (notices.ts), for staff to check the number with them. */
  sms_undelivered_at: string | null;
  consent: Person["consent"];
};

/** What the audit log keeps of an action on the person's behalf: always "person_present", which the route required. */
const onBehalfEntry = (actor: Actor, action: string, personId: string, summary: Record<string, unknown> = {}) => ({
  actor,
  action,
  item: `identity:person:${personId}`,
  summary: JSON.stringify({ ...summary, person_present: true }),
});

/** The audit line of a change on the person's behalf, written with the change. */
export const auditOnBehalf = (services: IdentityServices, ...entry: Parameters<typeof onBehalfEntry>) => services.audit.line(onBehalfEntry(...entry));

export async function createLookedAfter(services: IdentityServices, actor: Actor, centre: string, input: v.InferOutput<typeof LookedAfterInput>): Promise<Person> {
  const now = services.now().toISOString();
  const person: Person & { looked_after_at: string } = {
    id: uuidv7(),
    display_name: input.display_name,
    language: input.language,
    grants: [{ role: "citizen" }],
    created_at: now,
    looked_after_at: centre,
    consent: { how: "in_person", by_id: actor.person_id, by_name: actor.display_name, at: now },
    ...(input.email ? { email: input.email } : {}),
    ...(input.mobile ? { mobile: input.mobile } : {}),
  };
  // An email someone already signs in with stays theirs: staff cannot take it over for another person.
  const created = await services.store.createLookedAfter(person, auditOnBehalf(services, actor, "identity.looked-after.create", person.id, { centre }));
  if (!created) throw new ConflictError("email_taken", {});
  return person;
}

/** The person, if the centre looks after them; any other person is "not found" to that centre's staff. */
export async function lookedAfter(services: Pick<IdentityServices, "store">, centre: string, personId: string): Promise<Person> {
  const person = await services.store.getPerson(personId);
  if (!person || person.looked_after_at !== centre) throw new NotFoundError("person_not_found");
  return person;
}

/** Everyone the centre looks after, by name, with whether they have an email (those without get their news another way). */
export async function listLookedAfter(services: Pick<IdentityServices, "store">, centre: string): Promise<LookedAfterSummary[]> {
  const people = [];
  for (const id of await services.store.lookedAfterIds(centre)) {
    const person = await services.store.getPerson(id);
    if (!person) continue;
    people.push({
      id: person.id,
      display_name: person.display_name,
      has_email: person.email !== undefined,
      has_mobile: person.mobile !== undefined,
      has_card: (await services.store.currentCardId(id)) !== undefined,
      sms_undelivered_at: (await services.store.noticeSettings(id))?.sms_undelivered?.at ?? null,
      consent: person.consent,
    });
  }
  return people.sort((a, b) => a.display_name.localeCompare(b.display_name, "da"));
}

/** GDPR export through staff, with the person present: recorded before the data goes out. */
export async function exportOnBehalf(services: PersonalDataServices, actor: Actor, centre: string, personId: string) {
  await lookedAfter(services, centre, personId);
  await services.audit.record(onBehalfEntry(actor, "identity.looked-after.export", personId));
  return exportPersonalData(services, personId);
}

/** GDPR erasure through staff, with the person present: as the person's own "delete me". */
export async function eraseOnBehalf(services: PersonalDataServices, actor: Actor, centre: string, personId: string): Promise<void> {
  await lookedAfter(services, centre, personId);
  await services.audit.record(onBehalfEntry(actor, "identity.looked-after.erase", personId));
  await requestErasure(services, personId);
}
