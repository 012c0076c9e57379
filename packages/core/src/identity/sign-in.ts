import * as v from "valibot";
import { v7 as uuidv7 } from "uuid";
import { InvalidInputError } from "../shared/errors.ts";
import type { MessageKey } from "../shared/messages.ts";
import { countFailure, limit, refuseIfReached, type LimitRule } from "../shared/rate-limit.ts";
import { newCode, newToken, sameHash, sha256, verifyPassword } from "../shared/secrets.ts";
import type { Language } from "../shared/language.ts";
import { signInMail } from "./mails.ts";
import { signInSms } from "./notice-texts.ts";
import { sendSmsOrRecord } from "./notices.ts";
import { Email, PreferredLanguage, type Person, type Role } from "./person.ts";
import { epochSeconds, type IdentityServices } from "./services.ts";
import { startSession } from "./sessions.ts";

/**
 * Sign-in without a password puzzle (WCAG 2.2 SC 3.3.8): the person types their email and
 * gets a one-time link and a 6-digit code. Either works once, for 15 minutes, with at most
 * 5 tries. A first sign-in creates the person as a citizen.
 */

export const CHALLENGE_SECONDS = 15 * 60;
export const MAX_TRIES = 5;

const MINUTE = 60;
const DAY = 24 * 3600;

/**
 * Limits that stop guessing and mail-bombing without letting a stranger lock the owner out:
 * - Each way in counts on its own: asking for codes never blocks the password, or the other way round.
 * - Per email, counts are per email *and* client address, so a stranger at another address
 *   uses up only their own share. A larger per-email cap stops many addresses working together;
 *   it does not apply at an address the email has signed in from before (the owner's).
 * - Wrong codes are counted per client address and per email a day; over the daily one, codes
 *   for that email are refused but the link in the mail still works (it cannot be guessed).
 */
export const SIGN_IN_LIMITS = {
  code: {
    emailFromClient: { max: 5, windowSeconds: 15 * MINUTE },
    client: { max: 30, windowSeconds: 15 * MINUTE },
    email: { max: 10, windowSeconds: DAY },
  },
  password: {
    emailFromClient: { max: 10, windowSeconds: 15 * MINUTE },
    client: { max: 30, windowSeconds: 15 * MINUTE },
    email: { max: 30, windowSeconds: DAY },
  },
  wrongCode: {
    client: { max: 30, windowSeconds: 60 * MINUTE },
    email: { max: 20, windowSeconds: DAY },
  },
  wrongCardCode: {
    everywhere: { max: 1000, windowSeconds: 60 * MINUTE },
  },
} as const;

/** How long an address the email signed in from counts as the owner's. */
export const KNOWN_ADDRESS_SECONDS = 90 * DAY;

/** Without `language`, the route takes the browser's (Accept-Language): a new person gets mail they can read. */
export const SignInRequest = v.object({ email: Email, language: v.optional(PreferredLanguage) });

export const SignInVerify = v.pipe(
  v.object({
    challenge_id: v.pipe(v.string("challenge_invalid"), v.uuid("challenge_invalid")),
    code: v.optional(v.pipe(v.string("code_invalid"), v.trim(), v.regex(/^\d{6}$/, "code_invalid"))),
    token: v.optional(v.pipe(v.string("challenge_invalid"), v.regex(/^[A-Za-z0-9_-]{43}$/, "challenge_invalid"))),
  }),
  v.forward(
    v.check((input) => input.code !== undefined || input.token !== undefined, "code_invalid"),
    ["code"],
  ),
);

/** Who may set and use a password in addition to the code. */
export const PASSWORD_ROLES: readonly Role[] = ["staff", "admin"];

export const PasswordSignIn = v.object({
  email: Email,
  password: v.pipe(v.string("password_wrong"), v.minLength(1, "password_wrong"), v.maxLength(200, "password_wrong")),
});

type Way = "code" | "password";

const rule = (scope: string, limits: { max: number; windowSeconds: number }, reason: MessageKey): LimitRule => ({ scope, ...limits, reason });

