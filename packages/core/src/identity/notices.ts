import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import * as v from "valibot";
import { ForbiddenError, InvalidInputError, NotFoundError, type FieldProblem } from "../shared/errors.ts";
import { toICalendar, type CalendarEvent } from "../shared/icalendar.ts";
import type { Language } from "../shared/language.ts";
import { NOTICE_KINDS, type NoticeKind, type NoticeRequest } from "../shared/notice.ts";
import { MobileNumber } from "../shared/phone.ts";
import { epochSeconds } from "../shared/rate-limit.ts";
import { newToken, sha256 } from "../shared/secrets.ts";
import { isSmsRefused } from "../shared/sms.ts";
import { refuseCardSession } from "./card-rules.ts";
import { calendarSummary, digestLine, digestMail, noticeMail, noticeSms, type NoticeLinks } from "./notice-texts.ts";
import { PersonId, type Actor, type Person } from "./person.ts";
import type { IdentityServices } from "./services.ts";
import type { NoticeChoice, NoticeSettings } from "./store.ts";

/**
 * How a notice reaches a person (issue 16). Modules ask over the bus (`notice.requested`,
 * shared/notice.ts); identity knows the person's address, mobile, language and choices and
 * delivers: per kind now, in the weekly digest, or never, by mail, SMS or both (only channels the
 * person has). Every message carries what, when and where, a calendar file where there is a
 * time, and a "stop these messages" link signed for that person and kind, which works without
 * signing in. Design notes: docs/notices.md.
 */

export const NoticeWhen = v.picklist(["now", "digest", "never"], "notice_when_invalid");
export const NoticeChannel = v.picklist(["mail", "sms", "both"], "notice_channel_invalid");
const NoticeChoiceInput = v.object({ when: NoticeWhen, channel: NoticeChannel });

/** Empty removes the number; absent leaves it as it is. */
const MobileInput = v.pipe(
  v.string("mobile_invalid"),
  v.trim(),
  v.transform((typed) => typed || undefined),
  v.optional(MobileNumber),
);

export const NoticeSettingsInput = v.object({
  mobile: v.optional(MobileInput),
  sign_in: v.optional(NoticeChannel),
  choices: v.optional(
    v.object({
      vote_opened: v.optional(NoticeChoiceInput),
      suggestion_received: v.optional(NoticeChoiceInput),
      suggestion_answered: v.optional(NoticeChoiceInput),
      match_proposed: v.optional(NoticeChoiceInput),
      match_accepted: v.optional(NoticeChoiceInput),
      meeting_changed: v.optional(NoticeChoiceInput),
      meeting_cancelled: v.optional(NoticeChoiceInput),
      vote_closing: v.optional(NoticeChoiceInput),
      vote_result: v.optional(NoticeChoiceInput),
    } satisfies Record<NoticeKind, unknown>),
    {},
  ),
});
export type NoticeSettingsInput = v.InferOutput<typeof NoticeSettingsInput>;

export const StopInput = v.object({
  person_id: PersonId,
  kind: v.picklist(NOTICE_KINDS, "notice_stop_invalid"),
  token: v.pipe(v.string("notice_stop_invalid"), v.regex(/^[A-Za-z0-9_-]{43}$/, "notice_stop_invalid")),
});

export const CalendarToken = v.pipe(v.string("notice_calendar_not_found"), v.regex(/^[A-Za-z0-9_-]{43}$/, "notice_calendar_not_found"));

/** What My page shows and sends back. */
export type NoticeSettingsView = {
  mobile: string | null;
  has_email: boolean;
  sign_in: NoticeChoice["channel"];
  choices: Record<NoticeKind, NoticeChoice>;
  /** The last text that could not be delivered (staff see it on the person's page too). */
  sms_undelivered: NoticeSettings["sms_undelivered"] | null;
};

/** How long a notice's calendar file can be fetched, and a delivery is remembered against a second copy from the bus. */
const CALENDAR_DAYS = 180;
const DELIVERED_DAYS = 30;
const DAY = 24 * 3600;

type Channel = "mail" | "sms";

/** Now, on the channel the person has: mail when they have an address, otherwise SMS. */
const defaultChoice = (person: Pick<Person, "email">): NoticeChoice => ({ when: "now", channel: person.email ? "mail" : "sms" });

