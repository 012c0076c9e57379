import { ForbiddenError } from "../shared/errors.ts";
import { newToken, sha256 } from "../shared/secrets.ts";
import { cardGrants } from "./card-rules.ts";
import type { Actor, Person } from "./person.ts";
import { epochSeconds, type IdentityServices } from "./services.ts";
import type { IdentityStore } from "./store.ts";

/**
 * Sessions: an opaque random token in the person's cookie, stored only as its SHA-256.
 * Idle sessions end after 14 days; use pushes the end forward (at most one write a day), but
 * never past 90 days from sign-in: a stolen cookie in steady use does not live for ever.
 */

export const SESSION_IDLE_SECONDS = 14 * 24 * 3600;
export const SESSION_MAX_SECONDS = 90 * 24 * 3600;
const EXTEND_AFTER_SECONDS = 24 * 3600;

/** A session started with a sign-in card: which card, and only the roles a card may carry (cards.ts). */
export type CardSessionStart = { card_id: string };

export async function startSession(services: Pick<IdentityServices, "store" | "now">, person: Person, card?: CardSessionStart): Promise<string> {
  // Every way in ends here: while the person is being erased (identity/personal-data.ts), none of them works.
  if (await services.store.erasure(person.id)) throw new ForbiddenError("person_being_erased");
  const token = newToken();
  const now = services.now();
  await services.store.putSession({
    hash: sha256(token),
    person_id: person.id,
    display_name: person.display_name,
    language: person.language,
    grants: card ? cardGrants(person.grants) : person.grants,
    created_at: now.toISOString(),
    expires_at: epochSeconds(now) + SESSION_IDLE_SECONDS,
    ...(card ? { via: "card" as const, card_id: card.card_id } : {}),
  });
  return token;
}

export type SessionCheck = { actor: Actor; token: string } | { actor: null; expired: boolean };

/** The session check every module runs: who is this cookie? Reads only the session item. */
export async function checkSession(store: IdentityStore, token: string | undefined, now: Date): Promise<SessionCheck> {
  if (!token) return { actor: null, expired: false };
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { actor: null, expired: true };
  const hash = sha256(token);
  const session = await store.getSession(hash);
  const nowSeconds = epochSeconds(now);
  if (!session) return { actor: null, expired: true };
  const lastMoment = epochSeconds(new Date(session.created_at)) + SESSION_MAX_SECONDS;
  if (Math.min(session.expires_at, lastMoment) <= nowSeconds) return { actor: null, expired: true };
  const extended = Math.min(nowSeconds + SESSION_IDLE_SECONDS, lastMoment);
  if (extended - session.expires_at > EXTEND_AFTER_SECONDS) await store.extendSession(hash, extended);
  return {
    actor: {
      person_id: session.person_id,
      display_name: session.display_name,
      language: session.language,
      grants: session.grants,
      ...(session.via === "card" ? { via: "card" as const } : {}),
    },
    token,
  };
}

export async function endSession(store: IdentityStore, token: string): Promise<void> {
  await store.deleteSession(sha256(token));
}

export async function endAllSessions(store: IdentityStore, personId: string): Promise<number> {
  return store.deleteSessionsOf(personId);
}
