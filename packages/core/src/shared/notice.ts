import * as v from "valibot";
import { NOTICE_KINDS } from "./notice-kinds.ts";
import { isoDate, isoTimestamp } from "./validation.ts";

/**
 * A notice: what a module tells a person, asked for over the bus (`notice.requested`) and
 * delivered by identity, which alone knows the person's address, language and choices
 * (identity/notices.ts). The request carries what the message is about — a title, a time, a
 * place, a path on the site — never the person's address: identity adds that.
 */

export { NOTICE_KINDS, type NoticeKind } from "./notice-kinds.ts";

const Moment = isoTimestamp("invalid_value");
const Day = isoDate("invalid_value");
const Line = v.pipe(v.string(), v.minLength(1), v.maxLength(200), v.regex(/^[^\r\n]*$/));

/** What, when and where: the message itself carries them, so nobody has to sign in to know. */
export const NoticeAbout = v.object({
  title: Line,
  /** A meeting's time; with `ends_at` it gets a calendar file. */
  starts_at: v.optional(Moment),
  ends_at: v.optional(Moment),
  /** A day without a time (a mentor pair's first meeting). */
  on: v.optional(Day),
  /** When a vote closes. */
  closes_at: v.optional(Moment),
  place: v.optional(Line),
  outcome: v.optional(v.picklist(["accepted", "declined"])),
  /** Which side said yes (a mentor match). */
  side: v.optional(v.picklist(["mentor", "mentee"])),
  /** A path on the site (never a whole address: links only ever point at the configured site). */
  path: v.pipe(v.string(), v.maxLength(300), v.regex(/^\/(?!\/)[A-Za-z0-9/_%.-]*$/)),
});
export type NoticeAbout = v.InferOutput<typeof NoticeAbout>;

const PersonId = v.pipe(v.string(), v.uuid());

/**
 * Who gets it: a person; every staff member of a centre; or, for someone without an account, the
 * contact they typed for this answer (a suggestion's "får du svar"). That contact is the one
 * exception to "ids only on the bus": it is the person's own address travelling to reach them.
 */
export const NoticeRecipient = v.union([
  v.object({ person_id: PersonId }),
  v.object({ staff_of: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
  v.object({ contact: v.object({ email: v.optional(v.pipe(v.string(), v.email())), mobile: v.optional(v.pipe(v.string(), v.regex(/^\+[1-9]\d{7,14}$/))) }) }),
]);

export const NoticeRequest = v.object({
  /** The same id for the same happening, so a notice delivered twice by the bus reaches the person once. */
  notice_id: v.pipe(v.string(), v.regex(/^[a-z-]+:[A-Za-z0-9:_-]{1,200}$/)),
  kind: v.picklist(NOTICE_KINDS),
  to: NoticeRecipient,
  about: NoticeAbout,
});
export type NoticeRequest = v.InferOutput<typeof NoticeRequest>;