const choiceOf = (person: Person, settings: NoticeSettings | undefined, kind: string): NoticeChoice =>
  settings?.choices[kind] ?? defaultChoice(person);

/**
 * The channels a choice means for this person; a chosen channel they no longer have falls back to the one they have.
 * Only channels the person has an address for, hence the `!` on the address where the answer is used.
 */
function channelsFor(person: Pick<Person, "email" | "mobile">, channel: NoticeChoice["channel"]): Channel[] {
  const wanted: Channel[] = channel === "both" ? ["mail", "sms"] : [channel];
  const usable = wanted.filter((one) => (one === "mail" ? !!person.email : !!person.mobile));
  if (usable.length > 0) return usable;
  return person.email ? ["mail"] : person.mobile ? ["sms"] : [];
}

function view(person: Person, settings: NoticeSettings | undefined): NoticeSettingsView {
  return {
    mobile: person.mobile ?? null,
    has_email: !!person.email,
    sign_in: settings?.sign_in ?? (person.email ? "mail" : "sms"),
    choices: Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, choiceOf(person, settings, kind)])) as Record<NoticeKind, NoticeChoice>,
    sms_undelivered: settings?.sms_undelivered ?? null,
  };
}

async function personOf(services: IdentityServices, personId: string): Promise<Person> {
  const person = await services.store.getPerson(personId);
  if (!person) throw new NotFoundError("person_not_found");
  return person;
}

export async function getNoticeSettings(services: IdentityServices, actor: Actor): Promise<NoticeSettingsView> {
  const person = await personOf(services, actor.person_id);
  return view(person, await services.store.noticeSettings(person.id));
}

/** A channel the person does not have is refused, field by field: SMS needs a mobile number, mail an address. */
function unavailable(field: string, channel: NoticeChoice["channel"], person: Pick<Person, "email" | "mobile">): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (channel !== "mail" && !person.mobile) problems.push({ field, message: "notice_channel_no_mobile" });
  if (channel !== "sms" && !person.email) problems.push({ field, message: "notice_channel_no_email" });
  return problems;
}

export async function updateNoticeSettings(services: IdentityServices, actor: Actor, input: NoticeSettingsInput): Promise<NoticeSettingsView> {
  const person = await personOf(services, actor.person_id);
  const before = await services.store.noticeSettings(person.id);
  const mobile = "mobile" in input ? input.mobile : person.mobile;
  const signIn = input.sign_in ?? before?.sign_in;
  // The number and where sign-in codes go are contact details: whoever holds the person's sign-in card
  // must not point them at their own phone and sign in as the person in full (docs/sign-in-cards.md).
  const signInNow = before?.sign_in ?? view(person, before).sign_in;
  if (mobile !== person.mobile || (input.sign_in !== undefined && input.sign_in !== signInNow)) refuseCardSession(actor);
  const after: Person = { ...person, ...(mobile ? { mobile } : {}) };
  if (!mobile) delete after.mobile;
  const choices = { ...before?.choices, ...input.choices };
  const problems = [
    ...Object.entries(choices).flatMap(([kind, choice]) => (choice && choice.when !== "never" ? unavailable(`choices.${kind}.channel`, choice.channel, after) : [])),
    ...(signIn ? unavailable("sign_in", signIn, after) : []),
  ];
  if (problems.length > 0) throw new InvalidInputError(problems);
  if (mobile !== person.mobile) await services.store.setMobile(person.id, mobile);
  await services.store.putNoticeChoices(person.id, choices, signIn);
  return view(after, { ...before, choices, ...(signIn ? { sign_in: signIn } : {}) });
}

/** The key is made once, in the table (pattern 18), and kept by the process: a link signed today still works after a deploy. */
const stopKeys = new WeakMap<IdentityServices["store"], Promise<string>>();

function stopKey(services: IdentityServices): Promise<string> {
  let key = stopKeys.get(services.store);
  if (!key) {
    key = services.store.noticeStopKey(randomBytes(32).toString("base64url"));
    key.catch(() => stopKeys.delete(services.store));
    stopKeys.set(services.store, key);
  }
  return key;
}

