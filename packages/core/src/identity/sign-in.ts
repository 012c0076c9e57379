import * as v from "valibot";
import { v7 as uuidv7 } from "uuid";
import { InvalidInputError } from "../shared/errors.ts";
import { limit, type LimitRule } from "../shared/rate-limit.ts";
import { newCode, newToken, sameHash, sha256, verifyPassword } from "../shared/secrets.ts";
import { signInMail } from "./mails.ts";
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
/** Codes asked for, per email and per client address, in a 15-minute window. */
export const SIGN_IN_LIMITS = { email: 5, client: 30, windowSeconds: 15 * 60 } as const;

export const SignInRequest = v.object({ email: Email, language: v.optional(PreferredLanguage, "da") });

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

const signInRule = (scope: "email" | "client", max: number): LimitRule => ({
  scope,
  max,
  windowSeconds: SIGN_IN_LIMITS.windowSeconds,
  reason: "sign_in_too_many",
});

async function limitSignIn(services: IdentityServices, email: string, clientAddress: string) {
  await limit(services.store.hit, services.now(), signInRule("email", SIGN_IN_LIMITS.email), email);
  await limit(services.store.hit, services.now(), signInRule("client", SIGN_IN_LIMITS.client), clientAddress);
}

export async function requestSignIn(
  services: IdentityServices,
  input: v.InferOutput<typeof SignInRequest>,
  request: { clientAddress: string; siteOrigin: string },
): Promise<{ challenge_id: string }> {
  await limitSignIn(services, input.email, request.clientAddress);

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
  const link = `${request.siteOrigin}/logind/link?c=${id}&t=${token}`;
  await services.mailer.send(signInMail(language, input.email, code, link));
  // The same answer whether or not the email is known, so nobody can probe who is a member.
  return { challenge_id: id };
}

const codeProblem = (message: "code_wrong" | "code_expired" | "code_used" | "code_too_many_tries" | "challenge_invalid") =>
  new InvalidInputError([{ field: "code", message }]);

export async function verifySignIn(
  services: IdentityServices,
  input: v.InferOutput<typeof SignInVerify>,
): Promise<{ person: Person; token: string }> {
  const challenge = await services.store.getChallenge(input.challenge_id);
  const now = epochSeconds(services.now());
  if (!challenge) throw codeProblem("challenge_invalid");
  if (challenge.used) throw codeProblem("code_used");
  if (challenge.expires_at <= now) throw codeProblem("code_expired");
  if (!(await services.store.countTry(challenge.id, MAX_TRIES, now))) throw codeProblem("code_too_many_tries");

  const matches = input.token
    ? sameHash(sha256(input.token), challenge.token_hash)
    : sameHash(sha256(`${challenge.id}:${input.code}`), challenge.code_hash);
  if (!matches) throw codeProblem(challenge.tries + 1 >= MAX_TRIES ? "code_too_many_tries" : "code_wrong");
  if (!(await services.store.useChallenge(challenge.id))) throw codeProblem("code_used");

  const person = await findOrCreatePerson(services, challenge.email, challenge.language);
  return { person, token: await startSession(services, person) };
}

/** The person with this email; a new citizen the first time they sign in. */
export async function findOrCreatePerson(
  services: Pick<IdentityServices, "store" | "now">,
  email: string,
  language: "da" | "en",
  displayName = email.split("@")[0] ?? email,
): Promise<Person> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const existingId = await services.store.findPersonId(email);
    const existing = existingId ? await services.store.getPerson(existingId) : undefined;
    if (existing) return existing;
    const person: Person = {
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

export async function signInWithPassword(
  services: IdentityServices,
  input: v.InferOutput<typeof PasswordSignIn>,
  clientAddress: string,
): Promise<{ person: Person; token: string }> {
  await limitSignIn(services, input.email, clientAddress);
  const wrong = new InvalidInputError([{ field: "password", message: "password_wrong" }]);
  const personId = await services.store.findPersonId(input.email);
  const hash = personId ? await services.store.getPasswordHash(personId) : undefined;
  if (!personId || !hash || !(await verifyPassword(input.password, hash))) throw wrong;
  const person = await services.store.getPerson(personId);
  // A password only ever stands in for staff and admins; losing the role ends its use.
  if (!person || !person.grants.some((grant) => PASSWORD_ROLES.includes(grant.role))) throw wrong;
  return { person, token: await startSession(services, person) };
}
