import { randomInt } from "node:crypto";
import * as v from "valibot";
import { v7 as uuidv7 } from "uuid";
import { ForbiddenError, InvalidInputError, NotFoundError } from "../shared/errors.ts";
import { countFailure, limit, refuseIfReached } from "../shared/rate-limit.ts";
import { newToken, sha256 } from "../shared/secrets.ts";
import { CARD_CODE_LENGTH, CARD_CODE_LETTERS, normaliseCardCode } from "./card-rules.ts";
import { auditOnBehalf, lookedAfter } from "./looked-after.ts";
import type { Actor, Person } from "./person.ts";
import type { IdentityServices } from "./services.ts";
import { startSession } from "./sessions.ts";
import { cardLimitRules, wrongCodeRules } from "./sign-in.ts";

/**
 * Sign-in cards for people staff look after: a printed card with a QR code (a link carrying a
 * long random token) and a short typed code. Either signs the person in on that device, with a
 * session that may do less than a code sign-in. One card works at a time; printing a new one or
 * "lost card" stops the old one and its sessions at once. Why it is safe enough, and what limits
 * the harm when someone else picks the card up: docs/sign-in-cards.md.
 */

/** Only the hashes are stored; the typed code and the token are shown once, to print. */
const keyHash = (kind: "code" | "token", secret: string) => sha256(`card-${kind}:${secret}`);

const newCardCode = () => Array.from({ length: CARD_CODE_LENGTH }, () => CARD_CODE_LETTERS[randomInt(CARD_CODE_LETTERS.length)]).join("");

export type PrintedCard = { person_id: string; display_name: string; code: string; token: string; issued_at: string };

/** Prints a new card: the one before it, if any, stops working, and so do the sessions it started. */
export async function issueCard(services: IdentityServices, actor: Actor, centre: string, personId: string): Promise<PrintedCard> {
  const person = await lookedAfter(services, centre, personId);
  const previous = await services.store.currentCardId(person.id);
  const cardId = uuidv7();
  const code = newCardCode();
  const token = newToken();
  const line = auditOnBehalf(services, actor, previous ? "identity.card.reprint" : "identity.card.issue", person.id, { card: cardId });
  if (!(await services.store.issueCard(person.id, cardId, [keyHash("code", code), keyHash("token", token)], line))) throw new ForbiddenError("person_being_erased");
  if (previous) await endCardSessions(services, person.id, previous);
  return { person_id: person.id, display_name: person.display_name, code, token, issued_at: services.now().toISOString() };
}

/** A lost card, one click: no card works for the person until staff print a new one. */
export async function revokeCard(services: IdentityServices, actor: Actor, centre: string, personId: string): Promise<void> {
  const person = await lookedAfter(services, centre, personId);
  const current = await services.store.currentCardId(person.id);
  if (!current) throw new NotFoundError("card_none");
  const line = auditOnBehalf(services, actor, "identity.card.revoke", person.id, { card: current });
  if (await services.store.revokeCard(person.id, line)) await endCardSessions(services, person.id, current);
}

async function endCardSessions(services: IdentityServices, personId: string, cardId: string) {
  for (const session of await services.store.sessionsOf(personId)) {
    if (session.card_id === cardId) await services.store.deleteSession(session.hash);
  }
}

export const CardSignIn = v.union(
  [
    v.object({ code: v.pipe(v.string("card_code_invalid"), v.maxLength(40, "card_code_invalid")) }),
    v.object({ token: v.pipe(v.string("card_code_invalid"), v.regex(/^[A-Za-z0-9_-]{43}$/, "card_code_invalid")) }),
  ],
  "card_code_invalid",
);

const cardProblem = (message: "card_code_invalid" | "card_code_wrong") => new InvalidInputError([{ field: "code", message }]);

/**
 * Signs in with a card. A typed code is limited like a sign-in code (the same per-address
 * counters, sign-in.ts), plus a cap on wrong typed codes for the whole platform, since a
 * wrong code names no card to count against; the QR token cannot be guessed.
 * A card that no longer works says only that (`card_revoked`): not whose it was, nor why.
 */
export async function signInWithCard(services: IdentityServices, input: v.InferOutput<typeof CardSignIn>, clientAddress: string): Promise<{ person: Person; token: string }> {
  const now = services.now();
  await limit(services.store.hit, now, cardLimitRules.client, clientAddress);
  let hash: string;
  if ("code" in input) {
    const code = normaliseCardCode(input.code);
    if (!code) throw cardProblem("card_code_invalid");
    await refuseIfReached(services.store.peek, now, wrongCodeRules.client, clientAddress);
    await refuseIfReached(services.store.peek, now, cardLimitRules.wrongEverywhere, "all");
    hash = keyHash("code", code);
  } else {
    hash = keyHash("token", input.token);
  }
  const card = await services.store.findCard(hash);
  if (!card) {
    if ("code" in input) {
      await countFailure(services.store.hit, now, wrongCodeRules.client, clientAddress);
      await countFailure(services.store.hit, now, cardLimitRules.wrongEverywhere, "all");
    }
    throw cardProblem("card_code_wrong");
  }
  const person = await services.store.getPerson(card.person_id);
  if (!person || (await services.store.currentCardId(person.id)) !== card.card_id) throw new ForbiddenError("card_revoked");
  return { person, token: await startSession(services, person, { card_id: card.card_id }) };
}