const signStop = (key: string, personId: string, kind: string) => createHmac("sha256", key).update(`stop\n${personId}\n${kind}`).digest("base64url");

/** The stop link of one person and kind: the site's page, which asks once and then posts it (a mail scanner opening links stops nothing). */
export async function stopLink(services: IdentityServices, personId: string, kind: NoticeKind): Promise<string> {
  const token = signStop(await stopKey(services), personId, kind);
  return `${services.siteUrl}/stop?p=${personId}&k=${kind}&t=${token}`;
}

/** "Stop these messages", without signing in: the token must be the one signed for exactly this person and kind. */
export async function stopByLink(services: IdentityServices, input: v.InferOutput<typeof StopInput>): Promise<{ kind: NoticeKind }> {
  const expected = Buffer.from(signStop(await stopKey(services), input.person_id, input.kind));
  const given = Buffer.from(input.token);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new ForbiddenError("notice_stop_invalid");
  const person = await services.store.getPerson(input.person_id);
  if (!person) throw new ForbiddenError("notice_stop_invalid");
  const settings = await services.store.noticeSettings(person.id);
  await services.store.stopNotices(person.id, input.kind, choiceOf(person, settings, input.kind).channel);
  return { kind: input.kind };
}

/** The calendar file behind a notice's link, while it is kept. */
export async function calendarFile(services: IdentityServices, token: string): Promise<string> {
  const calendar = await services.store.getCalendar(sha256(token), epochSeconds(services.now()));
  if (!calendar) throw new NotFoundError("notice_calendar_not_found");
  return calendar;
}

const HOUR_MS = 3600 * 1000;