/** Counts one attempt to sign in `email` from `client` the given way; throws 429 over a limit. */
async function limitSignIn(services: IdentityServices, way: Way, email: string, client: string) {
  const limits = SIGN_IN_LIMITS[way];
  const reason = way === "code" ? "sign_in_too_many" : "password_too_many";
  const now = services.now();
  await limit(services.store.hit, now, rule(`${way}-email-client`, limits.emailFromClient, reason), `${email}\n${client}`);
  await limit(services.store.hit, now, rule(`${way}-client`, limits.client, reason), client);
  if (!(await services.store.isKnownAddress(email, client, epochSeconds(now)))) {
    await limit(services.store.hit, now, rule(`${way}-email`, limits.email, reason), email);
  }
}

/** Wrong codes per address count sign-in codes and typed card codes together (cards.ts). */
export const wrongCodeRules = {
  client: rule("wrong-code-client", SIGN_IN_LIMITS.wrongCode.client, "code_too_many_wrong_here"),
  email: rule("wrong-code-email", SIGN_IN_LIMITS.wrongCode.email, "code_too_many_wrong_today"),
};

/**
 * Card sign-ins: attempts per address as many as code requests; a wrong typed code names no
 * card, so instead of a per-email cap there is one for the whole platform (the QR still works over it).
 */
export const cardLimitRules = {
  client: rule("card-client", SIGN_IN_LIMITS.code.client, "sign_in_too_many"),
  wrongEverywhere: rule("wrong-card-code-all", SIGN_IN_LIMITS.wrongCardCode.everywhere, "card_code_too_many_wrong"),
};

/** A session for the person, and their address remembered as one they sign in from. */
async function signedIn(services: IdentityServices, person: Person & { email: string }, client: string) {
  await services.store.rememberAddress(person.email, client, epochSeconds(services.now()) + KNOWN_ADDRESS_SECONDS);
  return { person, token: await startSession(services, person) };
}

export async function requestSignIn(
  services: IdentityServices,
  input: v.InferOutput<typeof SignInRequest> & { language: Language },
  clientAddress: string,
): Promise<{ challenge_id: string }> {
  await limitSignIn(services, "code", input.email, clientAddress);

  const id = uuidv7();
  const code = newCode();
  const token = newToken();
  const personId = await services.store.findPersonId(input.email);
  const person = personId ? await services.store.getPerson(personId) : undefined;
  const language = person?.language ?? input.language;
  await services.store.putChallenge({
    id,
    email: input.email,
    language,
    code_hash: sha256(`${id}:${code}`),
    token_hash: sha256(token),
    tries: 0,
    used: false,
    expires_at: epochSeconds(services.now()) + CHALLENGE_SECONDS,
  });
  // Only ever the configured site: a link built from the request could point anywhere.
  const link = `${services.siteUrl}/logind/link?c=${id}&t=${token}`;
  await sendCode(services, person, { language, email: input.email, code, link });
  // The same answer whether or not the email is known, so nobody can probe who is a member.
  return { challenge_id: id };
}

/**
 * The code goes where the person chose (identity/notices.ts): by mail, or by SMS (code only: a
 * link is too long to type from a phone's message), or both. A text that can never be delivered
 * is recorded for staff and the code goes by mail instead, so nobody is left without a way in.
 */
async function sendCode(services: IdentityServices, person: Person | undefined, code: { language: Language; email: string; code: string; link: string }) {
  const way = person?.mobile ? ((await services.store.noticeSettings(person.id))?.sign_in ?? "mail") : "mail";
  let mail = way !== "sms";
  if (way !== "mail" && person?.mobile) {
    if (!(await sendSmsOrRecord(services, { to: person.mobile, text: signInSms(code.language, code.code) }, { personId: person.id, kind: "sign_in" }))) mail = true;
  }
  if (mail) await services.mailer.send(signInMail(code.language, code.email, code.code, code.link));
}

const codeProblem = (message: "code_wrong" | "code_expired" | "code_used" | "code_too_many_tries" | "challenge_invalid") =>
  new InvalidInputError([{ field: "code", message }]);

