import { ForbiddenError } from "../shared/errors.ts";
import type { Actor } from "./person.ts";
import type { Grant, Role } from "./roles.ts";

/**
 * The rules of a sign-in card that the API and the printed card both need; free of valibot and
 * node:crypto, so the site imports them too. Threat model and limits: docs/sign-in-cards.md.
 */

/** Letters and digits nobody mixes up when reading them off a card: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V. */
export const CARD_CODE_LETTERS = "ACDEFGHJKMNPQRTWXY34679";
/** 23^9 ≈ 1.8 × 10^12 codes, in three groups of three ("ACD-EFG-HJK"). */
export const CARD_CODE_LENGTH = 9;

/** The code as typed: any case, spaces and dashes anywhere; undefined when it cannot be a card code. */
export function normaliseCardCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, "");
  return code.length === CARD_CODE_LENGTH && [...code].every((letter) => CARD_CODE_LETTERS.includes(letter)) ? code : undefined;
}

/** How the code is printed: three groups of three. */
export const printedCardCode = (code: string) => code.match(/.{1,3}/g)?.join("-") ?? code;

/** Roles a card session may carry: never staff or admin, whoever the card was printed for. */
const CARD_ROLES: readonly Role[] = ["citizen", "council_member", "mentor"];

export const cardGrants = (grants: readonly Grant[]): Grant[] => grants.filter((grant) => CARD_ROLES.includes(grant.role));

/** What a card session may not do: change who the person is or how to reach them, or export and erase their data (staff do that with them). */
export function refuseCardSession(actor: Actor): void {
  if (actor.via === "card") throw new ForbiddenError("card_not_allowed");
}