/** The notice's time as a calendar event, if it has one: a meeting, a day, or the moment a vote closes. */
function calendarEvent(language: Language, request: NoticeRequest, open: string): CalendarEvent | undefined {
  const { about } = request;
  // A cancelled meeting's time is in the message, but nobody should add it to a calendar.
  if (request.kind === "meeting_cancelled") return undefined;
  const base = { uid: `${request.notice_id}@naerhed`, summary: calendarSummary(language, request.kind, about), url: open, ...(about.place ? { location: about.place } : {}) };
  if (about.starts_at) return { ...base, start: about.starts_at, end: about.ends_at ?? new Date(Date.parse(about.starts_at) + HOUR_MS).toISOString() };
  if (about.on) {
    const next = new Date(`${about.on}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    return { ...base, start: { day: about.on }, end: { day: next.toISOString().slice(0, 10) } };
  }
  if (about.closes_at) return { ...base, start: about.closes_at, end: about.closes_at };
  return undefined;
}

async function linksFor(services: IdentityServices, language: Language, request: NoticeRequest, personId: string | undefined): Promise<NoticeLinks> {
  const open = `${services.siteUrl}${request.about.path}`;
  const event = calendarEvent(language, request, open);
  let calendar: string | undefined;
  if (event) {
    const token = newToken();
    const now = services.now();
    await services.store.putCalendar(sha256(token), toICalendar([event], { name: "Nærhed", now }), epochSeconds(now) + CALENDAR_DAYS * DAY);
    calendar = `${services.siteUrl}/api/identity/calendar/${token}`;
  }
  return { open, ...(calendar ? { calendar } : {}), ...(personId ? { stop: await stopLink(services, personId, request.kind) } : {}) };
}

/**
 * Sends a text; one SNS will never deliver is recorded for the person's page (and logged without
 * the number) instead of thrown. False when it was refused; anything else (throttling) is thrown.
 */
export async function sendSmsOrRecord(services: IdentityServices, sms: { to: string; text: string }, about: { personId?: string; kind: string }): Promise<boolean> {
  try {
    await services.sms.send(sms);
    return true;
  } catch (error) {
    if (!isSmsRefused(error)) throw error;
    const reason = (error as Error).name;
    console.warn(JSON.stringify({ level: "warn", what: "sms_refused", kind: about.kind, error: reason }));
    if (about.personId) await services.store.recordSmsUndelivered(about.personId, { at: services.now().toISOString(), kind: about.kind, reason });
    return false;
  }
}

/** Sends on one channel once per notice (the bus may bring the request twice). A text that can never be delivered is recorded, not retried. */
async function sendOnce(
  services: IdentityServices,
  request: NoticeRequest,
  to: { key: string; channel: Channel; address: string; personId?: string },
  message: () => Promise<{ subject: string; text: string; sms: string }>,
) {
  const marker = `${to.channel}#${to.key}`;
  if (!(await services.store.claimDelivery(request.notice_id, marker, epochSeconds(services.now()) + DELIVERED_DAYS * DAY))) return;
  try {
    const { subject, text, sms } = await message();
    if (to.channel === "mail") await services.mailer.send({ to: to.address, subject, text });
    else await sendSmsOrRecord(services, { to: to.address, text: sms }, { ...(to.personId ? { personId: to.personId } : {}), kind: request.kind });
  } catch (error) {
    // Throttling or an outage: the bus tries the event again, and that try may send.
    await services.store.releaseDelivery(request.notice_id, marker);
    throw error;
  }
}

async function deliverToPerson(services: IdentityServices, request: NoticeRequest, person: Person): Promise<void> {
  const settings = await services.store.noticeSettings(person.id);
  const choice = choiceOf(person, settings, request.kind);
  if (choice.when === "never") return;
  const open = `${services.siteUrl}${request.about.path}`;
  if (choice.when === "digest") {
    // The line's key is the notice's own: a copy from the bus writes the same line again.
    const at = services.now().toISOString();
    await services.store.addToDigest(person.id, { notice_id: request.notice_id, kind: request.kind, text: digestLine(person.language, request.kind, request.about, open), at });
    return;
  }
  let links: NoticeLinks | undefined;
  const message = async () => {
    links ??= await linksFor(services, person.language, request, person.id);
    return { ...noticeMail(person.language, request.kind, request.about, links), sms: noticeSms(person.language, request.kind, request.about, links) };
  };
  for (const channel of channelsFor(person, choice.channel)) {
    await sendOnce(services, request, { key: person.id, channel, address: channel === "mail" ? person.email! : person.mobile!, personId: person.id }, message);
  }
}

/** The `notice.requested` handler: to a person, every staff member of a centre, or the contact someone without an account gave. */
export async function deliverNotice(services: IdentityServices, request: NoticeRequest): Promise<void> {
  const { to } = request;
  if ("contact" in to) {
    // No account, so no choices and no stop link: one answer to the address they typed for it, in Danish.
    const message = async () => {
      const links = await linksFor(services, "da", request, undefined);
      return { ...noticeMail("da", request.kind, request.about, links), sms: noticeSms("da", request.kind, request.about, links) };
    };
    if (to.contact.email) await sendOnce(services, request, { key: sha256(to.contact.email), channel: "mail", address: to.contact.email }, message);
    else if (to.contact.mobile) await sendOnce(services, request, { key: sha256(to.contact.mobile), channel: "sms", address: to.contact.mobile }, message);
    return;
  }
  const ids = "person_id" in to ? [to.person_id] : await services.store.staffOf(to.staff_of);
  for (const id of ids) {
    const person = await services.store.getPerson(id);
    if (person) await deliverToPerson(services, request, person);
  }
}

/** The weekly job: each person's kept notices in one message, on the channels they chose for those kinds, then forgotten. */
export async function sendDigests(services: IdentityServices): Promise<number> {
  let sent = 0;
  for (const personId of await services.store.peopleWithDigest()) {
    const person = await services.store.getPerson(personId);
    const lines = await services.store.digestOf(personId);
    if (person && lines.length > 0) {
      const settings = await services.store.noticeSettings(personId);
      const kinds = [...new Set(lines.map((line) => line.kind as NoticeKind))];
      const stops = await Promise.all(kinds.map((kind) => stopLink(services, personId, kind)));
      const { subject, text } = digestMail(person.language, lines.map((line) => line.text), stops);
      const channels = new Set(kinds.flatMap((kind) => channelsFor(person, choiceOf(person, settings, kind).channel)));
      if (channels.has("mail")) await services.mailer.send({ to: person.email!, subject, text });
      if (channels.has("sms")) await sendSmsOrRecord(services, { to: person.mobile!, text }, { personId, kind: "digest" });
      sent += 1;
    }
    await services.store.takeDigest(personId);
  }
  return sent;
}
