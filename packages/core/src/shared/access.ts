import { hasRole, type Actor, type Role } from "../identity/person.ts";

/**
 * Who may call a route, as data. Every route states one rule; the HTTP layer checks it
 * before the handler runs, and a test walks every registered route with every role.
 *
 * - public: anyone, signed in or not
 * - signed_in: any signed-in person
 * - role: a person holding one of the roles; with `centreParam`, the grant must be for the
 *   centre named by that path parameter. Admins pass every role rule.
 * - owner: any signed-in person; the use case then checks the resource is theirs (403 if not)
 */
export type AccessRule =
  | { kind: "public" }
  | { kind: "signed_in" }
  | { kind: "role"; roles: readonly Role[]; centreParam?: string }
  | { kind: "owner" };

export const access = {
  public: { kind: "public" } as AccessRule,
  signedIn: { kind: "signed_in" } as AccessRule,
  owner: { kind: "owner" } as AccessRule,
  role: (...roles: Role[]): AccessRule => ({ kind: "role", roles }),
  roleForCentre: (centreParam: string, ...roles: Role[]): AccessRule => ({ kind: "role", roles, centreParam }),
};

export type AccessDecision = "allow" | "unauthenticated" | "forbidden";

export function decide(rule: AccessRule, actor: Actor | null, params: Record<string, string | undefined> = {}): AccessDecision {
  if (rule.kind === "public") return "allow";
  if (!actor) return "unauthenticated";
  if (rule.kind !== "role" || hasRole(actor, "admin")) return "allow";
  const centre = rule.centreParam === undefined ? undefined : (params[rule.centreParam] ?? "");
  return rule.roles.some((role) => hasRole(actor, role, centre)) ? "allow" : "forbidden";
}