export async function verifySignIn(
  services: IdentityServices,
  input: v.InferOutput<typeof SignInVerify>,
  clientAddress: string,
): Promise<{ person: Person; token: string }> {
  const challenge = await services.store.getChallenge(input.challenge_id);
  const now = epochSeconds(services.now());
  if (!challenge) throw codeProblem("challenge_invalid");
  if (challenge.used) throw codeProblem("code_used");
  if (challenge.expires_at <= now) throw codeProblem("code_expired");
  // A code (a million possibilities) can be guessed, a link's token cannot: only codes are limited here.
  const byCode = input.token === undefined;
  if (byCode) {
    await refuseIfReached(services.store.peek, services.now(), wrongCodeRules.client, clientAddress);
    await refuseIfReached(services.store.peek, services.now(), wrongCodeRules.email, challenge.email);
  }
  if (!(await services.store.countTry(challenge.id, MAX_TRIES, now))) throw codeProblem("code_too_many_tries");

  const matches = input.token
    ? sameHash(sha256(input.token), challenge.token_hash)
    : sameHash(sha256(`${challenge.id}:${input.code}`), challenge.code_hash);
  if (!matches) {
    if (byCode) {
      await countFailure(services.store.hit, services.now(), wrongCodeRules.client, clientAddress);
      await countFailure(services.store.hit, services.now(), wrongCodeRules.email, challenge.email);
    }
    throw codeProblem(challenge.tries + 1 >= MAX_TRIES ? "code_too_many_tries" : "code_wrong");
  }
  if (!(await services.store.useChallenge(challenge.id))) throw codeProblem("code_used");

  return signedIn(services, await findOrCreatePerson(services, challenge.email, challenge.language), clientAddress);
}

/** The person with this email; a new citizen the first time they sign in. */
export async function findOrCreatePerson(
  services: Pick<IdentityServices, "store" | "now">,
  email: string,
  language: "da" | "en",
  displayName = email.split("@")[0] ?? email,
): Promise<Person & { email: string }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const existingId = await services.store.findPersonId(email);
    const existing = existingId ? await services.store.getPerson(existingId) : undefined;
    if (existing) return { ...existing, email };
    const person: Person & { email: string } = {
      id: uuidv7(),
      email,
      display_name: displayName,
      language,
      grants: [{ role: "citizen" }],
      created_at: services.now().toISOString(),
    };
    // Two first sign-ins at once: one creates, the other reads what it created.
    if (await services.store.createPerson(person)) return person;
  }
  // No address in the message: errors are logged, and logs hold no email.
  throw new Error("could not create or find the person for this email address");
}

/**
 * Checked against when the email has no account or no password, so that every wrong answer
 * costs the same reads and the same scrypt work: the time taken says nothing about who has a
 * password. (A hash of a random password nobody knows, made once for this purpose.)
 */
const NO_PASSWORD = "scrypt$qomjOSjAtKRRFgU601FR1g$KqnScjoFU5YsH4jnKZe4D8ghSMp-4mQKbIjshFeAcwqAgYZF-xmzaA92IOjpRqmPM4nwU-iJgQ2yxxS5E_pPew";
const NOBODY = "00000000-0000-0000-0000-000000000000";

export async function signInWithPassword(
  services: IdentityServices,
  input: v.InferOutput<typeof PasswordSignIn>,
  clientAddress: string,
): Promise<{ person: Person; token: string }> {
  await limitSignIn(services, "password", input.email, clientAddress);
  const account = await services.store.getAccount((await services.store.findPersonId(input.email)) ?? NOBODY);
  const matches = await verifyPassword(input.password, account?.passwordHash ?? NO_PASSWORD);
  // A password only ever stands in for staff and admins; losing the role ends its use.
  if (!account?.passwordHash || !matches || !account.person.grants.some((grant) => PASSWORD_ROLES.includes(grant.role))) {
    throw new InvalidInputError([{ field: "password", message: "password_wrong" }]);
  }
  return signedIn(services, { ...account.person, email: input.email }, clientAddress);
}
